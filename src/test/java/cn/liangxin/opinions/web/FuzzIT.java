package cn.liangxin.opinions.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.support.WebAppTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few hundred malformed intakes and task completions over real HTTP on PostgreSQL, from
 * a fixed seed: no answer is a 5xx, every refusal of input names its field, and the
 * register, the cases and the process instances change by exactly the accepted ones.
 */
@WebAppTest
class FuzzIT {

	static final long SEED = 20261129L;

	static final int INTAKES = 300;

	static final int COMPLETIONS = 200;

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	DemoData demo;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient client = HttpClient.newHttpClient();

	final Random random = new Random(SEED);

	final List<String> failures = new ArrayList<>();

	@BeforeEach
	void organizationsExist() {
		this.demo.createOrganizationsAndPeople();
	}

	@Test
	void malformedIntakesAreRefusedByNameAndWriteNothing() throws Exception {
		long entries = registerEntries();
		long instances = instances();
		int accepted = 0;
		for (int i = 0; i < INTAKES; i++) {
			String body = malformedIntake();
			HttpResponse<String> response = post("/api/opinions", body);
			accepted += judge("intake " + i, body, response, 201);
		}

		assertThat(this.failures).isEmpty();
		assertThat(accepted).as("some mutations keep the intake valid").isBetween(1, INTAKES - 50);
		assertThat(registerEntries()).isEqualTo(entries + accepted);
		assertThat(instances()).isEqualTo(instances + accepted);
	}

	@Test
	void malformedCompletionsAreRefusedByNameAndMoveNothing() throws Exception {
		List<String> open = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			open.add(anOpinion());
		}
		long assessed = assessedEntries();
		int accepted = 0;
		for (int i = 0; i < COMPLETIONS && !open.isEmpty(); i++) {
			String caseNo = open.get(this.random.nextInt(open.size()));
			String taskId = this.tasks.createTaskQuery()
				.processInstanceBusinessKey(caseNo)
				.taskDefinitionKey("branchAssess")
				.singleResult()
				.getId();
			String body = malformedCompletion();
			HttpResponse<String> response = post("/engine-rest/task/" + taskId + "/complete", body);
			if (judge("completion " + i, body, response, 204) == 1) {
				accepted++;
				open.remove(caseNo);
			}
		}

		assertThat(this.failures).isEmpty();
		assertThat(accepted).isPositive();
		assertThat(assessedEntries()).isEqualTo(assessed + accepted);
		for (String caseNo : open) {
			assertThat(this.tasks.createTaskQuery()
				.processInstanceBusinessKey(caseNo)
				.taskDefinitionKey("branchAssess")
				.count()).as("%s was not moved by a refused completion", caseNo).isOne();
		}
	}

	/** 1 if accepted, 0 if refused as it should be; a failure is recorded otherwise. */
	private int judge(String what, String body, HttpResponse<String> response, int acceptedStatus) {
		int status = response.statusCode();
		String shown = what + " (" + status + ") " + abbreviated(body) + " → " + abbreviated(response.body());
		if (status == acceptedStatus) {
			return 1;
		}
		if (status >= 500 || status < 400) {
			this.failures.add("unexpected status: " + shown);
			return 0;
		}
		try {
			JsonNode errors = JSON.readTree(response.body()).path("errors");
			if (!errors.isArray() || errors.isEmpty()) {
				this.failures.add("no errors: " + shown);
			}
			for (JsonNode error : errors) {
				if (status == 400 && (error.path("field").isNull() && !error.path("rule").asText().equals("badRequest")
						|| error.path("message").asText().isBlank())) {
					this.failures.add("an error names no field: " + shown);
				}
			}
			if (response.body().length() > 4_000) {
				this.failures.add("long error: " + shown);
			}
		}
		catch (Exception ex) {
			this.failures.add("not JSON: " + shown);
		}
		return 0;
	}

	// the intakes

	private String malformedIntake() throws Exception {
		Map<String, Object> intake = new LinkedHashMap<>(Map.of("orgCode", "org1", "reporterName", "周小平", "reportedOn",
				today(), "channel", "VISIT", "kind", "DIFFICULTY", "summary", "夜班下班路上照明不足"));
		int mutations = 1 + this.random.nextInt(3);
		for (int m = 0; m < mutations; m++) {
			String field = pick(List.of("orgCode", "reporterName", "reporterUnit", "reporterAddress", "reporterPhone",
					"reportedOn", "channel", "kind", "summary", "resolvedOnSpot", "onSpotResult", "unknownField"));
			intake.put(field, hostileValue(field));
		}
		String json = JSON.writeValueAsString(intake);
		return switch (this.random.nextInt(12)) {
			case 0 -> json.substring(0, this.random.nextInt(json.length()));
			case 1 -> json + pick(List.of(" {}", " x", "]", "{\"a\":1}"));
			case 2 -> json.replaceFirst("\\{", "{\"summary\": \"重复\", ");
			case 3 -> "[" + json + "]";
			default -> json;
		};
	}

	private Object hostileValue(String field) {
		return switch (this.random.nextInt(16)) {
			case 0 -> null;
			case 1 -> this.random.nextInt();
			case 2 -> this.random.nextBoolean();
			case 3 -> List.of("VISIT");
			case 4 -> Map.of("value", "x");
			case 5 -> "周" + (char) this.random.nextInt(32) + "平";
			case 6 -> "V".repeat(10_000 + this.random.nextInt(100_000));
			case 7 -> today() + "garbage";
			case 8 -> LocalDate.now(WorkingDayCalendar.ZONE).plusDays(1 + this.random.nextInt(400)).toString();
			case 9 -> "2026-02-30";
			case 10 -> pick(List.of("org2", "org3", "org9", "", " ", "ORG1"));
			case 11 -> "\uD83D\uDE00 表情 " + "\u202E";
			case 12 -> "' or 1=1 --";
			case 13 -> "<script>alert(1)</script>";
			case 14 -> pick(List.of("VISIT", "MAILBOX", "CONFLICT", "SUGGESTION", "OTHER"));
			default -> "";
		};
	}

	// the completions

	private String malformedCompletion() throws Exception {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("route", typed("String", pick(List.of("ENTERPRISE", "EXPLAIN", "UPPER", "ON_SPOT"))));
		variables.put("department", typed("String", "hr"));
		variables.put("assessment", typed("String", "已向员工说明"));
		variables.put("reportText", typed("String", "需协调"));
		int mutations = this.random.nextInt(3);
		for (int m = 0; m < mutations; m++) {
			String name = pick(List.of("route", "scope", "department", "assessment", "slipDueOn", "slipMatter",
					"slipPhone", "caseNo", "orgCode", "handlingStartOn", "rehandleCount", "satisfied"));
			variables.put(name, hostileVariable());
		}
		String json = JSON.writeValueAsString(Map.of("variables", variables));
		return (this.random.nextInt(15) == 0) ? json.substring(0, json.length() / 2) : json;
	}

	private Map<String, Object> hostileVariable() {
		return switch (this.random.nextInt(12)) {
			case 0 -> typed("String", "SIDEWAYS");
			case 1 -> typed("Integer", this.random.nextInt());
			case 2 -> typed("Boolean", true);
			case 3 -> typed("String", "2099-01-01");
			case 4 -> typed("String", "x" + (char) 0 + "y");
			case 5 -> typed("String", "长".repeat(3_000));
			case 6 -> Map.of("type", "Null");
			case 7 -> Map.of("value", "{\"host\":\"example.com\"}", "type", "Object", "valueInfo",
					Map.of("objectTypeName", "java.net.URL", "serializationDataFormat", "application/json"));
			case 8 -> Map.of("value", "<a/>", "type", "Xml");
			case 9 -> typed("Date", "2026-11-29T10:00:00.000+0800");
			case 10 -> typed("String", "org3-2026-1");
			default -> typed("String", "");
		};
	}

	// fixtures

	private String anOpinion() throws Exception {
		HttpResponse<String> created = post("/api/opinions",
				JSON.writeValueAsString(Map.of("orgCode", "org1", "reporterName", "郑刚", "reportedOn", today(),
						"channel", "WALL", "kind", "SUGGESTION", "summary", "建议增加夜班班车")));
		assertThat(created.statusCode()).isEqualTo(201);
		return JSON.readTree(created.body()).path("caseNo").asText();
	}

	private static Map<String, Object> typed(String type, Object value) {
		return Map.of("value", value, "type", type);
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString(("sec1:" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private long registerEntries() {
		return this.jdbc.queryForObject("select count(*) from opinion_register", Long.class);
	}

	private long assessedEntries() {
		return this.jdbc.queryForObject("select count(*) from opinion_register where route is not null", Long.class);
	}

	private long instances() {
		return this.runtime.createProcessInstanceQuery().processDefinitionKey("employee-opinion").count() + this.jdbc
			.queryForObject(
					"select count(*) from act_hi_procinst where proc_def_key_ = 'employee-opinion' and end_time_ is not null",
					Long.class);
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static String today() {
		return LocalDate.now(WorkingDayCalendar.ZONE).toString();
	}

	private static String abbreviated(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

}
