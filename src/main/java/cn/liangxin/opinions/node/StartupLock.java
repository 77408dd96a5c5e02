package cn.liangxin.opinions.node;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * One node starts at a time. On PostgreSQL a node takes a session advisory lock before
 * the migrations and the engine touch the database and gives it back when it is ready
 * (after every start-up step: deployment, authorizations, filters, the first
 * administrator, demo data, catch-ups) or when its start fails; a node that dies
 * meanwhile loses its connection and with it the lock. So two nodes started together on a
 * fresh database do not both create the engine's tables, grants or filters; the second
 * finds them made. On H2 (one node by definition) it does nothing.
 */
public class StartupLock implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	/** The advisory lock's key: "opinions" in ASCII. */
	static final long KEY = 0x6f70696e696f6e73L;

	private static final long POLL_MILLIS = 500;

	private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

	private Connection held;

	public StartupLock(DataSource dataSource) throws SQLException {
		Connection connection = dataSource.getConnection();
		if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
			connection.close();
			return;
		}
		long began = System.nanoTime();
		try (Statement statement = connection.createStatement()) {
			if (!tryLock(statement)) {
				log.info("Another node is starting on this database; waiting for it to be ready");
				// asks again and again instead of waiting in pg_advisory_lock: a waiting
				// statement is an open transaction, which the other node's CREATE INDEX
				// CONCURRENTLY would wait for in turn
				while (!tryLock(statement)) {
					sleep();
				}
				log.info("Start-up lock taken after {} ms", (System.nanoTime() - began) / 1_000_000);
			}
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
		this.held = connection;
	}

	private static void sleep() {
		try {
			Thread.sleep(POLL_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for another node's start-up", ex);
		}
	}

	private static boolean tryLock(Statement statement) throws SQLException {
		try (var result = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
			return result.next() && result.getBoolean(1);
		}
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		release();
	}

	@Override
	public void destroy() {
		release();
	}

	private synchronized void release() {
		if (this.held == null) {
			return;
		}
		try (Connection connection = this.held; Statement statement = connection.createStatement()) {
			statement.execute("select pg_advisory_unlock(" + KEY + ")");
		}
		catch (SQLException ex) {
			log.warn("Could not give back the start-up lock: {}", ex.getMessage());
		}
		finally {
			this.held = null;
		}
	}

}
