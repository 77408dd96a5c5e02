package cn.liangxin.opinions.deadline;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the working-day calendar currently holds, for administrators.
 *
 * @param knownYears the years with a holiday arrangement, in year order
 * @param yearsWithoutData the years without arrangement that deadlines have used (only
 * weekends were taken as non-working days there)
 * @param directory the absolute path of the directory for extra arrangement files
 * @param directoryExists whether that directory exists
 * @param loadedAt when the calendar was (re)loaded
 * @param missingNextYear next year, from 1 November while its arrangement is missing (the
 * webapps show admins a notice); {@code null} otherwise
 */
public record CalendarStatus(List<KnownYear> knownYears, Set<Integer> yearsWithoutData, String directory,
		boolean directoryExists, Instant loadedAt, Integer missingNextYear) {

	/**
	 * One year's arrangement.
	 *
	 * @param year the year
	 * @param source the file it was read from
	 * @param holidays the number of non-working holiday days
	 * @param makeUpWorkdays the number of make-up working days
	 */
	public record KnownYear(int year, String source, int holidays, int makeUpWorkdays) {

	}

}
