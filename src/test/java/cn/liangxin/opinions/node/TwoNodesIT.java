package cn.liangxin.opinions.node;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.liangxin.opinions.support.EmbeddedPostgres;
import cn.liangxin.opinions.support.PackagedNode;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of the packaged application (child JVMs, profile {@code postgres}) on one
 * fresh PostgreSQL database, started together with the collision forced: the test holds
 * the start-up lock while both start, waits until both wait for it, and lets go. Both
 * become ready; the engine's tables, the deployment, the global grants, the Tasklist
 * filters and the first administrator exist once; a user logged in to Tasklist on one
 * node is served by the other with the same session cookie.
 */
class TwoNodesIT {

	static final String DATABASE = "two_nodes";

	static final String ADMIN = "nodeadmin";

	static final String WAITING = "Another node is starting on this database; waiting for it to be ready";

	static final String ADMIN_PASSWORD = "Node-Admin-2026";

	final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void twoNodesStartTogetherOnAFreshDatabaseAndShareTheSessions() throws Exception {
		var postgres = EmbeddedPostgres.server();
		EmbeddedPostgres.createDatabase(DATABASE);
		String url = postgres.getJdbcUrl("postgres", DATABASE);
		Path directory = Files.createDirectories(Path.of("target", "two-nodes"));
		PackagedNode a = null;
		PackagedNode b = null;
		try (Connection lock = postgres.getDatabase("postgres", DATABASE).getConnection();
				Statement statement = lock.createStatement()) {
			statement.execute("select pg_advisory_lock(" + StartupLock.KEY + ")");
			a = PackagedNode.start(directory, "node-a", url, ADMIN, ADMIN_PASSWORD,
					"--logging.level.cn.liangxin.opinions.node=INFO");
			b = PackagedNode.start(directory, "node-b", url, ADMIN, ADMIN_PASSWORD,
					"--logging.level.cn.liangxin.opinions.node=INFO");
			int portA = a.port();
			int portB = b.port();
			JdbcTemplate jdbc = new JdbcTemplate(
					new SingleConnectionDataSource(postgres.getDatabase("postgres", DATABASE).getConnection(), true));
			awaitWaiting(directory, a, b);
			statement.execute("select pg_advisory_unlock(" + StartupLock.KEY + ")");

			a.awaitReady(this.client);
			b.awaitReady(this.client);

			assertThat(jdbc.queryForObject("select count(*) from act_re_deployment", Integer.class)).isEqualTo(1);
			assertThat(jdbc.queryForObject("select count(*) from act_ru_filter", Integer.class)).isEqualTo(3);
			assertThat(jdbc.queryForObject(
					"select count(*) from act_ru_authorization where type_ = 0 and resource_type_ = 6 and resource_id_ = 'employee-opinion'",
					Integer.class))
				.isEqualTo(1);
			assertThat(jdbc.queryForObject("select count(*) from act_id_user", Integer.class)).isEqualTo(1);
			String logs = Files.readString(directory.resolve("node-a.log"))
					+ Files.readString(directory.resolve("node-b.log"));
			assertThat(logs).contains("Start-up lock taken after");

			// logged in to Tasklist on node A (as its login page does: the page's session
			// and CSRF token first), served by node B
			HttpResponse<String> page = this.client.send(request(portA, "/camunda/app/tasklist/default/").GET().build(),
					HttpResponse.BodyHandlers.ofString());
			String pageCookies = cookies(page);
			HttpResponse<String> login = this.client
				.send(request(portA, "/camunda/api/admin/auth/user/default/login/tasklist")
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Cookie", pageCookies)
					.header("X-XSRF-TOKEN", cookieValue(page, "XSRF-TOKEN"))
					.POST(HttpRequest.BodyPublishers.ofString("username=" + ADMIN + "&password="
							+ URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8)))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
			String cookie = "SESSION=" + cookieValue(login, "SESSION");
			HttpResponse<String> onB = this.client.send(
					request(portB, "/camunda/api/admin/auth/user/default").header("Cookie", cookie).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(onB.statusCode()).isEqualTo(200);
			assertThat(onB.body()).contains("\"userId\":\"" + ADMIN + "\"");
			HttpResponse<String> me = this.client.send(request(portB, "/api/me").header("Cookie", cookie).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(me.statusCode()).isEqualTo(200);
			assertThat(me.body()).contains(ADMIN);
			// and a Basic call on either node
			assertThat(this.client
				.send(request(portB, "/api/me").header("Authorization", basic()).GET().build(),
						HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(200);
		}
		finally {
			for (PackagedNode node : new PackagedNode[] { a, b }) {
				if (node != null) {
					node.kill();
				}
			}
		}
	}

	private static String cookieValue(HttpResponse<?> response, String name) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream()
			.filter((c) -> c.startsWith(name + "="))
			.map((c) -> c.substring(name.length() + 1, (c.indexOf(';') > 0) ? c.indexOf(';') : c.length()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " cookie in " + cookies));
	}

	private static String cookies(HttpResponse<?> response) {
		return String.join("; ",
				response.headers()
					.allValues("Set-Cookie")
					.stream()
					.map((c) -> c.substring(0, (c.indexOf(';') > 0) ? c.indexOf(';') : c.length()))
					.toList());
	}

	/**
	 * Waits until both nodes found the start-up lock taken (they say so in their logs).
	 */
	private static void awaitWaiting(Path directory, PackagedNode... nodes) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			for (PackagedNode node : nodes) {
				assertThat(node.isAlive()).as("the node runs (target/two-nodes/*.log)").isTrue();
			}
			if (waits(directory.resolve("node-a.log")) && waits(directory.resolve("node-b.log"))) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("The nodes did not wait for the start-up lock within 120 s");
	}

	private static boolean waits(Path log) throws IOException {
		return Files.exists(log) && Files.readString(log).contains(WAITING);
	}

	private static String basic() {
		return "Basic "
				+ Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
	}

}
