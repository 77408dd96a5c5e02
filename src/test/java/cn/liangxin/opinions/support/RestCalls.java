package cn.liangxin.opinions.support;

import java.util.HashMap;
import java.util.Map;

import cn.liangxin.opinions.demo.DemoData;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Working a case as a client of {@code /engine-rest} would, as a demo user: claim and
 * complete its tasks with typed variables ({@link #text}, {@link #bool}), found by the
 * case number and the task's key.
 */
public final class RestCalls {

	private final TestRestTemplate http;

	private final TaskService tasks;

	public RestCalls(TestRestTemplate http, TaskService tasks) {
		this.http = http;
		this.tasks = tasks;
	}

	/** The client signed in as a demo user (password {@link DemoData#PASSWORD}). */
	public TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, DemoData.PASSWORD);
	}

	/** {@code POST /engine-rest/task/{id}/complete} with the variables, as the user. */
	@SuppressWarnings("rawtypes")
	public ResponseEntity<Map> complete(String user, String taskId, Map<String, Object> variables) {
		return as(user).postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables),
				Map.class);
	}

	/** Claims the task for the user, as the user; it must succeed. */
	public void claim(String user, String taskId) {
		assertThat(as(user).postForEntity("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	/** The id of the case's open task with this key; the case must wait there. */
	public String task(String caseNo, String key) {
		Task task = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey(key)
			.singleResult();
		assertThat(task).as("%s waits at %s", caseNo, key).isNotNull();
		return task.getId();
	}

	/** A typed String variable of the REST API. */
	public static Map<String, Object> text(String value) {
		return Map.of("value", value, "type", "String");
	}

	/** A typed Boolean variable of the REST API. */
	public static Map<String, Object> bool(boolean value) {
		Map<String, Object> typed = new HashMap<>();
		typed.put("value", value);
		typed.put("type", "Boolean");
		return typed;
	}

}
