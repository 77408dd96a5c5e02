package cn.liangxin.opinions.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.support.Browser;
import cn.liangxin.opinions.support.WebAppTest;
import cn.liangxin.opinions.visit.Roster;
import cn.liangxin.opinions.visit.Visits;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.liangxin.opinions.support.Browser.formField;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visit log as a branch secretary keeps it in Tasklist, in a real headless Chromium:
 * sec1 starts 走访日志, fills the form for an employee of org1's roster, with a household
 * member and a matter to be solved by a deadline, and submits it; the visit is recorded
 * with the case its matter opened, and Cockpit's coverage page (走访覆盖) counts the employee
 * as visited. Screenshots of the filled form and of the coverage under
 * {@code target/screenshots/}.
 */
@WebAppTest
class VisitLogTasklistIT {

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	Roster roster;

	@Autowired
	Visits visits;

	@Autowired
	OpinionRegister register;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void org1HasEmployeesOnItsRoster() {
		Browser.assumeInstalled();
		this.demo.createOrganizationsAndPeople();
		this.roster.importFile("org1", "t.csv", """
				工号,姓名,性别,车间/岗位,党员,联系党员工号
				T101,祁文博,男,机加车间/数控操作工,是,
				T102,柏雪梅,女,机加车间/统计员,否,T101
				""".getBytes(StandardCharsets.UTF_8), false);
	}

	@Test
	void theSecretaryKeepsTheVisitLogInTasklistAndTheCoverageCountsTheVisit() {
		LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
		LocalDate dueOn = today.plusDays(10);
		DateTimeFormatter typed = DateTimeFormatter.ofPattern("yyyy/MM/dd");

		try (Browser browser = Browser.open(this.port)) {
			browser.logInToTasklist("sec1", DemoData.PASSWORD);
			browser.click(TasklistWalkIT.START_PROCESS);
			browser.click(By.xpath("//a[normalize-space()='走访日志']"));
			browser.waitFor(formField("visit_visitorName"));
			assertThat(browser.text(TasklistWalkIT.FORM)).contains("走访情况", "被走访员工", "家庭情况", "问题一", "员工意见及签名");

			browser.type(formField("visit_visitorName"), "祁文博");
			browser.type(formField("visit_visitorPost"), "支部委员");
			browser.type(formField("visit_visitedOn-date"), today.format(typed) + Keys.TAB);
			browser.type(formField("visit_employeeStaffNo"), "T102");
			browser.type(formField("visit_household1Name"), "柏国强");
			browser.select("visit_household1Sex", "男");
			browser.type(formField("visit_household1Age"), "53");
			browser.type(formField("visit_household1Occupation"), "个体经营");
			browser.type(formField("visit_found"), "母亲长期卧病，家中负担较重");
			browser.type(formField("visit_asked"), "希望企业帮助申请困难职工补助");
			browser.type(formField("visit_matter1Content"), "申请困难职工补助，需要企业出具在职证明");
			browser.select("visit_matter1Handling", "限期解决");
			browser.type(formField("visit_matter1DueOn-date"), dueOn.format(typed) + Keys.TAB);
			browser.type(formField("visit_employeeOpinion"), "满意");
			browser.type(formField("visit_signedBy"), "柏雪梅");
			browser.type(formField("visit_signedOn-date"), today.format(typed) + Keys.TAB);
			assertThat(browser.driver().findElements(formField("visit_matter1Department"))).as("only for 转交部门办理")
				.isEmpty();
			scrollTo(browser, formField("visit_orgCode"));
			browser.screenshot("visit-log-form-top-sec1");
			scrollTo(browser, formField("visit_matter1DueOn-date"));
			browser.screenshot("visit-log-form-sec1");
			Object english = ((JavascriptExecutor) browser.driver())
				.executeScript("return Array.from(document.querySelectorAll('.fjs-form label, .fjs-form-field-error'))"
						+ ".map(e => e.textContent).filter(t => /[A-Za-z]{3}/.test(t)).length");
			assertThat(((Number) english).intValue()).as("labels and messages in English").isZero();
			browser.click(TasklistWalkIT.START_BUTTON);

			long visitId = TasklistWalkIT.eventually(() -> this.jdbc
				.queryForList("select v.id from visit v join employee e on e.id = v.employee_id "
						+ "where e.org_code = 'org1' and e.staff_no = 'T102'", Long.class)
				.stream()
				.findFirst()
				.orElse(null));
			Visits.VisitView visit = this.visits.find(visitId);
			assertThat(visit.employeeName()).isEqualTo("柏雪梅");
			assertThat(visit.visitedOn()).isEqualTo(today);
			assertThat(visit.recordedBy()).isEqualTo("张建国（sec1）");
			assertThat(visit.household())
				.extracting((m) -> m.name() + " " + m.sex() + " " + m.age() + " " + m.occupation())
				.containsExactly("柏国强 男 53 个体经营");
			assertThat(visit.matters()).hasSize(1);
			Visits.MatterView matter = visit.matters().get(0);
			assertThat(matter.handling()).isEqualTo("DEADLINE");
			assertThat(matter.dueOn()).isEqualTo(dueOn);
			RegisterEntry entry = this.register.require(matter.caseNo());
			assertThat(entry.getReporterName()).isEqualTo("柏雪梅");
			assertThat(entry.getChannel().name()).isEqualTo("VISIT");
			assertThat(entry.getSummary()).contains(dueOn.toString());

			// the coverage counts the visit: 柏雪梅 is no longer among those not visited
			JsonNode coverage = this.http.withBasicAuth("sec1", DemoData.PASSWORD)
				.getForObject("/api/visits/coverage?orgCode=org1", JsonNode.class);
			assertThat(coverage.get("notVisited")).extracting((e) -> e.get("staffNo").asText())
				.contains("T101")
				.doesNotContain("T102");
			browser.driver().manage().deleteAllCookies();
			String cockpit = "http://localhost:" + this.port + "/camunda/app/cockpit/default/";
			browser.driver().get(cockpit);
			browser.type(By.cssSelector("input[ng-model='username']"), "sec1");
			browser.type(By.cssSelector("input[ng-model='password']"), DemoData.PASSWORD);
			browser.click(By.cssSelector("button[type='submit']"));
			browser.waitFor(By.cssSelector(".insight-deadlines .insight-tiles"));
			browser.driver().get(cockpit + "#/insight/coverage");
			browser.waitFor(CoveragePageIT.COVERAGE_DRAWN);
			String notVisited = browser.text(By.cssSelector(".insight-coverage-not-visited"));
			browser.screenshot("visit-log-coverage-sec1");
			assertThat(notVisited).contains("祁文博（T101）").doesNotContain("T102");
			assertThat(browser.text(By.cssSelector(".insight-tile[data-tile='visited'] .insight-tile-note")))
				.isEqualTo(coverage.get("visited").asInt() + " / " + coverage.get("employees").asInt() + " 人");
		}
	}

	private static void scrollTo(Browser browser, By field) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})",
				browser.waitFor(field));
	}

}
