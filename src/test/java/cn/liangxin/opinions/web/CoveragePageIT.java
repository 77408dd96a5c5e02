package cn.liangxin.opinions.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.support.Browser;
import cn.liangxin.opinions.support.WebAppTest;
import cn.liangxin.opinions.visit.Duties;
import cn.liangxin.opinions.visit.DutyKind;
import cn.liangxin.opinions.visit.DutyRecord;
import cn.liangxin.opinions.visit.Roster;
import cn.liangxin.opinions.visit.VisitLog;
import cn.liangxin.opinions.visit.Visits;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coverage page in Cockpit (走访覆盖, scripts/insight/coverage.js) in a real headless
 * Chromium: the committee's staff see their organizations' counts — the same as
 * {@code /api/visits/coverage} — and no employee's name; org1's secretary sees org1's
 * blocks, members and who was not visited yet, by name. Screenshots under
 * {@code target/screenshots/}.
 */
@WebAppTest
class CoveragePageIT {

	static final By COVERAGE_DRAWN = By.cssSelector(".insight-coverage .insight-tiles");

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
	Duties duties;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void org1HasARosterAndAVisitThisYear() {
		Browser.assumeInstalled();
		this.demo.createOrganizationsAndPeople();
		this.roster.importFile("org1", "p.csv", """
				工号,姓名,性别,片区,党员,联系党员工号,分管片区
				P001,覃明远,男,东区,是,,东区
				P002,甘晓燕,女,东区,否,P001,
				P003,鲁国栋,男,东区,否,P001,
				""".getBytes(StandardCharsets.UTF_8), false);
		this.visits.record(new VisitLog("org1", "覃明远", "支部委员", LocalDate.now(WorkingDayCalendar.ZONE).toString(),
				"P002", null, List.of(), null, null, "家庭和睦", null, List.of(), "满意", "甘晓燕", null), "sec1");
	}

	@Test
	void theCommitteeSeesItsOrganizationsCountsAndNoNames() {
		JsonNode api = this.http.withBasicAuth("cmtstaff1", DemoData.PASSWORD)
			.getForObject("/api/visits/coverage", JsonNode.class);

		try (Browser browser = Browser.open(this.port)) {
			logIn(browser, "cmtstaff1");
			browser.click(By.cssSelector("a.insight-coverage-link"));
			browser.waitFor(COVERAGE_DRAWN);
			browser.screenshot("cockpit-coverage-cmtstaff1");

			assertThat(browser.text(By.cssSelector(".insight-tile[data-tile='visited'] .insight-tile-note")))
				.isEqualTo(api.get("visited").asInt() + " / " + api.get("employees").asInt() + " 人");
			assertThat(browser.driver().findElements(By.cssSelector(".insight-coverage-orgs tr[data-org-code='org1']")))
				.hasSize(1);
			assertThat(browser.driver().getPageSource()).doesNotContain("甘晓燕").doesNotContain("鲁国栋");
		}
	}

	@AfterEach
	void noDuties() {
		this.jdbc.update("delete from visiting_duty where org_code = 'org1'");
	}

	@Test
	void theBranchSeesItsBlocksMembersAndWhoWasNotVisitedByName() {
		LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
		Duties.Duty meeting = this.duties.recordPast(DutyKind.MEETING, "org1", "", null, today,
				new DutyRecord(today.toString(), null, 15, "听取意见", null, List.of()), "sec1", Instant.now());
		try (Browser browser = Browser.open(this.port)) {
			logIn(browser, "sec1");
			browser.driver().get(cockpit() + "#/insight/coverage");
			browser.waitFor(COVERAGE_DRAWN);
			browser.waitFor(By.cssSelector(".insight-coverage-not-visited"));
			browser.screenshot("cockpit-coverage-sec1");

			assertThat(browser.driver().findElements(By.cssSelector(".insight-coverage-blocks tr[data-block='东区']")))
				.hasSize(1);
			assertThat(browser.text(By.cssSelector(".insight-coverage-members tr[data-staff-no='P001']")))
				.contains("覃明远");
			assertThat(browser.text(By.cssSelector(".insight-coverage-not-visited"))).contains("鲁国栋")
				.doesNotContain("甘晓燕");
			// this quarter's meeting, recorded: made 1, recorded 1, on time 1, overdue 0
			assertThat(browser
				.text(By.cssSelector(".insight-coverage-duties tr[data-kind='meetingsPerQuarter'][data-period='"
						+ meeting.period() + "']")))
				.contains("员工意见征集会（每季度）", meeting.period() + " 1 1 1 0");
		}
	}

	private String cockpit() {
		return "http://localhost:" + this.port + "/camunda/app/cockpit/default/";
	}

	private void logIn(Browser browser, String user) {
		browser.driver().manage().deleteAllCookies();
		browser.driver().get(cockpit());
		browser.type(By.cssSelector("input[ng-model='username']"), user);
		browser.type(By.cssSelector("input[ng-model='password']"), DemoData.PASSWORD);
		browser.click(By.cssSelector("button[type='submit']"));
		browser.waitFor(By.cssSelector(".insight-deadlines .insight-tiles"));
	}

}
