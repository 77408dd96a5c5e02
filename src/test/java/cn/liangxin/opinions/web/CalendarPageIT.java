package cn.liangxin.opinions.web;

import java.time.LocalDate;
import java.util.Map;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.deadline.CalendarService;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.support.Browser;
import cn.liangxin.opinions.support.WebAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin keeps the working-day calendar in the browser: while next year's arrangement
 * is missing (from 1 November) Tasklist shows a notice that leads to the page of holiday
 * arrangements, where the admin saves the year; a branch secretary sees no notice.
 */
@WebAppTest
class CalendarPageIT {

	static final By NOTICE = By.id("opinion-calendar-notice");

	@LocalServerPort
	int port;

	@Autowired
	DemoData demo;

	@Autowired
	TestRestTemplate http;

	@Autowired
	CalendarService calendars;

	@Autowired
	JdbcTemplate jdbc;

	int year;

	@BeforeEach
	void organizationsExist() {
		Browser.assumeInstalled();
		this.demo.createOrganizationsAndPeople();
		this.year = LocalDate.now(WorkingDayCalendar.ZONE).getYear() + 1;
	}

	@AfterEach
	void withoutTheTestsYear() {
		this.jdbc.update("delete from calendar_year where calendar_year = ?", this.year);
		this.calendars.reload();
	}

	@Test
	void anAdminIsToldAboutTheMissingYearAndSavesIt() {
		Integer missing = this.calendars.status().missingNextYear();
		try (Browser browser = Browser.open(this.port)) {
			browser.logInToTasklist("admin", DemoData.PASSWORD);
			if (missing != null) {
				assertThat(browser.text(NOTICE)).contains("尚未录入 " + missing + " 年的节假日安排");
				browser.screenshot("calendar-notice-admin");
				browser.click(By.cssSelector("#opinion-calendar-notice a"));
			}
			else {
				browser.driver().get("http://localhost:" + this.port + "/calendar.html");
			}
			browser.waitFor(By.xpath("//table[@id='years']//td[normalize-space()='2026']"));
			browser.type(By.id("year"), String.valueOf(this.year));
			browser.type(By.id("arrangement"), "year " + this.year + "\nholiday " + this.year + "-01-01 元旦\n");
			browser.click(By.id("save"));

			assertThat(browser.text(By.cssSelector("#result.ok"))).contains("已保存 " + this.year + " 年的安排");
			browser.waitFor(By.xpath("//table[@id='years']//td[normalize-space()='" + this.year + "']"));
			browser.screenshot("calendar-page-admin");
		}
		Map<?, ?> status = this.http.withBasicAuth("admin", DemoData.PASSWORD)
			.getForObject("/api/admin/calendar", Map.class);
		assertThat(status.get("missingNextYear")).isNull();
	}

	@Test
	void aBranchSecretarySeesNoNotice() throws InterruptedException {
		try (Browser browser = Browser.open(this.port)) {
			browser.logInToTasklist("sec1", DemoData.PASSWORD);
			Thread.sleep(3000);

			assertThat(browser.driver().findElements(NOTICE)).isEmpty();
		}
	}

}
