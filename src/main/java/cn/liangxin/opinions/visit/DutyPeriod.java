package cn.liangxin.opinions.visit;

import java.time.LocalDate;
import java.time.YearMonth;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;

/**
 * The period a duty is due in — a calendar quarter ({@code 2026-Q4}) or month
 * ({@code 2026-12}) — and its dates on the working-day calendar: due by the last working
 * day of the period, reminded {@link #REMINDER_WORKING_DAYS} working days before it,
 * overdue from the day after. Plain Java.
 *
 * @param label {@code 2026-Q4} or {@code 2026-12}
 * @param start the first day of the period
 * @param end the last day of the period
 * @param dueOn the last working day of the period (its last day if the calendar finds
 * none)
 */
public record DutyPeriod(String label, LocalDate start, LocalDate end, LocalDate dueOn) {

	/** How many working days before the due day the reminder goes out (at 09:00). */
	public static final int REMINDER_WORKING_DAYS = 3;

	/** The period of the duty's kind that contains the day. */
	public static DutyPeriod of(DutyKind kind, LocalDate day, WorkingDayCalendar calendar) {
		LocalDate start;
		LocalDate end;
		String label;
		if (kind.quarterly()) {
			int quarter = (day.getMonthValue() - 1) / 3;
			start = LocalDate.of(day.getYear(), quarter * 3 + 1, 1);
			end = start.plusMonths(3).minusDays(1);
			label = day.getYear() + "-Q" + (quarter + 1);
		}
		else {
			YearMonth month = YearMonth.from(day);
			start = month.atDay(1);
			end = month.atEndOfMonth();
			label = month.toString();
		}
		LocalDate dueOn = end;
		while (!calendar.isWorkingDay(dueOn) && dueOn.isAfter(start)) {
			dueOn = dueOn.minusDays(1);
		}
		return new DutyPeriod(label, start, end, dueOn);
	}

	/** The day the reminder goes out: some working days before the due day. */
	public LocalDate remindOn(WorkingDayCalendar calendar) {
		LocalDate on = calendar.subtractWorkingDays(this.dueOn, REMINDER_WORKING_DAYS);
		return on.isBefore(this.start) ? this.start : on;
	}

	/** The deadline: the end of the due day; overdue from the next midnight. */
	public Deadline deadline() {
		return new Deadline(this.start, 0, this.dueOn, false);
	}

	/** Whether the day falls in this period. */
	public boolean contains(LocalDate day) {
		return !day.isBefore(this.start) && !day.isAfter(this.end);
	}

}
