package cn.liangxin.opinions.visit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.support.WebAppTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visit log over the API: sec1 records a visit to an employee of org1's roster; the
 * matter to be handled by a deadline and the one passed to a department each open a case
 * (channel 走访) that waits for the branch's assessment, the one solved on the spot none;
 * the visit lists its cases and each case finds its visit. A bad visit is refused naming
 * every field and stores nothing, no case either; committees and the district get 403,
 * another organization's branch 404.
 */
@WebAppTest
class VisitsIT {

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

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
	JdbcTemplate jdbc;

	final LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);

	@BeforeEach
	void org1HasAnEmployeeOnItsRoster() {
		this.demo.createOrganizationsAndPeople();
		this.roster.importFile("org1", "v.csv", """
				工号,姓名,性别,车间/岗位,手机,党员,联系党员工号
				V001,刘德明,男,铸造车间/浇注工,13800000901,是,
				V002,何秀芬,女,铸造车间/质检员,13800000902,否,V001
				""".getBytes(StandardCharsets.UTF_8), false);
	}

	@Test
	void aVisitOpensACaseForEachMatterHandledByADeadlineOrPassedOn() {
		ResponseEntity<JsonNode> recorded = as("sec1").postForEntity("/api/visits", aVisit(List.of(
				Map.of("content", "更衣柜不够用", "handling", "ON_SPOT", "result", "已协调增设两组更衣柜"),
				Map.of("content", "孩子入学需要居住证明", "handling", "DEADLINE", "dueOn", this.today.plusDays(10).toString()),
				Map.of("content", "加班费计算有疑问", "handling", "DEPARTMENT", "department", "人力资源部", "kind", "CONFLICT"))),
				JsonNode.class);

		assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode visit = recorded.getBody();
		assertThat(recorded.getHeaders().getLocation()).hasPath("/api/visits/" + visit.get("id").asLong());
		assertThat(visit.get("employeeName").asText()).isEqualTo("何秀芬");
		assertThat(visit.at("/household/0/sex").asText()).isEqualTo("男");
		assertThat(visit.at("/matters/0/caseNo").isNull()).isTrue();
		String byDeadline = visit.at("/matters/1/caseNo").asText();
		String passedOn = visit.at("/matters/2/caseNo").asText();
		RegisterEntry entry = this.register.require(passedOn);
		assertThat(entry.getReporterName()).isEqualTo("何秀芬");
		assertThat(entry.getChannel().name()).isEqualTo("VISIT");
		assertThat(entry.getSummary()).startsWith("加班费计算有疑问").contains("人力资源部");
		assertThat(this.register.require(byDeadline).getSummary()).contains(this.today.plusDays(10).toString());
		assertThat(
				this.tasks.createTaskQuery().processInstanceBusinessKey(passedOn).singleResult().getTaskDefinitionKey())
			.isEqualTo("branchAssess");

		JsonNode ofCase = as("sec1").getForObject("/api/visits/of-case/" + passedOn, JsonNode.class);
		assertThat(ofCase.get("id").asLong()).isEqualTo(visit.get("id").asLong());
		JsonNode year = as("sec1").getForObject("/api/visits?orgCode=org1&year=" + this.today.getYear(),
				JsonNode.class);
		assertThat(year.get("content")).extracting((v) -> v.get("id").asLong()).contains(visit.get("id").asLong());
	}

	@Test
	void theCasePageShowsTheVisitACaseCameFromToTheBranchOnly() {
		cn.liangxin.opinions.support.Browser.assumeInstalled();
		String caseNo = as("sec1")
			.postForObject("/api/visits",
					aVisit(List.of(Map.of("content", "夜班宿舍热水不稳定", "handling", "DEPARTMENT", "department", "后勤部"))),
					JsonNode.class)
			.at("/matters/0/caseNo")
			.asText();

		try (cn.liangxin.opinions.support.Browser browser = cn.liangxin.opinions.support.Browser.open(this.port)) {
			browser.logInToTasklist("sec1", DemoData.PASSWORD);
			browser.driver().get("http://localhost:" + this.port + "/case.html?caseNo=" + caseNo);
			browser.waitFor(org.openqa.selenium.By.cssSelector("#visitRow:not([hidden])"));
			browser.screenshot("case-from-visit-sec1");
			assertThat(browser.text(org.openqa.selenium.By.id("visit"))).contains("张建国").contains("何秀芬");

			browser.driver().manage().deleteAllCookies();
			browser.logInToTasklist("cmtstaff1", DemoData.PASSWORD);
			browser.driver().get("http://localhost:" + this.port + "/case.html?caseNo=" + caseNo);
			new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
				.until(org.openqa.selenium.support.ui.ExpectedConditions
					.presenceOfElementLocated(org.openqa.selenium.By.cssSelector("#visitRow[data-checked]")));
			assertThat(browser.driver().findElement(org.openqa.selenium.By.id("visitRow")).isDisplayed()).isFalse();
		}
	}

	@Test
	void aBadVisitIsRefusedNamingEachFieldAndStoresNothingNoCaseEither() {
		int visits = count("visit");
		int cases = count("opinion_register");
		Map<String, Object> bad = new java.util.HashMap<>(aVisit(List.of(
				Map.of("content", "宿舍漏水", "handling", "SOMEDAY"), Map.of("content", "工资迟发", "handling", "DEADLINE"),
				Map.of("content", "食堂饭菜", "handling", "DEPARTMENT", "department", "后勤部"))));
		bad.put("visitorName", " ");
		bad.put("visitedOn", this.today.plusDays(1).toString());
		bad.put("employeeStaffNo", "V999");
		bad.put("household", List.of(Map.of("name", "刘强", "sex", "X")));

		ResponseEntity<JsonNode> refused = as("sec1").postForEntity("/api/visits", bad, JsonNode.class);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("errors")).extracting((e) -> e.get("field").asText())
			.contains("visitorName", "visitedOn", "employeeStaffNo", "household[0].sex", "matters[0].handling",
					"matters[1].dueOn");
		assertThat(count("visit")).isEqualTo(visits);
		assertThat(count("opinion_register")).isEqualTo(cases);
	}

	/**
	 * A value of the wrong JSON type is named by its path in the body, with what it
	 * should be in Chinese — never a Java class name.
	 */
	@Test
	void aValueOfTheWrongTypeIsNamedWithItsPathAndWhatItShouldBeInChinese() {
		Map<String, Object> income = new java.util.HashMap<>(aVisit(List.of()));
		income.put("annualIncome", "abc");
		JsonNode error = as("sec1").postForEntity("/api/visits", income, JsonNode.class).getBody().get("errors").get(0);
		assertThat(error.get("field").asText()).isEqualTo("annualIncome");
		assertThat(error.get("message").asText()).contains("应为数字").doesNotContain("BigDecimal");

		Map<String, Object> age = new java.util.HashMap<>(aVisit(List.of()));
		age.put("household", List.of(Map.of("name", "刘强", "sex", "M", "age", "三十")));
		JsonNode nested = as("sec1").postForEntity("/api/visits", age, JsonNode.class).getBody().get("errors").get(0);
		assertThat(nested.get("field").asText()).isEqualTo("household[0].age");
		assertThat(nested.get("message").asText()).contains("应为整数").doesNotContain("Integer");
	}

	@Test
	void onlyTheOrganizationsBranchRecordsAndReadsItsVisits() {
		long id = as("sec1").postForEntity("/api/visits", aVisit(List.of()), JsonNode.class)
			.getBody()
			.get("id")
			.asLong();

		for (String user : List.of("cmtstaff1", "district1")) {
			assertThat(as(user).postForEntity("/api/visits", aVisit(List.of()), JsonNode.class).getStatusCode())
				.as(user)
				.isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(as(user).getForEntity("/api/visits?orgCode=org1", JsonNode.class).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(as(user).getForEntity("/api/visits/" + id, JsonNode.class).getStatusCode())
				.isEqualTo(HttpStatus.NOT_FOUND);
		}
		assertThat(as("sec3").getForEntity("/api/visits/" + id, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(as("sec3").getForEntity("/api/visits?orgCode=org1", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(as("sec3").postForEntity("/api/visits", aVisit(List.of()), JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(as("mem1").getForEntity("/api/visits/" + id, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(as("sec1").getForEntity("/api/visits/abc", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private Map<String, Object> aVisit(List<Map<String, String>> matters) {
		return Map.ofEntries(Map.entry("orgCode", "org1"), Map.entry("visitorName", "张建国"),
				Map.entry("visitorPost", "支部书记"), Map.entry("visitedOn", this.today.toString()),
				Map.entry("employeeStaffNo", "V002"),
				Map.entry("household", List.of(Map.of("name", "刘强", "sex", "男", "age", 44, "occupation", "司机"))),
				Map.entry("partyMembersInHousehold", "无"), Map.entry("annualIncome", 96000),
				Map.entry("found", "家中老人需要照料"), Map.entry("asked", "希望调整班次"), Map.entry("matters", matters),
				Map.entry("employeeOpinion", "满意"), Map.entry("signedBy", "何秀芬"),
				Map.entry("signedOn", this.today.toString()));
	}

	private int count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	private TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, DemoData.PASSWORD);
	}

}
