package cn.liangxin.opinions.opinion;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.deadline.CalendarService;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.support.WebAppTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The branch secretary moves the due day of a department's slip through {@code PUT
 * /api/opinions/{caseNo}/deadline}, on PostgreSQL: the task, its reminder and overdue
 * timers and the register follow; nobody else may, and bad input is refused by field.
 */
@WebAppTest
class DeadlineChangeIT {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	CalendarService calendars;

	String caseNo;

	LocalDate dueOn;

	@BeforeEach
	void anOpinionAssignedToHr() {
		this.demo.createOrganizationsAndPeople();
		ResponseEntity<Map> raised = as("sec1").postForEntity("/api/opinions",
				Map.of("orgCode", "org1", "reporterName", "周小平", "reportedOn", LocalDate.now(CHINA).toString(),
						"channel", "VISIT", "kind", "DIFFICULTY", "summary", "夜班下班路上没有路灯"),
				Map.class);
		assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		this.caseNo = (String) raised.getBody().get("caseNo");
		Task assess = task("branchAssess");
		this.tasks.claim(assess.getId(), "sec1");
		this.tasks.complete(assess.getId(),
				Map.of("route", "ENTERPRISE", "scope", "INDIVIDUAL", "department", "hr", "assessment", "交人力资源部办理"));
		this.dueOn = LocalDate.parse((String) opinion().get("dueOn"));
	}

	@Test
	void theSecretaryExtendsTheSlipAndTheTaskTimersAndRegisterFollow() {
		LocalDate later = calendar().addWorkingDays(this.dueOn, 3);

		ResponseEntity<Map> moved = move("sec1", later.toString(), "部门需协调外部供电单位，申请延期");

		assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(moved.getBody().get("dueOn")).isEqualTo(later.toString());
		assertThat((String) moved.getBody().get("remarks"))
			.contains("企业部门办理期限由" + this.dueOn + "调整为" + later + "：部门需协调外部供电单位，申请延期");
		Task task = task("departmentHandle");
		assertThat(task.getDueDate()).isEqualTo(china(later, LocalTime.of(23, 59, 59)));
		assertThat(timer(task, "DepartmentDueDayTimer")).isEqualTo(china(later, LocalTime.of(9, 0)));
		assertThat(timer(task, "DepartmentDayBeforeTimer"))
			.isEqualTo(china(calendar().subtractWorkingDays(later, 1), LocalTime.of(9, 0)));
		assertThat(timer(task, "DepartmentOverdueTimer")).isEqualTo(china(later.plusDays(1), LocalTime.MIDNIGHT));
	}

	@Test
	void onlyTheLevelAboveMovesADeadline() {
		LocalDate earlier = calendar().addWorkingDays(LocalDate.now(CHINA), 5);

		assertThat(move("hr1", earlier.toString(), "提前").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(move("mem1", earlier.toString(), "提前").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(move("sec3", earlier.toString(), "提前").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(opinion().get("dueOn")).isEqualTo(this.dueOn.toString());

		assertThat(move("sec1", earlier.toString(), "员工急需，提前办结").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(timer(task("departmentHandle"), "DepartmentDueDayTimer"))
			.isEqualTo(china(earlier, LocalTime.of(9, 0)));
	}

	@Test
	void aDayOffAPastDayOrNoReasonIsRefusedByFieldAndNothingChanges() {
		LocalDate saturday = this.dueOn.with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.SATURDAY));
		while (calendar().isWorkingDay(saturday)) {
			saturday = saturday.plusWeeks(1);
		}

		assertRefused(move("sec1", saturday.toString(), "延期"), "dueOn", "workingDay");
		assertRefused(move("sec1", LocalDate.now(CHINA).minusDays(1).toString(), "延期"), "dueOn", "notBeforeToday");
		assertRefused(move("sec1", "下周五", "延期"), "dueOn", "dateFormat");
		assertRefused(move("sec1", calendar().addWorkingDays(this.dueOn, 1).toString(), " "), "reason", "required");
		assertThat(opinion().get("dueOn")).isEqualTo(this.dueOn.toString());
		assertThat(task("departmentHandle").getDueDate()).isEqualTo(china(this.dueOn, LocalTime.of(23, 59, 59)));
	}

	private ResponseEntity<Map> move(String user, String dueOn, String reason) {
		Map<String, Object> body = new HashMap<>();
		body.put("dueOn", dueOn);
		body.put("reason", reason);
		return as(user).exchange("/api/opinions/" + this.caseNo + "/deadline", HttpMethod.PUT, new HttpEntity<>(body),
				Map.class);
	}

	@SuppressWarnings("unchecked")
	private static void assertRefused(ResponseEntity<Map> response, String field, String rule) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
		assertThat(errors).anySatisfy((error) -> {
			assertThat(error.get("field")).isEqualTo(field);
			assertThat(error.get("rule")).isEqualTo(rule);
		});
	}

	private Map<?, ?> opinion() {
		return as("sec1").getForObject("/api/opinions/" + this.caseNo, Map.class);
	}

	private Task task(String key) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(this.caseNo)
			.taskDefinitionKey(key)
			.singleResult();
	}

	private Date timer(Task task, String activityId) {
		return this.management.createJobQuery()
			.processInstanceId(task.getProcessInstanceId())
			.activityId(activityId)
			.singleResult()
			.getDuedate();
	}

	private WorkingDayCalendar calendar() {
		return this.calendars.calendar();
	}

	private TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, DemoData.PASSWORD);
	}

	private static Date china(LocalDate date, LocalTime time) {
		return Date.from(date.atTime(time).atZone(CHINA).toInstant());
	}

}
