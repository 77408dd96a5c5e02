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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.support.EmbeddedPostgres;
import cn.liangxin.opinions.support.NodeClient;
import cn.liangxin.opinions.support.PackagedNode;
import cn.liangxin.opinions.support.SmtpRelay;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
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
 * <p>
 * Then the two work: cases registered on both at once are numbered without a gap or a
 * repeat; reminders fall due while node B is frozen (SIGSTOP), so node A takes their
 * jobs; node A's mails go through {@link SmtpRelay}, which holds the SMTP server's
 * acceptance of its first mail — the moment node A cannot know whether it was delivered —
 * and node A is killed there (SIGKILL) while it also takes cases. Node B goes on, takes
 * node A's jobs when their locks expire, and sends every other mail: the SMTP server
 * holds each message exactly once, the one of unknown delivery is marked so and not sent
 * again, and every case acknowledged with 201 is in the register.
 */
class TwoNodesIT {

	static final String DATABASE = "two_nodes";

	static final String ADMIN = "nodeadmin";

	static final String WAITING = "Another node is starting on this database; waiting for it to be ready";

	static final String ADMIN_PASSWORD = "Node-Admin-2026";

	/** How long a node's job locks last here (10 s; the default is 5 minutes). */
	static final int LOCK_MILLIS = 10_000;

	static final ObjectMapper JSON = NodeClient.JSON;

	final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void twoNodesStartTogetherOnAFreshDatabaseAndShareTheSessions() throws Exception {
		var postgres = EmbeddedPostgres.server();
		EmbeddedPostgres.createDatabase(DATABASE);
		String url = postgres.getJdbcUrl("postgres", DATABASE);
		Path directory = Files.createDirectories(Path.of("target", "two-nodes"));
		PackagedNode a = null;
		PackagedNode b = null;
		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		try (Connection lock = postgres.getDatabase("postgres", DATABASE).getConnection();
				Statement statement = lock.createStatement();
				SmtpRelay relay = SmtpRelay.to(smtp.getSmtp().getPort(), 1, SmtpRelay.Fault.HOLD)) {
			statement.execute("select pg_advisory_lock(" + StartupLock.KEY + ")");
			// node A works one job at a time, so that it dies with exactly one mail in
			// flight
			a = PackagedNode.start(directory, "node-a", url, ADMIN, ADMIN_PASSWORD, nodeArguments(relay.port(),
					"--camunda.bpm.job-execution.core-pool-size=1", "--camunda.bpm.job-execution.max-pool-size=1"));
			b = PackagedNode.start(directory, "node-b", url, ADMIN, ADMIN_PASSWORD,
					nodeArguments(smtp.getSmtp().getPort()));
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
			for (String scheduled : List.of("opinion-digest", "monthly-report-schedule")) {
				assertThat(jdbc.queryForObject("select count(*) from act_ru_job j join act_re_procdef d "
						+ "on j.process_def_id_ = d.id_ where d.key_ = ?", Integer.class, scheduled))
					.as("one start timer of %s", scheduled)
					.isEqualTo(1);
			}
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

			bothNodesWorkAndNodeAIsKilledWhileSending(a, b, jdbc, smtp, relay);
		}
		finally {
			for (PackagedNode node : new PackagedNode[] { a, b }) {
				if (node != null && node.isAlive()) {
					node.resume();
					node.kill();
				}
			}
			smtp.stop();
		}
	}

	private void bothNodesWorkAndNodeAIsKilledWhileSending(PackagedNode a, PackagedNode b, JdbcTemplate jdbc,
			GreenMail smtp, SmtpRelay relay) throws Exception {
		int portA = a.port();
		int portB = b.port();
		call(portA, ADMIN, ADMIN_PASSWORD, "POST", "/api/committees", "{\"code\":\"cmt1\",\"name\":\"八桥镇党委\"}");
		call(portA, ADMIN, ADMIN_PASSWORD, "POST", "/api/orgs",
				"{\"code\":\"org1\",\"name\":\"重庆渝发机械制造有限公司\",\"creditCode\":\"91500104MA5U7XKJ3Q\","
						+ "\"employeeCount\":260,\"committeeCode\":\"cmt1\","
						+ "\"departments\":[{\"code\":\"hr\",\"name\":\"人力资源部\"}]}");
		call(portB, ADMIN, ADMIN_PASSWORD, "POST", "/api/people",
				"{\"username\":\"sec1\",\"name\":\"李建华\",\"role\":\"BRANCH_SECRETARY\",\"orgCode\":\"org1\","
						+ "\"email\":\"sec1@example.cn\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
		for (String hr : List.of("hr1", "hr2")) {
			call(portB, ADMIN, ADMIN_PASSWORD, "POST", "/api/people",
					"{\"username\":\"" + hr + "\",\"name\":\"王芳\",\"role\":\"DEPARTMENT_STAFF\",\"orgCode\":\"org1\","
							+ "\"departmentCode\":\"hr\",\"email\":\"" + hr + "@example.cn\",\"password\":\""
							+ ADMIN_PASSWORD + "\"}");
		}

		// twelve cases registered on both nodes at once, numbered 1 to 12
		ExecutorService clients = Executors.newFixedThreadPool(4);
		List<Future<List<String>>> registered = new ArrayList<>();
		for (int client = 0; client < 4; client++) {
			int port = (client % 2 == 0) ? portA : portB;
			registered.add(clients.submit(() -> {
				List<String> caseNos = new ArrayList<>();
				for (int i = 0; i < 3; i++) {
					caseNos.add(register(port).path("caseNo").asText());
				}
				return caseNos;
			}));
		}
		List<String> caseNos = new ArrayList<>();
		for (Future<List<String>> done : registered) {
			caseNos.addAll(done.get(60, TimeUnit.SECONDS));
		}
		assertThat(serials(jdbc)).as("numbered without a gap or a repeat across the nodes")
			.isEqualTo(IntStream.rangeClosed(1, 12).boxed().toList());

		// each assigned to the HR department (alternating nodes): twelve deadline tasks
		for (int i = 0; i < caseNos.size(); i++) {
			String taskId = call((i % 2 == 0) ? portA : portB, "sec1", ADMIN_PASSWORD, "GET",
					"/engine-rest/task?taskDefinitionKey=branchAssess&processInstanceBusinessKey="
							+ URLEncoder.encode(caseNos.get(i), StandardCharsets.UTF_8),
					null)
				.get(0)
				.path("id")
				.asText();
			call((i % 2 == 0) ? portB : portA, "sec1", ADMIN_PASSWORD, "POST",
					"/engine-rest/task/" + taskId + "/complete",
					"{\"variables\":{\"route\":{\"value\":\"ENTERPRISE\"},\"department\":{\"value\":\"hr\"},"
							+ "\"scope\":{\"value\":\"INDIVIDUAL\"},\"assessment\":{\"value\":\"交人力资源部办理\"}}}");
		}

		// the half-way reminders fall due while node B is frozen: node A takes them
		b.pause();
		int due = jdbc.update(
				"update act_ru_job set duedate_ = now() - interval '1 second' where handler_cfg_ like 'DepartmentHalfWayTimer%'");
		assertThat(due).isEqualTo(12);
		AtomicBoolean intake = new AtomicBoolean(true);
		List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
		List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
		Future<?> intakeOnA = clients.submit(() -> {
			while (intake.get()) {
				try {
					HttpResponse<String> response = this.client.send(registration(portA),
							HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
					statuses.add(response.statusCode());
					if (response.statusCode() == 201) {
						acknowledged.add(JSON.readTree(response.body()).path("caseNo").asText());
					}
				}
				catch (IOException ex) {
					statuses.add(0);
				}
			}
			return null;
		});
		assertThat(relay.awaitFault(60)).as("node A's first reminder reached the SMTP server").isTrue();
		assertThat(jdbc.queryForObject(
				"select count(*) from act_ru_job where lock_owner_ is not null and lock_exp_time_ > now()",
				Integer.class))
			.as("node A holds job locks")
			.isPositive();
		a.kill();
		intake.set(false);
		intakeOnA.get(60, TimeUnit.SECONDS);
		b.resume();

		// node B finishes: 12 reminders to hr1 and hr2, each in the journal, none
		// unfinished
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline
				&& !(jdbc.queryForObject("select count(*) from mail_sent", Integer.class) == 24
						&& jdbc.queryForObject("select count(*) from mail_sent where state = 'SENDING'",
								Integer.class) == 0
						&& jdbc.queryForObject(
								"select count(*) from act_ru_job where handler_type_ = 'async-continuation'",
								Integer.class) == 0)) {
			Thread.sleep(500);
		}
		assertThat(jdbc.queryForList("select state from mail_sent", String.class))
			.as("each reminder to each of hr1, hr2")
			.hasSize(24)
			.containsOnly("SENT", "UNKNOWN")
			.filteredOn("UNKNOWN"::equals)
			.hasSize(1);
		String unknown = jdbc.queryForObject("select message_id from mail_sent where state = 'UNKNOWN'", String.class);
		List<String> delivered = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			delivered.add(message.getMessageID());
		}
		assertThat(delivered).as("every mail on the SMTP server once").hasSize(24).doesNotHaveDuplicates();
		assertThat(delivered).as("the one of unknown delivery was delivered (by node A), not sent again")
			.contains(unknown)
			.containsExactlyInAnyOrderElementsOf(jdbc.queryForList("select message_id from mail_sent", String.class));
		assertThat(jdbc.queryForObject("select count(*) from act_ru_incident", Integer.class)).isZero();
		assertThat(Files.readString(Path.of("target", "two-nodes", "node-b.log"))).contains("was being sent (claimed");

		// every case acknowledged by node A before it died is in the register; still no
		// gap
		assertThat(statuses).as("node A took cases until it was killed").contains(201);
		for (String caseNo : acknowledged) {
			assertThat(
					call(portB, ADMIN, ADMIN_PASSWORD, "GET", "/api/opinions/" + caseNo, null).path("caseNo").asText())
				.isEqualTo(caseNo);
		}
		List<Integer> serials = serials(jdbc);
		assertThat(serials).isEqualTo(IntStream.rangeClosed(1, serials.size()).boxed().toList());
		clients.shutdownNow();
	}

	private static List<Integer> serials(JdbcTemplate jdbc) {
		return jdbc.queryForList("select serial_no from opinion_register where org_code = 'org1' order by serial_no",
				Integer.class);
	}

	private static String[] nodeArguments(int smtpPort, String... more) {
		List<String> arguments = new ArrayList<>(List.of("--logging.level.cn.liangxin.opinions.node=INFO",
				"--spring.mail.port=" + smtpPort, "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
				"--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000"));
		arguments.addAll(List.of(more));
		return arguments.toArray(String[]::new);
	}

	private JsonNode register(int port) throws Exception {
		HttpResponse<String> response = this.client.send(registration(port),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JSON.readTree(response.body());
	}

	private HttpRequest registration(int port) {
		return new NodeClient(this.client, port, "sec1", ADMIN_PASSWORD).request("POST", "/api/opinions",
				"{\"orgCode\":\"org1\",\"reporterName\":\"周小平\",\"reportedOn\":\""
						+ LocalDate.now(WorkingDayCalendar.ZONE)
						+ "\",\"channel\":\"VISIT\",\"kind\":\"DIFFICULTY\",\"summary\":\"两个节点同时登记\"}");
	}

	private JsonNode call(int port, String user, String password, String method, String path, String body)
			throws Exception {
		return new NodeClient(this.client, port, user, password).call(method, path, body);
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
		return basic(ADMIN, ADMIN_PASSWORD);
	}

	private static String basic(String user, String password) {
		return NodeClient.basic(user, password);
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
	}

}
