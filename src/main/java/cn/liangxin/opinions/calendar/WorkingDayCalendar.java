package cn.liangxin.opinions.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The working days of the People's Republic of China: Monday to Friday, minus statutory
 * holidays, plus make-up working days (调休上班) that fall on a weekend.
 * <p>
 * "N working days after D" means: D itself is not counted, the deadline is the end of the
 * N-th working day after D, and all dates are in {@link #ZONE Asia/Shanghai}.
 * <p>
 * For a year without an arrangement only weekends are non-working days. Such a year is
 * recorded in {@link #yearsUsedWithoutData()}, logged as a warning once per year and
 * marks the {@link Deadline} as {@link Deadline#estimated() estimated}.
 * <p>
 * Immutable apart from that record of years used without data; safe to share between
 * threads.
 */
public final class WorkingDayCalendar {

	/**
	 * The time zone of all dates and deadlines, independent of the JVM's default.
	 */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Logger logger = LoggerFactory.getLogger(WorkingDayCalendar.class);

	private final Map<Integer, YearArrangement> arrangements;

	private final Set<Integer> yearsUsedWithoutData = ConcurrentHashMap.newKeySet();

	/**
	 * Creates a calendar. When two arrangements are for the same year, the later one in
	 * iteration order replaces the earlier one.
	 * @param arrangements the yearly arrangements
	 */
	public WorkingDayCalendar(Collection<YearArrangement> arrangements) {
		Map<Integer, YearArrangement> byYear = new TreeMap<>();
		arrangements.forEach((arrangement) -> byYear.put(arrangement.year(), arrangement));
		this.arrangements = Collections.unmodifiableMap(byYear);
	}

	/**
	 * Returns the date in Asia/Shanghai at the clock's current instant.
	 * @param clock the clock; its own zone is ignored
	 * @return today's date in China
	 */
	public static LocalDate today(Clock clock) {
		return dateOf(clock.instant());
	}

	/**
	 * Returns the date in Asia/Shanghai at an instant.
	 * @param instant the instant
	 * @return the date in China
	 */
	public static LocalDate dateOf(Instant instant) {
		return LocalDate.ofInstant(instant, ZONE);
	}

	/**
	 * Returns whether people work on the date.
	 * @param date the date
	 * @return {@code true} for a working day
	 */
	public boolean isWorkingDay(LocalDate date) {
		Objects.requireNonNull(date, "date");
		YearArrangement arrangement = this.arrangements.get(date.getYear());
		if (arrangement == null) {
			noteYearWithoutData(date.getYear());
			return !isWeekend(date);
		}
		if (arrangement.isMakeUpWorkday(date)) {
			return true;
		}
		return !arrangement.isHoliday(date) && !isWeekend(date);
	}

	/**
	 * Returns the n-th working day after {@code start}; {@code start} itself is not
	 * counted.
	 * @param start the day the period starts, for example the day an opinion was raised
	 * @param n the number of working days, 0 or more
	 * @return the n-th working day after start, or start itself when n is 0
	 * @throws IllegalArgumentException if n is negative
	 */
	public LocalDate addWorkingDays(LocalDate start, int n) {
		Objects.requireNonNull(start, "start");
		if (n < 0) {
			throw new IllegalArgumentException("The number of working days must not be negative, was " + n);
		}
		LocalDate date = start;
		int counted = 0;
		while (counted < n) {
			date = date.plusDays(1);
			if (isWorkingDay(date)) {
				counted++;
			}
		}
		return date;
	}

	/**
	 * Returns the n-th working day before {@code date}; {@code date} itself is not
	 * counted.
	 * @param date the day to count back from
	 * @param n the number of working days, 0 or more
	 * @return the n-th working day before date, or date itself when n is 0
	 * @throws IllegalArgumentException if n is negative
	 */
	public LocalDate subtractWorkingDays(LocalDate date, int n) {
		Objects.requireNonNull(date, "date");
		if (n < 0) {
			throw new IllegalArgumentException("The number of working days must not be negative, was " + n);
		}
		LocalDate day = date;
		for (int counted = 0; counted < n;) {
			day = day.minusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	/**
	 * Returns the deadline {@code workingDays} working days after {@code start}.
	 * @param start the day the period starts (not counted)
	 * @param workingDays the number of working days, 0 or more
	 * @return the deadline, {@link Deadline#estimated() estimated} when a year it spans
	 * has no arrangement
	 * @throws IllegalArgumentException if workingDays is negative
	 */
	public Deadline deadline(LocalDate start, int workingDays) {
		LocalDate dueOn = addWorkingDays(start, workingDays);
		boolean estimated = workingDays > 0 && IntStream.rangeClosed(start.plusDays(1).getYear(), dueOn.getYear())
			.anyMatch((year) -> !this.arrangements.containsKey(year));
		return new Deadline(start, workingDays, dueOn, estimated);
	}

	/**
	 * Returns the number of working days in {@code (fromExclusive, toInclusive]}, or its
	 * negation when {@code toInclusive} is before {@code fromExclusive}. With today and a
	 * due date: a positive result is the working days remaining, 0 means due today, a
	 * negative result the working days overdue.
	 * @param fromExclusive the start, not counted
	 * @param toInclusive the end, counted
	 * @return the signed number of working days
	 */
	public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
		if (toInclusive.isBefore(fromExclusive)) {
			return -workingDaysBetween(toInclusive, fromExclusive);
		}
		int count = 0;
		for (LocalDate date = fromExclusive.plusDays(1); !date.isAfter(toInclusive); date = date.plusDays(1)) {
			if (isWorkingDay(date)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Returns the years that have an arrangement.
	 * @return the years, in ascending order
	 */
	public Set<Integer> knownYears() {
		return Collections.unmodifiableSortedSet(new TreeSet<>(this.arrangements.keySet()));
	}

	/**
	 * Returns the arrangement used for a year.
	 * @param year the year
	 * @return the arrangement, empty when the year has none
	 */
	public Optional<YearArrangement> arrangement(int year) {
		return Optional.ofNullable(this.arrangements.get(year));
	}

	/**
	 * Returns the arrangements, one per known year, in year order.
	 * @return the arrangements
	 */
	public Collection<YearArrangement> arrangements() {
		return this.arrangements.values();
	}

	/**
	 * Returns the years without arrangement that a computation of this calendar has
	 * touched, and for which weekends alone were used.
	 * @return a snapshot of the years, in ascending order
	 */
	public Set<Integer> yearsUsedWithoutData() {
		return Collections.unmodifiableSortedSet(new TreeSet<>(this.yearsUsedWithoutData));
	}

	private void noteYearWithoutData(int year) {
		if (this.yearsUsedWithoutData.add(year)) {
			logger.warn("No State Council holiday arrangement loaded for {}: deadlines in {} use weekends only; "
					+ "an admin adds the {} arrangement on the page 节假日安排 (/calendar.html)", year, year, year);
		}
	}

	private static boolean isWeekend(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
	}

}
