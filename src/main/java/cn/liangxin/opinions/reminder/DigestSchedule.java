package cn.liangxin.opinions.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;

/**
 * When the daily digest goes out: at a fixed time (default 08:30) in Asia/Shanghai, on
 * working days only. Immutable and thread-safe as long as the calendar is.
 */
public final class DigestSchedule {

	/**
	 * The default time of the digest: 08:30.
	 */
	public static final LocalTime DEFAULT_TIME = LocalTime.of(8, 30);

	/**
	 * How far ahead a working day is looked for before giving up; no holiday block is
	 * this long.
	 */
	private static final int MAX_DAYS_AHEAD = 366;

	private final WorkingDayCalendar calendar;

	private final LocalTime at;

	/**
	 * Creates a digest schedule at 08:30.
	 * @param calendar the working-day calendar
	 */
	public DigestSchedule(WorkingDayCalendar calendar) {
		this(calendar, DEFAULT_TIME);
	}

	/**
	 * Creates a digest schedule.
	 * @param calendar the working-day calendar
	 * @param at the local time of the digest in Asia/Shanghai
	 */
	public DigestSchedule(WorkingDayCalendar calendar, LocalTime at) {
		this.calendar = Objects.requireNonNull(calendar, "calendar");
		this.at = Objects.requireNonNull(at, "at");
	}

	/**
	 * Returns the next digest strictly after an instant.
	 * @param now the instant
	 * @return the digest time on the first working day (in Asia/Shanghai) whose digest
	 * time is after {@code now}
	 */
	public Instant nextDigest(Instant now) {
		Objects.requireNonNull(now, "now");
		LocalDate day = WorkingDayCalendar.dateOf(now);
		for (int i = 0; i <= MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
			Instant candidate = day.atTime(this.at).atZone(WorkingDayCalendar.ZONE).toInstant();
			if (candidate.isAfter(now) && this.calendar.isWorkingDay(day)) {
				return candidate;
			}
		}
		throw new IllegalStateException("No working day within " + MAX_DAYS_AHEAD + " days after " + now);
	}

}
