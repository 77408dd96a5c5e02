package cn.liangxin.opinions.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.deadline.CalendarService;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.org.Committee;
import cn.liangxin.opinions.org.Department;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Organization;
import cn.liangxin.opinions.org.Person;
import cn.liangxin.opinions.org.Role;
import cn.liangxin.opinions.support.TestClock;
import cn.liangxin.opinions.support.RestCalls;
import cn.liangxin.opinions.support.WebAppTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static cn.liangxin.opinions.support.RestCalls.bool;
import static cn.liangxin.opinions.support.RestCalls.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The side roads through the REST API with only the contract's variables, on PostgreSQL,
 * as another client than Tasklist would use them: {@code outcome},
 * {@code extensionDueOn}, {@code extensionReason}, {@code returnReason},
 * {@code extensionApproved}, {@code sendBack}; urges by {@code POST
 * /api/opinions/{caseNo}/urge} (mail through the SMTP server the context addresses,
 * GreenMail on port 2525); and the deadline dashboard's counts of a dedicated
 * organization checked against a hand count.
 */
@WebAppTest
class SideRoadsApiIT {

	/** The application's default SMTP address, which the shared test context keeps. */
	static GreenMail smtp;

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	TaskService tasks;

	@Autowired
	CalendarService calendars;

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

	@AfterEach
	void clock() {
		TestClock.reset();
	}

	@Test
	void askingForMoreTimeAndDecidingItWithTheContractsVariables() {
		String caseNo = assignedToHr("org1", "sec1");
		String departmentTask = rest().task(caseNo, "departmentHandle");
		LocalDate due = dueOn(caseNo);
		LocalDate asked = calendar().addWorkingDays(due, 3);

		ResponseEntity<Map> refused = rest().complete("hr1", departmentTask, Map.of("outcome", text("EXTEND"),
				"extensionDueOn", text(due.toString()), "extensionReason", text("需等待社保局出具证明")));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fieldsOf(refused)).containsExactly("extensionDueOn");
		assertThat(messageOf(refused)).contains("须晚于现在的期限");

		assertThat(
				rest()
					.complete("hr1", departmentTask,
							Map.of("outcome", text("EXTEND"), "extensionDueOn", text(asked.toString()),
									"extensionReason", text("需等待社保局出具证明")))
					.getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		List<Map> approvals = rest().as("sec1")
			.getForObject(
					"/engine-rest/task?processInstanceBusinessKey=" + caseNo + "&taskDefinitionKey=approveExtension",
					List.class);
		assertThat(approvals).hasSize(1);
		String approval = (String) approvals.get(0).get("id");
		ResponseEntity<Map> sneaky = rest().complete("sec1", approval,
				Map.of("extensionApproved", bool(true), "dueOnMovedTo", text("2099-01-01")));
		assertThat(sneaky.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fieldsOf(sneaky)).containsExactly("dueOnMovedTo");
		assertThat(rest().complete("sec1", approval, Map.of("extensionApproved", bool(true))).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		List<Map> reopened = rest().as("hr1")
			.getForObject(
					"/engine-rest/task?processInstanceBusinessKey=" + caseNo + "&taskDefinitionKey=departmentHandle",
					List.class);
		assertThat(reopened).hasSize(1);
		// Camunda's REST API writes dates in the server's zone: compare the instant
		assertThat(java.time.OffsetDateTime
			.parse((String) reopened.get(0).get("due"), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
			.atZoneSameInstant(WorkingDayCalendar.ZONE)
			.toLocalDateTime()).isEqualTo(asked.atTime(23, 59, 59));
		assertThat(reopened.get(0).get("assignee")).isEqualTo("hr1");
		Map<String, Object> entry = rest().as("sec1").getForObject("/api/opinions/" + caseNo, Map.class);
		assertThat(entry.get("dueOn")).isEqualTo(asked.toString());
		assertThat(entry.get("extendedCount")).isEqualTo(1);
		List<Map> events = rest().as("sec1").getForObject("/api/opinions/" + caseNo + "/events", List.class);
		assertThat(events).extracting((e) -> e.get("kind")).containsExactly("EXTENSION_REQUESTED", "EXTENDED");
		assertThat(events.get(1)).containsEntry("kindLabel", "批准延期")
			.containsEntry("stageLabel", "企业部门办理")
			.containsEntry("dueFrom", due.toString())
			.containsEntry("dueTo", asked.toString());
		assertThat((String) events.get(1).get("actor")).contains("sec1");
	}

	@Test
	void returningASlipAndAnOutcomeTheStageDoesNotOffer() {
		String caseNo = assignedToHr("org1", "sec1");

		assertThat(rest()
			.complete("hr1", rest().task(caseNo, "departmentHandle"),
					Map.of("outcome", text("RETURN"), "returnReason", text("不属人力资源部职责")))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(rest().task(caseNo, "branchAssess")).isNotNull();
		assertThat(rest().as("sec1").getForObject("/api/opinions/" + caseNo, Map.class).get("returnedCount"))
			.isEqualTo(1);

		String upper = registered("org1", "sec1");
		assertThat(rest().complete("sec1", rest().task(upper, "branchAssess"), Map.of("route", text("UPPER")))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<Map> refused = rest().complete("sec1", rest().task(upper, "branchReportUp"),
				Map.of("outcome", text("RETURN")));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fieldsOf(refused)).containsExactly("outcome");
		// nor does its form have a reason for a return
		assertThat(fieldsOf(rest().complete("sec1", rest().task(upper, "branchReportUp"),
				Map.of("outcome", text("DONE"), "returnReason", text("x")))))
			.containsExactly("returnReason");
		assertThat(rest().task(upper, "branchReportUp")).isNotNull();
	}

	@Test
	void anUrgeMailsTheHolderAtOnceAndOnlyOnceADay() throws Exception {
		String caseNo = assignedToHr("org1", "sec1");
		smtp.purgeEmailFromAllMailboxes();

		ResponseEntity<Map> urged = rest().as("sec1")
			.postForEntity("/api/opinions/" + caseNo + "/urge", Map.of("message", "请本周内办结并回复"), Map.class);

		assertThat(urged.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(urged.getBody().get("recipients")).isEqualTo(List.of("王芳"));
		assertThat(urged.getBody().get("dueOn")).isEqualTo(dueOn(caseNo).toString());
		MimeMessage[] mails = smtp.getReceivedMessages();
		assertThat(mails).hasSize(1);
		assertThat(Arrays.stream(mails[0].getRecipients(Message.RecipientType.TO)).map(Object::toString))
			.containsExactly("hr1@example.cn");
		assertThat(mails[0].getSubject()).startsWith("【催办】").contains("部门办理交办事项");

		ResponseEntity<Map> again = rest().as("mem1")
			.postForEntity("/api/opinions/" + caseNo + "/urge", Map.of("message", "再催一次"), Map.class);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat((String) again.getBody().get("detail")).contains("每项任务每天只能催办一次");
		assertThat(smtp.getReceivedMessages()).hasSize(1);

		assertThat(rest().as("hr1")
			.postForEntity("/api/opinions/" + caseNo + "/urge", Map.of(), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest().as("sec3")
			.postForEntity("/api/opinions/" + caseNo + "/urge", Map.of(), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<Map> tooLong = rest().as("sec1")
			.postForEntity("/api/opinions/" + caseNo + "/urge", Map.of("message", "催".repeat(501)), Map.class);
		assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fieldsOf(tooLong)).containsExactly("message");
		assertThat((String) rest().as("sec1").getForObject("/api/opinions/" + caseNo, Map.class).get("remarks"))
			.contains("催办企业部门办理（致王芳）：请本周内办结并回复");
	}

	/**
	 * A dedicated organization, so that the counts are exact whatever else the shared
	 * database holds. By hand: A returned (then done by 生产部), B extended and done after
	 * its original deadline but before the extended one, C refused more time and done, D
	 * done, sent back and done again; one urge on C. Department stage: 5 done, 1 of them
	 * extended, 5 on time against the deadline they had, 4 against the original; cases
	 * returned 1, extended 1, sent back 1, urges 1.
	 */
	@Test
	void theDashboardCountsReturnsExtensionsAndOnTimeRatesAsCountedByHand() {
		Organization org = organizationOfItsOwn();
		LocalDate today = WorkingDayCalendar.dateOf(java.time.Instant.now());
		String a = assignedToHr(org.getCode(), "srsec");
		rest().complete("srhr", rest().task(a, "departmentHandle"),
				Map.of("outcome", text("RETURN"), "returnReason", text("送错部门")));
		rest().complete("srsec", rest().task(a, "branchAssess"),
				Map.of("route", text("ENTERPRISE"), "department", text("prod")));
		rest().complete("srprod", rest().task(a, "departmentHandle"), Map.of("handlingResult", text("已办结")));

		String b = assignedToHr(org.getCode(), "srsec");
		LocalDate bDue = dueOn(b);
		LocalDate bAsked = calendar().addWorkingDays(bDue, 2);
		rest().complete("srhr", rest().task(b, "departmentHandle"), Map.of("outcome", text("EXTEND"), "extensionDueOn",
				text(bAsked.toString()), "extensionReason", text("需协调")));
		rest().complete("srsec", rest().task(b, "approveExtension"), Map.of("extensionApproved", bool(true)));

		String c = assignedToHr(org.getCode(), "srsec");
		rest().complete("srhr", rest().task(c, "departmentHandle"), Map.of("outcome", text("EXTEND"), "extensionDueOn",
				text(calendar().addWorkingDays(dueOn(c), 1).toString()), "extensionReason", text("需协调")));
		rest().complete("srsec", rest().task(c, "approveExtension"),
				Map.of("extensionApproved", bool(false), "extensionComment", text("期限内可办结")));
		assertThat(rest().as("srsec")
			.postForEntity("/api/opinions/" + c + "/urge", Map.of("message", "请按期办结"), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		rest().complete("srhr", rest().task(c, "departmentHandle"), Map.of("handlingResult", text("已办结")));

		String d = assignedToHr(org.getCode(), "srsec");
		rest().complete("srhr", rest().task(d, "departmentHandle"), Map.of("handlingResult", text("已研究")));
		rest().complete("srsec", rest().task(d, "branchFeedback"),
				Map.of("sendBack", bool(true), "sendBackReason", text("不具体")));
		rest().complete("srhr", rest().task(d, "departmentHandle"), Map.of("handlingResult", text("本月底前解决")));

		// B is done a working day after its original deadline, within the extended one
		TestClock.at(calendar().addWorkingDays(bDue, 1), java.time.LocalTime.of(10, 0));
		rest().complete("srhr", rest().task(b, "departmentHandle"), Map.of("handlingResult", text("已办结")));
		TestClock.reset();

		ResponseEntity<Map> answer = rest().as("district1")
			.getForEntity("/api/insight/deadlines?org=" + org.getCode() + "&from=" + today.minusDays(1) + "&to="
					+ calendar().addWorkingDays(bDue, 5), Map.class);
		assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
		Map<String, Object> board = answer.getBody();

		Map<String, Object> department = ((List<Map<String, Object>>) board.get("onTime")).stream()
			.filter((row) -> "departmentHandle".equals(row.get("stage")))
			.findFirst()
			.orElseThrow();
		assertThat(department).containsEntry("completed", 5)
			.containsEntry("extended", 1)
			.containsEntry("onTime", 5)
			.containsEntry("onTimeOriginal", 4)
			.containsEntry("rate", 1.0)
			.containsEntry("rateOriginal", 0.8);
		List<Map<String, Object>> roads = (List<Map<String, Object>>) board.get("sideRoads");
		assertThat(roads).hasSize(1);
		assertThat(roads.get(0)).containsEntry("stage", "departmentHandle")
			.containsEntry("orgCode", org.getCode())
			.containsEntry("returned", 1)
			.containsEntry("extended", 1)
			.containsEntry("sentBack", 1)
			.containsEntry("urges", 1);
		// the heatmap shows the roads on the diagram: one return, two requests for more
		// time, one reply sent back
		Map<String, Object> heatmap = rest().as("district1")
			.getForObject("/api/insight/heatmap?process=employee-opinion&org=" + org.getCode() + "&from="
					+ today.minusDays(1) + "&to=" + calendar().addWorkingDays(bDue, 5), Map.class);
		assertThat(countOf(heatmap, "activities", "activityId", "SlipReturnedBoundaryEvent")).isEqualTo(1);
		assertThat(countOf(heatmap, "activities", "activityId", "DepartmentExtensionCallActivity")).isEqualTo(2);
		assertThat(countOf(heatmap, "flows", "flowId", "SendBackToDepartmentFlow")).isEqualTo(1);
		assertThat(countOf(heatmap, "flows", "flowId", "DepartmentReturnFlow")).isEqualTo(1);
		Map<String, Object> register = rest().as("srsec").getForObject("/api/opinions/" + b, Map.class);
		assertThat(register.get("extendedCount")).isEqualTo(1);
		assertThat(rest().as("srsec").getForObject("/api/opinions/" + d, Map.class).get("sentBackCount")).isEqualTo(1);
	}

	// fixtures

	@SuppressWarnings("unchecked")
	private static int countOf(Map<String, Object> heatmap, String list, String key, String id) {
		return ((List<Map<String, Object>>) heatmap.get(list)).stream()
			.filter((row) -> id.equals(row.get(key)))
			.map((row) -> ((Number) row.get("count")).intValue())
			.findFirst()
			.orElse(0);
	}

	private Organization organizationOfItsOwn() {
		// under a committee of its own, so that the demo committees' views stay as other
		// tests count them
		if (this.orgs.committee("cmtsr").isEmpty()) {
			this.orgs.save(new Committee("cmtsr", "旁路测试党委"));
		}
		Organization org = this.orgs.organization("orgsr")
			.orElseGet(() -> this.orgs.save(new Organization("orgsr", "重庆旁路测试有限公司", null, 40, "cmtsr")));
		if (this.orgs.departments("orgsr").isEmpty()) {
			this.orgs.save(new Department("orgsr", "hr", "人力资源部"));
			this.orgs.save(new Department("orgsr", "prod", "生产部"));
			this.orgs.save(new Person("srsec", "周书记", Role.BRANCH_SECRETARY, "orgsr", null, null, "支部书记", "13800000000",
					"srsec@example.cn"), DemoData.PASSWORD);
			this.orgs.save(new Person("srhr", "郑经办", Role.DEPARTMENT_STAFF, "orgsr", "hr", null, "人力资源部", "13800000000",
					"srhr@example.cn"), DemoData.PASSWORD);
			this.orgs.save(new Person("srprod", "钱经办", Role.DEPARTMENT_STAFF, "orgsr", "prod", null, "生产部",
					"13800000000", "srprod@example.cn"), DemoData.PASSWORD);
		}
		return org;
	}

	private String registered(String org, String user) {
		ResponseEntity<Map> created = rest().as(user)
			.postForEntity("/api/opinions",
					Map.of("orgCode", org, "reporterName", "周小平", "reportedOn",
							LocalDate.now(WorkingDayCalendar.ZONE).toString(), "channel", "VISIT", "kind", "DIFFICULTY",
							"summary", "夜班下班路上照明不足"),
					Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return (String) created.getBody().get("caseNo");
	}

	private String assignedToHr(String org, String user) {
		String caseNo = registered(org, user);
		assertThat(rest()
			.complete(user, rest().task(caseNo, "branchAssess"),
					Map.of("route", text("ENTERPRISE"), "department", text("hr")))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		return caseNo;
	}

	private LocalDate dueOn(String caseNo) {
		return LocalDate
			.parse((String) rest().as("admin").getForObject("/api/opinions/" + caseNo, Map.class).get("dueOn"));
	}

	private WorkingDayCalendar calendar() {
		return this.calendars.calendar();
	}

	@SuppressWarnings("unchecked")
	private static List<String> fieldsOf(ResponseEntity<Map> response) {
		return ((List<Map<String, Object>>) response.getBody().get("errors")).stream()
			.map((error) -> (String) error.get("field"))
			.distinct()
			.toList();
	}

	private static String messageOf(ResponseEntity<Map> response) {
		return (String) response.getBody().get("message");
	}

	private RestCalls rest() {
		return new RestCalls(this.http, this.tasks);
	}

}
