package cn.liangxin.opinions.workflow;

import java.time.LocalDate;
import java.util.Map;

import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.opinion.OpinionIntake;
import cn.liangxin.opinions.opinion.OpinionIntakeService;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.RegisterEntry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Named steps of the process tests: raise an opinion, work a task as a user. */
@Component
class ProcessFixtures {

	@Autowired
	ProcessEngine engine;

	@Autowired
	OpinionIntakeService intake;

	@Autowired
	OpinionRegister register;

	@Autowired
	DemoData demo;

	void organizationsExist() {
		this.demo.createOrganizationsAndPeople();
	}

	RegisterEntry anOpinionRaisedOn(String date) {
		return anOpinionRaisedOn(date, false);
	}

	RegisterEntry anOpinionRaisedOn(String date, boolean resolvedOnSpot) {
		return this.intake.register(
				new OpinionIntake("org1", "周小平", "装配车间", "大渡口区春晖路1号", "13800000000", LocalDate.parse(date).toString(),
						"VISIT", "DIFFICULTY", "夜班下班路上没有路灯", resolvedOnSpot, resolvedOnSpot ? "当场联系后勤部门增设临时照明" : null));
	}

	ProcessInstance instance(RegisterEntry entry) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(entry.getProcessInstanceId())
			.singleResult();
	}

	Task task(RegisterEntry entry, String key) {
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(entry.getCaseNo())
			.taskDefinitionKey(key)
			.singleResult();
	}

	/** The user claims the task and completes it with these variables. */
	void complete(RegisterEntry entry, String key, String user, Map<String, Object> variables) {
		Task task = task(entry, key);
		if (task.getAssignee() == null) {
			this.engine.getTaskService().claim(task.getId(), user);
		}
		this.engine.getTaskService().complete(task.getId(), variables);
	}

	RegisterEntry reloaded(RegisterEntry entry) {
		return this.register.require(entry.getCaseNo());
	}

	static Map<String, Object> assessedAs(String route, Object... more) {
		java.util.HashMap<String, Object> variables = new java.util.HashMap<>();
		variables.put("route", route);
		variables.put("scope", "INDIVIDUAL");
		for (int i = 0; i < more.length; i += 2) {
			variables.put((String) more[i], more[i + 1]);
		}
		return variables;
	}

	static Map<String, Object> feedback(boolean satisfied, Object... more) {
		java.util.HashMap<String, Object> variables = new java.util.HashMap<>(Map.of("feedbackMethod", "PHONE",
				"feedbackContent", "电话告知办理结果", "feedbackSignedBy", "周小平", "satisfied", satisfied));
		for (int i = 0; i < more.length; i += 2) {
			variables.put((String) more[i], more[i + 1]);
		}
		return variables;
	}

}
