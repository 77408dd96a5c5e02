package cn.liangxin.opinions.workflow;

import java.time.LocalDate;
import java.util.Date;
import java.util.function.Function;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.opinion.CommitteeMode;
import cn.liangxin.opinions.opinion.HandlingDeadlines;
import cn.liangxin.opinions.opinion.SideRoadSettings;
import cn.liangxin.opinions.opinion.Stage;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

import org.springframework.stereotype.Component;

/**
 * The deadlines as the BPMN sees them (a rework after a reply was sent back has its own,
 * {@code opinion.send-back.working-days} from the day it was sent back): task due dates
 * ({@code camunda:dueDate}) and the overdue timers' dates ({@code timeDate}), computed by
 * the calendar from the case's stored inputs, e.g.
 * {@code ${deadlines.departmentDue(execution)}}. No date arithmetic in expressions.
 */
@Component("deadlines")
public class StageDeadlines {

	private final HandlingDeadlines rules;

	private final SideRoadSettings.SendBack sendBack;

	StageDeadlines(HandlingDeadlines rules, SideRoadSettings.SendBack sendBack) {
		this.rules = rules;
		this.sendBack = sendBack;
	}

	/**
	 * The deadline of a deadline stage, {@code null} for stages without one; moved when
	 * the level above moved it ({@link cn.liangxin.opinions.opinion.DeadlineChanges}).
	 */
	public Deadline of(VariableScope scope, Stage stage) {
		return of(scope::getVariable, stage);
	}

	/**
	 * The deadline of a deadline stage before the level above moved or extended it: the
	 * stage's own, or the rework's after a reply was sent back (补办).
	 */
	public Deadline original(VariableScope scope, Stage stage) {
		return original(scope::getVariable, stage);
	}

	/**
	 * The same from the case's variables as read outside an execution (e.g. when the
	 * calendar changed, {@link DeadlineRecalculation}).
	 */
	Deadline of(Function<String, Object> variables, Stage stage) {
		Deadline deadline = original(variables, stage);
		LocalDate movedTo = ProcessVariables.date(variables, Vars.DUE_ON_MOVED_TO);
		if (deadline != null && movedTo != null
				&& stage.code().equals(ProcessVariables.text(variables, Vars.DUE_ON_MOVED_STAGE))) {
			return this.rules.movedTo(deadline, movedTo);
		}
		return deadline;
	}

	private Deadline original(Function<String, Object> variables, Stage stage) {
		LocalDate reworkFrom = ProcessVariables.date(variables, Vars.REWORK_FROM);
		if (reworkFrom != null && stage.code().equals(ProcessVariables.text(variables, Vars.REWORK_STAGE))) {
			return this.rules.within(reworkFrom, this.sendBack.workingDays());
		}
		return switch (stage) {
			case DEPARTMENT -> this.rules.department(ProcessVariables.date(variables, Vars.HANDLING_START_ON),
					ProcessVariables.date(variables, Vars.SLIP_DUE_ON));
			case REPORT_UP -> this.rules.reportUp(ProcessVariables.date(variables, Vars.HANDLING_START_ON));
			case COMMITTEE -> this.rules.committee(ProcessVariables.date(variables, Vars.REPORT_RECEIVED_ON),
					CommitteeMode.parse(ProcessVariables.text(variables, Vars.COMMITTEE_MODE)));
			default -> null;
		};
	}

	public Date departmentDue(DelegateExecution execution) {
		return Date.from(of(execution, Stage.DEPARTMENT).lastMoment());
	}

	public Date departmentOverdueAt(DelegateExecution execution) {
		return Date.from(of(execution, Stage.DEPARTMENT).overdueFrom());
	}

	public Date reportUpDue(DelegateExecution execution) {
		return Date.from(of(execution, Stage.REPORT_UP).lastMoment());
	}

	public Date reportUpOverdueAt(DelegateExecution execution) {
		return Date.from(of(execution, Stage.REPORT_UP).overdueFrom());
	}

	public Date committeeDue(DelegateExecution execution) {
		return Date.from(of(execution, Stage.COMMITTEE).lastMoment());
	}

	public Date committeeOverdueAt(DelegateExecution execution) {
		return Date.from(of(execution, Stage.COMMITTEE).overdueFrom());
	}

}
