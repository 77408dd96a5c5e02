package cn.liangxin.opinions.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.reminder.ReminderSchedule;
import cn.liangxin.opinions.report.MonthlyReports;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The monthly report's timers, {@code ${reportTimers.…}} in the BPMN: the daily check at
 * 07:00 China time that makes a month's reports on its first working day, and the
 * review's due date, reminder (09:00 on the due day) and overdue moment, all on the
 * working-day calendar.
 */
@Component("reportTimers")
public class MonthlyReportTimers {

	/** When the daily check runs, China time. */
	static final LocalTime DAILY_AT = LocalTime.of(7, 0);

	private final MonthlyReports reports;

	MonthlyReportTimers(MonthlyReports reports) {
		this.reports = reports;
	}

	/**
	 * Every 24 hours from the next 07:00 in China, e.g.
	 * {@code R/2026-12-01T07:00+08:00/PT24H} (hours, not days, so the server's own time
	 * zone never shifts it).
	 */
	public String getDailyCycle() {
		ZonedDateTime now = EngineClock.now().atZone(WorkingDayCalendar.ZONE);
		ZonedDateTime next = now.toLocalDate().atTime(DAILY_AT).atZone(WorkingDayCalendar.ZONE);
		if (!next.isAfter(now)) {
			next = next.plusDays(1);
		}
		return "R/" + next.toOffsetDateTime() + "/PT24H";
	}

	Deadline deadline(VariableScope scope) {
		return this.reports.deadline(ProcessVariables.date(scope, ReportProcess.Vars.CREATED_ON));
	}

	/** The review's due date: the end of its last working day. */
	public Date due(VariableScope scope) {
		return Date.from(deadline(scope).lastMoment());
	}

	/** 09:00 China time on the due day. */
	public Date reminderAt(VariableScope scope) {
		LocalDate dueOn = deadline(scope).dueOn();
		Instant at = dueOn.atTime(ReminderSchedule.ESCALATION_TIME).atZone(WorkingDayCalendar.ZONE).toInstant();
		return Date.from(at);
	}

	/** The first moment after the deadline: the district supervises. */
	public Date overdueAt(VariableScope scope) {
		return Date.from(deadline(scope).overdueFrom());
	}

}
