package cn.liangxin.opinions.visit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.support.WebAppTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visit log as a Camunda Form (process {@code visit-log}, form
 * {@code forms/visit-log.form}) through {@code /engine-rest}, as Tasklist submits it:
 * sec1's form records the visit with its household and matters, and the matter handled by
 * a deadline opens a case linked to the visit; the instance carries org1's tenant and the
 * visit's id and case numbers. Only branches may start it. A variable that is no field of
 * the form, another organization's visit, and a value the visit's rules refuse are
 * answered 400 or 403 naming the form's field in Chinese, and store nothing: no visit, no
 * case, no instance.
 */
@WebAppTest
class VisitLogFormIT {

	static final String SUBMIT = "/engine-rest/process-definition/key/visit-log/submit-form";

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	Roster roster;

	@Autowired
	OpinionRegister register;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcTemplate jdbc;

	final LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);

	@BeforeEach
	void org1HasEmployeesOnItsRoster() {
		this.demo.createOrganizationsAndPeople();
		this.roster.importFile("org1", "f.csv", """
				工号,姓名,性别,车间/岗位,手机,党员,联系党员工号
				F001,蒲志远,男,装配车间/钳工,13800000911,是,
				F002,邝慧琳,女,装配车间/仓管员,13800000912,否,F001
				""".getBytes(StandardCharsets.UTF_8), false);
	}

	@Test
	void theFormRecordsTheVisitAndAMatterWithADeadlineOpensACaseLinkedToIt() {
		Map<String, Object> form = visitForm("org1");
		form.put("household1Name", text("邝建平"));
		form.put("household1Sex", text("M"));
		form.put("household1Age", typed(48, "Integer"));
		form.put("household1Occupation", text("货车司机"));
		// the second row left empty (as Tasklist submits it), the third filled
		form.put("household2Name", text(""));
		form.put("household2Sex", typed(null, "Null"));
		form.put("household3Name", text("邝小雨"));
		form.put("household3Age", typed(12.0, "Double"));
		form.put("annualIncome", typed(86000.5, "Double"));
		form.put("matter1Content", text("更衣柜不够用"));
		form.put("matter1Handling", text("ON_SPOT"));
		form.put("matter1Result", text("已协调增设两组更衣柜"));
		form.put("matter2Content", text("孩子入学需要居住证明"));
		form.put("matter2Handling", text("DEADLINE"));
		form.put("matter2DueOn", text(this.today.plusDays(10).toString()));
		form.put("matter2Kind", text("DIFFICULTY"));

		ResponseEntity<JsonNode> started = as("sec1").postForEntity(SUBMIT, Map.of("variables", form), JsonNode.class);

		assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
		String instanceId = started.getBody().get("id").asText();
		HistoricProcessInstance instance = this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(instanceId)
			.singleResult();
		assertThat(instance.getTenantId()).isEqualTo("org1");
		assertThat(instance.getEndActivityId()).isEqualTo("VisitRecordedEndEvent");
		long visitId = ((Number) variable(instanceId, "visitId")).longValue();

		JsonNode visit = as("sec1").getForObject("/api/visits/" + visitId, JsonNode.class);
		assertThat(visit.get("orgCode").asText()).isEqualTo("org1");
		assertThat(visit.get("employeeName").asText()).isEqualTo("邝慧琳");
		assertThat(visit.get("recordedBy").asText()).isEqualTo("张建国（sec1）");
		assertThat(visit.get("annualIncome").decimalValue()).isEqualByComparingTo("86000.5");
		assertThat(visit.get("household")).extracting((m) -> m.get("name").asText()).containsExactly("邝建平", "邝小雨");
		assertThat(visit.at("/household/0/sex").asText()).isEqualTo("男");
		assertThat(visit.at("/household/1/age").asInt()).isEqualTo(12);
		assertThat(visit.at("/matters/0/handling").asText()).isEqualTo("ON_SPOT");
		assertThat(visit.at("/matters/0/caseNo").isNull()).isTrue();
		assertThat(visit.at("/matters/1/dueOn").asText()).isEqualTo(this.today.plusDays(10).toString());
		String caseNo = visit.at("/matters/1/caseNo").asText();
		assertThat(caseNo).startsWith("org1-");
		assertThat(variable(instanceId, "visitCaseNos")).isEqualTo(caseNo);

		RegisterEntry entry = this.register.require(caseNo);
		assertThat(entry.getChannel().name()).isEqualTo("VISIT");
		assertThat(entry.getReporterName()).isEqualTo("邝慧琳");
		assertThat(entry.getSummary()).startsWith("孩子入学需要居住证明");
		Task assess = this.tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
		assertThat(assess.getTaskDefinitionKey()).isEqualTo("branchAssess");
		assertThat(assess.getTenantId()).isEqualTo("org1");
		assertThat(as("sec1").getForObject("/api/visits/of-case/" + caseNo, JsonNode.class).get("id").asLong())
			.isEqualTo(visitId);
		JsonNode year = as("sec1").getForObject("/api/visits?orgCode=org1&year=" + this.today.getYear() + "&size=200",
				JsonNode.class);
		assertThat(year.get("content")).extracting((v) -> v.get("id").asLong()).contains(visitId);
	}

	@Test
	void aBlankOrganizationIsTheBranchsOwn() {
		ResponseEntity<JsonNode> started = as("sec1").postForEntity(SUBMIT, Map.of("variables", visitForm("")),
				JsonNode.class);

		assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
		String instanceId = started.getBody().get("id").asText();
		assertThat(variable(instanceId, "orgCode")).isEqualTo("org1");
		assertThat(variable(instanceId, "visitCaseNos")).isEqualTo("");
		long visitId = ((Number) variable(instanceId, "visitId")).longValue();
		assertThat(as("sec1").getForObject("/api/visits/" + visitId, JsonNode.class).get("orgCode").asText())
			.isEqualTo("org1");
	}

	@Test
	void onlyBranchesSeeTheVisitLogAmongTheProcessesToStart() {
		String startable = "/engine-rest/process-definition?key=visit-log&latestVersion=true&active=true"
				+ "&startableInTasklist=true&startablePermissionCheck=true";
		for (String user : List.of("sec1", "mem1", "sec3")) {
			assertThat(as(user).getForObject(startable, JsonNode.class)).as(user)
				.extracting((d) -> d.get("name").asText())
				.containsExactly("走访日志");
		}
		for (String user : List.of("hr1", "cmtstaff1", "district1")) {
			assertThat(as(user).getForObject(startable, JsonNode.class)).as(user).isEmpty();
		}
	}

	@Test
	void aVariableThatIsNoFieldOfTheFormIsRefusedByNameAndNothingIsStored() {
		long before = stored();
		Map<String, Object> form = visitForm("org1");
		form.put("visitId", typed(1, "Integer"));

		ResponseEntity<JsonNode> refused = as("sec1").postForEntity(SUBMIT, Map.of("variables", form), JsonNode.class);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fields(refused)).containsExactly("visitId");
		assertThat(refused.getBody().get("message").asText()).contains("visitId").contains("不是此表单的字段");
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void nobodyRecordsAVisitForAnotherOrganization() {
		long before = stored();

		ResponseEntity<JsonNode> sec1ForOrg3 = as("sec1").postForEntity(SUBMIT, Map.of("variables", visitForm("org3")),
				JsonNode.class);
		ResponseEntity<JsonNode> sec3ForOrg1 = as("sec3").postForEntity(SUBMIT, Map.of("variables", visitForm("org1")),
				JsonNode.class);
		ResponseEntity<JsonNode> committee = as("cmtstaff1").postForEntity(SUBMIT,
				Map.of("variables", visitForm("org1")), JsonNode.class);

		assertThat(sec1ForOrg3.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(sec1ForOrg3.getBody().get("message").asText()).contains("走访日志").contains("org3");
		assertThat(sec3ForOrg1.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(committee.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(stored()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} = {1} ({2})")
	@CsvSource(delimiter = '|', value = { "matter1DueOn|-|Null|matter1DueOn|问题1解决期限：限期解决的，须填写期限",
			"household2Age|-3|Integer|household2Age|成员2年龄：家庭成员年龄应在0到120之间",
			"household2Age|44.5|Double|household2Age|成员2年龄应为整数", "household2Sex|X|String|household2Sex|成员2性别应为 M、F 之一",
			"matter2Content|食堂饭菜偏咸|String|matter2Handling|问题2处理方式：处理方式应为",
			"employeeStaffNo|F999|String|employeeStaffNo|工号 F999 不在本组织的员工花名册里",
			"visitedOn|TOMORROW|String|visitedOn|走访时间不能晚于今天" })
	void aValueTheVisitsRulesRefuseIsNamedByItsFormKeyAndNothingIsStored(String key, String value, String type,
			String field, String message) {
		long before = stored();
		Map<String, Object> form = visitForm("org1");
		// a valid matter that would open a case, were the visit stored
		form.put("matter1Content", text("工资条看不懂"));
		form.put("matter1Handling", text("DEADLINE"));
		form.put("matter1DueOn", text(this.today.plusDays(5).toString()));
		// the second member's row only: the first row is empty and skipped
		form.put("household2Name", text("邝建平"));
		form.put(key, typed(value(value), type));

		ResponseEntity<JsonNode> refused = as("sec1").postForEntity(SUBMIT, Map.of("variables", form), JsonNode.class);

		assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fields(refused)).as("the form's keys, not the visit's list positions")
			.contains(field)
			.allMatch((name) -> name.matches("[A-Za-z0-9]+"));
		assertThat(refused.getBody().get("errors")).filteredOn((error) -> error.get("field").asText().equals(field))
			.extracting((error) -> error.get("message").asText())
			.anyMatch((text) -> text.contains(message));
		assertThat(refused.getBody().get("message").asText()).contains(message);
		assertThat(stored()).isEqualTo(before);
	}

	// fixtures

	/** The form as Tasklist submits it: every field, the empty ones as "" or null. */
	private Map<String, Object> visitForm(String orgCode) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("orgCode", text(orgCode));
		form.put("visitorName", text("蒲志远"));
		form.put("visitorPost", text("支部委员"));
		form.put("visitedOn", text(this.today.toString()));
		form.put("employeeStaffNo", text("F002"));
		form.put("partyMembersInHousehold", text("无"));
		form.put("annualIncome", typed(null, "Null"));
		form.put("found", text("家中老人需要照料"));
		form.put("asked", text("希望调整班次"));
		form.put("employeeOpinion", text("满意"));
		form.put("signedBy", text("邝慧琳"));
		form.put("signedOn", text(this.today.toString()));
		return form;
	}

	private Object value(String value) {
		return switch (value) {
			case "-" -> null;
			case "TOMORROW" -> this.today.plusDays(1).toString();
			default -> value;
		};
	}

	private static Map<String, Object> typed(Object value, String type) {
		Object typedValue = value;
		if (value instanceof String text && type.equals("Integer")) {
			typedValue = Integer.valueOf(text);
		}
		else if (value instanceof String text && type.equals("Double")) {
			typedValue = Double.valueOf(text);
		}
		Map<String, Object> variable = new LinkedHashMap<>();
		variable.put("value", typedValue);
		variable.put("type", type);
		return variable;
	}

	private static Map<String, Object> text(String value) {
		return typed(value, "String");
	}

	private Object variable(String instanceId, String name) {
		HistoricVariableInstance variable = this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(instanceId)
			.variableName(name)
			.singleResult();
		assertThat(variable).as(name).isNotNull();
		return variable.getValue();
	}

	/** Visits, cases and visit log instances stored so far. */
	private long stored() {
		return this.jdbc.queryForObject("select count(*) from visit", Long.class)
				+ this.jdbc.queryForObject("select count(*) from opinion_register", Long.class)
				+ this.history.createHistoricProcessInstanceQuery().processDefinitionKey("visit-log").count();
	}

	private static List<String> fields(ResponseEntity<JsonNode> response) {
		return response.getBody().get("errors").findValuesAsText("field").stream().distinct().toList();
	}

	private TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, DemoData.PASSWORD);
	}

}
