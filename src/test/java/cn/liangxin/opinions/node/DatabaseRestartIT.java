package cn.liangxin.opinions.node;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.liangxin.opinions.support.NodeClient;
import cn.liangxin.opinions.support.PackagedNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL restarted under load: a packaged node (child JVM, profile {@code postgres})
 * on a PostgreSQL of its own, four clients registering cases and listing tasks; the
 * database stops for three seconds and comes back on the same data. Every answer is a
 * success or a clean refusal (503 with {@code Retry-After}), never a 500; the node serves
 * again without a restart; every case acknowledged with 201 is in the register.
 */
class DatabaseRestartIT {

	static final String ADMIN = "restartadmin";

	static final String PASSWORD = "Restart-Admin-2026";

	static final ObjectMapper JSON = NodeClient.JSON;

	final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	record Answer(String what, int status, String body, long at) {
	}

	@Test
	void everyRequestSucceedsOrIsRefusedCleanlyAndTheNodeRecovers() throws Exception {
		Path data = Path.of("target", "database-restart", "data");
		FileSystemUtils.deleteRecursively(data);
		Files.createDirectories(data.getParent());
		int dbPort = PackagedNode.freePort();
		EmbeddedPostgres postgres = database(data.toFile(), dbPort);
		try (var connection = postgres.getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("create database restart");
		}
		PackagedNode node = PackagedNode.start(data.getParent(), "node", postgres.getJdbcUrl("postgres", "restart"),
				ADMIN, PASSWORD);
		int port = node.port();
		List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService clients = Executors.newFixedThreadPool(4);
		try {
			node.awaitReady(this.client);
			call(port, "POST", "/api/committees", "{\"code\":\"cmt1\",\"name\":\"八桥镇党委\"}");
			call(port, "POST", "/api/orgs", "{\"code\":\"org1\",\"name\":\"重庆渝发机械制造有限公司\","
					+ "\"creditCode\":\"91500104MA5U7XKJ3Q\",\"employeeCount\":260,\"committeeCode\":\"cmt1\"}");
			for (int i = 0; i < 4; i++) {
				boolean registers = i % 2 == 0;
				clients.submit(() -> {
					while (running.get()) {
						answers.add(registers ? register(port) : tasks(port));
					}
					return null;
				});
			}
			Thread.sleep(3000);
			postgres.close();
			Thread.sleep(3000);
			postgres = database(data.toFile(), dbPort);
			long backAt = System.nanoTime();
			// the node serves again without a restart
			long deadline = backAt + TimeUnit.SECONDS.toNanos(60);
			while (System.nanoTime() < deadline && !recovered(answers, backAt)) {
				Thread.sleep(500);
			}
			Thread.sleep(2000);
			running.set(false);
			clients.shutdown();
			assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

			List<Answer> errors = answers.stream()
				.filter((a) -> a.status() == 0 || (a.status() >= 500 && a.status() != 503))
				.toList();
			assertThat(errors).as("answers other than success or 503 (0: no answer within 60 s)").isEmpty();
			assertThat(answers.stream().filter((a) -> a.status() == 503).toList())
				.as("a refusal says in Chinese to try again later")
				.allSatisfy((a) -> assertThat(a.body()).contains("稍后"));

			assertThat(recovered(answers, backAt)).as("requests succeed again after the restart").isTrue();
			for (Answer created : answers.stream().filter((a) -> a.status() == 201).toList()) {
				String caseNo = JSON.readTree(created.body()).path("caseNo").asText();
				assertThat(call(port, "GET", "/api/opinions/" + caseNo, null).path("caseNo").asText())
					.as("acknowledged case %s is in the register", caseNo)
					.isEqualTo(caseNo);
			}
		}
		finally {
			running.set(false);
			clients.shutdownNow();
			node.kill();
			postgres.close();
		}
	}

	/** The last ten answers after the database came back all succeeded. */
	private static boolean recovered(List<Answer> answers, long backAt) {
		List<Answer> after;
		synchronized (answers) {
			after = answers.stream().filter((a) -> a.at() > backAt).toList();
		}
		return after.size() >= 10
				&& after.subList(after.size() - 10, after.size()).stream().allMatch((a) -> a.status() < 300);
	}

	private static EmbeddedPostgres database(File directory, int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setPort(port)
			.start();
	}

	private Answer register(int port) {
		String body = "{\"orgCode\":\"org1\",\"reporterName\":\"周小平\",\"reportedOn\":\"" + LocalDate.now()
				+ "\",\"channel\":\"VISIT\",\"kind\":\"DIFFICULTY\",\"summary\":\"数据库重启时登记\"}";
		return send(port, "register", "POST", "/api/opinions", body);
	}

	private Answer tasks(int port) {
		return send(port, "tasks", "GET", "/engine-rest/task?maxResults=5", null);
	}

	private Answer send(int port, String what, String method, String path, String body) {
		try {
			HttpResponse<String> response = this.client.send(request(port, method, path, body),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(what + " " + path, response.statusCode(), response.body(), System.nanoTime());
		}
		catch (IOException ex) {
			return new Answer(what + " " + path, 0, ex.toString(), System.nanoTime());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(what, 0, "interrupted", System.nanoTime());
		}
	}

	private JsonNode call(int port, String method, String path, String body) throws Exception {
		return admin(port).call(method, path, body);
	}

	private HttpRequest request(int port, String method, String path, String body) {
		return admin(port).request(method, path, body);
	}

	private NodeClient admin(int port) {
		return new NodeClient(this.client, port, ADMIN, PASSWORD);
	}

}
