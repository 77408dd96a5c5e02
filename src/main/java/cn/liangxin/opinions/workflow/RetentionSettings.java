package cn.liangxin.opinions.workflow;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When Camunda's history cleanup runs: every night between these times, China time
 * (default 01:00–05:00). It removes a case's history five years after the case ended (the
 * processes' {@code historyTimeToLive}); {@link RetentionSweep} removes the case's
 * personal data from the register then.
 *
 * @param cleanupWindowStart start of the nightly window, {@code HH:mm} China time
 * @param cleanupWindowEnd end of the window
 */
@ConfigurationProperties("opinion.retention")
record RetentionSettings(String cleanupWindowStart, String cleanupWindowEnd) {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	RetentionSettings {
		cleanupWindowStart = check("opinion.retention.cleanup-window-start", cleanupWindowStart, "01:00");
		cleanupWindowEnd = check("opinion.retention.cleanup-window-end", cleanupWindowEnd, "05:00");
	}

	private static String check(String property, String value, String fallback) {
		String time = (value == null || value.isBlank()) ? fallback : value.strip();
		try {
			return LocalTime.parse(time, HH_MM).format(HH_MM);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new IllegalArgumentException(property + " must be a time HH:mm, China time (was " + value + ")");
		}
	}

	/**
	 * The window's times as the engine reads them: in the JVM's own time zone (a server
	 * in UTC runs 01:00 China time at 17:00).
	 */
	String startInJvmZone() {
		return inJvmZone(this.cleanupWindowStart);
	}

	String endInJvmZone() {
		return inJvmZone(this.cleanupWindowEnd);
	}

	private static String inJvmZone(String chinaTime) {
		return LocalDate.now(WorkingDayCalendar.ZONE)
			.atTime(LocalTime.parse(chinaTime, HH_MM))
			.atZone(WorkingDayCalendar.ZONE)
			.withZoneSameInstant(ZoneId.systemDefault())
			.toLocalTime()
			.format(HH_MM);
	}

}
