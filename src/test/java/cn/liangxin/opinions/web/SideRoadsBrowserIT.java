package cn.liangxin.opinions.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.deadline.CalendarService;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.support.Browser;
import cn.liangxin.opinions.support.WebAppTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static cn.liangxin.opinions.support.Browser.formField;
import static cn.liangxin.opinions.web.TasklistWalkIT.endOfDayInChina;
import static cn.liangxin.opinions.web.TasklistWalkIT.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: {@code hr1} asks for more time in the slip's form,
 * {@code sec1} approves it in Tasklist, and {@code hr1} sees the new due day in the task
 * list, whose entries show the case number, the reporter, the matter and the working days
 * left. Screenshots under {@code target/screenshots/}.
 */
@WebAppTest
class SideRoadsBrowserIT {

	static final By CLAIM = By.cssSelector("button.claim");

	static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");

	static final By FORM = By.cssSelector(".fjs-form");

	static final By TASK_LIST = By.cssSelector(".tasks-list");

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	TaskService tasks;

	@Autowired
	OpinionRegister register;

	@Autowired
	CalendarService calendars;

	@BeforeEach
	void demoOrganizationsAndPeopleExist() {
		Browser.assumeInstalled();
		this.demo.createOrganizationsAndPeople();
	}

	@Test
	void theDepartmentAsksForMoreTimeTheSecretaryApprovesAndTheTaskListShowsTheNewDueDay() {
		String reporter = "孙亮" + (System.nanoTime() % 10000);
		String caseNo = assignedToHr(reporter);
		RegisterEntry entry = this.register.require(caseNo);
		LocalDate due = entry.getDueOn();
		LocalDate asked = this.calendars.calendar().addWorkingDays(due, 4);

		try (Browser browser = Browser.open(this.port)) {
			// hr1 opens the slip: the case number, the due day and the working days left
			browser.logInToTasklist("hr1", DemoData.PASSWORD);
			open(browser, caseNo, "departmentHandle");
			assertThat(browser.text(FORM)).contains("案件编号：" + entry.caseNumber().display())
				.contains("办理时限：" + due)
				.contains("剩余时间：还剩")
				.contains("申请延期（报支部书记审批）")
				.contains("退单（交办单送错或不属本部门职责）");
			browser.click(CLAIM);
			browser.check("dept_outcome-1");
			browser.type(formField("dept_extensionDueOn-date"),
					asked.format(DateTimeFormatter.ofPattern("yyyy/MM/dd")) + Keys.TAB);
			browser.type(formField("dept_extensionReason"), "需等待社保局出具证明，预计下周到达。");
			assertThat(browser.text(FORM)).doesNotContain("办理情况及结果");
			browser.screenshot("side-roads-1-extension-hr1");
			browser.click(COMPLETE);
			Task approval = eventually(() -> task(caseNo, "approveExtension"));
			assertThat(approval.getName()).isEqualTo("审批延期申请：企业部门办理");

			// sec1 finds the request in the task list and approves it
			browser.logInToTasklist("sec1", DemoData.PASSWORD);
			browser.click(By.xpath("//*[contains(text(),'全部待办')]"));
			browser.waitFor(By.xpath(
					"//*[contains(@class,'tasks-list')]//*[contains(text(),'" + entry.caseNumber().display() + "')]"));
			open(browser, caseNo, "approveExtension");
			assertThat(browser.text(FORM)).contains("延期申请审批单")
				.contains(asked.toString())
				.contains(due.toString())
				.contains("需等待社保局出具证明")
				.contains("王芳（hr1）");
			browser.click(CLAIM);
			browser.check("extension_extensionDecision-0");
			browser.type(formField("extension_extensionComment"), "同意，请按新期限办结。");
			browser.screenshot("side-roads-2-approve-sec1");
			browser.click(COMPLETE);
			Task reopened = eventually(() -> {
				Task current = task(caseNo, "departmentHandle");
				return (current != null && "hr1".equals(current.getAssignee())) ? current : null;
			});
			assertThat(reopened.getDueDate()).isEqualTo(endOfDayInChina(asked));

			// hr1's task list shows the task with the new due day, the case and the
			// matter
			browser.logInToTasklist("hr1", DemoData.PASSWORD);
			browser.click(By.xpath("//*[contains(text(),'我的待办')]"));
			By entryOfCase = By.xpath("//*[contains(@class,'tasks-list')]//li[.//*[contains(text(),'"
					+ entry.caseNumber().display() + "')]]");
			String shown = browser.text(entryOfCase);
			assertThat(shown).contains(entry.caseNumber().display() + " " + reporter).contains("夜班下班路上照明不足");
			// opening the entry shows the days left and the due day too
			browser.click(By.xpath("//*[contains(@class,'tasks-list')]//li[.//*[contains(text(),'"
					+ entry.caseNumber().display() + "')]]//*[contains(@class,'glyphicon-menu-down')]"));
			String listed = browser.text(entryOfCase);
			assertThat(listed).contains(entry.caseNumber().display())
				.contains(reporter)
				.contains("夜班下班路上照明不足")
				.contains(asked.toString())
				.contains("还剩");
			browser.screenshot("side-roads-3-task-list-hr1");
			open(browser, caseNo, "departmentHandle");
			assertThat(browser.text(FORM)).contains("延期申请已批准，期限延至" + asked)
				.contains("同意，请按新期限办结")
				.contains("办理时限：" + asked);
		}
		RegisterEntry extended = this.register.require(caseNo);
		assertThat(extended.getDueOn()).isEqualTo(asked);
		assertThat(extended.getExtendedCount()).isEqualTo(1);
	}

	private String assignedToHr(String reporter) {
		ResponseEntity<Map> created = this.http.withBasicAuth("sec1", DemoData.PASSWORD)
			.postForEntity("/api/opinions",
					Map.of("orgCode", "org1", "reporterName", reporter, "reportedOn",
							LocalDate.now(WorkingDayCalendar.ZONE).toString(), "channel", "VISIT", "kind", "DIFFICULTY",
							"summary", "夜班下班路上照明不足，希望在厂区通道加装路灯。"),
					Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNo = (String) created.getBody().get("caseNo");
		Task assess = task(caseNo, "branchAssess");
		this.tasks.claim(assess.getId(), "sec1");
		this.tasks.complete(assess.getId(), Map.of("route", "ENTERPRISE", "scope", "INDIVIDUAL", "department", "hr"));
		return caseNo;
	}

	private void open(Browser browser, String caseNo, String key) {
		Task task = eventually(() -> task(caseNo, key));
		// as from the link of a mail: a fresh page, not a change of the open one's
		// address
		browser.driver().get("about:blank");
		browser.driver().get("http://localhost:" + this.port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
		browser.waitFor(FORM);
	}

	private Task task(String caseNo, String key) {
		return this.tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(key).singleResult();
	}

}
