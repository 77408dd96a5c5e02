package cn.liangxin.opinions.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.opinion.OpinionWorkflow;
import cn.liangxin.opinions.opinion.Stage;
import cn.liangxin.opinions.opinion.ValidOpinion;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
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

	private final TaskHolders holders;

	private final HistoryService history;

	private final TaskContracts contracts;

	private final Actors actors;

	CamundaOpinionWorkflow(RuntimeService runtime, TaskService tasks, ManagementService management,
			IdentityService identity, TaskHolders holders, HistoryService history, Actors actors,
			TaskContracts contracts) {
		this.contracts = contracts;
		this.history = history;
		this.actors = actors;
		this.runtime = runtime;
		this.holders = holders;
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
	public List<TaskStep> steps(String caseNo) {
		// the case's history, whoever asks: the caller's right to the case was checked
		return AsSystem.call(this.identity,
				() -> this.history.createHistoricTaskInstanceQuery()
					.processInstanceBusinessKey(caseNo)
					.orderByHistoricActivityInstanceStartTime()
					.asc()
					.orderByHistoricTaskInstanceEndTime()
					.asc()
					.list()
					.stream()
					.map((t) -> {
						boolean completed = "completed".equals(t.getDeleteReason());
						return new TaskStep(t.getId(), t.getTaskDefinitionKey(), t.getName(),
								this.actors.display(t.getAssignee()), instant(t.getStartTime()),
								instant(t.getEndTime()), instant(t.getDueDate()), completed,
								completed ? written(t) : null);
					})
					.toList());
	}

	/**
	 * What the person wrote in the task's form: its text and date fields as submitted,
	 * 「label：value」, in the form's order.
	 */
	private String written(HistoricTaskInstance task) {
		Optional<FormContract> form = this.contracts.of(task.getProcessDefinitionKey(), task.getTaskDefinitionKey());
		if (form.isEmpty() || task.getActivityInstanceId() == null) {
			return null;
		}
		Map<String, Object> values = new java.util.HashMap<>();
		this.history.createHistoricDetailQuery()
			.variableUpdates()
			.activityInstanceId(task.getActivityInstanceId())
			.orderPartiallyByOccurrence()
			.asc()
			.list()
			.forEach((detail) -> {
				HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
				values.put(update.getVariableName(), update.getValue());
			});
		StringBuilder text = new StringBuilder();
		for (FormContract.Field field : form.get().fields().values()) {
			Object value = values.get(field.key());
			if ((field.kind() == FormContract.Kind.TEXT || field.kind() == FormContract.Kind.DATE) && value != null
					&& !value.toString().isBlank()) {
				text.append(text.isEmpty() ? "" : "；")
					.append(field.label())
					.append("：")
					.append(value.toString().strip());
			}
		}
		return text.isEmpty() ? null : text.toString();
	}

	private static Instant instant(java.util.Date date) {
		return (date != null) ? date.toInstant() : null;
	}

	@Override
	public Optional<OpenTask> openTask(String caseNo, Stage stage) {
		return AsSystem.call(this.identity, () -> {
			Task task = this.tasks.createTaskQuery()
				.processInstanceBusinessKey(caseNo)
				.processDefinitionKey(OpinionProcess.PROCESS_ID)
				.taskDefinitionKey(stage.code())
				.singleResult();
			if (task == null || task.getDueDate() == null) {
				return Optional.empty();
			}
			List<Holder> holders = this.holders.of(task)
				.values()
				.stream()
				.map((p) -> new Holder(p.getUsername(), p.getName(), p.getEmail()))
				.toList();
			return Optional.of(new OpenTask(task.getId(), task.getName(), task.getDueDate().toInstant(), holders));
		});
	}

	@Override
	public Instant now() {
		return EngineClock.now();
	}

}
