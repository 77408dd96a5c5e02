package cn.liangxin.opinions.workflow;

import java.time.LocalDate;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.opinion.HandlingDeadlines;
import cn.liangxin.opinions.opinion.SideRoads;
import cn.liangxin.opinions.opinion.Stage;
import cn.liangxin.opinions.validation.Errors;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * The listener of {@code approveExtension} (审批延期申请) in process {@code opinion-extension}:
 * names the task after the stage asked about and shows its deadline; on complete it
 * checks the decision ({@code extensionApproved}, or the form's {@code extensionDecision}
 * APPROVE / REFUSE, and {@code extensionComment}), records it
 * ({@link SideRoads#extensionDecided}) and, when granted, moves the stage's due day
 * ({@code dueOnMovedTo}, handed back to the case by the call activity).
 */
@Component("extensionTaskListener")
class ExtensionTaskListener implements TaskListener {

	private final SideRoads sideRoads;

	private final ExtensionApproval approval;

	private final HandlingDeadlines rules;

	private final Actors actors;

	ExtensionTaskListener(SideRoads sideRoads, ExtensionApproval approval, HandlingDeadlines rules, Actors actors) {
		this.sideRoads = sideRoads;
		this.approval = approval;
		this.rules = rules;
		this.actors = actors;
	}

	@Override
	public void notify(DelegateTask task) {
		Stage stage = Stage.ofCode(ProcessVariables.text(task, Vars.EXTENSION_STAGE));
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			Deadline deadline = this.approval.deadline(task);
			task.setName("审批延期申请：" + stage.label());
			task.setVariableLocal(Vars.CURRENT_DUE_ON, deadline.dueOn().toString());
			task.setVariableLocal(Vars.CURRENT_DUE_LABEL,
					deadline.dueOn() + "（收到申请后" + deadline.workingDays() + "个工作日内审批）");
			task.setVariableLocal(Vars.DAYS_LEFT,
					DueLabels.daysLeft(this.rules.workingDaysLeft(deadline, EngineClock.today()),
							deadline.isOverdueAt(EngineClock.now())));
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			boolean approved = approved(task);
			LocalDate from = ProcessVariables.date(task, Vars.EXTENSION_FROM);
			LocalDate to = ProcessVariables.date(task, Vars.EXTENSION_DUE_ON);
			String comment = this.sideRoads.extensionDecided(ProcessVariables.caseNo(task), stage, approved, from, to,
					ProcessVariables.text(task, Vars.EXTENSION_ASKED_BY),
					ProcessVariables.text(task, Vars.EXTENSION_COMMENT), this.actors.display(this.actors.userId(task)),
					EngineClock.now());
			task.setVariable(Vars.EXTENSION_APPROVED, approved);
			task.setVariable(Vars.EXTENSION_COMMENT, comment);
			if (approved) {
				task.setVariable(Vars.DUE_ON_MOVED_TO, to.toString());
				task.setVariable(Vars.DUE_ON_MOVED_STAGE, stage.code());
			}
		}
	}

	/**
	 * {@code extensionApproved} (boolean, REST) or {@code extensionDecision} APPROVE /
	 * REFUSE (the form); one of them is required, and they must agree.
	 */
	private static boolean approved(DelegateTask task) {
		Object value = task.getVariable(Vars.EXTENSION_APPROVED);
		Object decision = task.getVariable(Vars.EXTENSION_DECISION);
		Errors errors = new Errors();
		if (value != null && !(value instanceof Boolean)) {
			errors.add(Vars.EXTENSION_APPROVED, "type", "是否同意延期应为布尔值 true 或 false" + Errors.received(value));
		}
		Boolean decided = null;
		if ("APPROVE".equals(decision) || "REFUSE".equals(decision)) {
			decided = "APPROVE".equals(decision);
		}
		else if (decision != null && !decision.toString().isEmpty()) {
			errors.add(Vars.EXTENSION_DECISION, "oneOf", "审批结果应为 APPROVE（同意）或 REFUSE（不同意）" + Errors.received(decision));
		}
		if (value instanceof Boolean given && decided != null && !given.equals(decided)) {
			errors.add(Vars.EXTENSION_APPROVED, "consistent", "extensionApproved 与 extensionDecision 的回答不一致");
		}
		if (value == null && decided == null && errors.isEmpty()) {
			errors.add(Vars.EXTENSION_DECISION, "required", "请选择同意或不同意延期");
		}
		errors.throwIfAny();
		return (value instanceof Boolean given) ? given : decided;
	}

}
