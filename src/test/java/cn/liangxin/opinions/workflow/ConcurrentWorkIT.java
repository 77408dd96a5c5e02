package cn.liangxin.opinions.workflow;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.support.Collisions;
import cn.liangxin.opinions.support.WebAppTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's action and a job on the same case at the same moment, on PostgreSQL, with
 * the collision forced: the job (the overdue notice or a reminder of a case registered
 * after its deadline) is held inside its transaction until the branch's completion of
 * {@code branchReportUp} has read the case; the completion, which has written nothing
 * yet, then waits until the job has committed, so that what it read is stale when it
 * writes. Both succeed: the job once, the completion on its second attempt, and the
 * register matches the process.
 */
@WebAppTest
class ConcurrentWorkIT {

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	OpinionRegister register;

	@Autowired
	Collisions collisions;

	@BeforeEach
	void organizationsExist() {
		this.demo.createOrganizationsAndPeople();
	}

	@AfterEach
	void disarm() {
		this.collisions.disarm();
	}

	@ParameterizedTest(name = "{0} fires while the branch reports up")
	@ValueSource(strings = { "ReportUpOverdueTimer", "ReportUpHalfWayTimer" })
	void theBranchsCompletionAndTheJobBothSucceedWhenTheyCollide(String timer) throws Exception {
		String caseNo = aCaseReportedUpAfterItsDeadline();
		String instance = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.singleResult()
			.getId();
		Job job = this.management.createJobQuery().processInstanceId(instance).activityId(timer).singleResult();
		String taskId = this.tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
		Collisions.Collision collision = this.collisions.arm(job.getId(), taskId);

		CompletableFuture<Void> jobRun = CompletableFuture.runAsync(() -> this.management.executeJob(job.getId()));
		ResponseEntity<String> completed = this.http.withBasicAuth("sec1", DemoData.PASSWORD)
			.postForEntity("/engine-rest/task/" + taskId + "/complete",
					Map.of("variables", Map.of("reportText", Map.of("value", "已梳理情况，请主管党委协调", "type", "String"))),
					String.class);
		jobRun.get(30, TimeUnit.SECONDS);

		assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(collision.jobCommitted.getCount()).as("the job committed").isZero();
		assertThat(collision.completionAttempts.get()).as("the completion ran again after the collision").isEqualTo(2);
		assertThat(this.management.createJobQuery().jobId(job.getId()).count()).as("the job is done").isZero();

		RegisterEntry entry = this.register.require(caseNo);
		assertThat(this.tasks.createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
			.isEqualTo("committeeAccept");
		assertThat(entry.getStage()).isEqualTo("committeeAccept");
		assertThat(entry.getHandlingOpinion()).contains("上报主管党（工）委：已梳理情况，请主管党委协调");
		assertThat(entry.getOverdueStages()).contains("branchReportUp");
		if (timer.equals("ReportUpOverdueTimer")) {
			assertThat(entry.getRemarks()).as("the job's notice is in the register").contains("逾期，已启动督办");
		}
		assertThat(this.runtime.createProcessInstanceQuery().processDefinitionKey("opinion-supervision").count())
			.as("a supervision started by the job ended with the stage")
			.isZero();
	}

	private String aCaseReportedUpAfterItsDeadline() {
		LocalDate longAgo = LocalDate.now(WorkingDayCalendar.ZONE).minusDays(30);
		ResponseEntity<Map> created = this.http.withBasicAuth("sec1", DemoData.PASSWORD)
			.postForEntity("/api/opinions", Map.of("orgCode", "org1", "reporterName", "郑刚", "reportedOn",
					longAgo.toString(), "channel", "MAILBOX", "kind", "CONFLICT", "summary", "班组排班不公平"), Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNo = (String) created.getBody().get("caseNo");
		String assess = this.tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
		this.tasks.complete(assess, Map.of("route", "UPPER", "reportText", "需主管党委协调"));
		return caseNo;
	}

}
