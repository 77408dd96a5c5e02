package cn.liangxin.opinions.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.support.TestClock;
import cn.liangxin.opinions.support.WebAppTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Next year's arrangement added in the application, on PostgreSQL: an HR slip issued on
 * Christmas Eve 2026 runs into 2027, which the bundled calendar does not know (weekends
 * only, an estimate). An admin saves 2027 with 元旦 as a holiday: the slip's due day moves
 * a working day later, the task, the register and the forms follow, and the reminder and
 * overdue timers are computed again for the new day. A broken text is refused naming its
 * line and changes nothing; only admins may save.
 */
@WebAppTest
class CalendarUploadIT {

	static final String ARRANGEMENT_2027 = """
			# test data: 元旦 only (not the State Council's whole notice)
			year 2027
			holiday 2027-01-01..2027-01-03 元旦
			""";

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	OpinionRegister register;

	@Autowired
	CalendarService calendars;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void aSlipIssuedOnChristmasEve() {
		this.demo.createOrganizationsAndPeople();
		TestClock.at("2026-12-24", "10:00");
	}

	@AfterEach
	void withoutTheTestsYear() {
		TestClock.reset();
		this.jdbc.update("delete from calendar_year where calendar_year = 2027");
		this.calendars.reload();
	}

	@Test
	void savingNextYearMovesAnOpenSlipsDueDayAndItsTimers() {
		String caseNo = aSlipToHr();
		Task slip = slip(caseNo);
		Deadline estimated = this.calendars.calendar().deadline(LocalDate.of(2026, 12, 24), 15);
		assertThat(estimated.estimated()).isTrue();
		assertThat(dayOf(slip.getDueDate().toInstant())).isEqualTo(estimated.dueOn());
		Job overdue = overdueTimer(slip);
		assertThat(overdue.getDuedate().toInstant()).isEqualTo(estimated.overdueFrom());

		ResponseEntity<Map> saved = as("admin").exchange("/api/admin/calendar/2027", HttpMethod.PUT,
				text(ARRANGEMENT_2027), Map.class);

		assertThat(saved.getStatusCode()).as("%s", saved.getBody()).isEqualTo(HttpStatus.OK);
		Deadline known = this.calendars.calendar().deadline(LocalDate.of(2026, 12, 24), 15);
		assertThat(known.estimated()).isFalse();
		assertThat(known.dueOn()).isEqualTo(estimated.dueOn().plusDays(1)).isEqualTo(LocalDate.of(2027, 1, 15));
		Map<?, ?> deadlines = (Map<?, ?>) saved.getBody().get("deadlines");
		assertThat((List<Map<String, Object>>) deadlines.get("moved")).anySatisfy((moved) -> {
			assertThat(moved).containsEntry("caseNo", caseNo)
				.containsEntry("stage", "departmentHandle")
				.containsEntry("from", estimated.dueOn().toString())
				.containsEntry("to", known.dueOn().toString());
		});
		assertThat(((Number) deadlines.get("timers")).intValue()).isPositive();

		Task moved = slip(caseNo);
		assertThat(dayOf(moved.getDueDate().toInstant())).isEqualTo(known.dueOn());
		assertThat(this.tasks.getVariableLocal(moved.getId(), "currentDueOn")).isEqualTo(known.dueOn().toString());
		assertThat(overdueTimer(moved).getDuedate().toInstant()).isEqualTo(known.overdueFrom());
		assertThat(this.management.createJobQuery()
			.processInstanceId(moved.getProcessInstanceId())
			.activityId("DepartmentDueDayTimer")
			.singleResult()
			.getDuedate()
			.toInstant()).isEqualTo(at(known.dueOn(), "09:00"));
		RegisterEntry entry = this.register.require(caseNo);
		assertThat(entry.getDueOn()).isEqualTo(known.dueOn());
		assertThat(entry.isDueEstimated()).isFalse();
		assertThat(entry.getRemarks()).contains("节假日安排调整（2027年）");
		assertThat((List<Map<String, Object>>) as("admin").getForObject("/api/admin/calendar", Map.class)
			.get("knownYears")).anySatisfy((year) -> assertThat(year).containsEntry("year", 2027));
		// the managers' views count working days with the new calendar at once: their
		// first
		// query after the change refills the working-day table (in a transaction of its
		// own)
		assertThat(as("district1").getForEntity("/api/insight/deadlines", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(as("district1").getForEntity("/api/insight/heatmap?process=employee-opinion", Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void aBrokenArrangementIsRefusedByLineAndOnlyAdminsMaySave() {
		ResponseEntity<Map> broken = as("admin").exchange("/api/admin/calendar/2027", HttpMethod.PUT,
				text("year 2027\nholiday 2027-02-30 春节\n"), Map.class);

		assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((List<Map<String, Object>>) broken.getBody().get("errors")).singleElement()
			.satisfies((error) -> assertThat(error).containsEntry("field", "line 2"));
		assertThat(this.calendars.calendar().knownYears()).doesNotContain(2027);
		assertThat(
				as("district1").exchange("/api/admin/calendar/2027", HttpMethod.PUT, text(ARRANGEMENT_2027), Map.class)
					.getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.calendars.calendar().knownYears()).doesNotContain(2027);
	}

	private String aSlipToHr() {
		ResponseEntity<Map> created = as("sec1").postForEntity("/api/opinions",
				Map.of("orgCode", "org1", "reporterName", "吴海燕", "reportedOn", "2026-12-24", "channel", "VISIT", "kind",
						"DIFFICULTY", "summary", "子女入学需要单位出具务工和社保证明"),
				Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNo = (String) created.getBody().get("caseNo");
		Task assess = this.tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
		this.tasks.complete(assess.getId(), Map.of("route", "ENTERPRISE", "department", "hr"));
		return caseNo;
	}

	private Task slip(String caseNo) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey("departmentHandle")
			.singleResult();
	}

	private Job overdueTimer(Task slip) {
		return this.management.createJobQuery()
			.processInstanceId(slip.getProcessInstanceId())
			.activityId("DepartmentOverdueTimer")
			.singleResult();
	}

	private static LocalDate dayOf(Instant instant) {
		return WorkingDayCalendar.dateOf(instant);
	}

	private static Instant at(LocalDate day, String time) {
		return ZonedDateTime.of(day, LocalTime.parse(time), WorkingDayCalendar.ZONE).toInstant();
	}

	private TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, DemoData.PASSWORD);
	}

	private static HttpEntity<String> text(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8));
		return new HttpEntity<>(body, headers);
	}

}
