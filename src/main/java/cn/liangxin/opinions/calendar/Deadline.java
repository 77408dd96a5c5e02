package cn.liangxin.opinions.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A deadline of some working days after a start day, computed by
 * {@link WorkingDayCalendar#deadline(LocalDate, int)}. The deadline is the end of the due
 * day in {@link WorkingDayCalendar#ZONE Asia/Shanghai}.
 *
 * @param start the day the period starts (not counted)
 * @param workingDays the number of working days
 * @param dueOn the last day, the {@code workingDays}-th working day after start
 * @param estimated {@code true} when a year the period spans had no holiday arrangement,
 * so only weekends were taken as non-working days
 */
public record Deadline(LocalDate start, int workingDays, LocalDate dueOn, boolean estimated) {

	private static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

	/**
	 * Creates a deadline.
	 * @throws IllegalArgumentException if workingDays is negative or dueOn is before
	 * start
	 */
	public Deadline {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(dueOn, "dueOn");
		if (workingDays < 0 || dueOn.isBefore(start)) {
			throw new IllegalArgumentException(
					"Invalid deadline: " + workingDays + " working days from " + start + " due on " + dueOn);
		}
	}

	/**
	 * Returns 23:59:59 on the due day in Asia/Shanghai, for use as a task's due date.
	 * @return the last moment within the deadline
	 */
	public Instant lastMoment() {
		return this.dueOn.atTime(LAST_SECOND).atZone(WorkingDayCalendar.ZONE).toInstant();
	}

	/**
	 * Returns 00:00 on the day after the due day in Asia/Shanghai, the moment the
	 * deadline is missed.
	 * @return the first overdue moment
	 */
	public Instant overdueFrom() {
		return this.dueOn.plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant();
	}

	/**
	 * Returns whether the deadline has been missed at an instant.
	 * @param instant the instant
	 * @return {@code true} from {@link #overdueFrom()} on
	 */
	public boolean isOverdueAt(Instant instant) {
		return !instant.isBefore(overdueFrom());
	}

}
