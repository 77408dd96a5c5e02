package cn.liangxin.opinions.access;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.opinion.HandlingDeadlines;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.support.WebAppTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a signed-in person may write through Camunda's REST API, on PostgreSQL: a task
 * completion or a process start sets only what its form allows, of the form's types and
 * options, within the caller's organization; other writes are for admins; a refused call
 * changes nothing and answers 4xx naming the field in Chinese, never 500.
 */
@WebAppTest
@ExtendWith(OutputCaptureExtension.class)
class WriteRulesIT {

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	OpinionRegister register;

	@Autowired
	HandlingDeadlines deadlines;

	@BeforeEach
	void organizationsExist() {
		this.demo.createOrganizationsAndPeople();
	}

	@Test
	void aCompletionCannotSetTheCaseNumberAndSoCannotRewriteAnotherOrganizationsCase() {
		String own = anOpinionRegisteredBy("sec1", "org1");
		String other = anOpinionRegisteredBy("sec3", "org3");
		String otherHandling = this.register.require(other).getHandlingOpinion();

		ResponseEntity<Map> refused = complete("sec1", task(own, "branchAssess"),
				Map.of("route", text("ENTERPRISE"), "department", text("hr"), "caseNo", text(other)));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fieldsOf(refused)).containsExactly("caseNo");
		assertThat(messageOf(refused)).contains("caseNo").contains("不是此表单的字段");
		RegisterEntry after = this.register.require(other);
		assertThat(after.getRoute()).isNull();
		assertThat(after.getHandlingOpinion()).isEqualTo(otherHandling);
		assertThat(this.register.require(own).getRoute()).isNull();
		assertThat(openTask(own)).isEqualTo("branchAssess");
	}

	@ParameterizedTest(name = "{0} is the process's own")
	@CsvSource({ "orgCode,org3", "handlingStartOn,2099-01-01", "enterpriseDueOn,2099-01-22", "rehandleCount,0",
			"reportReceivedOn,2099-01-01", "dueOnMovedTo,2099-01-01", "dueOnMovedStage,departmentHandle",
			"caseNoDisplay,（2026）年第1号", "departmentName,人力资源部" })
	void variablesTheProcessOwnsCannotBeSetByACompletion(String name, String value) {
		String caseNo = anOpinionRegisteredBy("sec1", "org1");

		ResponseEntity<Map> refused = complete("sec1", task(caseNo, "branchAssess"),
				Map.of("route", text("ENTERPRISE"), "department", text("hr"), name, text(value)));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fieldsOf(refused)).containsExactly(name);
		assertThat(openTask(caseNo)).isEqualTo("branchAssess");
	}

	@Test
	void aDeadlineComesFromTheCalendarNotFromASubmittedStartDay() {
		String caseNo = anOpinionRegisteredBy("sec1", "org1");
		assertThat(complete("sec1", task(caseNo, "branchAssess"),
				Map.of("route", text("ENTERPRISE"), "department", text("hr"), "handlingStartOn", text("2099-01-01")))
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		assertThat(complete("sec1", task(caseNo, "branchAssess"),
				Map.of("route", text("ENTERPRISE"), "department", text("hr")))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		LocalDate raised = this.register.require(caseNo).getReportedOn();
		assertThat(this.register.require(caseNo).getDueOn()).isEqualTo(this.deadlines.enterprise(raised).dueOn())
			.isBefore(raised.plusDays(30));
	}

	@Test
	void aRefusedJobExecutionChangesNothingOnAnyEngineResource() {
		String caseNo = anOpinionRegisteredBy("sec3", "org3");
		assertThat(complete("sec3", task(caseNo, "branchAssess"),
				Map.of("route", text("UPPER"), "reportText", text("需主管党委协调")))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		String instance = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.singleResult()
			.getId();
		String taskExecution = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.singleResult()
			.getExecutionId();
		List<Job> timers = this.management.createJobQuery().processInstanceId(instance).timers().list();
		assertThat(timers).isNotEmpty();
		Job reminder = timers.get(0);

		for (String user : List.of("sec1", "sec1", "sec1", "sec3", "sec3", "sec3", "cmtstaff2")) {
			ResponseEntity<Map> refused = as(user).postForEntity("/engine-rest/job/" + reminder.getId() + "/execute",
					null, Map.class);
			assertThat(refused.getStatusCode()).as("%s executes the reminder", user)
				.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		}
		for (String user : List.of("sec1", "sec3")) {
			assertRefused(as(user).exchange("/engine-rest/job/" + reminder.getId() + "/retries", HttpMethod.PUT,
					json(Map.of("retries", 0)), Map.class));
			assertRefused(as(user).exchange("/engine-rest/job/" + reminder.getId() + "/suspended", HttpMethod.PUT,
					json(Map.of("suspended", true)), Map.class));
			assertRefused(
					as(user).exchange("/engine-rest/job-definition/" + reminder.getJobDefinitionId() + "/suspended",
							HttpMethod.PUT, json(Map.of("suspended", true)), Map.class));
			assertRefused(as(user).postForEntity("/engine-rest/job/retries",
					Map.of("jobIds", List.of(reminder.getId()), "retries", 0), Map.class));
			assertRefused(as(user).exchange("/engine-rest/process-instance/" + instance + "/suspended", HttpMethod.PUT,
					json(Map.of("suspended", true)), Map.class));
			assertRefused(as(user).postForEntity("/engine-rest/execution/" + taskExecution + "/create-incident",
					Map.of("incidentType", "failedJob", "message", "stop"), Map.class));
			assertRefused(
					as(user).exchange("/engine-rest/process-instance/" + instance, HttpMethod.DELETE, null, Map.class));
		}
		ResponseEntity<List> fetched = as("sec3").postForEntity("/engine-rest/external-task/fetchAndLock",
				Map.of("workerId", "mallory", "maxTasks", 10, "topics",
						List.of(Map.of("topicName", "anything", "lockDuration", 60000))),
				List.class);
		assertThat(fetched.getBody()).isEmpty();

		Job after = this.management.createJobQuery().jobId(reminder.getId()).singleResult();
		assertThat(after.getRetries()).isEqualTo(reminder.getRetries()).isEqualTo(3);
		assertThat(after.isSuspended()).isFalse();
		assertThat(after.getExceptionMessage()).isNull();
		assertThat(this.management.createJobQuery().processInstanceId(instance).count()).isEqualTo(timers.size());
		assertThat(this.management.createJobDefinitionQuery()
			.jobDefinitionId(reminder.getJobDefinitionId())
			.singleResult()
			.isSuspended()).isFalse();
		assertThat(this.runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
		assertThat(this.management.createBatchQuery().count()).isZero();
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().isSuspended())
			.isFalse();
		assertThat(this.history.createHistoricJobLogQuery().jobId(reminder.getId()).failureLog().count()).isZero();
	}

	@Test
	void nobodyStartsACaseForAnotherOrganizationThroughTheEngine() {
		long instances = this.runtime.createProcessInstanceQuery().processDefinitionKey("employee-opinion").count();
		long org3Entries = org3Entries();
		Map<String, Object> intake = intakeVariables("org3");

		assertRefused(as("sec1").postForEntity("/engine-rest/process-definition/key/employee-opinion/start",
				Map.of("variables", intake), Map.class));
		assertRefused(as("sec1").postForEntity("/engine-rest/process-definition/key/employee-opinion/submit-form",
				Map.of("variables", intake), Map.class));
		assertRefused(as("hr1").postForEntity("/engine-rest/process-definition/key/employee-opinion/start",
				Map.of("variables", intakeVariables("org1")), Map.class));

		assertThat(this.runtime.createProcessInstanceQuery().processDefinitionKey("employee-opinion").count())
			.isEqualTo(instances);
		assertThat(org3Entries()).isEqualTo(org3Entries);

		ResponseEntity<Map> own = as("sec1").postForEntity(
				"/engine-rest/process-definition/key/employee-opinion/submit-form",
				Map.of("variables", intakeVariables("org1")), Map.class);
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|',
			value = { "satisfied|String|yes", "satisfied|String|maybe", "satisfied|Integer|1", "satisfied|String|true",
					"satisfaction|String|PERHAPS", "satisfaction|Boolean|true", "feedbackMethod|String|FAX",
					"feedbackOn|String|2026-11-29garbage", "feedbackOn|String|29.11.2026",
					"feedbackSignedBy|String|周\u0000小平" })
	void aFeedbackValueOutsideTheFormsRulesIsRefusedByName(String name, String type, String value) {
		String caseNo = anOpinionAtFeedback();
		Map<String, Object> feedback = new HashMap<>(feedback());
		if (name.startsWith("satisf")) {
			feedback.remove("satisfied");
		}
		feedback.put(name, Map.of("value", typed(type, value), "type", type));

		ResponseEntity<Map> refused = complete("sec1", task(caseNo, "branchFeedback"), feedback);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fieldsOf(refused)).containsExactly(name);
		assertThat(openTask(caseNo)).isEqualTo("branchFeedback");
		assertThat(this.register.require(caseNo).getRehandleCount()).isZero();
		assertThat(this.register.require(caseNo).isStruckOff()).isFalse();
	}

	@Test
	void feedbackWithoutItsContentDoesNotStrikeTheCaseOff() {
		String caseNo = anOpinionAtFeedback();
		Map<String, Object> feedback = new HashMap<>(feedback());
		feedback.put("feedbackContent", Map.of("type", "Null"));

		ResponseEntity<Map> refused = complete("sec1", task(caseNo, "branchFeedback"), feedback);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fieldsOf(refused)).containsExactly("feedbackContent");
		assertThat(this.register.require(caseNo).isStruckOff()).isFalse();
		assertThat(complete("sec1", task(caseNo, "branchFeedback"), feedback()).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.register.require(caseNo).isStruckOff()).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "ON_SPOT", "EXPLAIN" })
	void solvingOnTheSpotOrExplainingNeedsTheWrittenResult(String route) {
		String caseNo = anOpinionRegisteredBy("sec1", "org1");

		ResponseEntity<Map> refused = complete("sec1", task(caseNo, "branchAssess"), Map.of("route", text(route)));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fieldsOf(refused)).containsExactly("assessment");
		assertThat(openTask(caseNo)).isEqualTo("branchAssess");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"Object|{\"protocol\":\"http\",\"host\":\"example.com\"}|{\"objectTypeName\":\"java.net.URL\",\"serializationDataFormat\":\"application/json\"}",
			"Object|rO0ABXQABWhlbGxv|{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}",
			"Xml|<a>1</a>|{}", "Json|{\"a\":1}|{}", "Bytes|aGVsbG8=|{}", "Date|2026-11-29T10:00:00.000+0800|{}" })
	void onlyThePlainValuesOfTheFormsAreAccepted(String type, String value, String valueInfo) throws Exception {
		String caseNo = anOpinionRegisteredBy("sec1", "org1");
		String taskId = task(caseNo, "branchAssess");
		Map<String, Object> variable = new HashMap<>(Map.of("value", value, "type", type));
		variable.put("valueInfo", new com.fasterxml.jackson.databind.ObjectMapper().readValue(valueInfo, Map.class));

		ResponseEntity<Map> refused = complete("sec1", taskId,
				Map.of("route", text("EXPLAIN"), "assessment", variable));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fieldsOf(refused)).containsExactly("assessment");
		for (String user : List.of("sec1", "admin")) {
			assertThat(as(user).getForEntity("/engine-rest/task/" + taskId + "/form-variables", String.class)
				.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(as(user).getForEntity("/api/opinions/" + caseNo, String.class).getStatusCode())
				.isEqualTo(HttpStatus.OK);
		}
	}

	@Test
	void writingVariablesOrThrowingErrorsOutsideTheFormsIsForAdminsOnly() {
		String caseNo = anOpinionRegisteredBy("sec1", "org1");
		String taskId = task(caseNo, "branchAssess");
		String instance = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.singleResult()
			.getId();

		assertRefused(as("sec1").exchange("/engine-rest/task/" + taskId + "/variables/caseNo", HttpMethod.PUT,
				json(Map.of("value", "org3-2026-1", "type", "String")), Map.class));
		assertRefused(as("sec1").postForEntity("/engine-rest/task/" + taskId + "/variables",
				Map.of("modifications", Map.of("handlingStartOn", text("2099-01-01"))), Map.class));
		assertRefused(as("sec1").exchange("/engine-rest/task/" + taskId + "/localVariables/x", HttpMethod.PUT,
				json(text("y")), Map.class));
		assertRefused(as("sec1").exchange("/engine-rest/task/" + taskId + "/variables/caseNo", HttpMethod.DELETE, null,
				Map.class));
		assertRefused(as("sec1").postForEntity("/engine-rest/task/" + taskId + "/bpmnError", Map.of("errorCode", "end"),
				Map.class));
		assertRefused(as("sec1").postForEntity("/engine-rest/task/" + taskId + "/bpmnEscalation",
				Map.of("escalationCode", "end"), Map.class));
		assertRefused(as("sec1").postForEntity("/engine-rest/process-definition/key/employee-opinion/start",
				Map.of("startInstructions",
						List.of(Map.of("type", "startBeforeActivity", "activityId", "branchFeedback")), "variables",
						intakeVariables("org1")),
				Map.class));
		assertThat(this.runtime.getVariable(instance, "caseNo")).isEqualTo(caseNo);
		assertThat(this.runtime.getVariable(instance, "handlingStartOn")).isNotEqualTo("2099-01-01");
		assertThat(openTask(caseNo)).isEqualTo("branchAssess");

		ResponseEntity<String> repaired = as("admin").exchange(
				"/engine-rest/process-instance/" + instance + "/variables/remarkOfTheAdmin", HttpMethod.PUT,
				json(text("修复")), String.class);
		assertThat(repaired.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void aSecondClaimAnswersConflictInChinese() {
		String taskId = task(anOpinionRegisteredBy("sec1", "org1"), "branchAssess");
		assertThat(
				as("mem1").postForEntity("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "mem1"), Map.class)
					.getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		ResponseEntity<Map> second = as("sec1").postForEntity("/engine-rest/task/" + taskId + "/claim",
				Map.of("userId", "sec1"), Map.class);

		assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(messageOf(second)).contains("已被mem1认领");
		assertThat(this.tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("mem1");
	}

	@Test
	void anUnknownTaskIsNotFound() {
		ResponseEntity<Map> missing = complete("sec1", "no-such-task", Map.of());

		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void expectedRefusalsAreLoggedAsOneLineWithoutErrors(CapturedOutput output) {
		String caseNo = anOpinionRegisteredBy("sec1", "org1");
		String taskId = task(caseNo, "branchAssess");
		int before = output.getOut().length();

		complete("sec1", taskId, Map.of("route", text("ENTERPRISE"), "caseNo", text("x")));
		complete("sec1", taskId, Map.of("route", text("SIDEWAYS")));
		as("hr1").postForEntity("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "hr1"), Map.class);
		as("sec1").postForEntity("/engine-rest/process-definition/key/employee-opinion/start",
				Map.of("variables", intakeVariables("org3")), Map.class);
		as("sec1").postForEntity("/api/opinions", Map.of("reportedOn", "2026-13-45"), Map.class);

		String logged = output.getOut().substring(before);
		assertThat(logged).contains("Refused CompleteTaskCmd by sec1 (400)");
		assertThat(logged).doesNotContain(" ERROR ").doesNotContain("\tat org.camunda");
	}

	// fixtures

	private String anOpinionRegisteredBy(String user, String org) {
		ResponseEntity<Map> created = as(user).postForEntity("/api/opinions",
				Map.of("orgCode", org, "reporterName", "周小平", "reportedOn",
						LocalDate.now(WorkingDayCalendar.ZONE).toString(), "channel", "VISIT", "kind", "DIFFICULTY",
						"summary", "夜班下班路上照明不足"),
				Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return (String) created.getBody().get("caseNo");
	}

	private String anOpinionAtFeedback() {
		String caseNo = anOpinionRegisteredBy("sec1", "org1");
		assertThat(complete("sec1", task(caseNo, "branchAssess"),
				Map.of("route", text("EXPLAIN"), "assessment", text("已向员工说明政策")))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		return caseNo;
	}

	private static Map<String, Object> feedback() {
		return Map.of("feedbackMethod", text("PHONE"), "feedbackOn",
				text(LocalDate.now(WorkingDayCalendar.ZONE).toString()), "feedbackContent", text("电话告知办理结果"),
				"feedbackSignedBy", text("周小平"), "satisfied", Map.of("value", true, "type", "Boolean"));
	}

	private static Map<String, Object> intakeVariables(String org) {
		return Map.of("orgCode", text(org), "reporterName", text("冒名"), "reportedOn",
				text(LocalDate.now(WorkingDayCalendar.ZONE).toString()), "channel", text("VISIT"), "kind",
				text("DIFFICULTY"), "summary", text("不应登记"));
	}

	private long org3Entries() {
		return ((Number) as("admin").getForObject("/api/opinions?orgCode=org3&size=1", Map.class).get("totalElements"))
			.longValue();
	}

	private static Object typed(String type, String value) {
		return switch (type) {
			case "Integer" -> Integer.valueOf(value);
			case "Boolean" -> Boolean.valueOf(value);
			default -> value;
		};
	}

	private ResponseEntity<Map> complete(String user, String taskId, Map<String, Object> variables) {
		return as(user).postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables),
				Map.class);
	}

	private String task(String caseNo, String key) {
		Task task = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey(key)
			.singleResult();
		assertThat(task).as("%s waits at %s", caseNo, key).isNotNull();
		return task.getId();
	}

	private String openTask(String caseNo) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.processDefinitionKey("employee-opinion")
			.singleResult()
			.getTaskDefinitionKey();
	}

	private TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, DemoData.PASSWORD);
	}

	private static Map<String, Object> text(String value) {
		return Map.of("value", value, "type", "String");
	}

	private static HttpEntity<Object> json(Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	private static void assertRefused(ResponseEntity<?> response) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isIn(403, 404);
	}

	@SuppressWarnings("unchecked")
	private static List<String> fieldsOf(ResponseEntity<Map> response) {
		return ((List<Map<String, Object>>) response.getBody().get("errors")).stream()
			.map((error) -> (String) error.get("field"))
			.distinct()
			.toList();
	}

	private static String messageOf(ResponseEntity<Map> response) {
		return (String) response.getBody().get("message");
	}

}
