package cn.liangxin.opinions.validation;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.orm.jpa.JpaSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean "the database is away" (503, try again) — as PostgreSQL, HikariCP
 * and Hibernate report them when the database restarts under a request — and which are
 * the request's own.
 */
class DatabaseUnavailableTest {

	@Test
	void theDatabaseGoneAwayIsRecognizedHoweverDeepItIsWrapped() {
		assertThat(DatabaseUnavailable
			.is(new SQLException("An I/O error occurred while sending to the backend.", "08006"))).isTrue();
		assertThat(DatabaseUnavailable
			.is(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
		assertThat(DatabaseUnavailable.is(new IllegalStateException(new ConnectException("Connection refused"))))
			.isTrue();
		// what the intake answered 500 to before: the rollback on HikariCP's closed
		// connection
		JpaSystemException rollback = new JpaSystemException(
				new RuntimeException(new org.hibernate.TransactionException(
						"Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))));
		assertThat(DatabaseUnavailable.is(rollback)).isTrue();
	}

	@Test
	void theRequestsOwnFailuresAreNot() {
		assertThat(DatabaseUnavailable.is(new SQLException("duplicate key value violates unique constraint", "23505")))
			.isFalse();
		assertThat(DatabaseUnavailable.is(new SQLException("no state"))).isFalse();
		assertThat(DatabaseUnavailable.is(new IllegalArgumentException("bad"))).isFalse();
		assertThat(DatabaseUnavailable.is(null)).isFalse();
	}

}
