package cn.liangxin.opinions.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.support.WebAppTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's HTTP edge, over real HTTP on PostgreSQL: every error of {@code /api}
 * in one problem-details shape with {@code errors} naming the field, in Chinese; bodies
 * parsed strictly; no 5xx and no SQL for hostile input; a refused request writes nothing;
 * the security headers on every answer; the webapps' session changes data only with its
 * CSRF token.
 */
@WebAppTest
class HttpEdgeIT {

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	DemoData demo;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient client = HttpClient.newHttpClient();

	@BeforeEach
	void organizationsExist() {
		this.demo.createOrganizationsAndPeople();
	}

	@Test
	void aRequestRefusedForItsAcceptHeaderRegistersNothing() throws Exception {
		long cases = cases();
		long instances = this.runtime.createProcessInstanceQuery().count();

		HttpResponse<String> refused = send(post("/api/opinions", intake("周小平")).header("Accept", "application/xml"));

		assertThat(refused.statusCode()).isEqualTo(406);
		assertThat(cases()).isEqualTo(cases);
		assertThat(this.runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
	}

	@Test
	void aWildcardContentTypeIsRefusedAsUnsupported() throws Exception {
		HttpResponse<String> refused = send(post("/api/opinions", intake("周小平")).setHeader("Content-Type", "*/*"));

		assertProblem(refused, 415, "Content-Type");
	}

	@Test
	void aBodyWithADuplicateKeyIsRefused() throws Exception {
		String body = intake("周小平").replace("{", "{\"summary\": \"一\", ");

		assertProblem(send(post("/api/opinions", body)), 400, "body");
	}

	@ParameterizedTest
	@ValueSource(strings = { " {}", " trailing", " ]" })
	void aBodyWithAnythingAfterItsObjectIsRefused(String after) throws Exception {
		long cases = cases();

		assertProblem(send(post("/api/opinions", intake("周小平") + after)), 400, "body");
		assertThat(cases()).isEqualTo(cases);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-29garbage", "2026-11-29T10:00", " 2026-11-2", "29.11.2026" })
	void datesAreParsedStrictly(String date) throws Exception {
		String body = intake("周小平").replace(today(), date);

		assertProblem(send(post("/api/opinions", body)), 400, "reportedOn");
	}

	@ParameterizedTest
	@ValueSource(strings = { "周\\u0000小平", "周\\u001b小平", "周\\u0007" })
	void controlCharactersAreRefusedByNameWithoutSql(String name) throws Exception {
		long cases = cases();

		HttpResponse<String> refused = send(post("/api/opinions", intake(name)));

		assertProblem(refused, 400, "reporterName");
		assertThat(refused.body()).doesNotContainIgnoringCase("insert").doesNotContainIgnoringCase("sql");
		assertThat(cases()).isEqualTo(cases);
	}

	@Test
	void anErrorRepeatsOnlyTheStartOfAHugeValue() throws Exception {
		String huge = "V".repeat(1_000_000);
		String body = intake("周小平").replace("\"VISIT\"", "\"" + huge + "\"");

		HttpResponse<String> refused = send(post("/api/opinions", body));

		assertProblem(refused, 400, "channel");
		assertThat(refused.body().length()).isLessThan(2_000);
	}

	@Test
	void everyRefusalOfTheApiHasTheSameShape() throws Exception {
		assertProblem(send(post("/api/opinions", intake("周小平").replace("org1", "org3"))), 403, null);
		assertProblem(send(get("/api/opinions/org9-2026-1")), 404, null);
		assertProblem(send(get("/api/no-such-thing")), 404, "path");
		assertProblem(send(request("/api/opinions").DELETE()), 405, "method");
		assertProblem(send(post("/api/opinions", intake("周小平")).setHeader("Content-Type", "text/plain")), 415,
				"Content-Type");
		assertProblem(send(get("/api/opinions/x").setHeader("Authorization", basic("nobody", "wrong"))), 401, null);
		assertProblem(send(get("/api/admin/mails").setHeader("Authorization", basic("sec1", DemoData.PASSWORD))), 403,
				null);
		assertProblem(send(post("/api/opinions", "")), 400, "body");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/opinions", "/mails.html", "/mails.js", "/engine-rest/task",
			"/camunda/app/tasklist/default/", "/api/nothing-here" })
	void everyAnswerCarriesTheSecurityHeaders(String path) throws Exception {
		HttpResponse<String> response = send(get(path));

		assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
			.contains("frame-ancestors 'none'")
			.contains("object-src 'none'");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
	}

	@Test
	void theWebappsSessionChangesDataOnlyWithItsCsrfToken() throws Exception {
		Session session = loggedInToTasklist("sec1");
		long cases = cases();

		HttpResponse<String> forged = session.send(post("/api/opinions", intake("周小平")));
		assertProblem(forged, 403, null);
		assertThat(forged.body()).contains("X-XSRF-TOKEN");
		assertThat(session
			.send(request("/api/me/daily-digest").PUT(BodyPublishers.ofString("{\"dailyDigest\":true}"))
				.header("Content-Type", "application/json"))
			.statusCode()).isEqualTo(403);
		assertThat(session
			.send(request("/engine-rest/process-definition/key/employee-opinion/start")
				.POST(BodyPublishers.ofString("{}"))
				.header("Content-Type", "application/json"))
			.statusCode()).isEqualTo(403);
		assertThat(cases()).isEqualTo(cases);

		assertThat(session.send(get("/api/opinions")).statusCode()).isEqualTo(200);
		assertThat(
				session.send(post("/api/opinions", intake("周小平")).header("X-XSRF-TOKEN", session.token)).statusCode())
			.isEqualTo(201);
		assertThat(send(post("/api/opinions", intake("周小平"))).statusCode()).as("Basic auth needs no token")
			.isEqualTo(201);
	}

	@Test
	void listsComeInPagesWithTheirTotal() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(send(post("/api/opinions", intake("分页" + i))).statusCode()).isEqualTo(201);
		}

		JsonNode first = JSON.readTree(send(get("/api/opinions?orgCode=org1&size=2")).body());
		JsonNode second = JSON.readTree(send(get("/api/opinions?orgCode=org1&size=2&page=1")).body());

		assertThat(first.path("content")).hasSize(2);
		assertThat(first.path("totalElements").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(first.path("totalPages").asInt()).isEqualTo((int) ((first.path("totalElements").asLong() + 1) / 2));
		assertThat(first.path("content").get(0).path("reporterName").asText()).as("newest first").isEqualTo("分页2");
		assertThat(second.path("content").get(0).path("reporterName").asText()).isEqualTo("分页0");
		assertProblem(send(get("/api/opinions?size=201")), 400, "size");
		assertProblem(send(get("/api/opinions?page=-1")), 400, "page");
		assertProblem(send(get("/api/people?size=0").setHeader("Authorization", basic("admin", DemoData.PASSWORD))),
				400, "size");
	}

	@Test
	void theApiIsDescribedForLoggedInUsersWithItsErrorShape() throws Exception {
		assertThat(this.client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/openapi")).build(),
					BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);

		JsonNode api = JSON.readTree(send(get("/api/openapi")).body());

		assertThat(api.path("openapi").asText()).startsWith("3.");
		assertThat(api.path("paths").has("/api/opinions")).isTrue();
		assertThat(api.path("components").path("schemas").path("Problem").path("properties").has("errors")).isTrue();
		JsonNode intake = api.path("paths").path("/api/opinions").path("post").path("responses");
		assertThat(intake.path("400").path("content").has("application/problem+json")).isTrue();
		api.path("paths").fieldNames().forEachRemaining((path) -> assertThat(path).startsWith("/api/"));
	}

	// fixtures

	private static void assertProblem(HttpResponse<String> response, int status, String field) throws IOException {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asText()).isNotBlank().doesNotContainPattern("[A-Za-z]{4}");
		assertThat(problem.path("errors")).isNotEmpty();
		JsonNode error = problem.path("errors").get(0);
		assertThat(error.path("message").asText()).isNotBlank();
		assertThat(error.path("rule").asText()).isNotBlank();
		if (field != null) {
			assertThat(error.path("field").asText()).isEqualTo(field);
		}
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	private long cases() {
		return this.jdbc.queryForObject("select count(*) from opinion_register", Long.class);
	}

	private static String today() {
		return LocalDate.now(WorkingDayCalendar.ZONE).toString();
	}

	private static String intake(String reporterName) {
		return "{\"orgCode\": \"org1\", \"reporterName\": \"" + reporterName + "\", \"reportedOn\": \"" + today()
				+ "\", \"channel\": \"VISIT\", \"kind\": \"DIFFICULTY\", \"summary\": \"夜班下班路上照明不足\"}";
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", basic("sec1", DemoData.PASSWORD));
	}

	private HttpRequest.Builder get(String path) {
		return request(path).GET();
	}

	private HttpRequest.Builder post(String path, String json) {
		return request(path).POST(BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.header("Content-Type", "application/json");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** Logged in to Tasklist as the browser does: session cookie and CSRF token. */
	private Session loggedInToTasklist(String user) throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		String base = "http://localhost:" + this.port;
		browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
				BodyHandlers.discarding());
		String token = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
		HttpResponse<String> login = browser
			.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-XSRF-TOKEN", token)
				.header("Origin", base)
				.POST(BodyPublishers.ofString("username=" + user + "&password=" + DemoData.PASSWORD))
				.build(), BodyHandlers.ofString());
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		// the new session's token, as the webapps receive it with their next request
		browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
				BodyHandlers.discarding());
		String current = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.reduce((first, second) -> second)
			.orElse(token);
		return new Session(browser, current);
	}

	private record Session(HttpClient client, String token) {

		HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			HttpRequest built = request.build();
			HttpRequest.Builder copy = HttpRequest.newBuilder(built.uri())
				.method(built.method(), built.bodyPublisher().orElse(BodyPublishers.noBody()));
			built.headers().map().forEach((name, values) -> {
				if (!name.equalsIgnoreCase("Authorization")) {
					values.forEach((value) -> copy.header(name, value));
				}
			});
			return this.client.send(copy.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

	}

}
