package cn.liangxin.opinions.workflow;

import java.time.LocalDate;
import java.util.Date;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.reminder.ReminderSchedule;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The visiting duties' timers, {@code ${dutyTimers.…}} in the BPMN, on the working-day
 * calendar as computed when the duty was made
 * ({@code cn.liangxin.opinions.visit.DutyPeriod}): the reminder at 09:00 China time some
 * working days before the due day, and the supervision from the midnight after it.
 */
@Component("dutyTimers")
public class DutyTimers {

	/** 09:00 China time on the reminder day. */
	public Date reminderAt(VariableScope scope) {
		LocalDate on = ProcessVariables.date(scope, DutyProcess.Vars.REMIND_ON);
		return Date.from(on.atTime(ReminderSchedule.ESCALATION_TIME).atZone(WorkingDayCalendar.ZONE).toInstant());
	}

	/** The end of the due day, the task's due date. */
	public Date due(VariableScope scope) {
		return Date.from(dueOn(scope).atTime(23, 59, 59).atZone(WorkingDayCalendar.ZONE).toInstant());
	}

	/** The first moment after the due day: the level above supervises. */
	public Date overdueAt(VariableScope scope) {
		return Date.from(dueOn(scope).plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
	}

	static LocalDate dueOn(VariableScope scope) {
		return ProcessVariables.date(scope, DutyProcess.Vars.DUE_ON);
	}

}
