package cn.liangxin.opinions.insight;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;

/**
 * The application's working-day calendar as arrays, for the benchmark's data generator
 * and its expected figures: O(1) working-day arithmetic over a range of years, counted
 * the same way as the table {@code working_day} (years without an arrangement count
 * weekends only).
 */
final class WorkingDays {

	private final LocalDate first;

	private final boolean[] working;

	/** Working days from {@link #first} up to and including the day. */
	private final int[] index;

	private final Set<Integer> knownYears;

	WorkingDays(WorkingDayCalendar calendar, LocalDate first, LocalDate last) {
		this.first = first;
		this.knownYears = calendar.knownYears();
		int n = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
		this.working = new boolean[n];
		this.index = new int[n];
		int count = 0;
		for (int i = 0; i < n; i++) {
			LocalDate day = first.plusDays(i);
			boolean workingDay = this.knownYears.contains(day.getYear()) ? calendar.isWorkingDay(day)
					: day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
			this.working[i] = workingDay;
			count += workingDay ? 1 : 0;
			this.index[i] = count;
		}
	}

	boolean isWorking(LocalDate day) {
		return this.working[offset(day)];
	}

	/** The running count of working days, as {@code working_day.idx}. */
	int index(LocalDate day) {
		return this.index[offset(day)];
	}

	/** Working days in {@code (from, to]}. */
	int between(LocalDate from, LocalDate to) {
		return index(to) - index(from);
	}

	/** The n-th working day after start (start itself when n is 0). */
	LocalDate add(LocalDate start, int n) {
		LocalDate day = start;
		for (int counted = 0; counted < n;) {
			day = day.plusDays(1);
			if (isWorking(day)) {
				counted++;
			}
		}
		return day;
	}

	/** The n-th working day before day. */
	LocalDate subtract(LocalDate day, int n) {
		LocalDate result = day;
		for (int counted = 0; counted < n;) {
			result = result.minusDays(1);
			if (isWorking(result)) {
				counted++;
			}
		}
		return result;
	}

	/** The day itself if it is a working day, else the next working day. */
	LocalDate onOrAfter(LocalDate day) {
		LocalDate result = day;
		while (!isWorking(result)) {
			result = result.plusDays(1);
		}
		return result;
	}

	/** Whether a deadline from start to dueOn spans a year without an arrangement. */
	boolean estimated(LocalDate start, LocalDate dueOn) {
		for (int year = start.plusDays(1).getYear(); year <= dueOn.getYear(); year++) {
			if (!this.knownYears.contains(year)) {
				return true;
			}
		}
		return false;
	}

	static LocalDate dateOf(long epochMilli) {
		return WorkingDayCalendar.dateOf(Instant.ofEpochMilli(epochMilli));
	}

	static long at(LocalDate day, LocalTime time) {
		return day.atTime(time).atZone(WorkingDayCalendar.ZONE).toInstant().toEpochMilli();
	}

	static long startOf(LocalDate day) {
		return day.atStartOfDay(WorkingDayCalendar.ZONE).toInstant().toEpochMilli();
	}

	private int offset(LocalDate day) {
		int offset = (int) (day.toEpochDay() - this.first.toEpochDay());
		if (offset < 0 || offset >= this.working.length) {
			throw new IllegalArgumentException(day + " is outside the benchmark's calendar range");
		}
		return offset;
	}

}
