package cn.liangxin.opinions.opinion;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default keeps what it acknowledged: the packaged application, started as
 * {@code ./mvnw spring-boot:run} starts it (H2 file database under {@code ./data}, demo
 * data), is killed hard ({@code SIGKILL}) while four clients register opinions; after a
 * restart every opinion answered 201 is in the register with its number, and the numbers
 * have no gap and are not given twice.
 */
class DurableIntakeIT {

	static final ObjectMapper JSON = new ObjectMapper();

	static final int CLIENTS = 4;

	static final int ACKNOWLEDGED_BEFORE_THE_KILL = 60;

	final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void opinionsAnswered201SurviveAKillAndNumbersAreNeitherSkippedNorReused() throws Exception {
		Path directory = Path.of("target", "durable-intake");
		FileSystemUtils.deleteRecursively(directory);
		Files.createDirectories(directory);
		int port = freePort();

		Process first = start(directory, port, "first");
		Map<String, String> acknowledged = new ConcurrentHashMap<>();
		try {
			awaitReady(port, first);
			registerUntilKilled(port, first, acknowledged);
		}
		finally {
			first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_THE_KILL);

		Process second = start(directory, port, "second");
		try {
			awaitReady(port, second);
			for (Map.Entry<String, String> opinion : acknowledged.entrySet()) {
				HttpResponse<String> entry = get(port, "/api/opinions/" + opinion.getKey());
				assertThat(entry.statusCode()).as("acknowledged %s", opinion.getKey()).isEqualTo(200);
				assertThat(JSON.readTree(entry.body()).path("reporterName").asText()).isEqualTo(opinion.getValue());
			}
			for (int i = 0; i < 5; i++) {
				assertThat(register(port, "重启后" + i).statusCode()).isEqualTo(201);
			}
			List<Integer> numbers = numbersOfOrg1ThisYear(port);
			assertThat(new TreeSet<>(numbers)).as("no number given twice").hasSameSizeAs(numbers);
			assertThat(numbers).as("no gap").containsExactlyInAnyOrderElementsOf(range(1, numbers.size()));
		}
		finally {
			second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * Four clients register opinions; once enough are acknowledged the application is
	 * killed while they go on.
	 */
	private void registerUntilKilled(int port, Process application, Map<String, String> acknowledged) throws Exception {
		AtomicBoolean killed = new AtomicBoolean();
		AtomicInteger counter = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		for (int c = 0; c < CLIENTS; c++) {
			clients.submit(() -> {
				while (!killed.get()) {
					String reporter = "崩溃测试" + counter.incrementAndGet();
					try {
						HttpResponse<String> response = register(port, reporter);
						if (response.statusCode() == 201) {
							acknowledged.put(JSON.readTree(response.body()).path("caseNo").asText(), reporter);
						}
					}
					catch (IOException ex) {
						// the application is gone: nothing was acknowledged
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return null;
					}
				}
				return null;
			});
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (acknowledged.size() < ACKNOWLEDGED_BEFORE_THE_KILL && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		application.destroyForcibly();
		application.waitFor(30, TimeUnit.SECONDS);
		killed.set(true);
		clients.shutdown();
		assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
	}

	private List<Integer> numbersOfOrg1ThisYear(int port) throws Exception {
		String prefix = "org1-" + LocalDate.now(WorkingDayCalendar.ZONE).getYear() + "-";
		List<Integer> numbers = new ArrayList<>();
		JsonNode page;
		int index = 0;
		do {
			HttpResponse<String> list = get(port, "/api/opinions?orgCode=org1&size=200&page=" + index++);
			assertThat(list.statusCode()).isEqualTo(200);
			page = JSON.readTree(list.body());
			for (JsonNode entry : page.path("content")) {
				String caseNo = entry.path("caseNo").asText();
				if (caseNo.startsWith(prefix)) {
					numbers.add(Integer.parseInt(caseNo.substring(prefix.length())));
				}
			}
		}
		while (index < page.path("totalPages").asInt());
		return numbers;
	}

	private static List<Integer> range(int from, int to) {
		List<Integer> values = new ArrayList<>();
		for (int i = from; i <= to; i++) {
			values.add(i);
		}
		return values;
	}

	/**
	 * The packaged application as the README's first command runs it: default profile.
	 */
	private static Process start(Path directory, int port, String name) throws IOException {
		File jar = packagedJar();
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx768m", "-Duser.timezone=UTC", "-jar", jar.getAbsolutePath(), "--server.port=" + port,
				"--spring.mail.port=" + freePort(), "--logging.level.root=WARN",
				// a short demo history: the start, not the replay, is what this test
				// needs
				"--opinion.demo.history-cases=24")
			.directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve(name + ".log").toFile());
		return builder.start();
	}

	private static File packagedJar() {
		File[] jars = new File("target")
			.listFiles((dir, file) -> file.startsWith("opinion-handling-") && file.endsWith(".jar"));
		assertThat(jars).as("the packaged application (./mvnw verify packages it before the integration tests)")
			.isNotEmpty();
		return jars[0];
	}

	private void awaitReady(int port, Process application) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
		while (System.nanoTime() < deadline) {
			assertThat(application.isAlive()).as("the application runs").isTrue();
			try {
				if (get(port, "/actuator/health/readiness").statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new AssertionError("The application was not ready within 240 s");
	}

	private HttpResponse<String> register(int port, String reporter) throws IOException, InterruptedException {
		String body = JSON.writeValueAsString(Map.of("orgCode", "org1", "reporterName", reporter, "reportedOn",
				LocalDate.now(WorkingDayCalendar.ZONE).toString(), "channel", "VISIT", "kind", "DIFFICULTY", "summary",
				"断电测试：登记后立即终止进程"));
		return this.client.send(request(port, "/api/opinions").header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return this.client.send(request(port, path).GET().build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("sec1:demo".getBytes(StandardCharsets.UTF_8)));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
