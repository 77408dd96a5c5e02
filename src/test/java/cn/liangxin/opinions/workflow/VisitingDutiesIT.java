package cn.liangxin.opinions.workflow;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.org.Committee;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Organization;
import cn.liangxin.opinions.org.Person;
import cn.liangxin.opinions.org.Role;
import cn.liangxin.opinions.support.RestCalls;
import cn.liangxin.opinions.support.TestClock;
import cn.liangxin.opinions.support.WebAppTest;
import cn.liangxin.opinions.visit.Duties;
import cn.liangxin.opinions.visit.Duties.Duty;
import cn.liangxin.opinions.visit.DutyKind;
import cn.liangxin.opinions.visit.Roster;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.liangxin.opinions.support.RestCalls.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recurring visiting duties with a moved clock, in October 2026 (after the National
 * Day holiday; 10 October a working Saturday, 31 October a Saturday off): a committee
 * {@code cmtdt} of two organizations — {@code orgdt} with two block leaders,
 * {@code orgdu} with no roster. On 8 October the daily check makes each organization's
 * quarter meeting and owner visit, its month's talks (one per block leader, one for the
 * branch without leaders) and the committee's visit of the month, once however often it
 * runs; the reminder three working days before 30 October at 09:00; the level above
 * supervises what is not recorded by then (the committee the branch's, the district the
 * committee's), and is told; a record opens cases from the opinions raised, closes the
 * supervision, and is checked like a form; the coverage counts them by hand.
 */
@WebAppTest
class VisitingDutiesIT {

	static GreenMail smtp;

	@Autowired
	TestRestTemplate http;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	DemoData demo;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	Roster roster;

	@Autowired
	Duties duties;

	@Autowired
	DutyStarter starter;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void startSmtp() {
		smtp = new GreenMail(new ServerSetup(2525, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@BeforeEach
	void aCommitteeOfTwoOrganizations() {
		this.demo.createOrganizationsAndPeople();
		if (this.orgs.committee("cmtdt").isPresent()) {
			return;
		}
		this.orgs.save(new Committee("cmtdt", "履职测试党委"));
		this.orgs.save(new Organization("orgdt", "重庆履职测试有限公司", null, 6, "cmtdt"));
		this.orgs.save(new Organization("orgdu", "重庆履职测试二公司", null, 3, "cmtdt"));
		person("dtsec", "程书记", Role.BRANCH_SECRETARY, "orgdt", null);
		person("dtmem", "严党员", Role.BRANCH_MEMBER, "orgdt", null);
		person("dtstaff", "华干事", Role.COMMITTEE_STAFF, null, "cmtdt");
		this.roster.importFile("orgdt", "dt.csv", ("工号,姓名,性别,片区,党员,联系党员工号,分管片区\n" + """
				D01,片长甲,男,东片,是,,东片
				D02,片长乙,女,西片,是,,西片
				D03,员工三,男,东片,否,D01,
				D04,员工四,女,西片,否,D02,
				""").getBytes(StandardCharsets.UTF_8), true);
	}

	/**
	 * The duties made here are removed again, so that the task lists of the other tests
	 * of this context stay as they count them.
	 */
	@AfterEach
	void clockAndDuties() {
		TestClock.reset();
		this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(DutyProcess.PROCESS_ID)
			.list()
			.forEach((instance) -> this.runtime.deleteProcessInstance(instance.getId(), "test over"));
		this.jdbc.update("delete from visiting_duty");
	}

	@Test
	void eachPeriodsDutiesAreMadeOnceRemindedSupervisedRecordedAndCounted() throws Exception {
		TestClock.at(LocalDate.of(2026, 10, 8), LocalTime.of(7, 0));
		this.starter.makeMissing();
		assertThat(this.starter.makeMissing()).isEmpty();

		assertThat(keys("orgdt")).containsExactlyInAnyOrder("MEETING-orgdt-2026-Q4", "OWNER_VISIT-orgdt-2026-Q4",
				"TALK-orgdt-D01-2026-10", "TALK-orgdt-D02-2026-10", "COMMITTEE_VISIT-orgdt-2026-10");
		assertThat(keys("orgdu")).containsExactlyInAnyOrder("MEETING-orgdu-2026-Q4", "OWNER_VISIT-orgdu-2026-Q4",
				"TALK-orgdu-2026-10", "COMMITTEE_VISIT-orgdu-2026-10");
		Task meeting = task("MEETING-orgdt-2026-Q4");
		assertThat(meeting.getName()).isEqualTo("登记员工意见征集会（2026-Q4）");
		assertThat(meeting.getTenantId()).isEqualTo("orgdt");
		assertThat(groups(meeting)).containsExactly("orgdt-branch");
		// the quarter's last working day is Thursday 31 December
		assertThat(WorkingDayCalendar.dateOf(meeting.getDueDate().toInstant())).isEqualTo(LocalDate.of(2026, 12, 31));
		Task talk = task("TALK-orgdt-D01-2026-10");
		assertThat(talk.getName()).isEqualTo("登记谈心谈话（2026-10，片长甲）");
		// Saturday 31 October is no working day: due Friday 30 October
		assertThat(WorkingDayCalendar.dateOf(talk.getDueDate().toInstant())).isEqualTo(LocalDate.of(2026, 10, 30));
		assertThat(groups(task("OWNER_VISIT-orgdt-2026-Q4"))).containsExactly("orgdt-secretary");
		assertThat(groups(task("COMMITTEE_VISIT-orgdt-2026-10"))).containsExactly("cmtdt-committee");

		// the reminder: three working days before 30 October (29, 28, 27), at 09:00
		Job reminder = job("TALK-orgdt-D01-2026-10", DutyProcess.REMINDER_TIMER);
		assertThat(reminder.getDuedate().toInstant())
			.isEqualTo(LocalDate.of(2026, 10, 27).atTime(9, 0).atZone(WorkingDayCalendar.ZONE).toInstant());
		smtp.purgeEmailFromAllMailboxes();
		TestClock.at(LocalDate.of(2026, 10, 27), LocalTime.of(9, 0));
		this.management.executeJob(reminder.getId());
		runAsync("SendDutyReminderTask");
		assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
		assertThat(recipients()).containsExactlyInAnyOrder("dtsec@example.cn", "dtmem@example.cn");
		assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("谈心谈话", "还剩3个工作日");

		// 31 October: the talks and the committee's visit are late, the level above
		// supervises
		TestClock.at(LocalDate.of(2026, 10, 31), LocalTime.of(0, 0, 1));
		smtp.purgeEmailFromAllMailboxes();
		Job overdue = job("TALK-orgdt-D01-2026-10", DutyProcess.OVERDUE_TIMER);
		assertThat(overdue.getDuedate().toInstant())
			.isEqualTo(LocalDate.of(2026, 10, 31).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
		this.management.executeJob(overdue.getId());
		this.management.executeJob(job("COMMITTEE_VISIT-orgdt-2026-10", DutyProcess.OVERDUE_TIMER).getId());
		Task superviseTalk = supervision("TALK-orgdt-D01-2026-10");
		assertThat(superviseTalk.getName()).isEqualTo("督办：重庆履职测试有限公司谈心谈话（2026-10，片长甲）逾期未登记");
		assertThat(groups(superviseTalk)).containsExactly("cmtdt-committee");
		assertThat(groups(supervision("COMMITTEE_VISIT-orgdt-2026-10"))).containsExactly("district");
		assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
		assertThat(recipients()).contains("dtstaff@example.cn");
		assertThat(Arrays.stream(smtp.getReceivedMessages()).map(VisitingDutiesIT::subject))
			.anySatisfy((subject) -> assertThat(subject).startsWith("【逾期督办】").contains("谈心谈话"));

		// the committee supervises; the talk is recorded late: the supervision closes
		rest().claim("dtstaff", superviseTalk.getId());
		ok(rest().complete("dtstaff", superviseTalk.getId(), Map.of("supervisionNote", text("已电话督促，11月3日前补谈"))));
		TestClock.at(LocalDate.of(2026, 11, 2), LocalTime.of(10, 0));
		Task lateTalk = task("TALK-orgdt-D02-2026-10");
		this.management.executeJob(job("TALK-orgdt-D02-2026-10", DutyProcess.OVERDUE_TIMER).getId());
		ok(rest().complete("dtsec", lateTalk.getId(),
				Map.of("dutyDoneOn", text("2026-11-02"), "dutyPeople", text("员工四"), "dutySummary", text("谈了工作和家庭情况"))));
		assertThat(instance("TALK-orgdt-D02-2026-10")).as("the talk's instance ended, supervision with it").isNull();
		Duty lateOne = duty(DutyKind.TALK, "orgdt", "D02");
		assertThat(lateOne.doneOn()).isEqualTo(LocalDate.of(2026, 11, 2));
		assertThat(lateOne.recordedBy()).contains("dtsec");
		assertThat(duty(DutyKind.TALK, "orgdt", "D01").supervisionNote()).isEqualTo("已电话督促，11月3日前补谈");

		// the meeting: checked like its form, and nothing stored while it is wrong
		TestClock.at(LocalDate.of(2026, 11, 20), LocalTime.of(15, 0));
		Map<String, Object> record = new HashMap<>(Map.of("dutyDoneOn", text("2026-11-20"), "dutyAttendees", number(12),
				"dutySummary", text("听取员工对食堂和班车的意见"), "opinion1Employee", text("员工三"), "opinion1Content",
				text("夜班后没有班车回家"), "opinion1Kind", text("DIFFICULTY")));
		Map<String, Object> extra = new HashMap<>(record);
		extra.put("orgCode", text("org1"));
		assertThat(fields(rest().complete("dtsec", meeting.getId(), extra))).containsExactly("orgCode");
		Map<String, Object> early = new HashMap<>(record);
		early.put("dutyDoneOn", text("2026-09-30"));
		assertThat(fields(rest().complete("dtsec", meeting.getId(), early))).containsExactly("dutyDoneOn");
		Map<String, Object> half = new HashMap<>(record);
		half.put("dutyAttendees", Map.of("value", 12.5, "type", "Double"));
		assertThat(fields(rest().complete("dtsec", meeting.getId(), half))).as("not rounded to 12")
			.containsExactly("dutyAttendees");
		Map<String, Object> noContent = new HashMap<>(record);
		noContent.put("opinion1Content", text(""));
		assertThat(fields(rest().complete("dtsec", meeting.getId(), noContent))).contains("opinion1Content");
		assertThat(duty(DutyKind.MEETING, "orgdt", "").done()).isFalse();
		assertThat(rest().complete("sec1", meeting.getId(), record).getStatusCode()).as("another organization")
			.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		assertThat(rest().complete("dtmem", task("OWNER_VISIT-orgdt-2026-Q4").getId(), Map.of()).getStatusCode())
			.as("the owner visit is the secretary's")
			.isEqualTo(HttpStatus.FORBIDDEN);
		ok(rest().complete("dtmem", meeting.getId(), record));
		Duty kept = duty(DutyKind.MEETING, "orgdt", "");
		assertThat(kept.attendees()).isEqualTo(12);
		assertThat(kept.caseNos()).isNotBlank();
		JsonNode opened = rest().as("dtsec").getForObject("/api/opinions/" + kept.caseNos(), JsonNode.class);
		assertThat(opened.path("channel").asText()).isEqualTo("MEETING");
		assertThat(opened.path("reporterName").asText()).isEqualTo("员工三");

		// the coverage of 2026 (as of today, after October): by hand
		JsonNode cmt = rest().as("dtstaff")
			.getForObject("/api/visits/coverage?committee=cmtdt&year=2026", JsonNode.class);
		assertThat(counts(cmt, "meetingsPerQuarter")).containsExactly("2026-Q4 2/1/1/0");
		assertThat(counts(cmt, "ownerVisitsPerQuarter")).containsExactly("2026-Q4 2/0/0/0");
		// three talks due in October: one recorded late, two not
		assertThat(counts(cmt, "talksPerMonth")).containsExactly("2026-10 3/1/0/2");
		assertThat(counts(cmt, "committeeVisitsPerMonth")).containsExactly("2026-10 2/0/0/2");
		assertThat(cmt.get("dutiesBehind")).extracting((l) -> l.get("kind").asText() + " " + l.get("orgCode").asText())
			.containsExactlyInAnyOrder("TALK orgdt", "TALK orgdu", "COMMITTEE_VISIT orgdt", "COMMITTEE_VISIT orgdu");
		assertThat(cmt.get("dutiesBehind")).as("the committee sees no leader's name")
			.allSatisfy((l) -> assertThat(l.get("holder").isNull()).isTrue());
		JsonNode org = rest().as("dtsec").getForObject("/api/visits/coverage?orgCode=orgdt&year=2026", JsonNode.class);
		assertThat(counts(org, "talksPerMonth")).containsExactly("2026-10 2/1/0/1");
		assertThat(org.get("dutiesBehind")).extracting((l) -> l.get("holder").asText()).contains("片长甲");
		assertThat(rest().as("sec1")
			.getForEntity("/api/visits/coverage?orgCode=orgdt&year=2026", String.class)
			.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
	}

	/**
	 * Every kind's timers, on the working-day calendar: the quarter's meeting and owner
	 * visit are reminded on 28 December and overdue from 1 January 2027, supervised by
	 * the committee; the month's talks and committee visit reminded on 27 October and
	 * overdue from 31 October, the talks supervised by the committee, the committee's
	 * visit by the district.
	 */
	@Test
	void everyDutysTimersFallOnItsPeriodsWorkingDaysAndTheLevelAboveSupervises() {
		TestClock.at(LocalDate.of(2026, 10, 8), LocalTime.of(7, 0));
		this.starter.makeMissing();
		Map<String, Object[]> expected = Map.of("MEETING-orgdt-2026-Q4",
				new Object[] { LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 1), "cmtdt-committee" },
				"OWNER_VISIT-orgdt-2026-Q4",
				new Object[] { LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 1), "cmtdt-committee" },
				"TALK-orgdt-D01-2026-10",
				new Object[] { LocalDate.of(2026, 10, 27), LocalDate.of(2026, 10, 31), "cmtdt-committee" },
				"TALK-orgdu-2026-10",
				new Object[] { LocalDate.of(2026, 10, 27), LocalDate.of(2026, 10, 31), "cmtdt-committee" },
				"COMMITTEE_VISIT-orgdt-2026-10",
				new Object[] { LocalDate.of(2026, 10, 27), LocalDate.of(2026, 10, 31), "district" });
		for (Map.Entry<String, Object[]> duty : expected.entrySet()) {
			String key = duty.getKey();
			LocalDate remindOn = (LocalDate) duty.getValue()[0];
			LocalDate overdueFrom = (LocalDate) duty.getValue()[1];
			assertThat(job(key, DutyProcess.REMINDER_TIMER).getDuedate().toInstant()).as("%s reminded", key)
				.isEqualTo(remindOn.atTime(9, 0).atZone(WorkingDayCalendar.ZONE).toInstant());
			Job overdue = job(key, DutyProcess.OVERDUE_TIMER);
			assertThat(overdue.getDuedate().toInstant()).as("%s overdue", key)
				.isEqualTo(overdueFrom.atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
			TestClock.at(overdueFrom, LocalTime.of(0, 0, 1));
			this.management.executeJob(overdue.getId());
			assertThat(groups(supervision(key))).as("%s supervised by", key)
				.containsExactly((String) duty.getValue()[2]);
			assertThat(task(key)).as("%s can still be recorded", key).isNotNull();
		}
	}

	/** Another organization's people see none of the duties' tasks. */
	@Test
	void anotherOrganizationSeesNoneOfTheDutiesTasks() {
		TestClock.at(LocalDate.of(2026, 10, 8), LocalTime.of(7, 0));
		this.starter.makeMissing();
		String url = "/engine-rest/task?processDefinitionKey=" + DutyProcess.PROCESS_ID + "&tenantIdIn=orgdt";
		assertThat(rest().as("dtsec").getForObject(url, List.class)).hasSize(5);
		assertThat(rest().as("dtstaff").getForObject(url, List.class)).hasSize(5);
		assertThat(rest().as("sec1").getForObject(url, List.class)).isEmpty();
		// read through the process's grant and the tenant: no authorization row per task,
		// so Tasklist's task query stays flat as the duties' tasks grow
		assertThat(this.jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION a join ACT_RU_TASK t "
				+ "on t.ID_ = a.RESOURCE_ID_ where t.TENANT_ID_ in ('orgdt', 'orgdu')", Integer.class))
			.isZero();
		assertThat(rest().as("cmtstaff1").getForObject(url, List.class)).isEmpty();
		// the catch-up at start-up finds nothing left to make, until a duty is missing
		assertThat(this.duties.organizationsMissingDuties(LocalDate.of(2026, 10, 8))).doesNotContain("orgdt", "orgdu");
		this.jdbc.update("delete from visiting_duty where kind = 'TALK' and org_code = 'orgdt' and holder = 'D02'");
		assertThat(this.duties.organizationsMissingDuties(LocalDate.of(2026, 10, 8))).contains("orgdt")
			.doesNotContain("orgdu");
	}

	// fixtures

	private void person(String username, String name, Role role, String orgCode, String committee) {
		this.orgs.save(new Person(username, name, role, orgCode, null, committee, role.name(), "13800000000",
				username + "@example.cn"), DemoData.PASSWORD);
	}

	private List<String> keys(String orgCode) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(DutyProcess.PROCESS_ID)
			.tenantIdIn(orgCode)
			.list()
			.stream()
			.map(ProcessInstance::getBusinessKey)
			.toList();
	}

	private ProcessInstance instance(String key) {
		return this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
	}

	private Task task(String key) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(key)
			.taskDefinitionKeyIn(DutyProcess.Tasks.MEETING, DutyProcess.Tasks.TALK, DutyProcess.Tasks.OWNER_VISIT,
					DutyProcess.Tasks.COMMITTEE_VISIT)
			.singleResult();
	}

	private Task supervision(String key) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(key)
			.taskDefinitionKey(DutyProcess.SUPERVISE)
			.singleResult();
	}

	private List<String> groups(Task task) {
		return this.tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((link) -> link.getGroupId() != null)
			.map((link) -> link.getGroupId())
			.toList();
	}

	private Job job(String key, String activityId) {
		return this.management.createJobQuery()
			.processInstanceId(instance(key).getId())
			.activityId(activityId)
			.singleResult();
	}

	private void runAsync(String activityId) {
		for (Job job : this.management.createJobQuery().activityId(activityId).list()) {
			this.management.executeJob(job.getId());
		}
	}

	private Duty duty(DutyKind kind, String orgCode, String holder) {
		Long id = this.jdbc.queryForObject(
				"select id from visiting_duty where kind = ? and org_code = ? and holder = ?", Long.class, kind.name(),
				orgCode, holder);
		return this.duties.find(id).orElseThrow();
	}

	private static List<String> counts(JsonNode coverage, String kind) {
		List<String> lines = new java.util.ArrayList<>();
		coverage.get("duties")
			.get(kind)
			.forEach((c) -> lines.add(c.get("period").asText() + " " + c.get("due").asInt() + "/"
					+ c.get("done").asInt() + "/" + c.get("onTime").asInt() + "/" + c.get("overdue").asInt()));
		return lines;
	}

	private static List<String> recipients() throws Exception {
		List<String> to = new java.util.ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			to.add(message.getRecipients(Message.RecipientType.TO)[0].toString());
		}
		return to;
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> fields(ResponseEntity<Map> answer) {
		assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		return ((List<Map<String, Object>>) answer.getBody().get("errors")).stream()
			.map((e) -> (String) e.get("field"))
			.toList();
	}

	private static Map<String, Object> number(int value) {
		return Map.of("value", value, "type", "Integer");
	}

	private static void ok(ResponseEntity<Map> answer) {
		assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private RestCalls rest() {
		return new RestCalls(this.http, this.tasks);
	}

}
