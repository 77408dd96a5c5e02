package cn.liangxin.opinions.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The State Council's holiday arrangement for one year.
 *
 * @param year the calendar year
 * @param holidays the non-working days (放假) with the holiday's name, for example
 * {@code 春节}; the name is empty when the file gives none
 * @param makeUpWorkdays the make-up working days (调休上班), usually on a weekend
 * @param source where the arrangement was read from, for example
 * {@code classpath:calendar/2026.txt}
 */
public record YearArrangement(int year, Map<LocalDate, String> holidays, Set<LocalDate> makeUpWorkdays, String source) {

	/**
	 * Creates an arrangement; the collections are copied, sorted and made unmodifiable.
	 * @throws IllegalArgumentException if a date lies outside {@code year} or is both a
	 * holiday and a make-up working day
	 */
	public YearArrangement {
		Objects.requireNonNull(holidays, "holidays");
		Objects.requireNonNull(makeUpWorkdays, "makeUpWorkdays");
		Objects.requireNonNull(source, "source");
		holidays = Collections.unmodifiableMap(new TreeMap<>(holidays));
		makeUpWorkdays = Collections.unmodifiableSet(new TreeSet<>(makeUpWorkdays));
		for (LocalDate date : holidays.keySet()) {
			requireInYear(year, date);
			if (makeUpWorkdays.contains(date)) {
				throw new IllegalArgumentException(date + " is both a holiday and a make-up working day");
			}
		}
		makeUpWorkdays.forEach((date) -> requireInYear(year, date));
	}

	private static void requireInYear(int year, LocalDate date) {
		if (date.getYear() != year) {
			throw new IllegalArgumentException(date + " is not in " + year);
		}
	}

	/**
	 * Returns whether the date is a statutory non-working day.
	 * @param date the date
	 * @return {@code true} for a holiday
	 */
	public boolean isHoliday(LocalDate date) {
		return this.holidays.containsKey(date);
	}

	/**
	 * Returns whether the date is a make-up working day (调休上班).
	 * @param date the date
	 * @return {@code true} for a make-up working day
	 */
	public boolean isMakeUpWorkday(LocalDate date) {
		return this.makeUpWorkdays.contains(date);
	}

	/**
	 * Returns the name of the holiday on the date.
	 * @param date the date
	 * @return the name, empty if the date is no holiday or the holiday has no name
	 */
	public Optional<String> holidayName(LocalDate date) {
		return Optional.ofNullable(this.holidays.get(date)).filter((name) -> !name.isEmpty());
	}

}
