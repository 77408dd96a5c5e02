package cn.liangxin.opinions.demo;

import java.util.Map;

import cn.liangxin.opinions.opinion.RegisterEntry;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** A demo user claims (unless already theirs) and completes a case's task. */
final class DemoSteps {

	private DemoSteps() {
	}

	static void complete(TaskService tasks, RegisterEntry entry, String taskKey, String user,
			Map<String, Object> variables) {
		Task task = tasks.createTaskQuery()
			.processInstanceId(entry.getProcessInstanceId())
			.taskDefinitionKey(taskKey)
			.singleResult();
		if (task.getAssignee() == null) {
			tasks.claim(task.getId(), user);
		}
		tasks.complete(task.getId(), variables);
	}

}
