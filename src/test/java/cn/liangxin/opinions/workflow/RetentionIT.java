package cn.liangxin.opinions.workflow;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.insight.InsightSummary;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.support.WebAppTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Five years of retention, on PostgreSQL with the engine's clock moved: the nightly
 * history cleanup is configured in China time and removes the history of a case that
 * ended five years ago, not of an open one; the daily sweep then removes that case's
 * personal data from the register and the mails about it, while its number, dates and
 * outcome stay and the managers' summary keeps counting it.
 */
@WebAppTest
class RetentionIT {

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	ProcessEngineConfigurationImpl engine;

	@Autowired
	InsightSummary summary;

	@Autowired
	RetentionSweep sweep;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void organizationsExist() {
		this.demo.createOrganizationsAndPeople();
	}

	@AfterEach
	void clockBack() {
		ClockUtil.reset();
	}

	@Test
	void theCleanupRunsEveryNightInChinaTime() {
		String start = LocalDate.now(WorkingDayCalendar.ZONE)
			.atTime(LocalTime.of(1, 0))
			.atZone(WorkingDayCalendar.ZONE)
			.withZoneSameInstant(ZoneId.systemDefault())
			.toLocalTime()
			.toString();

		assertThat(this.engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo(start);
		assertThat(this.engine.getHistoryCleanupBatchWindowEndTime()).isNotBlank();
	}

	@Test
	void fiveYearsAfterACaseEndedItsHistoryAndPersonalDataGoAndItsFiguresStay() {
		String closed = anOpinion("已结案的员工");
		String open = anOpinion("仍在办理的员工");
		complete(closed, "branchAssess", Map.of("route", "EXPLAIN", "assessment", "已向员工解释说明政策"));
		complete(closed, "branchFeedback", Map.of("feedbackMethod", "PHONE", "feedbackContent", "电话告知",
				"feedbackSignedBy", "已结案的员工", "satisfied", true));
		String closedInstance = entry(closed).path("processInstanceId").asText();
		this.jdbc.update(
				"insert into mail_sent (idempotency_key, recipient, kind, case_no, subject, body, sent_at) "
						+ "values ('retention-test', 'sec1@example.cn', 'DUE_DAY', ?, '提醒', '已结案的员工反映…', now())",
				closed);
		this.summary.catchUp();
		long facts = this.jdbc.queryForObject("select count(*) from insight_fact", Long.class);

		ClockUtil.setCurrentTime(Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(1826))));
		Job cleanup = this.history.cleanUpHistoryAsync(true);
		this.management.executeJob(cleanup.getId());

		assertThat(this.history.createHistoricProcessInstanceQuery().processInstanceId(closedInstance).count())
			.as("the closed case's history")
			.isZero();
		assertThat(this.history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(open).count())
			.as("the open case's history")
			.isOne();

		assertThat(this.sweep.sweep()).as("this case, and others of this context that ended today").isPositive();

		var forgotten = entry(closed);
		assertThat(forgotten.path("reporterName").asText()).isEqualTo(RegisterEntry.REMOVED);
		assertThat(forgotten.path("summary").asText()).isEqualTo(RegisterEntry.REMOVED);
		assertThat(forgotten.path("reporterPhone").isNull()).isTrue();
		assertThat(forgotten.path("handlingOpinion").isNull()).isTrue();
		assertThat(forgotten.path("personalDataRemovedOn").asText()).isNotBlank();
		assertThat(forgotten.path("struckOff").asBoolean()).isTrue();
		assertThat(forgotten.path("route").asText()).isEqualTo("EXPLAIN");
		assertThat(entry(open).path("reporterName").asText()).isEqualTo("仍在办理的员工");
		assertThat(this.jdbc.queryForObject("select count(*) from mail_sent where case_no = ?", Long.class, closed))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from insight_fact", Long.class))
			.as("the managers' summary keeps counting the case")
			.isEqualTo(facts);
		assertThat(this.sweep.sweep()).as("done once").isZero();
	}

	private String anOpinion(String reporter) {
		ResponseEntity<Map> created = this.http.withBasicAuth("sec1", DemoData.PASSWORD)
			.postForEntity("/api/opinions",
					Map.of("orgCode", "org1", "reporterName", reporter, "reporterPhone", "13800000000", "reportedOn",
							LocalDate.now(WorkingDayCalendar.ZONE).toString(), "channel", "VISIT", "kind", "DIFFICULTY",
							"summary", "保存期限测试"),
					Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return (String) created.getBody().get("caseNo");
	}

	private void complete(String caseNo, String task, Map<String, Object> variables) {
		this.tasks.complete(this.tasks.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey(task)
			.singleResult()
			.getId(), variables);
	}

	private com.fasterxml.jackson.databind.JsonNode entry(String caseNo) {
		ResponseEntity<com.fasterxml.jackson.databind.JsonNode> answer = this.http
			.withBasicAuth("sec1", DemoData.PASSWORD)
			.getForEntity("/api/opinions/" + caseNo, com.fasterxml.jackson.databind.JsonNode.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return answer.getBody();
	}

}
