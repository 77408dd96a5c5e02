package cn.liangxin.opinions.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.opinion.OpinionWorkflow;
import cn.liangxin.opinions.opinion.Stage;
import cn.liangxin.opinions.opinion.ValidOpinion;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

/**
 * The one adapter that starts cases in the engine: process {@code employee-opinion},
 * tenant = the organization's code (given by {@link OrganizationTenantIdProvider}),
 * business key = the case number (set by the register step).
 */
@Component
class CamundaOpinionWorkflow implements OpinionWorkflow {

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ManagementService management;

	private final IdentityService identity;

	CamundaOpinionWorkflow(RuntimeService runtime, TaskService tasks, ManagementService management,
			IdentityService identity) {
		this.runtime = runtime;
		this.identity = identity;
		this.tasks = tasks;
		this.management = management;
	}

	@Override
	public StartedCase start(ValidOpinion opinion) {
		VariableMap variables = Variables.createVariables()
			.putValue(Vars.ORG_CODE, opinion.orgCode())
			.putValue(Vars.REPORTER_NAME, opinion.reporterName())
			.putValue(Vars.REPORTER_UNIT, opinion.reporterUnit())
			.putValue(Vars.REPORTER_ADDRESS, opinion.reporterAddress())
			.putValue(Vars.REPORTER_PHONE, opinion.reporterPhone())
			.putValue(Vars.REPORTED_ON, opinion.reportedOn().toString())
			.putValue(Vars.CHANNEL, opinion.channel().name())
			.putValue(Vars.KIND, opinion.kind().name())
			.putValue(Vars.SUMMARY, opinion.summary())
			.putValue(Vars.RESOLVED_ON_SPOT, opinion.resolvedOnSpot())
			.putValue(Vars.ON_SPOT_RESULT, opinion.onSpotResult());
		ProcessInstanceWithVariables instance = this.runtime.createProcessInstanceByKey(OpinionProcess.PROCESS_ID)
			.setVariables(variables)
			.executeWithVariablesInReturn();
		return new StartedCase((String) instance.getVariables().get(Vars.CASE_NO), instance.getId());
	}

	/**
	 * Stores the new due day for the stage ({@link StageDeadlines} reads it), sets the
	 * task's due date and lets the engine re-evaluate the timers of the case (reminders
	 * and the overdue timer compute their dates from the same variables).
	 */
	@Override
	public void moveDeadline(String caseNo, Stage stage, LocalDate dueOn) {
		AsSystem.run(this.identity, () -> move(caseNo, stage, dueOn));
	}

	private void move(String caseNo, Stage stage, LocalDate dueOn) {
		Task task = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.processDefinitionKey(OpinionProcess.PROCESS_ID)
			.taskDefinitionKey(stage.code())
			.singleResult();
		if (task == null) {
			throw new IllegalStateException(caseNo + " has no open " + stage.code() + " task");
		}
		this.runtime.setVariables(task.getProcessInstanceId(), Map.of(Vars.DUE_ON_MOVED_TO, dueOn.toString(),
				Vars.DUE_ON_MOVED_STAGE, stage.code(), OpinionTaskListener.dueVariable(stage), dueOn.toString()));
		// the task first: setting its variables raises its revision
		task.setDueDate(Date.from(dueOn.atTime(23, 59, 59).atZone(WorkingDayCalendar.ZONE).toInstant()));
		this.tasks.saveTask(task);
		this.tasks.setVariablesLocal(task.getId(),
				Map.of(Vars.CURRENT_DUE_ON, dueOn.toString(), Vars.CURRENT_DUE_LABEL, dueOn + "（期限已由上级调整）"));
		for (Job timer : this.management.createJobQuery()
			.processInstanceId(task.getProcessInstanceId())
			.timers()
			.list()) {
			this.management.recalculateJobDuedate(timer.getId(), false);
		}
	}

	@Override
	public Instant now() {
		return EngineClock.now();
	}

}
