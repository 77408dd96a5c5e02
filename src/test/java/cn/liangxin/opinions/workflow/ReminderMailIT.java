package cn.liangxin.opinions.workflow;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import cn.liangxin.opinions.mail.MailJournal;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Person;
import cn.liangxin.opinions.org.Role;
import cn.liangxin.opinions.support.MailMessages;
import cn.liangxin.opinions.support.TestClock;
import cn.liangxin.opinions.workflow.OpinionProcess.Elements;
import cn.liangxin.opinions.workflow.OpinionProcess.Tasks;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reminders and escalations by e-mail, through a real SMTP server (GreenMail) with the
 * engine's clock moved: when they fire on the working-day calendar, who gets them, what
 * they say, and that each is sent exactly once even when the SMTP server is down or a job
 * runs again.
 * <p>
 * The case is assessed on Monday 2026-09-28; the National Day holiday (10-01..10-07,
 * 10-10 a make-up working day) lies in its 15 working days, due Friday 2026-10-23.
 */
@SpringBootTest(properties = "opinion.reminders.retry-cycle=R3/PT5M")
@ActiveProfiles("test")
class ReminderMailIT {

	static final String ASSESSED_ON = "2026-09-28";

	static final int SMTP_PORT = freePort();

	static GreenMail smtp;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("opinion.mail.tasklist-url", () -> "https://opinions.example.cn/camunda/app/tasklist/default/");
	}

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessFixtures given;

	@Autowired
	MailJournal journal;

	@Autowired
	OrgDirectory directory;

	@Autowired
	DigestTimer digestTimerAtStartUp;

	@BeforeAll
	static void startSmtp() {
		smtp = smtpServer();
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
		TestClock.at(ASSESSED_ON, "10:00");
	}

	@AfterEach
	void tearDown() {
		TestClock.reset();
	}

	@Nested
	class BeforeTheDeadline {

		@Test
		void theThreeRemindersFallOnTheWorkingDayCalendarAndTheHolidayShiftsTheHalfWayOne() {
			RegisterEntry entry = anOpinionAssignedToHr();

			// 8th of 15 working days: Wednesday 10-14, not 10-08 as without the holiday
			// week
			assertThat(timer(entry, "DepartmentHalfWayTimer").getDuedate()).isEqualTo(china("2026-10-14", "09:00"));
			assertThat(timer(entry, "DepartmentDayBeforeTimer").getDuedate()).isEqualTo(china("2026-10-22", "09:00"));
			assertThat(timer(entry, "DepartmentDueDayTimer").getDuedate()).isEqualTo(china("2026-10-23", "09:00"));
			assertThat(timer(entry, Elements.DEPARTMENT_TIMER).getDuedate()).isEqualTo(china("2026-10-24", "00:00"));
		}

		@Test
		void eachReminderReachesTheCandidateAtItsMomentWithTheCaseTheDeadlineAndTheLink() throws Exception {
			RegisterEntry entry = anOpinionAssignedToHr();
			String taskId = task(entry, Tasks.DEPARTMENT_HANDLE);

			fire(entry, "DepartmentHalfWayTimer", "2026-10-14", "09:00");
			MimeMessage halfWay = single(mailsAbout(entry));
			assertThat(recipients(halfWay)).containsExactly("hr1@example.cn");
			assertThat(halfWay.getSubject()).isEqualTo("【办理提醒】" + entry.caseNumber().display() + " 部门办理交办事项 还剩7个工作日");
			assertThat(MailMessages.text(halfWay)).contains("王芳")
				.contains(entry.caseNumber().display())
				.contains("重庆")
				.contains("2026-10-23")
				.contains("https://opinions.example.cn/camunda/app/tasklist/default/#/?task=" + taskId);

			fire(entry, "DepartmentDayBeforeTimer", "2026-10-22", "09:00");
			fire(entry, "DepartmentDueDayTimer", "2026-10-23", "09:00");

			assertThat(subjects(mailsAbout(entry))).containsExactly(
					"【办理提醒】" + entry.caseNumber().display() + " 部门办理交办事项 还剩7个工作日",
					"【办理提醒】" + entry.caseNumber().display() + " 部门办理交办事项 还剩1个工作日",
					"【今日到期】" + entry.caseNumber().display() + " 部门办理交办事项 今天到期");
		}

		@Test
		void anUnclaimedTaskRemindsEveryCandidateAndAClaimedOneOnlyItsAssignee() throws Exception {
			RegisterEntry entry = anOpinionReportedUp();

			// 5 working days from 09-28: 10-08 (3rd), 10-09, due Saturday 10-10, a
			// make-up working day
			assertThat(timer(entry, "ReportUpDueDayTimer").getDuedate()).isEqualTo(china("2026-10-10", "09:00"));
			fire(entry, "ReportUpHalfWayTimer", "2026-10-08", "09:00");
			assertThat(recipients(mailsAbout(entry))).containsExactlyInAnyOrder("sec1@example.cn", "mem1@example.cn");

			smtp.purgeEmailFromAllMailboxes();
			ReminderMailIT.this.engine.getTaskService().claim(task(entry, Tasks.BRANCH_REPORT_UP), "mem1");
			fire(entry, "ReportUpDayBeforeTimer", "2026-10-09", "09:00");
			assertThat(recipients(mailsAbout(entry))).containsExactly("mem1@example.cn");
		}

		@Test
		void whoTakesTheDailyDigestGetsNoSingleReminders() throws Exception {
			RegisterEntry entry = anOpinionAssignedToHr();
			ReminderMailIT.this.directory
				.save(ReminderMailIT.this.directory.person("hr1").orElseThrow().withDailyDigest(true), null);
			try {
				fire(entry, "DepartmentHalfWayTimer", "2026-10-14", "09:00");

				assertThat(mailsAbout(entry)).isEmpty();
			}
			finally {
				ReminderMailIT.this.directory
					.save(ReminderMailIT.this.directory.person("hr1").orElseThrow().withDailyDigest(false), null);
			}
		}

		@Test
		void aCaseAssessedLateSendsOnlyTheLatestReminderThatIsDue() throws Exception {
			TestClock.at("2026-10-23", "10:00");
			RegisterEntry entry = anOpinionAssignedToHr();

			for (String timer : List.of("DepartmentHalfWayTimer", "DepartmentDayBeforeTimer",
					"DepartmentDueDayTimer")) {
				execute(timer(entry, timer));
			}
			executeSendingJobs(entry);

			assertThat(subjects(mailsAbout(entry)))
				.containsExactly("【今日到期】" + entry.caseNumber().display() + " 部门办理交办事项 今天到期");
		}

		@Test
		void aCaseAssessedAfterItsDeadlineGetsNoRemindersOnlyTheEscalation() throws Exception {
			TestClock.at("2026-10-26", "10:00");
			RegisterEntry entry = anOpinionAssignedToHr();

			for (String timer : List.of("DepartmentHalfWayTimer", "DepartmentDayBeforeTimer", "DepartmentDueDayTimer",
					Elements.DEPARTMENT_TIMER)) {
				execute(timer(entry, timer));
			}
			executeSendingJobs(entry);
			executeSupervisionJob(entry, "OverdueNoticeTask");

			assertThat(subjects(mailsAbout(entry)))
				.containsExactly("【逾期督办】" + entry.caseNumber().display() + " 部门办理交办事项 已逾期1个工作日");
		}

		@Test
		void completingTheTaskCancelsWhatIsPending() throws Exception {
			RegisterEntry entry = anOpinionAssignedToHr();
			TestClock.at("2026-10-14", "09:00");
			execute(timer(entry, "DepartmentHalfWayTimer"));
			assertThat(sendingJobs(entry)).hasSize(1);

			ReminderMailIT.this.given.complete(entry, Tasks.DEPARTMENT_HANDLE, "hr1", Map.of("handlingResult", "已办结"));

			assertThat(sendingJobs(entry)).isEmpty();
			assertThat(ReminderMailIT.this.engine.getManagementService()
				.createJobQuery()
				.processInstanceId(entry.getProcessInstanceId())
				.timers()
				.count()).isZero();
			assertThat(mailsAbout(entry)).isEmpty();
		}

	}

	@Nested
	class Escalation {

		@Test
		void anOverdueDepartmentTaskIsReportedToTheSecretaryThenFiveWorkingDaysLaterToTheCommittee() throws Exception {
			RegisterEntry entry = anOpinionAssignedToHr();

			fire(entry, Elements.DEPARTMENT_TIMER, "2026-10-24", "00:00");
			executeSupervisionJob(entry, "OverdueNoticeTask");
			MimeMessage overdue = single(mailsAbout(entry));
			assertThat(recipients(overdue)).containsExactly("sec1@example.cn");
			assertThat(overdue.getSubject()).isEqualTo("【逾期督办】" + entry.caseNumber().display() + " 部门办理交办事项 已超过办理期限");
			String supervisionTask = ReminderMailIT.this.engine.getTaskService()
				.createTaskQuery()
				.processInstanceBusinessKey(entry.getCaseNo())
				.taskDefinitionKey(Tasks.SUPERVISE_OVERDUE)
				.singleResult()
				.getId();
			assertThat(MailMessages.text(overdue)).contains("#/?task=" + supervisionTask).contains("跟踪督办");

			// 5 working days after the due day Friday 10-23: Friday 10-30, 09:00
			Job second = supervisionTimer(entry);
			assertThat(second.getDuedate()).isEqualTo(china("2026-10-30", "09:00"));
			smtp.purgeEmailFromAllMailboxes();
			TestClock.at("2026-10-30", "09:00");
			execute(second);
			executeSupervisionJob(entry, "SecondEscalationTask");
			MimeMessage escalated = single(mailsAbout(entry));
			assertThat(recipients(escalated)).containsExactly("cmtstaff1@example.cn");
			assertThat(escalated.getSubject())
				.isEqualTo("【再次督办】" + entry.caseNumber().display() + " 部门办理交办事项 已逾期5个工作日");
		}

		@Test
		void anOverdueCommitteeAnswerIsReportedToTheDistrict() throws Exception {
			RegisterEntry entry = anOpinionReportedUp();
			TestClock.at("2026-10-09", "15:00");
			ReminderMailIT.this.given.complete(entry, Tasks.BRANCH_REPORT_UP, "sec1", Map.of());
			ReminderMailIT.this.given.complete(entry, Tasks.COMMITTEE_ACCEPT, "cmtstaff1",
					Map.of("committeeMode", "INDEPENDENT"));

			// 10 working days from Friday 10-09: Saturday 10-10 (make-up) .. Thursday
			// 10-22
			fire(entry, "CommitteeOverdueTimer", "2026-10-23", "00:00");
			executeSupervisionJob(entry, "OverdueNoticeTask");

			assertThat(recipients(single(mailsAbout(entry)))).containsExactly("district1@example.cn");
		}

	}

	@Nested
	class Delivery {

		@Test
		void whileTheSmtpServerIsDownTheMailWaitsAndIsSentOnceWhenItIsBack() throws Exception {
			RegisterEntry entry = anOpinionAssignedToHr();
			TestClock.at("2026-10-14", "09:00");
			execute(timer(entry, "DepartmentHalfWayTimer"));
			Job sending = single(sendingJobs(entry));

			smtp.stop();
			try {
				assertThatThrownBy(() -> execute(sending)).hasMessageContaining("Cannot reach the SMTP server");
			}
			finally {
				smtp = smtpServer();
			}
			Job waiting = single(sendingJobs(entry));
			assertThat(waiting.getRetries()).isEqualTo(2);
			assertThat(waiting.getDuedate()).isEqualTo(china("2026-10-14", "09:05"));
			assertThat(mailsAbout(entry)).isEmpty();

			TestClock.at("2026-10-14", "09:05");
			execute(waiting);

			assertThat(mailsAbout(entry)).hasSize(1);
			assertThat(sendingJobs(entry)).isEmpty();
			assertThat(ReminderMailIT.this.journal.ofCase(entry.getCaseNo())).hasSize(1);
		}

		@Test
		void afterTheLastRetryAnIncidentShowsAndRetryingItSendsTheMail() throws Exception {
			RegisterEntry entry = anOpinionAssignedToHr();
			TestClock.at("2026-10-14", "09:00");
			execute(timer(entry, "DepartmentHalfWayTimer"));

			smtp.stop();
			try {
				for (int attempt = 0; attempt < 3; attempt++) {
					Job job = single(sendingJobs(entry));
					if (job.getDuedate() != null) {
						ClockUtil.setCurrentTime(job.getDuedate());
					}
					assertThatThrownBy(() -> execute(job)).isNotNull();
				}
			}
			finally {
				smtp = smtpServer();
			}
			var incident = ReminderMailIT.this.engine.getRuntimeService()
				.createIncidentQuery()
				.processInstanceId(entry.getProcessInstanceId())
				.singleResult();
			assertThat(incident.getActivityId()).isEqualTo("DepartmentReminderTask");
			assertThat(incident.getIncidentMessage()).contains("Cannot reach the SMTP server");
			assertThat(mailsAbout(entry)).isEmpty();

			// what Cockpit's "retry" does
			Job failed = single(sendingJobs(entry));
			ReminderMailIT.this.engine.getManagementService().setJobRetries(failed.getId(), 1);
			execute(single(sendingJobs(entry)));

			assertThat(mailsAbout(entry)).hasSize(1);
			assertThat(ReminderMailIT.this.engine.getRuntimeService()
				.createIncidentQuery()
				.processInstanceId(entry.getProcessInstanceId())
				.count()).isZero();
		}

		@Test
		void aSendingStepThatRunsAgainDoesNotSendTwice() throws Exception {
			RegisterEntry entry = anOpinionReportedUp();
			fire(entry, "ReportUpHalfWayTimer", "2026-10-08", "09:00");
			assertThat(mailsAbout(entry)).hasSize(2);

			// the same reminder once more, as a job re-run after a crash would
			ReminderMailIT.this.engine.getRuntimeService()
				.createProcessInstanceModification(entry.getProcessInstanceId())
				.startBeforeActivity("ReportUpReminderTask")
				.setVariableLocal(SendReminderDelegate.KIND, "HALF_WAY")
				.execute();
			executeSendingJobs(entry);

			assertThat(mailsAbout(entry)).hasSize(2);
			assertThat(ReminderMailIT.this.journal.ofCase(entry.getCaseNo())).hasSize(2);
		}

	}

	@Nested
	class DailyDigest {

		@Test
		void onAWorkingDayWhoOptedInGetsOneMailListingWhatIsDueWithinTwoWorkingDays() throws Exception {
			aProductionClerkWhoTakesTheDigest();
			RegisterEntry entry = anOpinionAssignedTo("prod");

			runDigestAt("2026-10-20");
			assertThat(mailsTo("prod1@example.cn")).as("due 10-23 is three working days away").isEmpty();

			runDigestAt("2026-10-21");
			MimeMessage digest = single(mailsTo("prod1@example.cn"));
			assertThat(digest.getSubject()).isEqualTo("【每日待办】2026-10-21 1项待办即将到期或已逾期");
			assertThat(MailMessages.text(digest)).contains("周八")
				.contains(entry.caseNumber().display() + " 部门办理交办事项（还剩2个工作日，期限2026-10-23）")
				.contains("#/?task=" + task(entry, Tasks.DEPARTMENT_HANDLE));

			runDigestAt("2026-10-21");
			assertThat(mailsTo("prod1@example.cn")).as("once a day").hasSize(1);
		}

		@Test
		void noDigestOnADayOffAndOverdueTasksAreMarked() throws Exception {
			aProductionClerkWhoTakesTheDigest();
			RegisterEntry entry = anOpinionAssignedTo("prod");

			runDigestAt("2026-10-24");
			assertThat(mailsTo("prod1@example.cn")).as("Saturday").isEmpty();

			runDigestAt("2026-10-26");
			MimeMessage digest = single(mailsTo("prod1@example.cn"));
			assertThat(digest.getSubject()).isEqualTo("【每日待办】2026-10-26 1项待办即将到期或已逾期（其中1项已逾期）");
			assertThat(MailMessages.text(digest)).contains(entry.caseNumber().display() + " 部门办理交办事项（已逾期1个工作日");
		}

		@Test
		void theDigestTimerFiresAtHalfPastEightInChina() {
			Job timer = digestTimer();

			assertThat(timer.getDuedate().toInstant().atZone(TestClock.CHINA).toLocalTime())
				.isEqualTo(LocalTime.of(8, 30));
		}

		@Test
		void aTimerOffTheConfiguredTimeIsRecalculatedAtStartUp() throws Exception {
			ReminderMailIT.this.engine.getManagementService()
				.setJobDuedate(digestTimer().getId(), china("2026-12-01", "06:00"));

			ReminderMailIT.this.digestTimerAtStartUp.run(null);

			assertThat(digestTimer().getDuedate().toInstant().atZone(TestClock.CHINA).toLocalTime())
				.isEqualTo(LocalTime.of(8, 30));
		}

		/** prod1 of the production department, with nothing on their desk yet. */
		private void aProductionClerkWhoTakesTheDigest() {
			OrgDirectory people = ReminderMailIT.this.directory;
			if (people.person("prod1").isEmpty()) {
				people.save(new Person("prod1", "周八", Role.DEPARTMENT_STAFF, "org1", "prod", null, "生产部", "13800000008",
						"prod1@example.cn")
					.withDailyDigest(true), "demo");
			}
			TaskService tasks = ReminderMailIT.this.engine.getTaskService();
			for (var task : tasks.createTaskQuery().taskCandidateGroup("org1-dept-prod").list()) {
				tasks.claim(task.getId(), "prod1");
				tasks.complete(task.getId(), Map.of("handlingResult", "已办结"));
			}
		}

		private void runDigestAt(String date) {
			TestClock.at(date, "08:30");
			execute(digestTimer());
			ManagementService management = ReminderMailIT.this.engine.getManagementService();
			management.createJobQuery()
				.processDefinitionKey(OpinionProcess.DIGEST_PROCESS_ID)
				.messages()
				.list()
				.forEach((job) -> management.executeJob(job.getId()));
		}

		private Job digestTimer() {
			return ReminderMailIT.this.engine.getManagementService()
				.createJobQuery()
				.processDefinitionKey(OpinionProcess.DIGEST_PROCESS_ID)
				.timers()
				.singleResult();
		}

		private List<MimeMessage> mailsTo(String address) {
			return Arrays.stream(smtp.getReceivedMessages()).filter((m) -> recipients(m).contains(address)).toList();
		}

	}

	// ------------------------------------------------------------------------ fixtures

	private RegisterEntry anOpinionAssignedToHr() {
		return anOpinionAssignedTo("hr");
	}

	private RegisterEntry anOpinionAssignedTo(String department) {
		RegisterEntry entry = this.given.anOpinionRaisedOn(ASSESSED_ON);
		this.given.complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("ENTERPRISE", "department", department));
		return entry;
	}

	private RegisterEntry anOpinionReportedUp() {
		RegisterEntry entry = this.given.anOpinionRaisedOn(ASSESSED_ON);
		this.given.complete(entry, Tasks.BRANCH_ASSESS, "sec1", assessedAs("UPPER"));
		return entry;
	}

	/** The clock reaches the timer's moment: it fires, and its sending job runs. */
	private void fire(RegisterEntry entry, String timerId, String date, String time) {
		Job timer = timer(entry, timerId);
		assertThat(timer.getDuedate()).isEqualTo(china(date, time));
		TestClock.at(date, time);
		execute(timer);
		executeSendingJobs(entry);
	}

	private Job timer(RegisterEntry entry, String activityId) {
		return this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(entry.getProcessInstanceId())
			.activityId(activityId)
			.singleResult();
	}

	private List<Job> sendingJobs(RegisterEntry entry) {
		return this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(entry.getProcessInstanceId())
			.messages()
			.list();
	}

	private void executeSendingJobs(RegisterEntry entry) {
		sendingJobs(entry).forEach(this::execute);
	}

	private void executeSupervisionJob(RegisterEntry entry, String activityId) {
		execute(single(this.engine.getManagementService()
			.createJobQuery()
			.processDefinitionKey(OpinionProcess.SUPERVISION_PROCESS_ID)
			.activityId(activityId)
			.list()
			.stream()
			.filter((job) -> entry.getCaseNo()
				.equals(this.engine.getRuntimeService()
					.createProcessInstanceQuery()
					.processInstanceId(job.getProcessInstanceId())
					.singleResult()
					.getBusinessKey()))
			.toList()));
	}

	private Job supervisionTimer(RegisterEntry entry) {
		String supervision = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(OpinionProcess.SUPERVISION_PROCESS_ID)
			.processInstanceBusinessKey(entry.getCaseNo())
			.singleResult()
			.getId();
		return this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(supervision)
			.activityId("SecondEscalationTimer")
			.singleResult();
	}

	private void execute(Job job) {
		this.engine.getManagementService().executeJob(job.getId());
	}

	private String task(RegisterEntry entry, String key) {
		return this.given.task(entry, key).getId();
	}

	private static List<MimeMessage> mailsAbout(RegisterEntry entry) throws Exception {
		String caseNo = entry.caseNumber().display();
		return Arrays.stream(smtp.getReceivedMessages()).filter((m) -> subject(m).contains(caseNo)).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> subjects(List<MimeMessage> messages) {
		return messages.stream().map(ReminderMailIT::subject).toList();
	}

	private static List<String> recipients(List<MimeMessage> messages) throws Exception {
		return messages.stream().flatMap((m) -> recipients(m).stream()).toList();
	}

	private static List<String> recipients(MimeMessage message) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static <T> T single(List<T> items) {
		assertThat(items).hasSize(1);
		return items.get(0);
	}

	private static Date china(String date, String time) {
		return Date.from(LocalDate.parse(date).atTime(LocalTime.parse(time)).atZone(TestClock.CHINA).toInstant());
	}

	private static GreenMail smtpServer() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
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
