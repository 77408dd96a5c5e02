package cn.liangxin.opinions.workflow;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.org.Committee;
import cn.liangxin.opinions.org.Department;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Organization;
import cn.liangxin.opinions.org.Person;
import cn.liangxin.opinions.org.Role;
import cn.liangxin.opinions.report.MonthlyFigures;
import cn.liangxin.opinions.report.MonthlyReports;
import cn.liangxin.opinions.support.RestCalls;
import cn.liangxin.opinions.support.TestClock;
import cn.liangxin.opinions.support.WebAppTest;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
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

import static cn.liangxin.opinions.support.RestCalls.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly report with a moved clock, in October 2026, which begins with the National
 * Day holiday (1–7 October): nothing for September before its first working day (8
 * October); then one review task per committee, made once however often the daily check
 * runs; the reminder on its due day; the district's supervision when it is late; the
 * submission; and the figures of a committee of its own against a hand count, as JSON,
 * workbook and PDF, with access for the committee, the district and nobody else.
 */
@WebAppTest
class MonthlyReportIT {

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
	HistoryService history;

	@Autowired
	DemoData demo;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	MonthlyReportStarter starter;

	@Autowired
	MonthlyReports reports;

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
	void organizationsExist() {
		this.demo.createOrganizationsAndPeople();
	}

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	/**
	 * The reports of every committee made here are removed again, so that the demo
	 * committees' task lists stay as other tests of this context count them.
	 */
	@AfterEach
	void clockAndReports() {
		TestClock.reset();
		this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(ReportProcess.PROCESS_ID)
			.list()
			.forEach((instance) -> this.runtime.deleteProcessInstance(instance.getId(), "test over"));
		this.jdbc.update("delete from monthly_report");
	}

	@Test
	void septembersReportIsMadeOnOctobersFirstWorkingDayRemindedSupervisedAndSubmitted() throws Exception {
		committeeOfItsOwn();
		// by hand, all raised on 10 September: A explained and fed back (satisfied,
		// struck
		// off); B to HR, answered on time, waiting for feedback; C to HR, slip returned
		TestClock.at(LocalDate.of(2026, 9, 10), LocalTime.of(10, 0));
		String a = registered("VISIT", "DIFFICULTY", "宿舍空调坏了");
		ok(rest().complete("mrsec", rest().task(a, "branchAssess"),
				Map.of("route", text("EXPLAIN"), "assessment", text("已向员工说明维修安排"))));
		ok(rest().complete("mrsec", rest().task(a, "branchFeedback"), Map.of("feedbackMethod", text("PHONE"),
				"feedbackContent", text("电话告知"), "satisfied", RestCalls.bool(true))));
		String b = registered("MAILBOX", "SUGGESTION", "建议增设夜班班车");
		ok(rest().complete("mrsec", rest().task(b, "branchAssess"),
				Map.of("route", text("ENTERPRISE"), "department", text("hr"))));
		ok(rest().complete("mrhr", rest().task(b, "departmentHandle"), Map.of("handlingResult", text("已开通夜班班车"))));
		String c = registered("VISIT", "CONFLICT", "与班组长发生争执");
		ok(rest().complete("mrsec", rest().task(c, "branchAssess"),
				Map.of("route", text("ENTERPRISE"), "department", text("hr"))));
		ok(rest().complete("mrhr", rest().task(c, "departmentHandle"),
				Map.of("outcome", text("RETURN"), "returnReason", text("应由工会调解"))));

		// the National Day holiday: September's reports are not due yet (August's are)
		assertThat(this.reports.monthDue(LocalDate.of(2026, 10, 7))).hasToString("2026-08");
		assertThat(this.reports.monthDue(LocalDate.of(2026, 10, 8))).hasToString("2026-09");
		assertThat(this.reports.monthDue(LocalDate.of(2026, 11, 30))).hasToString("2026-10");

		// 8 October, the month's first working day
		TestClock.at(LocalDate.of(2026, 10, 8), LocalTime.of(7, 0));
		this.starter.makeMissing();
		this.starter.makeMissing();
		List<Task> review = this.tasks.createTaskQuery()
			.processInstanceBusinessKey("cmtmr-2026-09")
			.taskDefinitionKey(ReportProcess.REVIEW)
			.list();
		assertThat(review).hasSize(1);
		assertThat(review.get(0).getName()).isEqualTo("审核上报2026-09月度报告");
		assertThat(this.tasks.getIdentityLinksForTask(review.get(0).getId()))
			.anySatisfy((link) -> assertThat(link.getGroupId()).isEqualTo("cmtmr-committee"));
		// five working days: 9, 10 (a working Saturday), 12, 13, 14 October
		LocalDate dueOn = LocalDate.of(2026, 10, 14);
		assertThat(WorkingDayCalendar.dateOf(review.get(0).getDueDate().toInstant())).isEqualTo(dueOn);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey("cmtmr-2026-09").count())
			.isEqualTo(1);

		MonthlyFigures figures = this.reports.find("cmtmr", "2026-09").orElseThrow().figures();
		MonthlyFigures.Org org = figures.organizations().get(0);
		assertThat(org.received()).isEqualTo(3);
		assertThat(org.byChannel()).containsExactlyInAnyOrderEntriesOf(Map.of("走访", 2L, "书记信箱", 1L));
		assertThat(org.byKind()).containsExactlyInAnyOrderEntriesOf(Map.of("困难", 1L, "意见建议", 1L, "矛盾", 1L));
		assertThat(org.byRoute()).containsExactlyInAnyOrderEntriesOf(Map.of("解释说明", 1L, "交企业相关部门办理", 2L));
		assertThat(org.concluded()).isEqualTo(1);
		assertThat(org.openAtEnd()).isEqualTo(2);
		assertThat(org.overdueAtEnd()).isZero();
		assertThat(org.returned()).isEqualTo(1);
		assertThat(org.extended()).isZero();
		assertThat(org.fedBack()).isEqualTo(1);
		assertThat(org.satisfied()).isEqualTo(1);
		assertThat(org.onTime()).filteredOn((s) -> s.stage().equals("departmentHandle"))
			.singleElement()
			.satisfies((s) -> {
				assertThat(s.done()).isEqualTo(1);
				assertThat(s.onTime()).isEqualTo(1);
			});
		assertThat(figures.longestOpen()).extracting(MonthlyFigures.OpenCase::caseNo).containsExactly(b, c);
		assertThat(figures.total().received()).isEqualTo(3);

		// the reminder at 09:00 on the due day, to the committee's staff
		Job reminder = job(ReportProcess.REMINDER_TIMER);
		assertThat(reminder.getDuedate().toInstant())
			.isEqualTo(dueOn.atTime(9, 0).atZone(WorkingDayCalendar.ZONE).toInstant());
		smtp.purgeEmailFromAllMailboxes();
		this.management.executeJob(reminder.getId());
		runAsyncJobs();
		assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
		MimeMessage mail = smtp.getReceivedMessagesForDomain("mrstaff@example.cn")[0];
		assertThat(mail.getSubject()).contains("2026-09月度报告");

		// late: the district supervises, and is told
		Job overdue = job(ReportProcess.OVERDUE_TIMER);
		assertThat(overdue.getDuedate().toInstant())
			.isEqualTo(dueOn.plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
		this.management.executeJob(overdue.getId());
		Task supervise = this.tasks.createTaskQuery()
			.processInstanceBusinessKey("cmtmr-2026-09")
			.taskDefinitionKey(ReportProcess.SUPERVISE)
			.singleResult();
		assertThat(supervise.getName()).isEqualTo("督办：月报测试党委2026-09月度报告逾期未报");
		assertThat(this.tasks.getIdentityLinksForTask(supervise.getId()))
			.anySatisfy((link) -> assertThat(link.getGroupId()).isEqualTo("district"));

		// the committee submits: the report is done and the supervision closes
		rest().claim("mrstaff", review.get(0).getId());
		ok(rest().complete("mrstaff", review.get(0).getId(), Map.of("reportRemarks", text("三件均在跟踪"))));
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey("cmtmr-2026-09").count())
			.isZero();
		MonthlyReports.Report submitted = this.reports.find("cmtmr", "2026-09").orElseThrow();
		assertThat(submitted.remarks()).isEqualTo("三件均在跟踪");
		assertThat(submitted.submittedBy()).contains("mrstaff");

		// the API: the committee its own, the district all, nobody else
		ResponseEntity<Map> own = rest().as("mrstaff").getForEntity("/api/reports/monthly?month=2026-09", Map.class);
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(own.getBody()).containsEntry("committeeCode", "cmtmr").containsEntry("remarks", "三件均在跟踪");
		assertThat(rest().as("cmtstaff1")
			.getForEntity("/api/reports/monthly?committee=cmtmr&month=2026-09", Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest().as("sec1").getForEntity("/api/reports/monthly?month=2026-09", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest().as("district1").getForEntity("/api/reports/monthly?month=2026-9x", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		Map<String, Object> district = rest().as("district1")
			.getForObject("/api/reports/monthly?month=2026-09", Map.class);
		assertThat((List<Map<String, Object>>) district.get("reports"))
			.anySatisfy((r) -> assertThat(r).containsEntry("committeeCode", "cmtmr"));
		assertThat(((Number) ((Map<?, ?>) district.get("total")).get("received")).longValue())
			.isGreaterThanOrEqualTo(3);
		ResponseEntity<byte[]> xlsx = rest().as("mrstaff")
			.getForEntity("/api/reports/monthly?month=2026-09&format=xlsx", byte[].class);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
			assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("组织");
			assertThat(book.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("重庆月报测试有限公司");
			assertThat(book.getSheetAt(0).getRow(2).getCell(1).getStringCellValue()).isEqualTo("3");
		}
		ResponseEntity<byte[]> pdf = rest().as("district1")
			.getForEntity("/api/reports/monthly?committee=cmtmr&month=2026-09&format=pdf", byte[].class);
		try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
			assertThat(new PDFTextStripper().getText(document)).contains("月报测试党委", "2026-09", "重庆月报测试有限公司", "三件均在跟踪");
		}
	}

	/**
	 * A report carries no organization's tenant, so nothing but grants keeps it from
	 * everyone: the committee's staff and the district read its task, form, instance and
	 * variables; a branch (even one of the committee's own organizations) and another
	 * committee see nothing and are refused.
	 */
	@Test
	void onlyTheCommitteeAndTheDistrictReadTheReport() {
		committeeOfItsOwn();
		TestClock.at(LocalDate.of(2026, 10, 8), LocalTime.of(7, 0));
		this.starter.makeMissing();
		Task review = this.tasks.createTaskQuery()
			.processInstanceBusinessKey("cmtmr-2026-09")
			.taskDefinitionKey(ReportProcess.REVIEW)
			.singleResult();
		String instance = review.getProcessInstanceId();
		String tasks = "/engine-rest/task?processDefinitionKey=" + ReportProcess.PROCESS_ID;
		String instances = "/engine-rest/process-instance?processDefinitionKey=" + ReportProcess.PROCESS_ID;
		String history = "/engine-rest/history/process-instance?processDefinitionKey=" + ReportProcess.PROCESS_ID;
		String variables = "/engine-rest/history/variable-instance?processInstanceId=" + instance;

		for (String reader : List.of("mrstaff", "district1")) {
			assertThat(ids(reader, tasks)).as("%s sees the task", reader).contains(review.getId());
			assertThat(ids(reader, instances)).as("%s sees the instance", reader).contains(instance);
			ResponseEntity<String> form = rest().as(reader)
				.getForEntity("/engine-rest/task/" + review.getId() + "/form-variables", String.class);
			assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(form.getBody()).contains(ReportProcess.Vars.FIGURES, "重庆月报测试有限公司");
		}
		// the committee sees its own report only, not the other committees' of the month
		assertThat(ids("mrstaff", tasks)).containsExactly(review.getId());
		assertThat(ids("district1", history)).contains(instance);

		for (String outsider : List.of("mrsec", "sec1", "hr1", "cmtstaff1")) {
			assertThat(ids(outsider, tasks)).as("%s sees no report task", outsider).doesNotContain(review.getId());
			assertThat(ids(outsider, instances)).as("%s sees no report instance", outsider).doesNotContain(instance);
			assertThat(ids(outsider, history)).as("%s sees no report history", outsider).doesNotContain(instance);
			assertThat(ids(outsider, variables)).as("%s reads no report variable", outsider).isEmpty();
			ResponseEntity<String> form = rest().as(outsider)
				.getForEntity("/engine-rest/task/" + review.getId() + "/form-variables", String.class);
			assertThat(form.getStatusCode()).as("%s opens the report form", outsider).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(form.getBody()).doesNotContain("重庆月报测试有限公司");
			ResponseEntity<String> instanceVariables = rest().as(outsider)
				.getForEntity("/engine-rest/process-instance/" + instance + "/variables", String.class);
			assertThat(instanceVariables.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(instanceVariables.getBody()).doesNotContain("重庆月报测试有限公司");
		}
		// cmt1's own report of the month is cmtstaff1's, and sec1's branch does not see
		// it
		assertThat(ids("cmtstaff1", tasks)).hasSize(1);
		assertThat(ids("sec1", tasks)).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private List<String> ids(String user, String url) {
		ResponseEntity<List> answer = rest().as(user).getForEntity(url, List.class);
		assertThat(answer.getStatusCode()).as("%s GET %s", user, url).isEqualTo(HttpStatus.OK);
		return ((List<Map<String, Object>>) answer.getBody()).stream().map((row) -> (String) row.get("id")).toList();
	}

	// fixtures

	private void committeeOfItsOwn() {
		if (this.orgs.committee("cmtmr").isPresent()) {
			return;
		}
		this.orgs.save(new Committee("cmtmr", "月报测试党委"));
		this.orgs.save(new Organization("orgmr", "重庆月报测试有限公司", null, 50, "cmtmr"));
		this.orgs.save(new Department("orgmr", "hr", "人力资源部"));
		this.orgs.save(new Person("mrsec", "冯书记", Role.BRANCH_SECRETARY, "orgmr", null, null, "支部书记", "13800000000",
				"mrsec@example.cn"), DemoData.PASSWORD);
		this.orgs.save(new Person("mrhr", "褚经办", Role.DEPARTMENT_STAFF, "orgmr", "hr", null, "人力资源部", "13800000000",
				"mrhr@example.cn"), DemoData.PASSWORD);
		this.orgs.save(new Person("mrstaff", "卫干事", Role.COMMITTEE_STAFF, null, null, "cmtmr", "月报测试党委", "13800000000",
				"mrstaff@example.cn"), DemoData.PASSWORD);
	}

	private String registered(String channel, String kind, String summary) {
		ResponseEntity<Map> created = rest().as("mrsec")
			.postForEntity("/api/opinions", Map.of("orgCode", "orgmr", "reporterName", "蒋小川", "reportedOn",
					"2026-09-10", "channel", channel, "kind", kind, "summary", summary), Map.class);
		assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
		return (String) created.getBody().get("caseNo");
	}

	private Job job(String activityId) {
		return this.management.createJobQuery()
			.processInstanceId(this.runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey("cmtmr-2026-09")
				.singleResult()
				.getId())
			.activityId(activityId)
			.singleResult();
	}

	private void runAsyncJobs() {
		for (Job job : this.management.createJobQuery().activityId("SendMonthlyReportReminderTask").list()) {
			this.management.executeJob(job.getId());
		}
	}

	private static void ok(ResponseEntity<Map> answer) {
		assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private RestCalls rest() {
		return new RestCalls(this.http, this.tasks);
	}

}
