package cn.liangxin.opinions.validation;

import java.sql.SQLException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import org.springframework.dao.ConcurrencyFailureException;

/**
 * Someone else (a person, or a job such as a reminder) changed the same case at the same
 * moment, and the change could not be made after retrying: the caller may try again.
 * Answers 409 with the Chinese message.
 */
public class ConflictException extends RuntimeException {

	public static final String MESSAGE = "该案件正被他人或系统同时处理，请刷新后重试";

	public ConflictException(Throwable cause) {
		super(MESSAGE, cause);
	}

	public ConflictException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Whether a failure is a collision with concurrent work that a retry may resolve:
	 * optimistic locking (JPA, Hibernate, Spring), lock timeouts, deadlocks and
	 * serialization failures of the database.
	 */
	public static boolean isConflict(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof ConflictException || cause instanceof ConcurrencyFailureException
					|| cause instanceof OptimisticLockException || cause instanceof PessimisticLockException
					|| cause.getClass().getName().equals("org.hibernate.StaleObjectStateException")
					|| cause.getClass().getName().equals("org.hibernate.StaleStateException")) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"))) {
				return true;
			}
		}
		return false;
	}

}
