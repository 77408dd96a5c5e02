package cn.liangxin.opinions.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.deadline.CalendarService;
import cn.liangxin.opinions.opinion.Stage;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.reminder.DigestSchedule;
import cn.liangxin.opinions.reminder.ReminderKind;
import cn.liangxin.opinions.reminder.ReminderSchedule;
import cn.liangxin.opinions.reminder.ScheduledReminder;
import org.camunda.bpm.engine.delegate.VariableScope;

import org.springframework.stereotype.Component;

/**
 * The reminder and escalation timers as the BPMN sees them, e.g.
 * {@code ${reminders.at(execution, 'departmentHandle', 'HALF_WAY')}}: dates from
 * {@link ReminderSchedule} on the working-day calendar, for the deadline that
 * {@link StageDeadlines} computes from the case's variables.
 */
@Component("reminders")
public class ReminderTimers {

	private final StageDeadlines deadlines;

	private final CalendarService calendars;

	private final ReminderSettings settings;

	ReminderTimers(StageDeadlines deadlines, CalendarService calendars, ReminderSettings settings) {
		this.deadlines = deadlines;
		this.calendars = calendars;
		this.settings = settings;
	}

	/**
	 * When the timer of a reminder kind fires. A reminder the schedule leaves out (it
	 * would fall on or before the start, or on the same day as a later kind) still gets a
	 * date, the deadline's end, and does nothing when it fires.
	 * @param scope the deadline task's execution
	 * @param task the deadline task's id
	 * @param kind the {@link ReminderKind} name
	 */
	public Date at(VariableScope scope, String task, String kind) {
		Deadline deadline = deadline(scope, task);
		Instant at = planned(scope, task, ReminderKind.valueOf(kind)).map(ScheduledReminder::dueAt)
			.orElse(deadline.overdueFrom());
		return Date.from(at);
	}

	/** The retry cycle of the sending jobs, {@code ${reminders.retryCycle}}. */
	public String getRetryCycle() {
		return this.settings.retryCycle();
	}

	/**
	 * The daily digest's timer, {@code ${reminders.digestCycle}}: every 24 hours from the
	 * next digest time on a working day in China ({@link DigestSchedule}), e.g.
	 * {@code R/2026-11-23T08:30+08:00/PT24H} (hours, not days, so the server's own time
	 * zone never shifts it). The digest itself skips days that are not working days.
	 */
	public String getDigestCycle() {
		Instant first = new DigestSchedule(this.calendars.calendar(), this.settings.digestTime())
			.nextDigest(EngineClock.now());
		return "R/" + first.atZone(WorkingDayCalendar.ZONE).toOffsetDateTime() + "/PT24H";
	}

	/** The reminders of a deadline task as the schedule plans them now. */
	List<ScheduledReminder> plan(VariableScope scope, String task) {
		return schedule(task).plan(deadline(scope, task), EngineClock.now());
	}

	Optional<ScheduledReminder> planned(VariableScope scope, String task, ReminderKind kind) {
		return plan(scope, task).stream().filter((r) -> r.kind() == kind).findFirst();
	}

	Deadline deadline(VariableScope scope, String task) {
		Stage stage = Stage.ofCode(task);
		Deadline deadline = (stage != null) ? this.deadlines.of(scope, stage) : null;
		if (deadline == null) {
			throw new IllegalArgumentException(task + " is not a deadline task");
		}
		return deadline;
	}

	private ReminderSchedule schedule(String task) {
		return new ReminderSchedule(this.calendars.calendar(), this.settings.rulesOf(task),
				this.settings.secondEscalationAfter());
	}

}
