package cn.liangxin.opinions.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node of the packaged application in a child JVM, as an operator runs it in
 * production: profile {@code postgres}, configured by the environment only, its output in
 * {@code <directory>/<name>.log}. {@code ./mvnw verify} packages the jar before the
 * integration tests.
 */
public final class PackagedNode {

	private final Process process;

	private final String name;

	private final int port;

	private PackagedNode(Process process, String name, int port) {
		this.process = process;
		this.name = name;
		this.port = port;
	}

	/**
	 * Starts a node on the database at {@code jdbcUrl} (role {@code postgres}) with this
	 * first administrator; mail goes to a port where nothing listens.
	 */
	public static PackagedNode start(Path directory, String name, String jdbcUrl, String admin, String password,
			String... arguments) throws IOException {
		File[] jars = new File("target")
			.listFiles((dir, file) -> file.startsWith("opinion-handling-") && file.endsWith(".jar"));
		assertThat(jars).as("the packaged application (./mvnw verify packages it before the integration tests)")
			.isNotEmpty();
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
						jars[0].getAbsolutePath(), "--server.port=" + port));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve(name + ".log").toFile());
		builder.environment().keySet().removeIf((key) -> key.startsWith("OPINION_") || key.startsWith("SPRING_"));
		builder.environment().put("SPRING_PROFILES_ACTIVE", "postgres");
		builder.environment().put("OPINION_DB_URL", jdbcUrl);
		builder.environment().put("OPINION_DB_USER", "postgres");
		builder.environment().put("OPINION_DB_PASSWORD", "postgres");
		builder.environment().put("OPINION_ADMIN_USERNAME", admin);
		builder.environment().put("OPINION_ADMIN_PASSWORD", password);
		builder.environment().put("OPINION_SMTP_PORT", String.valueOf(freePort()));
		return new PackagedNode(builder.start(), name, port);
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Waits until the readiness probe answers 200 (at most 180 s). */
	public void awaitReady(HttpClient client) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			assertThat(this.process.isAlive()).as("%s runs (see its log)", this.name).isTrue();
			try {
				if (client
					.send(HttpRequest
						.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health/readiness"))
						.timeout(Duration.ofSeconds(10))
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new AssertionError(this.name + " was not ready within 180 s");
	}

	/**
	 * Freezes the node (SIGSTOP): it holds its connections and does nothing, like a
	 * machine that stalls.
	 */
	public void pause() throws IOException, InterruptedException {
		signal("STOP");
	}

	/** Lets a frozen node go on (SIGCONT). */
	public void resume() throws IOException, InterruptedException {
		signal("CONT");
	}

	private void signal(String signal) throws IOException, InterruptedException {
		signal(this.process.pid(), signal);
	}

	/** Sends the signal ({@code STOP}, {@code CONT}) to the process. */
	public static void signal(long pid, String signal) throws IOException, InterruptedException {
		int exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
		assertThat(exit).as("kill -%s %d", signal, pid).isZero();
	}

	/** Kills the node hard (SIGKILL) and waits for it to be gone. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
