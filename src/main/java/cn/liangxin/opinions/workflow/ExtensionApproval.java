package cn.liangxin.opinions.workflow;

import java.time.Instant;
import java.util.Date;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.opinion.HandlingDeadlines;
import cn.liangxin.opinions.opinion.SideRoadSettings;
import cn.liangxin.opinions.reminder.ReminderSchedule;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.delegate.VariableScope;

import org.springframework.stereotype.Component;

/**
 * The deadline of a decision on a request for more time (延期审批) as the BPMN of
 * {@code opinion-extension} sees it, e.g. {@code ${extensions.due(execution)}}:
 * {@code opinion.extension.approval-working-days} (default 2) working days from the day
 * it was asked, with a reminder at 09:00 on the due day.
 */
@Component("extensions")
public class ExtensionApproval {

	private final HandlingDeadlines rules;

	private final SideRoadSettings.Extension settings;

	ExtensionApproval(HandlingDeadlines rules, SideRoadSettings.Extension settings) {
		this.rules = rules;
		this.settings = settings;
	}

	Deadline deadline(VariableScope scope) {
		return this.rules.within(ProcessVariables.date(scope, Vars.EXTENSION_REQUESTED_ON),
				this.settings.approvalWorkingDays());
	}

	/** The task's due date: the end of the last day. */
	public Date due(VariableScope scope) {
		return Date.from(deadline(scope).lastMoment());
	}

	/** The reminder: 09:00 in China on the due day. */
	public Date reminderAt(VariableScope scope) {
		Instant at = deadline(scope).dueOn()
			.atTime(ReminderSchedule.ESCALATION_TIME)
			.atZone(WorkingDayCalendar.ZONE)
			.toInstant();
		return Date.from(at);
	}

}
