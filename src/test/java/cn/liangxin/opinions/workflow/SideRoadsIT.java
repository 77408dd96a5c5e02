package cn.liangxin.opinions.workflow;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import cn.liangxin.opinions.opinion.CaseEvent;
import cn.liangxin.opinions.opinion.CaseEventKind;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.opinion.SideRoads;
import cn.liangxin.opinions.opinion.Urges;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.support.MailMessages;
import cn.liangxin.opinions.support.TestClock;
import cn.liangxin.opinions.workflow.OpinionProcess.Elements;
import cn.liangxin.opinions.workflow.OpinionProcess.Tasks;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static cn.liangxin.opinions.workflow.ProcessFixtures.assessedAs;
import static cn.liangxin.opinions.workflow.ProcessFixtures.feedback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

/**
 * The side roads of handling in the process, with the engine's clock moved and a real
 * SMTP server: a slip returned (退单) and reassigned or insisted on, returning refused
 * after the window, more time asked (延期申请) and granted (new due day, timers and reminders
 * at the new moments) or refused, the third request refused, a reply sent back (补办) and
 * reworked, and urges (催办) once a day.
 * <p>
 * The opinion is raised on Monday 2026-09-28 and assigned to 人力资源部 (hr) at once: due
 * Friday 2026-10-23 (15 working days; the National Day holiday 10-01..10-07 lies in
 * between, 10-10 is a make-up working day).
 */
@SpringBootTest
@ActiveProfiles("test")
class SideRoadsIT {

	static final String RAISED_ON = "2026-09-28";

	static final int SMTP_PORT = freePort();

	static GreenMail smtp;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessFixtures given;

	@Autowired
	SideRoads sideRoads;

	@Autowired
	Urges urges;

	@Autowired
	OrgDirectory directory;

	@BeforeAll
	static void startSmtp() {
		smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@BeforeEach
	void setUp() throws Exception {
		BpmnAwareTests.init(this.engine);
		this.given.organizationsExist();
		smtp.purgeEmailFromAllMailboxes();
		TestClock.at(RAISED_ON, "10:00");
	}

	@AfterEach
	void tearDown() {
		TestClock.reset();
	}

	@Nested
	class ReturnASlip {

		@Test
		void aReturnedSlipGoesBackToTheBranchWhichAssignsAnotherDepartmentThatHandlesIt() {
			RegisterEntry entry = assignedToHr();
			var running = instance(entry);
			TestClock.at("2026-09-29", "09:00");
			complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1",
					Map.of("outcome", "RETURN", "returnReason", "车间照明属生产部职责，不属人力资源部"));

			BpmnAwareTests.assertThat(running)
				.hasPassed(Elements.SLIP_RETURNED)
				.hasNotPassed("DepartmentHandledEndEvent")
				.isWaitingAt(Tasks.BRANCH_ASSESS);
			Task assess = task(entry, Tasks.BRANCH_ASSESS);
			Map<String, Object> seen = taskVariables(assess);
			assertThat(seen).containsEntry("returnedDepartmentName", "人力资源部")
				.containsEntry("returnedOn", "2026-09-29")
				.containsEntry("returnReason", "车间照明属生产部职责，不属人力资源部");
			assertThat((String) seen.get("returnedBy")).contains("hr1");
			RegisterEntry returned = reloaded(entry);
			assertThat(returned.getReturnedCount()).isEqualTo(1);
			assertThat(returned.getHandlingOpinion()).contains("部门退单（第1次）").contains("不属人力资源部");
			assertThat(returned.getRemarks()).contains("部门退单（第1次）");
			assertThat(returned.getStage()).isEqualTo(Tasks.BRANCH_ASSESS);

			complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("ENTERPRISE", "department", "prod"));

			Task prod = task(entry, Tasks.DEPARTMENT_HANDLE);
			BpmnAwareTests.assertThat(prod).hasCandidateGroup("org1-dept-prod");
			// the 15 working days still count from the day raised (docs/process.md)
			assertThat(prod.getDueDate()).isEqualTo(endOfDay("2026-10-23"));
			assertThat(taskVariables(prod)).doesNotContainKey("returnedDepartment").doesNotContainKey("insistNote");
			complete(entry, Tasks.DEPARTMENT_HANDLE, "prod1", Map.of("handlingResult", "已在车间通道加装照明"));
			complete(entry, Tasks.BRANCH_FEEDBACK, "sec1", feedback(true));

			BpmnAwareTests.assertThat(running).isEnded();
			assertThat(kinds(entry)).containsExactly(CaseEventKind.RETURNED, CaseEventKind.DONE);
		}

		@Test
		void theBranchInsistsWithANoteAndTheDepartmentMayNotReturnTheSlipAgain() {
			RegisterEntry entry = assignedToHr();
			complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", Map.of("outcome", "RETURN", "returnReason", "不属本部门"));

			assertThatThrownBy(
					() -> complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("ENTERPRISE", "department", "hr")))
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("驳回退单的说明");
			complete(entry, Tasks.BRANCH_ASSESS, "sec1",
					assessedAs("ENTERPRISE", "department", "hr", "insistNote", "夜班通勤补贴属人力资源部职责"));

			Task again = task(entry, Tasks.DEPARTMENT_HANDLE);
			BpmnAwareTests.assertThat(again).hasCandidateGroup("org1-dept-hr");
			assertThat(taskVariables(again)).containsEntry("insistNote", "夜班通勤补贴属人力资源部职责")
				.containsEntry("insistedDepartment", "hr")
				.containsEntry("returnRule", "支部已驳回退单，本交办单不能再退回。");
			assertThat(reloaded(entry).getHandlingOpinion()).contains("驳回退单，仍由人力资源部办理：夜班通勤补贴属人力资源部职责");
			assertThatThrownBy(() -> complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1",
					Map.of("outcome", "RETURN", "returnReason", "仍不属本部门")))
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("支部已驳回退单");
			assertThat(kinds(entry)).containsExactly(CaseEventKind.RETURNED, CaseEventKind.RETURN_REFUSED);
		}

		@Test
		void aSlipCanBeReturnedOnlyWithinTwoWorkingDaysOfSigningAndTheHolidayDoesNotCount() {
			RegisterEntry entry = assignedToHr();
			TestClock.at("2026-09-29", "09:00");
			SideRoadsIT.this.engine.getTaskService().claim(task(entry, Tasks.DEPARTMENT_HANDLE).getId(), "hr1");

			// signed Tuesday 09-29: the two working days are 09-30 and 10-08 (after the
			// holiday)
			TestClock.at("2026-10-09", "09:00");
			assertThatThrownBy(() -> complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1",
					Map.of("outcome", "RETURN", "returnReason", "不属本部门")))
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("2026-09-29签收")
				.hasMessageContaining("至2026-10-08");
			BpmnAwareTests.assertThat(instance(entry)).isWaitingAt(Tasks.DEPARTMENT_HANDLE);
			assertThat(reloaded(entry).getReturnedCount()).isZero();

			TestClock.at("2026-10-08", "17:00");
			complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", Map.of("outcome", "RETURN", "returnReason", "不属本部门"));
			BpmnAwareTests.assertThat(instance(entry)).isWaitingAt(Tasks.BRANCH_ASSESS);
		}

		@Test
		void aReturnNeedsAReasonAndOnlyTheDepartmentMayReturn() {
			RegisterEntry entry = assignedToHr();

			assertThatThrownBy(() -> complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", Map.of("outcome", "RETURN")))
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("退单理由");

			RegisterEntry upper = SideRoadsIT.this.given.anOpinionRaisedOn(RAISED_ON);
			complete(upper, Tasks.BRANCH_ASSESS, "sec1", assessedAs("UPPER"));
			assertThatThrownBy(() -> complete(upper, Tasks.BRANCH_REPORT_UP, "sec1",
					Map.of("outcome", "RETURN", "returnReason", "x")))
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("DONE（办结）或 EXTEND（申请延期）");
		}

	}

	@Nested
	class AskForMoreTime {

		@Test
		void anApprovedExtensionReopensTheTaskForWhoAskedWithTheNewDueDayTimersAndReminders() throws Exception {
			RegisterEntry entry = assignedToHr();
			TestClock.at("2026-10-20", "10:00");
			complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", extend("2026-10-30", "需等待社保局出具证明"));

			BpmnAwareTests.assertThat(instance(entry)).isWaitingAt(Elements.DEPARTMENT_EXTENSION);
			Task approval = approval(entry);
			BpmnAwareTests.assertThat(approval).hasCandidateGroup("org1-secretary");
			assertThat(approval.getName()).isEqualTo("审批延期申请：企业部门办理");
			// two working days to decide: Thursday 10-22
			assertThat(approval.getDueDate()).isEqualTo(endOfDay("2026-10-22"));
			assertThat(taskVariables(approval)).containsEntry("extensionFrom", "2026-10-23")
				.containsEntry("extensionDueOn", "2026-10-30")
				.containsEntry("extensionReason", "需等待社保局出具证明")
				.containsEntry("daysLeft", "还剩2个工作日");
			assertThat(reloaded(entry).getRemarks()).contains("企业部门办理申请延期（第1次）：期限由2026-10-23延至2026-10-30");

			// the approver's reminder on the due day at 09:00
			Job reminder = job(approval.getProcessInstanceId(), "ApprovalReminderTimer");
			assertThat(reminder.getDuedate()).isEqualTo(china("2026-10-22", "09:00"));
			TestClock.at("2026-10-22", "09:00");
			execute(reminder);
			executeMessages(approval.getProcessInstanceId());
			MimeMessage remind = single(mailsAbout(entry));
			assertThat(remind.getSubject()).startsWith("【今日到期】").contains("审批延期申请：企业部门办理");
			assertThat(recipients(remind)).containsExactly("sec1@example.cn");

			TestClock.at("2026-10-22", "11:00");
			SideRoadsIT.this.engine.getTaskService().claim(approval.getId(), "sec1");
			SideRoadsIT.this.engine.getTaskService()
				.complete(approval.getId(), Map.of("extensionDecision", "APPROVE", "extensionComment", "同意，请按时办结"));

			Task reopened = task(entry, Tasks.DEPARTMENT_HANDLE);
			assertThat(reopened.getAssignee()).isEqualTo("hr1");
			assertThat(reopened.getDueDate()).isEqualTo(endOfDay("2026-10-30"));
			assertThat(taskVariables(reopened)).containsEntry("extensionNote", "延期申请已批准，期限延至2026-10-30。审批意见：同意，请按时办结")
				.containsEntry("currentDueOn", "2026-10-30")
				.containsEntry("daysLeft", "还剩6个工作日")
				.doesNotContainKey("outcome");
			assertThat(job(entry.getProcessInstanceId(), "DepartmentDueDayTimer").getDuedate())
				.isEqualTo(china("2026-10-30", "09:00"));
			assertThat(job(entry.getProcessInstanceId(), "DepartmentDayBeforeTimer").getDuedate())
				.isEqualTo(china("2026-10-29", "09:00"));
			assertThat(job(entry.getProcessInstanceId(), Elements.DEPARTMENT_TIMER).getDuedate())
				.isEqualTo(china("2026-10-31", "00:00"));
			RegisterEntry extended = reloaded(entry);
			assertThat(extended.getDueOn()).isEqualTo(LocalDate.parse("2026-10-30"));
			assertThat(extended.getExtendedCount()).isEqualTo(1);
			assertThat(extended.getRemarks())
				.contains("企业部门办理期限由2026-10-23延至2026-10-30（王芳（hr1）申请，张建国（sec1）批准）：同意，请按时办结");
			assertThat(extended.getHandlingOpinion()).containsOnlyOnce("部门签收交办单");

			// the half-way reminder of the longer deadline passed while the request was
			// decided: its timer fires at once and sends nothing
			smtp.purgeEmailFromAllMailboxes();
			execute(job(entry.getProcessInstanceId(), "DepartmentHalfWayTimer"));
			executeMessages(entry.getProcessInstanceId());
			assertThat(mailsAbout(entry)).isEmpty();
			// the day before the new due day, hr1 is reminded
			TestClock.at("2026-10-29", "09:00");
			execute(job(entry.getProcessInstanceId(), "DepartmentDayBeforeTimer"));
			executeMessages(entry.getProcessInstanceId());
			MimeMessage dayBefore = single(mailsAbout(entry));
			assertThat(recipients(dayBefore)).containsExactly("hr1@example.cn");
			assertThat(dayBefore.getSubject()).endsWith("还剩1个工作日");
			assertThat(MailMessages.text(dayBefore)).contains("2026-10-30");

			TestClock.at("2026-10-29", "15:00");
			complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", Map.of("handlingResult", "证明已开具"));
			BpmnAwareTests.assertThat(instance(entry)).isWaitingAt(Tasks.BRANCH_FEEDBACK);
			CaseEvent done = events(entry).get(events(entry).size() - 1);
			assertThat(done.getKind()).isEqualTo(CaseEventKind.DONE);
			assertThat(done.getDueFrom()).isEqualTo(LocalDate.parse("2026-10-23"));
			assertThat(done.getDueTo()).isEqualTo(LocalDate.parse("2026-10-30"));
			assertThat(kinds(entry)).containsExactly(CaseEventKind.EXTENSION_REQUESTED, CaseEventKind.EXTENDED,
					CaseEventKind.DONE);
		}

		@Test
		void aRefusedExtensionReopensTheTaskWithTheOldDueDayAndNeedsAComment() {
			RegisterEntry entry = assignedToHr();
			TestClock.at("2026-10-20", "10:00");
			complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", extend("2026-10-27", "人手不足"));
			Task approval = approval(entry);

			assertThatThrownBy(() -> SideRoadsIT.this.engine.getTaskService()
				.complete(approval.getId(), Map.of("extensionApproved", false)))
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("不同意延期的，须写明审批意见");
			assertThatThrownBy(() -> SideRoadsIT.this.engine.getTaskService().complete(approval.getId(), Map.of()))
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("请选择同意或不同意延期");
			SideRoadsIT.this.engine.getTaskService()
				.complete(approval.getId(), Map.of("extensionApproved", false, "extensionComment", "期限内可以办结"));

			Task reopened = task(entry, Tasks.DEPARTMENT_HANDLE);
			assertThat(reopened.getDueDate()).isEqualTo(endOfDay("2026-10-23"));
			assertThat(reopened.getAssignee()).isEqualTo("hr1");
			assertThat(taskVariables(reopened)).containsEntry("extensionNote", "延期申请未获批准，期限仍为2026-10-23。审批意见：期限内可以办结");
			assertThat(job(entry.getProcessInstanceId(), Elements.DEPARTMENT_TIMER).getDuedate())
				.isEqualTo(china("2026-10-24", "00:00"));
			RegisterEntry kept = reloaded(entry);
			assertThat(kept.getDueOn()).isEqualTo(LocalDate.parse("2026-10-23"));
			assertThat(kept.getExtendedCount()).isZero();
			assertThat(kept.getRemarks()).contains("不同意王芳（hr1）的延期申请（企业部门办理，申请延至2026-10-27），期限仍为2026-10-23：期限内可以办结");
		}

		@Test
		void aThirdRequestInTheSameStageIsRefusedWithAClearMessage() {
			RegisterEntry entry = assignedToHr();
			TestClock.at("2026-10-12", "10:00");
			for (String asked : new String[] { "2026-10-26", "2026-10-27" }) {
				complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", extend(asked, "需要更多时间"));
				SideRoadsIT.this.engine.getTaskService()
					.complete(approval(entry).getId(), Map.of("extensionApproved", false, "extensionComment", "不同意"));
			}

			assertThatThrownBy(() -> complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", extend("2026-10-28", "再申请一次")))
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("本轮已申请延期2次，最多2次");
			BpmnAwareTests.assertThat(instance(entry)).isWaitingAt(Tasks.DEPARTMENT_HANDLE);
		}

		@Test
		void theNewDueDayMustBeALaterWorkingDayWithinTenWorkingDaysAndTheDeadlineNotPassed() {
			RegisterEntry entry = assignedToHr();
			TestClock.at("2026-10-20", "10:00");

			assertThatThrownBy(() -> complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", extend("2026-10-23", "x")))
				.hasMessageContaining("须晚于现在的期限（2026-10-23）");
			assertThatThrownBy(() -> complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", extend("2026-10-24", "x")))
				.hasMessageContaining("2026-10-24不是工作日");
			// ten working days after Friday 10-23: Friday 11-06
			assertThatThrownBy(() -> complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", extend("2026-11-09", "x")))
				.hasMessageContaining("最多延长10个工作日，即不晚于2026-11-06");
			assertThatThrownBy(() -> complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", extend("2026-10-3O", "x")))
				.hasMessageContaining("申请延至的日期");
			assertThatThrownBy(() -> complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", extend("2026-11-06", "")))
				.hasMessageContaining("延期理由");

			TestClock.at("2026-10-24", "08:00");
			assertThatThrownBy(() -> complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", extend("2026-11-06", "x")))
				.hasMessageContaining("已超过办理期限（2026-10-23），不能再申请延期");
			assertThat(events(entry)).isEmpty();
		}

		@Test
		void theBranchsReportIsExtendedByTheCommitteeAndTheCommitteesAnswerByTheDistrict() {
			RegisterEntry entry = SideRoadsIT.this.given.anOpinionRaisedOn(RAISED_ON);
			complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("UPPER"));
			complete(entry, Tasks.BRANCH_REPORT_UP, "sec1", extend("2026-10-13", "需补充材料"));
			BpmnAwareTests.assertThat(approval(entry)).hasCandidateGroup("cmt1-committee");
			SideRoadsIT.this.engine.getTaskService()
				.complete(approval(entry).getId(), Map.of("extensionDecision", "APPROVE"));
			assertThat(task(entry, Tasks.BRANCH_REPORT_UP).getDueDate()).isEqualTo(endOfDay("2026-10-13"));

			TestClock.at("2026-10-12", "10:00");
			complete(entry, Tasks.BRANCH_REPORT_UP, "sec1", Map.of("reportText", "材料已补充"));
			complete(entry, Tasks.COMMITTEE_ACCEPT, "cmtstaff1", Map.of("committeeMode", "INDEPENDENT"));
			// ten working days from 10-12: 10-26
			assertThat(task(entry, Tasks.COMMITTEE_HANDLE).getDueDate()).isEqualTo(endOfDay("2026-10-26"));
			complete(entry, Tasks.COMMITTEE_HANDLE, "cmtstaff1", extend("2026-11-02", "需协调区人社局"));
			BpmnAwareTests.assertThat(approval(entry)).hasCandidateGroup("district");
			SideRoadsIT.this.engine.getTaskService()
				.complete(approval(entry).getId(), Map.of("extensionApproved", true));

			Task committee = task(entry, Tasks.COMMITTEE_HANDLE);
			assertThat(committee.getDueDate()).isEqualTo(endOfDay("2026-11-02"));
			assertThat(committee.getAssignee()).isEqualTo("cmtstaff1");
			assertThat(reloaded(entry).getExtendedCount()).isEqualTo(2);
		}

	}

	@Nested
	class SendBack {

		@Test
		void aWeakReplyGoesBackToTheDepartmentWithTheReasonAndItsOwnDeadlineAtMostTwice() {
			RegisterEntry entry = assignedToHr();
			var running = instance(entry);
			TestClock.at("2026-10-12", "10:00");
			complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", Map.of("handlingResult", "已研究"));

			Map<String, Object> sendBack = Map.of("sendBack", true, "sendBackReason", "未说明补贴何时发放");
			complete(entry, Tasks.BRANCH_FEEDBACK, "sec1", sendBack);

			BpmnAwareTests.assertThat(instance(entry)).isWaitingAt(Tasks.DEPARTMENT_HANDLE);
			Task rework = task(entry, Tasks.DEPARTMENT_HANDLE);
			BpmnAwareTests.assertThat(rework).hasCandidateGroup("org1-dept-hr");
			// five working days from Monday 10-12: Monday 10-19
			assertThat(rework.getDueDate()).isEqualTo(endOfDay("2026-10-19"));
			assertThat(taskVariables(rework)).containsEntry("sendBackReason", "未说明补贴何时发放")
				.containsEntry("sendBackCount", 1)
				.containsEntry("reworkStage", "departmentHandle")
				.containsEntry("handlingResult", "已研究");
			assertThat((String) taskVariables(rework).get("currentDueLabel")).contains("补办期限");
			RegisterEntry sent = reloaded(entry);
			assertThat(sent.getSentBackCount()).isEqualTo(1);
			assertThat(sent.getDueOn()).isEqualTo(LocalDate.parse("2026-10-19"));
			assertThat(sent.getHandlingOpinion()).contains("答复退回承办部门补办（第1次），限2026-10-19前重新答复：未说明补贴何时发放");

			complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", Map.of("handlingResult", "补贴于本月底随工资发放"));
			complete(entry, Tasks.BRANCH_FEEDBACK, "sec1", sendBack);
			complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", Map.of("handlingResult", "补贴于10月30日发放"));
			assertThatThrownBy(() -> complete(entry, Tasks.BRANCH_FEEDBACK, "sec1", sendBack))
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("本轮已退回补办2次，最多2次");

			complete(entry, Tasks.BRANCH_FEEDBACK, "sec1", feedback(true));
			BpmnAwareTests.assertThat(running).isEnded();
			assertThat(reloaded(entry).getSentBackCount()).isEqualTo(2);
		}

		@Test
		void theCommitteesAnswerGoesBackToTheCommitteeWithoutANewAcceptance() {
			RegisterEntry entry = SideRoadsIT.this.given.anOpinionRaisedOn(RAISED_ON);
			complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("UPPER"));
			complete(entry, Tasks.BRANCH_REPORT_UP, "sec1", Map.of());
			complete(entry, Tasks.COMMITTEE_ACCEPT, "cmtstaff1", Map.of("committeeMode", "INDEPENDENT"));
			complete(entry, Tasks.COMMITTEE_HANDLE, "cmtstaff1", Map.of("committeeAnswer", "已协调"));

			complete(entry, Tasks.BRANCH_FEEDBACK, "sec1", Map.of("sendBack", true, "sendBackReason", "协调结果不具体"));

			Task rework = task(entry, Tasks.COMMITTEE_HANDLE);
			BpmnAwareTests.assertThat(rework).hasCandidateGroup("cmt1-committee");
			assertThat(SideRoadsIT.this.engine.getHistoryService()
				.createHistoricTaskInstanceQuery()
				.processInstanceId(entry.getProcessInstanceId())
				.taskDefinitionKey(Tasks.COMMITTEE_ACCEPT)
				.count()).isEqualTo(1);
			assertThat(taskVariables(rework)).containsEntry("sendBackReason", "协调结果不具体");
		}

		@Test
		void theBranchsOwnAnswerCannotBeSentBack() {
			RegisterEntry entry = SideRoadsIT.this.given.anOpinionRaisedOn(RAISED_ON);
			complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("EXPLAIN", "assessment", "已向员工说明政策"));

			assertThatThrownBy(() -> complete(entry, Tasks.BRANCH_FEEDBACK, "sec1",
					Map.of("sendBack", true, "sendBackReason", "再研究")))
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("只有企业部门或主管党（工）委的答复可以退回补办");
		}

	}

	@Nested
	class Urge {

		@Test
		void theBranchUrgesTheDepartmentOnceADayAndTheCaseRecordsIt() throws Exception {
			RegisterEntry entry = assignedToHr();
			TestClock.at("2026-10-20", "10:00");

			Urges.Urged urged = SideRoadsIT.this.urges.urge(reloaded(entry), "请本周内办结",
					SideRoadsIT.this.directory.scopeOf("sec1"), "张建国（sec1）");

			assertThat(urged.recipients()).containsExactly("王芳");
			assertThat(urged.remaining()).isEqualTo("还剩3个工作日");
			MimeMessage mail = single(mailsAbout(entry));
			assertThat(recipients(mail)).containsExactly("hr1@example.cn");
			assertThat(mail.getSubject()).isEqualTo("【催办】" + entry.caseNumber().display() + " 部门办理交办事项 还剩3个工作日");
			assertThat(MailMessages.text(mail)).contains("张建国（sec1）").contains("请本周内办结").contains("2026-10-23");
			assertThat(reloaded(entry).getRemarks()).contains("催办企业部门办理（致王芳）：请本周内办结");

			TestClock.at("2026-10-20", "16:00");
			assertThatThrownBy(() -> SideRoadsIT.this.urges.urge(reloaded(entry), "再催一次",
					SideRoadsIT.this.directory.scopeOf("mem1"), "李红梅（mem1）"))
				.isInstanceOf(Urges.AlreadyUrgedException.class)
				.hasMessageContaining("每项任务每天只能催办一次");
			assertThat(mailsAbout(entry)).hasSize(1);

			TestClock.at("2026-10-21", "09:00");
			SideRoadsIT.this.urges.urge(reloaded(entry), null, SideRoadsIT.this.directory.scopeOf("mem1"), "李红梅（mem1）");
			assertThat(mailsAbout(entry)).hasSize(2);
			assertThat(kinds(entry)).containsExactly(CaseEventKind.URGED, CaseEventKind.URGED);
		}

		@Test
		void theDepartmentCannotUrgeItselfAndNothingIsUrgedWhileTheStageWaitsForApproval() throws Exception {
			RegisterEntry entry = assignedToHr();

			assertThatThrownBy(() -> SideRoadsIT.this.urges.urge(reloaded(entry), "x",
					SideRoadsIT.this.directory.scopeOf("hr1"), "王芳（hr1）"))
				.isInstanceOf(Urges.NotAllowedException.class)
				.hasMessageContaining("只有本组织党支部可以催办企业部门办理");

			TestClock.at("2026-10-20", "10:00");
			complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", extend("2026-10-30", "需等待证明"));
			assertThatThrownBy(() -> SideRoadsIT.this.urges.urge(reloaded(entry), "x",
					SideRoadsIT.this.directory.scopeOf("sec1"), "张建国（sec1）"))
				.hasMessageContaining("正在等待延期申请的审批");
			assertThat(mailsAbout(entry)).isEmpty();
		}

	}

	// --- steps

	RegisterEntry assignedToHr() {
		RegisterEntry entry = this.given.anOpinionRaisedOn(RAISED_ON);
		complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("ENTERPRISE", "department", "hr"));
		return entry;
	}

	static Map<String, Object> extend(String dueOn, String reason) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("outcome", "EXTEND");
		variables.put("extensionDueOn", dueOn);
		variables.put("extensionReason", reason);
		return variables;
	}

	void complete(RegisterEntry entry, String key, String user, Map<String, Object> variables) {
		this.given.complete(entry, key, user, variables);
	}

	Task task(RegisterEntry entry, String key) {
		return this.given.task(entry, key);
	}

	Task approval(RegisterEntry entry) {
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(entry.getCaseNo())
			.taskDefinitionKey(Tasks.APPROVE_EXTENSION)
			.singleResult();
	}

	org.camunda.bpm.engine.runtime.ProcessInstance instance(RegisterEntry entry) {
		return this.given.instance(entry);
	}

	RegisterEntry reloaded(RegisterEntry entry) {
		return this.given.reloaded(entry);
	}

	Map<String, Object> taskVariables(Task task) {
		return this.engine.getTaskService().getVariables(task.getId());
	}

	List<CaseEvent> events(RegisterEntry entry) {
		return this.sideRoads.events(entry.getCaseNo());
	}

	List<CaseEventKind> kinds(RegisterEntry entry) {
		return events(entry).stream().map(CaseEvent::getKind).toList();
	}

	Job job(String processInstanceId, String activityId) {
		return this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(activityId)
			.singleResult();
	}

	void executeMessages(String processInstanceId) {
		for (Job message : this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(processInstanceId)
			.messages()
			.list()) {
			execute(message);
		}
	}

	static List<MimeMessage> mailsAbout(RegisterEntry entry) throws Exception {
		String caseNo = entry.caseNumber().display();
		return Arrays.stream(smtp.getReceivedMessages()).filter((m) -> {
			try {
				return m.getSubject().contains(caseNo);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	static MimeMessage single(List<MimeMessage> messages) {
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	static List<String> recipients(MimeMessage message) throws Exception {
		return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
	}

	static Date endOfDay(String date) {
		return Date
			.from(ZonedDateTime.of(LocalDate.parse(date), LocalTime.of(23, 59, 59), TestClock.CHINA).toInstant());
	}

	static Date china(String date, String time) {
		return Date.from(ZonedDateTime.of(LocalDate.parse(date), LocalTime.parse(time), TestClock.CHINA).toInstant());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
