package cn.liangxin.opinions.workflow;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.opinion.HandlingDeadlines;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.Stage;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * The listener of {@code superviseOverdue} (督办) in process {@code opinion-supervision}:
 * names the task after what it supervises, and records the supervisor's note in the
 * register's remarks.
 */
@Component("supervisionTaskListener")
class SupervisionTaskListener implements TaskListener {

	private final OpinionRegister register;

	private final StageDeadlines deadlines;

	private final HandlingDeadlines rules;

	private final Actors actors;

	SupervisionTaskListener(OpinionRegister register, StageDeadlines deadlines, HandlingDeadlines rules,
			Actors actors) {
		this.register = register;
		this.deadlines = deadlines;
		this.rules = rules;
		this.actors = actors;
	}

	@Override
	public void notify(DelegateTask task) {
		Stage stage = Stage.ofCode((String) task.getVariable(Vars.SUPERVISED_ACTIVITY));
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			Deadline deadline = this.deadlines.of(task, stage);
			task.setName("督办：" + stage.label() + "逾期");
			// due when the supervised deadline was: Tasklist shows it overdue, the label
			// counts on
			task.setDueDate(java.util.Date.from(deadline.lastMoment()));
			task.setVariableLocal(Vars.SUPERVISED_TASK_NAME, stage.label());
			task.setVariableLocal(Vars.SUPERVISED_DUE_ON, deadline.dueOn().toString());
			task.setVariableLocal(Vars.OVERDUE_WORKING_DAYS,
					Math.max(0, -this.rules.workingDaysLeft(deadline, EngineClock.today())));
			task.setVariableLocal(Vars.CURRENT_DUE_ON, deadline.dueOn().toString());
			task.setVariableLocal(Vars.CURRENT_DUE_LABEL, deadline.dueOn() + "（" + stage.label() + "期限，已逾期）");
			task.setVariableLocal(Vars.DAYS_LEFT,
					DueLabels.daysLeft(this.rules.workingDaysLeft(deadline, EngineClock.today()),
							deadline.isOverdueAt(EngineClock.now())));
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			this.register.supervised(ProcessVariables.caseNo(task), stage,
					ProcessVariables.text(task, Vars.SUPERVISION_NOTE), this.actors.display(this.actors.userId(task)),
					EngineClock.now());
		}
	}

}
