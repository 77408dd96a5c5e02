package cn.liangxin.opinions.workflow;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.support.TestClock;
import cn.liangxin.opinions.workflow.OpinionProcess.Elements;
import cn.liangxin.opinions.workflow.OpinionProcess.Tasks;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static cn.liangxin.opinions.workflow.ProcessFixtures.assessedAs;
import static cn.liangxin.opinions.workflow.ProcessFixtures.feedback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

/**
 * The process {@code employee-opinion} on the working-day calendar: every route, both
 * committee modes, the dissatisfied loop and every overdue timer, with the register kept
 * in step.
 */
@SpringBootTest
@ActiveProfiles("test")
class EmployeeOpinionProcessIT {

	/**
	 * Monday 2026-09-28: +15 working days is Friday 2026-10-23, +5 is Saturday
	 * 2026-10-10.
	 */
	static final String MONDAY_BEFORE_NATIONAL_DAY = "2026-09-28";

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessFixtures given;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine);
		this.given.organizationsExist();
		TestClock.at(MONDAY_BEFORE_NATIONAL_DAY, "10:00");
	}

	@AfterEach
	void tearDown() {
		TestClock.reset();
	}

	@Nested
	class Intake {

		@Test
		void anOpinionIsRegisteredWithCaseNumberTenantAndBusinessKeyAndWaitsForTheBranch() {
			RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY);

			var instance = EmployeeOpinionProcessIT.this.given.instance(entry);
			BpmnAwareTests.assertThat(instance).hasPassed(Elements.REGISTER).isWaitingAt(Tasks.BRANCH_ASSESS);
			assertThat(instance.getBusinessKey()).isEqualTo(entry.getCaseNo()).startsWith("org1-2026-");
			assertThat(instance.getTenantId()).isEqualTo("org1");
			assertThat(entry.caseNumber().display()).isEqualTo("（2026）年第" + entry.getSerialNo() + "号");
			BpmnAwareTests.assertThat(task(entry, Tasks.BRANCH_ASSESS)).hasCandidateGroup("org1-branch");
		}

		@Test
		void theIntakeFormStartsACaseInTheOrganizationOfTheUserWhoFillsItIn() {
			var engine = EmployeeOpinionProcessIT.this.engine;
			String definition = engine.getRepositoryService()
				.createProcessDefinitionQuery()
				.processDefinitionKey(OpinionProcess.PROCESS_ID)
				.latestVersion()
				.singleResult()
				.getId();
			engine.getIdentityService()
				.setAuthentication("sec1", java.util.List.of("org1-branch"), java.util.List.of("org1"));
			try {
				var instance = engine.getFormService()
					.submitStartForm(definition,
							Map.of("orgCode", "", "reporterName", "周小平", "reportedOn", "2026-09-27", "channel", "WALL",
									"kind", "SUGGESTION", "summary", "建议食堂延长供餐时间", "resolvedOnSpot", false));

				assertThat(instance.getTenantId()).isEqualTo("org1");
				assertThat(instance.getBusinessKey()).startsWith("org1-2026-");
				BpmnAwareTests.assertThat(instance).isWaitingAt(Tasks.BRANCH_ASSESS);
			}
			finally {
				engine.getIdentityService().clearAuthentication();
			}
		}

		@Test
		void anIntakeFormWithoutContentIsRefusedInChinese() {
			var engine = EmployeeOpinionProcessIT.this.engine;
			long before = engine.getRuntimeService().createProcessInstanceQuery().count();

			assertThatThrownBy(() -> engine.getRuntimeService()
				.startProcessInstanceByKey(OpinionProcess.PROCESS_ID,
						Map.of("orgCode", "org1", "reporterName", "周小平", "reportedOn", "2026-09-27", "channel", "WALL",
								"kind", "SUGGESTION")))
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("反映问题的主要内容不能为空");
			assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
		}

		@Test
		void anOpinionResolvedOnTheSpotGoesStraightToFeedback() {
			RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY,
					true);

			BpmnAwareTests.assertThat(EmployeeOpinionProcessIT.this.given.instance(entry))
				.hasNotPassed(Tasks.BRANCH_ASSESS)
				.isWaitingAt(Tasks.BRANCH_FEEDBACK);
			assertThat(reloaded(entry).getHandlingOpinion()).contains("当场解决");
		}

	}

	@Nested
	class EnterpriseRoute {

		@Test
		void opinionAssignedToDepartmentIsDueAfterFifteenWorkingDaysAndEndsStruckOff() {
			RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY);
			var instance = EmployeeOpinionProcessIT.this.given.instance(entry);

			complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("ENTERPRISE", "department", "hr"));

			Task department = task(entry, Tasks.DEPARTMENT_HANDLE);
			BpmnAwareTests.assertThat(department).hasCandidateGroup("org1-dept-hr");
			assertThat(department.getDueDate()).isEqualTo(endOfDayInChina("2026-10-23"));
			assertThat(reloaded(entry).getDueOn()).isEqualTo(LocalDate.parse("2026-10-23"));
			assertThat(reloaded(entry).getRoute()).hasToString("ENTERPRISE");

			TestClock.at("2026-10-09", "09:30");
			EmployeeOpinionProcessIT.this.engine.getTaskService().claim(department.getId(), "hr1");
			assertThat(reloaded(entry).getDepartmentSignedBy()).contains("hr1");
			assertThat(reloaded(entry).getDepartmentSignedAt()).isNotNull();

			complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", Map.of("handlingResult", "已开具务工证明和社保缴纳证明"));
			complete(entry, Tasks.BRANCH_FEEDBACK, "sec1", feedback(true));

			BpmnAwareTests.assertThat(instance)
				.hasPassed(Tasks.DEPARTMENT_HANDLE, Tasks.BRANCH_FEEDBACK, Elements.STRIKE_OFF)
				.isEnded();
			RegisterEntry closed = reloaded(entry);
			assertThat(closed.isStruckOff()).isTrue();
			assertThat(closed.getStruckOffOn()).isEqualTo(LocalDate.parse("2026-10-09"));
			assertThat(closed.getSatisfied()).isTrue();
			assertThat(closed.getFeedbackMethod()).hasToString("PHONE");
			assertThat(closed.getFeedbackSignedBy()).isEqualTo("周小平");
			assertThat(closed.getHandlingOpinion()).contains("已开具务工证明").contains("办结销号");
			assertThat(closed.isOverdue()).isFalse();
		}

		@Test
		void anEarlierDateOnTheSlipBecomesTheDepartmentsDueDate() {
			RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY);

			complete(entry, Tasks.BRANCH_ASSESS, "sec1",
					assessedAs("ENTERPRISE", "department", "prod", "slipDueOn", "2026-10-16"));

			assertThat(task(entry, Tasks.DEPARTMENT_HANDLE).getDueDate()).isEqualTo(endOfDayInChina("2026-10-16"));
			BpmnAwareTests.assertThat(task(entry, Tasks.DEPARTMENT_HANDLE)).hasCandidateGroup("org1-dept-prod");
		}

		@Test
		void aSlipDateAfterTheFifteenDayDeadlineIsRefusedAndNothingIsWritten() {
			RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY);

			assertThatThrownBy(() -> complete(entry, Tasks.BRANCH_ASSESS, "sec1",
					assessedAs("ENTERPRISE", "department", "hr", "slipDueOn", "2026-10-26")))
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("办结期限不得晚于2026-10-23");

			BpmnAwareTests.assertThat(EmployeeOpinionProcessIT.this.given.instance(entry))
				.isWaitingAt(Tasks.BRANCH_ASSESS);
			assertThat(reloaded(entry).getRoute()).isNull();
			assertThat(reloaded(entry).getHandlingOpinion()).isNull();
		}

		@Test
		void anUnknownDepartmentIsRefusedWithTheListOfDepartments() {
			RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY);

			assertThatThrownBy(() -> complete(entry, Tasks.BRANCH_ASSESS, "sec1",
					assessedAs("ENTERPRISE", "department", "finance")))
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("finance")
				.hasMessageContaining("hr 人力资源部");
		}

	}

	@Nested
	class BranchOnlyRoutes {

		@Test
		void onSpotAndExplainGoStraightToFeedback() {
			for (String route : new String[] { "ON_SPOT", "EXPLAIN" }) {
				RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY);

				complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs(route, "assessment", "已向员工说明政策"));

				BpmnAwareTests.assertThat(EmployeeOpinionProcessIT.this.given.instance(entry))
					.hasNotPassed(Elements.DEPARTMENT_SUBPROCESS)
					.isWaitingAt(Tasks.BRANCH_FEEDBACK);
				assertThat(reloaded(entry).getRoute()).hasToString(route);
			}
		}

		@Test
		void feedbackByAMethodThatDoesNotSuitTheScopeIsRefused() {
			RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY);
			complete(entry, Tasks.BRANCH_ASSESS, "sec1",
					Map.of("route", "EXPLAIN", "scope", "GENERAL", "assessment", "已在公示栏说明政策"));

			assertThatThrownBy(() -> complete(entry, Tasks.BRANCH_FEEDBACK, "sec1", feedback(true)))
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("PUBLIC_NOTICE");

			complete(entry, Tasks.BRANCH_FEEDBACK, "sec1", feedback(true, "feedbackMethod", "PUBLIC_NOTICE"));
			assertThat(reloaded(entry).isStruckOff()).isTrue();
		}

	}

	@Nested
	class UpperRoute {

		@Test
		void theReportIsDueAfterFiveWorkingDaysOnAMakeUpSaturday() {
			RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY);

			complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("UPPER"));

			Task report = task(entry, Tasks.BRANCH_REPORT_UP);
			BpmnAwareTests.assertThat(report).hasCandidateGroup("org1-branch");
			assertThat(report.getDueDate()).isEqualTo(endOfDayInChina("2026-10-10"));
		}

		@Test
		void anIndependentCommitteeAnswersWithinTenWorkingDaysOfTheReport() {
			RegisterEntry entry = reportedUpOn("2026-10-09");

			complete(entry, Tasks.COMMITTEE_ACCEPT, "cmtstaff1", Map.of("committeeMode", "INDEPENDENT"));

			Task handle = task(entry, Tasks.COMMITTEE_HANDLE);
			BpmnAwareTests.assertThat(handle).hasCandidateGroup("cmt1-committee");
			assertThat(handle.getDueDate()).isEqualTo(endOfDayInChina("2026-10-22"));
			complete(entry, Tasks.COMMITTEE_HANDLE, "cmtstaff1", Map.of("committeeAnswer", "已协调企业按合同约定核算加班费"));
			complete(entry, Tasks.BRANCH_FEEDBACK, "sec1", feedback(true));
			assertThat(reloaded(entry).isStruckOff()).isTrue();
			assertThat(reloaded(entry).getCommitteeMode()).hasToString("INDEPENDENT");
		}

		@Test
		void aJointCommitteeAnswersWithinTwentyWorkingDaysOfTheReport() {
			RegisterEntry entry = reportedUpOn("2026-10-09");

			complete(entry, Tasks.COMMITTEE_ACCEPT, "cmtstaff1", Map.of("committeeMode", "JOINT"));

			assertThat(task(entry, Tasks.COMMITTEE_HANDLE).getDueDate()).isEqualTo(endOfDayInChina("2026-11-05"));
		}

		@Test
		void aCommitteeModeOtherThanIndependentOrJointIsRefused() {
			RegisterEntry entry = reportedUpOn("2026-10-09");

			assertThatThrownBy(
					() -> complete(entry, Tasks.COMMITTEE_ACCEPT, "cmtstaff1", Map.of("committeeMode", "SOMETIME")))
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("INDEPENDENT");
		}

		private RegisterEntry reportedUpOn(String date) {
			RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY);
			complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("UPPER"));
			TestClock.at(date, "15:00");
			complete(entry, Tasks.BRANCH_REPORT_UP, "sec1", Map.of("reportText", "请求协调加班费核算问题"));
			BpmnAwareTests.assertThat(EmployeeOpinionProcessIT.this.given.instance(entry))
				.isWaitingAt(Tasks.COMMITTEE_ACCEPT);
			BpmnAwareTests.assertThat(task(entry, Tasks.COMMITTEE_ACCEPT)).hasCandidateGroup("cmt1-committee");
			return entry;
		}

	}

	@Nested
	class DissatisfiedEmployee {

		@Test
		void isSentBackForHandlingTwiceAndThenTheCaseMustGoToTheCommittee() {
			RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY);

			for (int round = 1; round <= 2; round++) {
				complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("EXPLAIN", "assessment", "已向员工说明政策"));
				complete(entry, Tasks.BRANCH_FEEDBACK, "sec1", feedback(false, "dissatisfiedAction", "REHANDLE"));
				BpmnAwareTests.assertThat(EmployeeOpinionProcessIT.this.given.instance(entry))
					.isWaitingAt(Tasks.BRANCH_ASSESS);
				assertThat(reloaded(entry).getRehandleCount()).isEqualTo(round);
			}
			complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("EXPLAIN", "assessment", "已向员工说明政策"));
			complete(entry, Tasks.BRANCH_FEEDBACK, "sec1", feedback(false, "dissatisfiedAction", "REHANDLE"));

			BpmnAwareTests.assertThat(EmployeeOpinionProcessIT.this.given.instance(entry))
				.isWaitingAt(Tasks.BRANCH_REPORT_UP);
			assertThat(reloaded(entry).getHandlingOpinion()).contains("上报主管党（工）委");
		}

		@Test
		void canBeClosedOnlyWithAWrittenReason() {
			RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY);
			complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("EXPLAIN", "assessment", "已向员工说明政策"));

			assertThatThrownBy(() -> complete(entry, Tasks.BRANCH_FEEDBACK, "sec1",
					feedback(false, "dissatisfiedAction", "CLOSE")))
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("办结理由");
			complete(entry, Tasks.BRANCH_FEEDBACK, "sec1",
					feedback(false, "dissatisfiedAction", "CLOSE", "closeReason", "诉求不符合政策规定，已耐心解释"));

			RegisterEntry closed = reloaded(entry);
			assertThat(closed.isStruckOff()).isTrue();
			assertThat(closed.getSatisfied()).isFalse();
			assertThat(closed.getHandlingOpinion()).contains("诉求不符合政策规定");
		}

		@Test
		void aSatisfactionAnswerFromTheFeedbackFormCounts() {
			RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY);
			complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("EXPLAIN", "assessment", "已向员工说明政策"));

			complete(entry, Tasks.BRANCH_FEEDBACK, "sec1",
					Map.of("feedbackMethod", "HOME_VISIT", "feedbackOn", "2026-09-28", "feedbackContent", "登门答复",
							"feedbackSignedBy", "周小平", "satisfaction", "NO", "dissatisfiedAction", "REHANDLE"));

			assertThat(reloaded(entry).getSatisfied()).isFalse();
			BpmnAwareTests.assertThat(EmployeeOpinionProcessIT.this.given.instance(entry))
				.isWaitingAt(Tasks.BRANCH_ASSESS);
		}

	}

	@Nested
	class OverdueTimers {

		@Test
		void anOverdueDepartmentIsSupervisedByTheBranchSecretaryUntilItReplies() {
			RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY);
			complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("ENTERPRISE", "department", "hr"));
			Job timer = timer(entry, Elements.DEPARTMENT_TIMER);
			assertThat(timer.getDuedate()).isEqualTo(Date.from(
					ZonedDateTime.of(LocalDate.parse("2026-10-24"), LocalTime.MIDNIGHT, TestClock.CHINA).toInstant()));

			TestClock.at("2026-10-24", "00:00:01");
			execute(timer);

			Task supervision = supervision(entry);
			BpmnAwareTests.assertThat(supervision).hasCandidateGroup("org1-secretary");
			assertThat(supervision.getName()).contains("企业部门办理");
			assertThat(reloaded(entry).isOverdue()).isTrue();
			assertThat(reloaded(entry).getOverdueStages()).isEqualTo("departmentHandle");
			BpmnAwareTests.assertThat(EmployeeOpinionProcessIT.this.given.instance(entry))
				.isWaitingAt(Tasks.DEPARTMENT_HANDLE);

			EmployeeOpinionProcessIT.this.engine.getTaskService()
				.complete(supervision.getId(), Map.of("supervisionNote", "请人力资源部三日内办结"));
			assertThat(reloaded(entry).getRemarks()).contains("请人力资源部三日内办结");

			complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", Map.of("handlingResult", "已办结"));
			BpmnAwareTests.assertThat(EmployeeOpinionProcessIT.this.given.instance(entry))
				.isWaitingAt(Tasks.BRANCH_FEEDBACK);
		}

		@Test
		void aSupervisionEndsByItselfWhenTheSupervisedTaskCompletes() {
			RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY);
			complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("ENTERPRISE", "department", "hr"));
			TestClock.at("2026-10-26", "09:00");
			execute(timer(entry, Elements.DEPARTMENT_TIMER));
			assertThat(supervision(entry)).isNotNull();

			complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", Map.of("handlingResult", "已办结"));

			assertThat(supervision(entry)).isNull();
			assertThat(EmployeeOpinionProcessIT.this.engine.getRuntimeService()
				.createProcessInstanceQuery()
				.processDefinitionKey(OpinionProcess.SUPERVISION_PROCESS_ID)
				.processInstanceBusinessKey(entry.getCaseNo())
				.count()).isZero();
			assertThat(reloaded(entry).isOverdue()).isTrue();
		}

		@Test
		void anOverdueReportIsSupervisedByTheCommittee() {
			RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY);
			complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("UPPER"));

			TestClock.at("2026-10-11", "00:00:01");
			execute(timer(entry, Elements.REPORT_UP_TIMER));

			BpmnAwareTests.assertThat(supervision(entry)).hasCandidateGroup("cmt1-committee");
			assertThat(reloaded(entry).getOverdueStages()).isEqualTo("branchReportUp");
		}

		@Test
		void anOverdueCommitteeIsSupervisedByTheDistrict() {
			RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY);
			complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("UPPER"));
			TestClock.at("2026-10-09", "15:00");
			complete(entry, Tasks.BRANCH_REPORT_UP, "sec1", Map.of());
			complete(entry, Tasks.COMMITTEE_ACCEPT, "cmtstaff1", Map.of("committeeMode", "INDEPENDENT"));

			TestClock.at("2026-10-23", "00:00:01");
			execute(timer(entry, Elements.COMMITTEE_TIMER));

			BpmnAwareTests.assertThat(supervision(entry)).hasCandidateGroup("district");
			assertThat(reloaded(entry).getOverdueStages()).isEqualTo("committeeHandle");
		}

		@Test
		void anOpinionRegisteredAfterItsDeadlineIsOverdueAtOnce() {
			TestClock.at("2026-11-20", "10:00");
			RegisterEntry entry = EmployeeOpinionProcessIT.this.given.anOpinionRaisedOn(MONDAY_BEFORE_NATIONAL_DAY);

			complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("ENTERPRISE", "department", "hr"));

			assertThat(reloaded(entry).isOverdue()).isTrue();
			Job timer = timer(entry, Elements.DEPARTMENT_TIMER);
			assertThat(timer.getDuedate())
				.isBefore(new Date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime()));
			execute(timer);
			assertThat(supervision(entry)).isNotNull();
		}

		private Job timer(RegisterEntry entry, String activityId) {
			return EmployeeOpinionProcessIT.this.engine.getManagementService()
				.createJobQuery()
				.processInstanceId(entry.getProcessInstanceId())
				.activityId(activityId)
				.singleResult();
		}

		private Task supervision(RegisterEntry entry) {
			return EmployeeOpinionProcessIT.this.engine.getTaskService()
				.createTaskQuery()
				.taskDefinitionKey(Tasks.SUPERVISE_OVERDUE)
				.processInstanceBusinessKey(entry.getCaseNo())
				.singleResult();
		}

	}

	Task task(RegisterEntry entry, String key) {
		return this.given.task(entry, key);
	}

	void complete(RegisterEntry entry, String key, String user, Map<String, Object> variables) {
		this.given.complete(entry, key, user, variables);
	}

	RegisterEntry reloaded(RegisterEntry entry) {
		return this.given.reloaded(entry);
	}

	static Date endOfDayInChina(String date) {
		return Date
			.from(ZonedDateTime.of(LocalDate.parse(date), LocalTime.of(23, 59, 59), TestClock.CHINA).toInstant());
	}

}
