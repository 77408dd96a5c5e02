package cn.liangxin.opinions.web;

import java.time.LocalDate;
import java.util.List;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.opinion.OpinionIntake;
import cn.liangxin.opinions.opinion.OpinionIntakeService;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.support.Browser;
import cn.liangxin.opinions.support.WebAppTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webapps show each user only their own work: in a real headless Chromium, Tasklist's
 * 全部待办 lists exactly the open tasks of the user's organizations, and 我的组任务 those the user
 * may claim. A screenshot per user is kept under {@code target/screenshots/}.
 */
@WebAppTest
class TasklistAccessIT {

	@LocalServerPort
	int port;

	@Autowired
	DemoData demo;

	@Autowired
	OpinionIntakeService intake;

	@Autowired
	TaskService tasks;

	@BeforeEach
	void openCasesInEveryOrganizationAndOneWithHr() {
		Browser.assumeInstalled();
		this.demo.createOrganizationsAndPeople();
		if (this.tasks.createTaskQuery().tenantIdIn("org2").count() == 0) {
			for (String org : List.of("org1", "org2", "org3", "org1")) {
				this.intake.register(new OpinionIntake(org, "吴强", "后勤", null, null,
						LocalDate.now(WorkingDayCalendar.ZONE).toString(), "WALL", "SUGGESTION", "建议改善食堂伙食", false,
						null));
			}
		}
		if (this.tasks.createTaskQuery().taskDefinitionKey("departmentHandle").tenantIdIn("org1").count() == 0) {
			RegisterEntry entry = this.intake.register(new OpinionIntake("org1", "吴强", "后勤", null, null,
					LocalDate.now(WorkingDayCalendar.ZONE).toString(), "WALL", "SUGGESTION", "希望调整排班", false, null));
			String assess = this.tasks.createTaskQuery()
				.processInstanceId(entry.getProcessInstanceId())
				.singleResult()
				.getId();
			this.tasks.complete(assess, java.util.Map.of("route", "ENTERPRISE", "department", "hr"));
		}
	}

	@ParameterizedTest(name = "{0} sees the tasks of {1} in Tasklist")
	@CsvSource(delimiter = '|', value = { "sec1|org1|org1-branch", "hr1|org1|org1-dept-hr",
			"cmtstaff1|org1 org2|cmt1-committee", "district1|*|district" })
	void tasklistListsOnlyTheTasksOfTheUsersOrganizations(String user, String organizations, String group) {
		// district staff see every organization (other tests of this context may add
		// some)
		boolean everything = organizations.equals("*");
		String[] tenants = everything ? new String[0] : organizations.split(" ");
		long visible = everything ? this.tasks.createTaskQuery().count()
				: this.tasks.createTaskQuery().tenantIdIn(tenants).count();
		long claimable = (everything ? this.tasks.createTaskQuery() : this.tasks.createTaskQuery().tenantIdIn(tenants))
			.taskCandidateGroup(group)
			.taskUnassigned()
			.count();
		if (!everything) {
			assertThat(visible).as("other organizations have tasks too")
				.isLessThan(this.tasks.createTaskQuery().count());
		}

		try (Browser browser = Browser.open(this.port)) {
			browser.logInToTasklist(user, DemoData.PASSWORD);
			assertThat(count(browser, "全部待办")).as("全部待办 of %s", user).isEqualTo(visible);
			browser.screenshot("tasklist-" + user);
			// the webapp session also authenticates calls to the application's API
			for (String org : new String[] { "org1", "org2", "org3" }) {
				browser.driver().get("http://localhost:" + this.port + "/api/opinions?size=1&orgCode=" + org);
				String register = browser.driver().getPageSource();
				boolean sees = everything || List.of(tenants).contains(org);
				assertThat(register.contains("\"orgCode\":\"" + org + "\"")).as("%s's register shows %s", user, org)
					.isEqualTo(sees);
			}
			browser.driver().get("http://localhost:" + this.port + "/camunda/app/tasklist/default/");
			assertThat(count(browser, "我的组任务")).as("我的组任务 of %s", user).isEqualTo(claimable);
		}
	}

	/** Focuses a filter and reads the count Tasklist shows for it, once loaded. */
	private static long count(Browser browser, String filterName) {
		browser.click(By
			.xpath("//div[contains(@class,'task-filter')]//a[contains(normalize-space(.),'" + filterName + "')]"));
		By counter = By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]//a[contains("
				+ "normalize-space(.),'" + filterName + "')]/span[contains(@class,'counter')]");
		String last = null;
		for (int attempt = 0; attempt < 50; attempt++) {
			String text = browser.driver()
				.findElements(counter)
				.stream()
				.map((e) -> e.getText().strip())
				.findFirst()
				.orElse("");
			if (text.matches("\\d+") && text.equals(last)) {
				return Long.parseLong(text);
			}
			last = text;
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		throw new AssertionError("Tasklist shows no count for " + filterName);
	}

}
