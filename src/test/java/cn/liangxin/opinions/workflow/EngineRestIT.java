package cn.liangxin.opinions.workflow;

import java.time.LocalDate;
import java.util.Map;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.support.WebAppTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasks are worked through Camunda's own REST API with only the variables the process
 * names; a refused completion answers 400 with the Chinese reason and changes nothing.
 */
@WebAppTest
class EngineRestIT {

	@Autowired
	TestRestTemplate http;

	@Autowired
	TaskService tasks;

	@Autowired
	OpinionRegister register;

	@Autowired
	DemoData demo;

	@BeforeEach
	void organizationsExistAndTheBranchSecretaryCalls() {
		this.demo.createOrganizationsAndPeople();
		this.http = this.http.withBasicAuth("sec1", DemoData.PASSWORD);
	}

	@Test
	void theRestApiCompletesTheAssessmentWithOnlyRouteAndDepartment() {
		String caseNo = aCaseRegisteredThroughTheApi();

		ResponseEntity<String> completed = complete(caseNo, "branchAssess",
				Map.of("route", variable("ENTERPRISE"), "department", variable("hr")));

		assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(
				this.tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getTaskDefinitionKey())
			.isEqualTo("departmentHandle");
	}

	@Test
	void aRefusedCompletionAnswers400WithTheReasonAndChangesNothing() {
		String caseNo = aCaseRegisteredThroughTheApi();

		ResponseEntity<String> refused = complete(caseNo, "branchAssess",
				Map.of("route", variable("ENTERPRISE"), "department", variable("hr"), "slipDueOn",
						variable(LocalDate.now(WorkingDayCalendar.ZONE).plusYears(1).toString())));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("办结期限不得晚于");
		assertThat(
				this.tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getTaskDefinitionKey())
			.isEqualTo("branchAssess");
		assertThat(this.register.require(caseNo).getRoute()).isNull();
	}

	private String aCaseRegisteredThroughTheApi() {
		Map<String, Object> body = Map.of("orgCode", "org1", "reporterName", "孙晓东", "reportedOn",
				LocalDate.now(WorkingDayCalendar.ZONE).toString(), "channel", "WALL", "kind", "SUGGESTION", "summary",
				"建议增加夜班班车");
		return (String) this.http.postForObject("/api/opinions", body, Map.class).get("caseNo");
	}

	private ResponseEntity<String> complete(String caseNo, String key, Map<String, Object> variables) {
		String taskId = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey(key)
			.singleResult()
			.getId();
		return this.http.postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables),
				String.class);
	}

	private static Map<String, Object> variable(String value) {
		return Map.of("value", value, "type", "String");
	}

}
