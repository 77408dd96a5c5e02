package cn.liangxin.opinions.workflow;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.validation.FieldError;
import cn.liangxin.opinions.validation.InvalidInputException;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Checks what a signed-in caller writes into our processes, whatever the door (Tasklist,
 * {@code /engine-rest}, the application's own API), before the command does anything:
 * <ul>
 * <li>only a task's candidates, assignee and owner claim, complete or comment on it (an
 * admin any), and nobody comments on another organization's case;</li>
 * <li>a task completion (or form submission, or resolution) may set only the fields of
 * the task's form, each of the form's type, options and length ({@link FormContract}); a
 * process start only the fields of the start form, and only for an organization whose
 * opinions (and visits) the caller registers. Variables the process owns (the case
 * number, the organization, the stage dates, counters) are no field of any form, so
 * nobody can set them;</li>
 * <li>a person who is not an admin may not write variables any other way (set, patch,
 * remove), throw BPMN errors or escalations from tasks, start a process at an inner
 * activity, or send messages and signals: those are repairs for admins.</li>
 * </ul>
 * Commands of the application itself (no authenticated user: the job executor, the
 * process's own listeners, the demo) and commands run inside another command are not
 * checked here; the case's rules check every value again when it is recorded.
 */
class WriteGuard extends CommandInterceptor {

	/** A write that this guard refused. Its message is for the caller, in Chinese. */
	static final class WriteRefused extends AuthorizationException {

		private static final long serialVersionUID = 1L;

		WriteRefused(String message) {
			super(message);
		}

	}

	private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

	private final TaskContracts contracts;

	private final Supplier<OrgDirectory> orgs;

	WriteGuard(TaskContracts contracts, Supplier<OrgDirectory> orgs) {
		this.contracts = contracts;
		this.orgs = orgs;
	}

	@Override
	public <T> T execute(Command<T> command) {
		if (INSIDE.get() != null) {
			return this.next.execute(command);
		}
		INSIDE.set(Boolean.TRUE);
		try {
			inspect(command, Context.getCommandContext());
			return this.next.execute(command);
		}
		finally {
			INSIDE.remove();
		}
	}

	private void inspect(Command<?> command, CommandContext context) {
		Authentication caller = context.getAuthentication();
		if (caller == null || caller.getUserId() == null) {
			return;
		}
		if (command instanceof CompleteTaskCmd) {
			checkWorker(context, caller, read(command, "taskId"));
			checkTask(context, read(command, "taskId"), read(command, "variables"));
		}
		else if (command instanceof SubmitTaskFormCmd) {
			checkWorker(context, caller, read(command, "taskId"));
			checkTask(context, read(command, "taskId"), read(command, "properties"));
		}
		else if (command instanceof ClaimTaskCmd) {
			checkWorker(context, caller, read(command, "taskId"));
			String claimant = read(command, "userId");
			if (claimant != null && !claimant.equals(caller.getUserId())
					&& !context.getAuthorizationManager().isCamundaAdmin(caller)) {
				throw new WriteRefused("只能由本人认领任务，不能替他人（" + claimant + "）认领");
			}
		}
		else if (command instanceof DeleteTaskCommentCmd || command instanceof UpdateCommentCmd) {
			checkWorker(context, caller, read(command, "taskId"));
		}
		else if (command instanceof AddCommentCmd) {
			// the engine checks nothing when a comment is added: the organization here,
			// the task's candidates as for any work on it
			String taskId = read(command, "taskId");
			if (taskId != null) {
				TaskEntity task = context.getTaskManager().findTaskById(taskId);
				checkOrganization(context, caller, (task != null) ? task.getTenantId() : null);
				checkWorker(context, caller, taskId);
			}
			else if (read(command, "processInstanceId") instanceof String instanceId) {
				ExecutionEntity instance = context.getExecutionManager().findExecutionById(instanceId);
				checkOrganization(context, caller, (instance != null) ? instance.getTenantId() : null);
			}
		}
		else if (command instanceof StartProcessInstanceCmd) {
			ProcessInstantiationBuilderImpl start = read(command, "instantiationBuilder");
			checkStart(context, caller,
					processKey(context, start.getProcessDefinitionKey(), start.getProcessDefinitionId()),
					start.getVariables());
		}
		else if (command instanceof SubmitStartFormCmd) {
			checkStart(context, caller, processKey(context, null, read(command, "processDefinitionId")),
					read(command, "variables"));
		}
		else if (isRepair(command) && !context.getAuthorizationManager().isCamundaAdmin(caller)) {
			throw new WriteRefused("只有系统管理员可以直接修改流程数据（" + command.getClass().getSimpleName() + "）；请通过任务表单办理");
		}
	}

	/** Commands that change a case other than through its forms. */
	private static boolean isRepair(Command<?> command) {
		return command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd
				|| command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd
				|| command instanceof StartProcessInstanceAtActivitiesCmd
				|| command instanceof AbstractCorrelateMessageCmd || command instanceof MessageEventReceivedCmd
				|| command instanceof SignalEventReceivedCmd;
	}

	/**
	 * Working a task (claim, complete, comments) is for its candidates, its assignee and
	 * its owner: the engine lets everyone of the organization work its cases' tasks (one
	 * grant per process, see {@link CaseTaskAuthorizations}), this decides which ones. A
	 * task of an organization the caller does not belong to is left to the engine's
	 * tenant check, which refuses it without telling that it exists.
	 */
	private static void checkWorker(CommandContext context, Authentication caller, String taskId) {
		if (taskId == null || context.getAuthorizationManager().isCamundaAdmin(caller)) {
			return;
		}
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task == null || (task.getTenantId() != null
				&& (caller.getTenantIds() == null || !caller.getTenantIds().contains(task.getTenantId())))) {
			return;
		}
		String user = caller.getUserId();
		List<String> groups = (caller.getGroupIds() != null) ? caller.getGroupIds() : List.of();
		boolean works = user.equals(task.getAssignee()) || user.equals(task.getOwner())
				|| task.getIdentityLinks()
					.stream()
					.anyMatch((link) -> IdentityLinkType.CANDIDATE.equals(link.getType())
							&& (user.equals(link.getUserId()) || groups.contains(link.getGroupId())));
		if (!works) {
			throw new WriteRefused("您不是此任务的办理人（" + task.getName() + "）：只有任务的候选人和已认领的办理人可以认领、办理或评论");
		}
	}

	/** Data of an organization the caller does not belong to is refused. */
	private static void checkOrganization(CommandContext context, Authentication caller, String tenantId) {
		if (tenantId != null && (caller.getTenantIds() == null || !caller.getTenantIds().contains(tenantId))
				&& !context.getAuthorizationManager().isCamundaAdmin(caller)) {
			throw new WriteRefused("该数据不属于您所在的组织，无权操作");
		}
	}

	private void checkTask(CommandContext context, String taskId, Map<String, Object> variables) {
		if (taskId == null) {
			return;
		}
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task == null || task.getProcessDefinitionId() == null) {
			return;
		}
		String processKey = processKey(context, null, task.getProcessDefinitionId());
		if (!this.contracts.governs(processKey)) {
			return;
		}
		check(this.contracts.of(processKey, task.getTaskDefinitionKey()).orElse(null), variables);
	}

	private void checkStart(CommandContext context, Authentication caller, String processKey,
			Map<String, Object> variables) {
		if (!this.contracts.governs(processKey)) {
			return;
		}
		Map<String, Object> submitted = check(this.contracts.startForm(processKey).orElse(null), variables);
		if (submitted.get(Vars.ORG_CODE) instanceof String orgCode && !orgCode.isBlank()) {
			OrgDirectory directory = this.orgs.get();
			String code = orgCode.strip();
			if (directory.organization(code).isPresent() && !directory.scopeOf(caller.getUserId()).registersFor(code)) {
				throw new WriteRefused(VisitLogProcess.PROCESS_ID.equals(processKey) ? RecordVisitDelegate.refusal(code)
						: "只有本组织党支部人员可以登记该组织的员工意见（组织代码 " + code + "）");
			}
		}
	}

	/**
	 * Checks the submission against the contract (none: nothing may be submitted) and
	 * returns its plain values.
	 */
	private static Map<String, Object> check(FormContract contract, Map<String, Object> variables) {
		Map<String, Object> submitted = plain(variables);
		if (submitted.isEmpty()) {
			return submitted;
		}
		List<FieldError> errors = (contract != null) ? contract.check(submitted)
				: List.of(new FieldError(submitted.keySet().iterator().next(), "notAllowed", "此步骤没有表单，不能提交数据"));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return submitted;
	}

	/**
	 * Each variable as the plain Java value a form submits (text, boolean, number or
	 * {@code null}); {@link FormContract#NOT_PLAIN} for objects, JSON, XML, files and the
	 * like, without deserializing them.
	 */
	static Map<String, Object> plain(Map<String, Object> variables) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (variables == null) {
			return values;
		}
		VariableMap typed = Variables.fromMap(variables);
		for (String name : variables.keySet()) {
			values.put(name, plainValue(typed.getValueTyped(name)));
		}
		return values;
	}

	private static Object plainValue(TypedValue value) {
		if (value == null) {
			return null;
		}
		ValueType type = value.getType();
		if (type == null) {
			Object raw = value.getValue();
			return (raw == null || raw instanceof String || raw instanceof Boolean || raw instanceof Number) ? raw
					: FormContract.NOT_PLAIN;
		}
		if (type == ValueType.NULL) {
			return null;
		}
		if (type == ValueType.STRING || type == ValueType.BOOLEAN || type == ValueType.INTEGER || type == ValueType.LONG
				|| type == ValueType.SHORT || type == ValueType.DOUBLE) {
			return value.getValue();
		}
		return FormContract.NOT_PLAIN;
	}

	private static String processKey(CommandContext context, String key, String definitionId) {
		if (key != null || definitionId == null) {
			return key;
		}
		ProcessDefinitionEntity definition = context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findDeployedProcessDefinitionById(definitionId);
		return (definition != null) ? definition.getKey() : null;
	}

	/**
	 * A field of an engine command (they have no getters). Fails closed: if the engine's
	 * command no longer has the field, nothing is written ({@code WriteGuardTest} checks
	 * each one against the engine in use).
	 */
	@SuppressWarnings("unchecked")
	static <V> V read(Object command, String name) {
		for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return (V) field.get(command);
			}
			catch (NoSuchFieldException ex) {
				// look in the superclass
			}
			catch (IllegalAccessException ex) {
				break;
			}
		}
		throw new WriteRefused("无法检查此操作（" + command.getClass().getSimpleName() + "." + name + "），已拒绝");
	}

}
