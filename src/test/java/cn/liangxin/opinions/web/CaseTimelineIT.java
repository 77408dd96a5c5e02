package cn.liangxin.opinions.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.deadline.CalendarService;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.support.RestCalls;
import cn.liangxin.opinions.support.WebAppTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static cn.liangxin.opinions.support.RestCalls.bool;
import static cn.liangxin.opinions.support.RestCalls.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case file's timeline ({@code GET /api/opinions/{caseNo}/timeline}) after a case
 * went through a return the branch refused, a request for more time granted, an urge, a
 * move of its deadline and the feedback: every step in order, with who, what they wrote
 * and whether the deadline was kept; and the reads of its personal data, which admins see
 * — the committee's, not the branch's own.
 */
@WebAppTest
class CaseTimelineIT {

	/** The application's default SMTP address, for the urge's mail. */
	static GreenMail smtp;

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

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

	@Test
	void aCaseFileTellsEveryStepInOrder() {
		ResponseEntity<Map> created = rest().as("sec1")
			.postForEntity("/api/opinions",
					Map.of("orgCode", "org1", "reporterName", "何建华", "reportedOn",
							LocalDate.now(WorkingDayCalendar.ZONE).toString(), "channel", "TALK", "kind", "DIFFICULTY",
							"summary", "孩子入学需要单位开具在职证明。"),
					Map.class);
		String caseNo = (String) created.getBody().get("caseNo");
		ok(rest().complete("sec1", rest().task(caseNo, "branchAssess"),
				Map.of("route", text("ENTERPRISE"), "department", text("hr"))));
		rest().claim("hr1", rest().task(caseNo, "departmentHandle"));
		ok(rest().complete("hr1", rest().task(caseNo, "departmentHandle"),
				Map.of("outcome", text("RETURN"), "returnReason", text("应由行政部出具"))));
		ok(rest().complete("sec1", rest().task(caseNo, "branchAssess"),
				Map.of("route", text("ENTERPRISE"), "department", text("hr"), "insistNote", text("在职证明由人力资源部出具"))));
		rest().claim("hr1", rest().task(caseNo, "departmentHandle"));
		LocalDate due = LocalDate
			.parse((String) rest().as("sec1").getForObject("/api/opinions/" + caseNo, Map.class).get("dueOn"));
		LocalDate asked = this.calendars.calendar().addWorkingDays(due, 2);
		ok(rest().complete("hr1", rest().task(caseNo, "departmentHandle"), Map.of("outcome", text("EXTEND"),
				"extensionDueOn", text(asked.toString()), "extensionReason", text("需社保记录"))));
		ok(rest().complete("sec1", rest().task(caseNo, "approveExtension"), Map.of("extensionApproved", bool(true))));
		assertThat(rest().as("sec1")
			.postForEntity("/api/opinions/" + caseNo + "/urge", Map.of("message", "请尽快出具"), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		LocalDate moved = this.calendars.calendar().addWorkingDays(asked, 1);
		assertThat(rest().as("sec1")
			.exchange("/api/opinions/" + caseNo + "/deadline", HttpMethod.PUT,
					new HttpEntity<>(Map.of("dueOn", moved.toString(), "reason", "等待社保局")), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		ok(rest().complete("hr1", rest().task(caseNo, "departmentHandle"), Map.of("handlingResult", text("已出具在职证明"))));
		ok(rest().complete("sec1", rest().task(caseNo, "branchFeedback"), Map.of("feedbackMethod", text("PHONE"),
				"feedbackContent", text("电话告知证明已出具"), "satisfied", bool(true))));

		List<Map<String, Object>> timeline = timeline("sec1", caseNo);

		List<String> kinds = timeline.stream().map((e) -> (String) e.get("kind")).toList();
		assertThat(kinds).containsSubsequence("REGISTERED", "TASK_DONE", "RETURNED", "RETURN_REFUSED",
				"EXTENSION_REQUESTED", "EXTENDED", "URGED", "DEADLINE_MOVED", "TASK_DONE", "TASK_DONE", "STRUCK_OFF");
		assertThat(timeline.get(0)).containsEntry("kind", "REGISTERED").containsEntry("text", "谈心，困难：孩子入学需要单位开具在职证明。");
		assertThat(first(timeline, "RETURNED").get("text").toString()).contains("应由行政部出具");
		assertThat(first(timeline, "RETURN_REFUSED").get("text").toString()).contains("在职证明由人力资源部出具");
		assertThat(first(timeline, "EXTENDED")).containsEntry("dueOn", asked.toString());
		assertThat(first(timeline, "DEADLINE_MOVED").get("text").toString()).contains("等待社保局")
			.contains(moved.toString());
		assertThat(first(timeline, "URGED").get("actor").toString()).contains("sec1");
		assertThat(first(timeline, "MAIL_URGE")).satisfies((mail) -> {
			assertThat(mail.get("label")).isEqualTo("催办邮件");
			assertThat(mail.get("actor").toString()).startsWith("发送至 ").contains("hr1@");
		});
		assertThat(first(timeline, "SIGNED").get("actor").toString()).contains("王芳");
		List<Map<String, Object>> done = timeline.stream()
			.filter((e) -> "TASK_DONE".equals(e.get("kind")) && "departmentHandle".equals(e.get("stage")))
			.toList();
		assertThat(done.get(done.size() - 1)).containsEntry("kept", true).containsEntry("dueOn", moved.toString());
		assertThat(done.get(done.size() - 1).get("text").toString()).endsWith("：已出具在职证明");
		// what the department wrote when it returned the slip and when it asked for more
		// time
		assertThat(done.get(0).get("text").toString()).contains("应由行政部出具");
		assertThat(done.get(1).get("text").toString()).contains(asked.toString()).contains("需社保记录");
		assertThat(done.get(done.size() - 1).get("actor").toString()).isEqualTo("王芳（hr1）");
		Map<String, Object> feedback = timeline.stream()
			.filter((e) -> "TASK_DONE".equals(e.get("kind")) && "branchFeedback".equals(e.get("stage")))
			.findFirst()
			.orElseThrow();
		assertThat(feedback.get("text").toString()).contains("电话告知证明已出具");
		assertThat(kinds).doesNotContain("READ");

		// the committee's read is recorded, the branch's own are not; admins see them
		assertThat(rest().as("cmtstaff1")
			.getForEntity("/api/opinions/" + caseNo + "/timeline", List.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<Map<String, Object>> reads = timeline("admin", caseNo).stream()
			.filter((e) -> "READ".equals(e.get("kind")))
			.toList();
		// the committee's read and the admin's own, none of the branch's
		assertThat(reads).extracting((e) -> e.get("actor")).containsExactly("主管党（工）委 cmtstaff1", "系统管理员 admin");
		assertThat(reads.get(0)).containsEntry("text", "案卷");
		assertThat(timeline("sec1", caseNo)).noneMatch((e) -> "READ".equals(e.get("kind")));
		assertThat(rest().as("sec3").getForEntity("/api/opinions/" + caseNo + "/timeline", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	private List<Map<String, Object>> timeline(String user, String caseNo) {
		ResponseEntity<List> answer = rest().as(user).getForEntity("/api/opinions/" + caseNo + "/timeline", List.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return new ArrayList<>(answer.getBody());
	}

	private static Map<String, Object> first(List<Map<String, Object>> timeline, String kind) {
		return timeline.stream()
			.filter((e) -> kind.equals(e.get("kind")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"no " + kind + " in " + timeline.stream().map((e) -> e.get("kind")).toList()));
	}

	private static void ok(ResponseEntity<Map> answer) {
		assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private RestCalls rest() {
		return new RestCalls(this.http, this.tasks);
	}

}
