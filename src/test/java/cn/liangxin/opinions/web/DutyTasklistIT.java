package cn.liangxin.opinions.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.support.Browser;
import cn.liangxin.opinions.support.WebAppTest;
import cn.liangxin.opinions.visit.Duties;
import cn.liangxin.opinions.visit.DutyKind;
import cn.liangxin.opinions.workflow.DutyProcess;
import cn.liangxin.opinions.workflow.DutyStarter;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.liangxin.opinions.support.Browser.formField;
import static cn.liangxin.opinions.web.TasklistWalkIT.CLAIM;
import static cn.liangxin.opinions.web.TasklistWalkIT.COMPLETE;
import static cn.liangxin.opinions.web.TasklistWalkIT.FORM;
import static cn.liangxin.opinions.web.TasklistWalkIT.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recurring duty in Tasklist, in a real headless Chromium: org1's secretary opens this
 * quarter's 登记员工意见征集会, claims it, fills its form in Chinese — the day, how many attended,
 * what was said, an opinion an employee raised — and completes it: the duty is recorded
 * and the opinion is a case of channel 意见征集会. Screenshot under
 * {@code target/screenshots/}.
 */
@WebAppTest
class DutyTasklistIT {

	@LocalServerPort
	int port;

	@Autowired
	DemoData demo;

	@Autowired
	DutyStarter starter;

	@Autowired
	Duties duties;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	OpinionRegister register;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void thisPeriodsDutiesAreMade() {
		Browser.assumeInstalled();
		this.demo.createOrganizationsAndPeople();
		this.starter.makeMissing();
	}

	/**
	 * Removed again, so that the other tests of this context find the task lists they
	 * count.
	 */
	@AfterEach
	void noDuties() {
		this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(DutyProcess.PROCESS_ID)
			.list()
			.forEach((instance) -> this.runtime.deleteProcessInstance(instance.getId(), "test over"));
		this.jdbc.update("delete from visiting_duty");
	}

	@Test
	void theSecretaryRecordsThisQuartersMeetingWithItsFormAndTheOpinionRaisedBecomesACase() {
		LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
		String period = this.duties.period(DutyKind.MEETING, today).label();
		Task meeting = this.tasks.createTaskQuery()
			.processInstanceBusinessKey("MEETING-org1-" + period)
			.taskDefinitionKey(DutyProcess.Tasks.MEETING)
			.singleResult();
		assertThat(meeting.getName()).isEqualTo("登记员工意见征集会（" + period + "）");

		try (Browser browser = Browser.open(this.port)) {
			browser.logInToTasklist("sec1", DemoData.PASSWORD);
			browser.driver()
				.get("http://localhost:" + this.port + "/camunda/app/tasklist/default/#/?task=" + meeting.getId());
			browser.waitFor(FORM);
			assertThat(browser.text(FORM)).contains("员工意见征集会登记", "重庆渝发机械制造有限公司", period);
			browser.click(CLAIM);
			browser.type(formField("meeting_doneOn-date"),
					today.format(DateTimeFormatter.ofPattern("yyyy/MM/dd")) + Keys.TAB);
			browser.type(formField("meeting_attendees"), "23");
			browser.type(formField("meeting_dutySummary"), "听取一车间员工对夜班安排的意见");
			browser.type(formField("meeting_opinion1Employee"), "黎小川");
			browser.type(formField("meeting_opinion1Content"), "夜班结束后没有班车，希望增开一班");
			browser.screenshot("duty-meeting-sec1");
			browser.click(COMPLETE);
		}

		Duties.Duty kept = eventually(() -> {
			Long id = this.jdbc.queryForObject(
					"select id from visiting_duty where kind = 'MEETING' and org_code = 'org1' and period = ?",
					Long.class, period);
			Duties.Duty duty = this.duties.find(id).orElseThrow();
			return duty.done() ? duty : null;
		});
		assertThat(kept.doneOn()).isEqualTo(today);
		assertThat(kept.attendees()).isEqualTo(23);
		assertThat(kept.recordedBy()).contains("sec1");
		assertThat(this.register.require(kept.caseNos()).getChannel()).hasToString("MEETING");
		assertThat(this.register.require(kept.caseNos()).getReporterName()).isEqualTo("黎小川");
	}

}
