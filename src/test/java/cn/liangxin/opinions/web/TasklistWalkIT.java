package cn.liangxin.opinions.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.deadline.CalendarService;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.support.Browser;
import cn.liangxin.opinions.support.WebAppTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.liangxin.opinions.support.Browser.formField;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A branch secretary, an HR clerk and the secretary again take a case from the Tasklist
 * intake form through an assignment slip to strike-off, in a real headless Chromium.
 * Screenshots of each step are kept under {@code target/screenshots/}.
 */
@WebAppTest
class TasklistWalkIT {

	static final By START_PROCESS = By.cssSelector(".start-process-action a");

	static final By START_BUTTON = By.cssSelector("button[ng-click='startProcessInstance()']");

	static final By CLAIM = By.cssSelector("button.claim");

	static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");

	static final By FORM = By.cssSelector(".fjs-form");

	@LocalServerPort
	int port;

	@Autowired
	DemoData demo;

	@Autowired
	RuntimeService runtime;

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
	void aCaseGoesFromTheIntakeFormThroughTheAssignmentSlipToStrikeOff() {
		LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
		LocalDate reportedOn = today.minusDays(2);
		String reporter = "钱明" + (System.nanoTime() % 10000);
		LocalDate due = this.calendars.calendar().deadline(reportedOn, 15).dueOn();

		try (Browser browser = Browser.open(this.port)) {
			// the branch secretary registers the opinion with the intake form
			browser.logInToTasklist("sec1", DemoData.PASSWORD);
			browser.click(START_PROCESS);
			browser.click(By.xpath("//a[normalize-space()='员工意见办理']"));
			browser.waitFor(Browser.text("员工意见登记"));
			browser.type(formField("intake_reporterName"), reporter);
			browser.type(formField("intake_reporterUnit"), "焊接车间");
			browser.type(formField("intake_reportedOn-date"),
					reportedOn.format(DateTimeFormatter.ofPattern("yyyy/MM/dd")) + Keys.TAB);
			browser.select("intake_channel", "走访");
			browser.check("intake_kind-0");
			browser.type(formField("intake_summary"), "车间通风设备老化，夏季温度过高，希望更换。");
			browser.screenshot("walk-1-intake-sec1");
			browser.click(START_BUTTON);
			ProcessInstance instance = eventually(() -> this.runtime.createProcessInstanceQuery()
				.variableValueEquals("reporterName", reporter)
				.singleResult());
			assertThat(instance.getTenantId()).isEqualTo("org1");
			RegisterEntry entry = this.register.require(instance.getBusinessKey());
			assertThat(entry.getReportedOn()).isEqualTo(reportedOn);

			// ... assesses it and issues an assignment slip to HR
			openTask(browser, instance, "branchAssess");
			assertThat(browser.text(FORM)).contains(entry.caseNumber().display());
			browser.click(CLAIM);
			browser.check("assess_route-2");
			browser.check("assess_scope-0");
			browser.select("assess_department", "人力资源部");
			browser.type(formField("assess_slipContact"), "张建国");
			browser.screenshot("walk-2-assess-sec1");
			browser.click(COMPLETE);
			Task department = eventually(() -> task(instance, "departmentHandle"));
			assertThat(department.getDueDate()).isEqualTo(endOfDayInChina(due));

			// HR signs for the slip by claiming it and replies
			browser.logInToTasklist("hr1", DemoData.PASSWORD);
			openTask(browser, instance, "departmentHandle");
			assertThat(browser.text(FORM)).contains("员工意见交办单")
				.contains("办理时限：" + due)
				.contains("望在" + due + "前办理完毕")
				.contains(reporter);
			browser.click(CLAIM);
			eventually(() -> this.register.require(entry.getCaseNo()).getDepartmentSignedBy());
			browser.type(formField("dept_handlingResult"), "已安排更换车间通风设备。");
			browser.screenshot("walk-3-department-hr1");
			browser.click(COMPLETE);
			eventually(() -> task(instance, "branchFeedback"));

			// the secretary feeds the result back; the employee is satisfied; the case is
			// struck off
			browser.logInToTasklist("sec1", DemoData.PASSWORD);
			openTask(browser, instance, "branchFeedback");
			browser.click(CLAIM);
			browser.check("feedback_feedbackMethod-1");
			browser.type(formField("feedback_feedbackOn-date"),
					today.format(DateTimeFormatter.ofPattern("yyyy/MM/dd")) + Keys.TAB);
			browser.type(formField("feedback_feedbackSignedBy"), reporter);
			browser.type(formField("feedback_feedbackContent"), "电话告知已更换通风设备。");
			browser.check("feedback_satisfaction-0");
			browser.screenshot("walk-4-feedback-sec1");
			browser.click(COMPLETE);

			RegisterEntry closed = eventually(() -> {
				RegisterEntry current = this.register.require(entry.getCaseNo());
				return current.isStruckOff() ? current : null;
			});
			assertThat(closed.getStruckOffOn()).isEqualTo(today);
			assertThat(closed.getFeedbackMethod()).hasToString("PHONE");
			assertThat(closed.getFeedbackSignedBy()).isEqualTo(reporter);
			assertThat(closed.getSatisfied()).isTrue();
			assertThat(closed.getDepartmentSignedBy()).contains("hr1");
			assertThat(closed.getHandlingOpinion()).contains("人力资源部").contains("已安排更换车间通风设备");
		}
	}

	private void openTask(Browser browser, ProcessInstance instance, String key) {
		Task task = eventually(() -> task(instance, key));
		browser.driver().get("http://localhost:" + this.port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
		browser.waitFor(FORM);
	}

	private Task task(ProcessInstance instance, String key) {
		return this.tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
	}

	/**
	 * Waits up to 20 s for the browser's action to show in the engine or the register.
	 */
	static <T> T eventually(java.util.function.Supplier<T> value) {
		Instant end = Instant.now().plus(Duration.ofSeconds(20));
		while (true) {
			T result = value.get();
			if (result != null) {
				return result;
			}
			if (Instant.now().isAfter(end)) {
				throw new AssertionError("The browser's action did not arrive within 20 s");
			}
			sleep();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Date endOfDayInChina(LocalDate date) {
		return Date.from(date.atTime(LocalTime.of(23, 59, 59)).atZone(WorkingDayCalendar.ZONE).toInstant());
	}

}
