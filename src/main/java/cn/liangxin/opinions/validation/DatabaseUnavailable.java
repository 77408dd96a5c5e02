package cn.liangxin.opinions.validation;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A failure because the database is away (restarting, failing over, unreachable), not
 * because of the request: the caller gets 503 with {@code Retry-After} and may simply try
 * again, and the failure is logged as a warning, not as an error with a stack trace. The
 * pool gives up broken connections and finds the database again by itself once it is
 * back.
 */
public final class DatabaseUnavailable {

	/** Seconds a refused caller is asked to wait. */
	public static final int RETRY_AFTER_SECONDS = 5;

	public static final String MESSAGE = "数据库暂时不可用（可能正在重启或切换），请稍后重试；已提交的数据不会丢失";

	/** HikariCP's message for a connection it closed. */
	private static final String CLOSED = "Connection is closed";

	private DatabaseUnavailable() {
	}

	/** Hibernate's "Unable to rollback against JDBC Connection". */
	private static boolean isRollbackFailure(Throwable cause) {
		return cause.getClass().getName().equals("org.hibernate.TransactionException") && cause.getMessage() != null
				&& cause.getMessage().startsWith("Unable to rollback");
	}

	/** Whether the failure, or anything that caused it, says the database is away. */
	public static boolean is(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof ConnectException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				// connection exceptions; admin shutdown, crash shutdown, cannot connect
				// now
				return true;
			}
			if (cause instanceof SQLException && CLOSED.equals(cause.getMessage())) {
				// the pool's connection, closed under the transaction when the database
				// went
				return true;
			}
			if (cause instanceof TransactionSystemException || isRollbackFailure(cause)) {
				// a transaction that could not even be rolled back: its connection is
				// gone,
				// and nothing of it was committed
				return true;
			}
		}
		return false;
	}

}
