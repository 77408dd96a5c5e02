package cn.liangxin.opinions.reminder;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one reminder before a deadline is placed, written as a short text so that it can be
 * configured:
 * <ul>
 * <li>{@code "50%@09:00"}: a {@link ReminderKind#HALF_WAY fraction} of the working days,
 * on the working day when that fraction is reached, see {@link ReminderSchedule};</li>
 * <li>{@code "-1d@09:00"}: {@link ReminderKind#DAY_BEFORE some working days before} the
 * due day;</li>
 * <li>{@code "0d@09:00"}: {@link ReminderKind#DUE_DAY on the due day}.</li>
 * </ul>
 * The time ({@code HH:mm}, Asia/Shanghai) may be left out and is then 09:00.
 *
 * @param kind the kind of reminder: {@link ReminderKind#HALF_WAY},
 * {@link ReminderKind#DAY_BEFORE} or {@link ReminderKind#DUE_DAY}
 * @param fraction for {@code HALF_WAY} the fraction of the working days, more than 0 and
 * at most 1; {@code null} otherwise
 * @param workingDaysBefore for {@code DAY_BEFORE} the working days before the due day, 1
 * or more; 0 otherwise
 * @param at the local time of day in Asia/Shanghai
 */
public record ReminderRule(ReminderKind kind, BigDecimal fraction, int workingDaysBefore, LocalTime at) {

	/**
	 * The time of day used when a rule names none: 09:00.
	 */
	public static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

	private static final Pattern TEXT = Pattern
		.compile("(?:(?<percent>\\d{1,3}(?:\\.\\d+)?)%|(?<minus>-?)(?<days>\\d{1,3})d)(?:@(?<time>\\d{2}:\\d{2}))?");

	private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * Creates a rule.
	 * @throws IllegalArgumentException if the kind is not one placed by a rule or the
	 * fraction or working days do not suit the kind
	 */
	public ReminderRule {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(at, "at");
		switch (kind) {
			case HALF_WAY -> {
				if (fraction == null || fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) > 0
						|| workingDaysBefore != 0) {
					throw new IllegalArgumentException(
							"A HALF_WAY rule needs a fraction more than 0 and at most 1, was " + fraction);
				}
			}
			case DAY_BEFORE -> {
				if (fraction != null || workingDaysBefore < 1) {
					throw new IllegalArgumentException(
							"A DAY_BEFORE rule needs 1 or more working days, was " + workingDaysBefore);
				}
			}
			case DUE_DAY -> {
				if (fraction != null || workingDaysBefore != 0) {
					throw new IllegalArgumentException("A DUE_DAY rule has neither fraction nor working days");
				}
			}
			default -> throw new IllegalArgumentException(
					kind + " is placed by the escalation settings, not by a reminder rule");
		}
	}

	/**
	 * The default rules: half way, one working day before and on the due day, each at
	 * 09:00.
	 * @return {@code 50%@09:00, -1d@09:00, 0d@09:00}
	 */
	public static List<ReminderRule> defaults() {
		return List.of(parse("50%@09:00"), parse("-1d@09:00"), parse("0d@09:00"));
	}

	/**
	 * Returns the rule for a fraction of the working days.
	 * @param fraction more than 0 and at most 1, for example 0.5
	 * @param at the time of day
	 * @return the rule
	 */
	public static ReminderRule fractionOf(BigDecimal fraction, LocalTime at) {
		return new ReminderRule(ReminderKind.HALF_WAY, fraction, 0, at);
	}

	/**
	 * Returns the rule for some working days before the due day.
	 * @param workingDays 1 or more
	 * @param at the time of day
	 * @return the rule
	 */
	public static ReminderRule workingDaysBefore(int workingDays, LocalTime at) {
		return new ReminderRule(ReminderKind.DAY_BEFORE, null, workingDays, at);
	}

	/**
	 * Returns the rule for the due day.
	 * @param at the time of day
	 * @return the rule
	 */
	public static ReminderRule dueDay(LocalTime at) {
		return new ReminderRule(ReminderKind.DUE_DAY, null, 0, at);
	}

	/**
	 * Parses a rule's text: {@code "50%@09:00"}, {@code "-1d@09:00"} or
	 * {@code "0d@09:00"}; the {@code @HH:mm} part may be left out for 09:00. Spaces
	 * around the text are ignored.
	 * @param text the text
	 * @return the rule
	 * @throws IllegalArgumentException naming the text if it is not a valid rule
	 */
	public static ReminderRule parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("A reminder rule must not be empty; expected for example "
					+ "\"50%@09:00\", \"-1d@09:00\" or \"0d@09:00\"");
		}
		String trimmed = text.strip();
		Matcher matcher = TEXT.matcher(trimmed);
		if (!matcher.matches()) {
			throw invalid(text, "expected a percentage (\"50%@09:00\"), working days before the due day "
					+ "(\"-1d@09:00\") or the due day (\"0d@09:00\")");
		}
		LocalTime at = DEFAULT_TIME;
		String time = matcher.group("time");
		if (time != null) {
			if (!TIME.matcher(time).matches()) {
				throw invalid(text, "the time must be HH:mm between 00:00 and 23:59");
			}
			at = LocalTime.parse(time);
		}
		String percent = matcher.group("percent");
		if (percent != null) {
			BigDecimal fraction = new BigDecimal(percent).divide(HUNDRED);
			if (fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
				throw invalid(text, "the percentage must be more than 0% and at most 100%");
			}
			return fractionOf(fraction, at);
		}
		int days = Integer.parseInt(matcher.group("days"));
		if (days == 0) {
			return dueDay(at);
		}
		if (matcher.group("minus").isEmpty()) {
			throw invalid(text, "a reminder comes before the due day, write \"-" + days
					+ "d\"; after the due day the escalations take over");
		}
		return workingDaysBefore(days, at);
	}

	/**
	 * Returns the rule as text, in the form {@link #parse(String)} reads.
	 * @return for example {@code "50%@09:00"}
	 */
	public String text() {
		String offset = switch (this.kind) {
			case HALF_WAY -> this.fraction.multiply(HUNDRED).stripTrailingZeros().toPlainString() + "%";
			case DAY_BEFORE -> "-" + this.workingDaysBefore + "d";
			default -> "0d";
		};
		return offset + "@" + this.at;
	}

	private static IllegalArgumentException invalid(String text, String reason) {
		return new IllegalArgumentException("Invalid reminder rule \"" + text + "\": " + reason);
	}

}
