package cn.liangxin.opinions.web;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.support.EmbeddedPostgres;
import cn.liangxin.opinions.support.MailMessages;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Docker cannot run here, so the production set-up is proven by running the packaged jar
 * with exactly the environment that {@code docker-compose.yml} gives the application,
 * interpolated from {@code .env.example} as {@code docker compose} would. Only what names
 * the compose file's other containers is pointed at this test's servers: the database
 * host (an embedded PostgreSQL, with the role and database the postgres container
 * creates) and the SMTP server (GreenMail, with the login of {@code .env.example}). The
 * first administrator logs in, builds the tree, a case is registered and its overdue
 * notice arrives by mail, from the configured sender and with a link to the configured
 * address.
 */
class ComposeEnvironmentIT {

	static final ObjectMapper JSON = new ObjectMapper();

	final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void theComposeFilesEnvironmentRunsTheApplication() throws Exception {
		Map<String, String> dotEnv = dotEnv(Path.of(".env.example"));
		int smtpPort = freePort();
		dotEnv.put("OPINION_SMTP_HOST", "127.0.0.1");
		dotEnv.put("OPINION_SMTP_PORT", String.valueOf(smtpPort));
		dotEnv.put("OPINION_SMTP_STARTTLS", "false");
		Map<String, String> environment = composeEnvironment(Path.of("docker-compose.yml"), "app", dotEnv);

		var postgres = EmbeddedPostgres.server();
		String database = databaseAsThePostgresContainerCreatesIt(dotEnv);
		environment.put("OPINION_DB_URL", environment.get("OPINION_DB_URL")
			.replace("//postgres:5432/", "//localhost:" + postgres.getPort() + "/"));
		int port = freePort();
		environment.put("SERVER_PORT", String.valueOf(port));

		GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig()
				.withUser(dotEnv.get("OPINION_SMTP_USERNAME"), dotEnv.get("OPINION_SMTP_USERNAME"),
						dotEnv.get("OPINION_SMTP_PASSWORD")));
		smtp.start();
		Process application = start(environment);
		try {
			awaitReady(port, application);
			String admin = dotEnv.get("OPINION_ADMIN_USERNAME");
			String adminPassword = dotEnv.get("OPINION_ADMIN_PASSWORD");
			assertThat(call(port, admin, adminPassword, "GET", "/api/me", null).path("role").asText())
				.isEqualTo("ADMIN");
			call(port, admin, adminPassword, "POST", "/api/committees", Map.of("code", "cmt1", "name", "八桥镇党委"));
			call(port, admin, adminPassword, "POST", "/api/orgs", Map.of("code", "org1", "name", "重庆渝发机械制造有限公司",
					"creditCode", "91500104MA5U7XKJ3Q", "employeeCount", 260, "committeeCode", "cmt1"));
			call(port, admin, adminPassword, "POST", "/api/people", Map.of("username", "sec1", "name", "张建国", "role",
					"BRANCH_SECRETARY", "orgCode", "org1", "email", "sec1@example.cn", "password", "Sec1-Pass-2026"));
			call(port, admin, adminPassword, "POST", "/api/people",
					Map.of("username", "cmtstaff1", "name", "陈静", "role", "COMMITTEE_STAFF", "committeeCode", "cmt1",
							"email", "cmtstaff1@example.cn", "password", "Cmt1-Pass-2026"));

			String caseNo = call(port, "sec1", "Sec1-Pass-2026", "POST", "/api/opinions",
					Map.of("orgCode", "org1", "reporterName", "周小平", "reportedOn",
							LocalDate.now(WorkingDayCalendar.ZONE).minusDays(30).toString(), "channel", "VISIT", "kind",
							"CONFLICT", "summary", "加班费计算基数与劳动合同约定不一致"))
				.path("caseNo")
				.asText();
			JsonNode tasks = call(port, "sec1", "Sec1-Pass-2026", "GET",
					"/engine-rest/task?processInstanceBusinessKey=" + caseNo, null);
			call(port, "sec1", "Sec1-Pass-2026", "POST",
					"/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete", Map.of("variables",
							Map.of("route", Map.of("value", "UPPER"), "reportText", Map.of("value", "需主管党委协调"))));

			MimeMessage notice = awaitMail(smtp, "cmtstaff1@example.cn");
			assertThat(notice.getFrom()[0].toString()).contains("opinions@example.cn");
			assertThat(MailMessages.text(notice))
				.contains(dotEnv.get("OPINION_PUBLIC_URL") + "/camunda/app/tasklist/default/");
		}
		finally {
			application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			smtp.stop();
			assertThat(database).isNotBlank();
		}
	}

	/**
	 * The role and the database that the postgres container creates from
	 * {@code POSTGRES_USER}, {@code POSTGRES_PASSWORD} and {@code POSTGRES_DB}.
	 */
	private static String databaseAsThePostgresContainerCreatesIt(Map<String, String> dotEnv) throws Exception {
		String name = dotEnv.get("OPINION_DB_NAME");
		String user = dotEnv.get("OPINION_DB_USER");
		try (var connection = EmbeddedPostgres.server().getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name);
			statement.execute("drop role if exists " + user);
			statement.execute("create role " + user + " login password '"
					+ dotEnv.get("OPINION_DB_PASSWORD").replace("'", "''") + "'");
			statement.execute("create database " + name + " owner " + user);
		}
		return name;
	}

	/** {@code KEY=VALUE} lines, as {@code docker compose} reads an env file. */
	static Map<String, String> dotEnv(Path file) throws IOException {
		Map<String, String> values = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
				continue;
			}
			values.put(trimmed.substring(0, trimmed.indexOf('=')).strip(),
					trimmed.substring(trimmed.indexOf('=') + 1).strip());
		}
		return values;
	}

	/**
	 * A service's {@code environment} in a compose file, with {@code ${VAR}},
	 * {@code ${VAR:-default}}, {@code ${VAR:?error}} and {@code $$} interpolated as
	 * {@code docker compose} does.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, String> composeEnvironment(Path file, String service, Map<String, String> variables)
			throws IOException {
		Map<String, Object> compose;
		try (InputStream in = Files.newInputStream(file)) {
			compose = new Yaml().load(in);
		}
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get(service))
			.get("environment");
		Map<String, String> interpolated = new LinkedHashMap<>();
		environment.forEach((name, value) -> interpolated.put(name, interpolate(String.valueOf(value), variables)));
		return interpolated;
	}

	private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?}");

	static String interpolate(String value, Map<String, String> variables) {
		Matcher matcher = VARIABLE.matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String replacement;
			if (matcher.group().equals("$$")) {
				replacement = "$";
			}
			else {
				String set = variables.get(matcher.group(1));
				boolean empty = set == null
						|| (set.isEmpty() && matcher.group(2) != null && matcher.group(2).startsWith(":"));
				if (!empty) {
					replacement = set;
				}
				else if (matcher.group(2) != null && matcher.group(2).endsWith("?")) {
					throw new AssertionError("docker compose would stop: " + matcher.group(3));
				}
				else {
					replacement = (matcher.group(3) != null) ? matcher.group(3) : "";
				}
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static Process start(Map<String, String> environment) throws IOException {
		File[] jars = new File("target")
			.listFiles((dir, file) -> file.startsWith("opinion-handling-") && file.endsWith(".jar"));
		assertThat(jars).as("the packaged application (./mvnw verify packages it before the integration tests)")
			.isNotEmpty();
		Path directory = Files.createDirectories(Path.of("target", "compose-environment"));
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jars[0].getAbsolutePath())
			.directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("application.log").toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("OPINION_") || name.startsWith("SPRING_"));
		builder.environment().putAll(environment);
		return builder.start();
	}

	private void awaitReady(int port, Process application) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			assertThat(application.isAlive()).as("the application runs (target/compose-environment/application.log)")
				.isTrue();
			try {
				if (this.client
					.send(request(port, "/actuator/health/readiness").GET().build(), BodyHandlers.discarding())
					.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new AssertionError("The application was not ready within 180 s");
	}

	private JsonNode call(int port, String user, String password, String method, String path, Object body)
			throws Exception {
		HttpRequest.Builder request = request(port, path).header("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
		}
		else {
			request.method(method, BodyPublishers.noBody());
		}
		HttpResponse<String> response = this.client.send(request.build(),
				BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
		return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
	}

	private static MimeMessage awaitMail(GreenMail smtp, String recipient) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			for (MimeMessage message : smtp.getReceivedMessages()) {
				if (List.of(message.getAllRecipients()).stream().anyMatch((r) -> r.toString().contains(recipient))) {
					return message;
				}
			}
			Thread.sleep(500);
		}
		throw new AssertionError("No mail to " + recipient + " within 120 s");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
