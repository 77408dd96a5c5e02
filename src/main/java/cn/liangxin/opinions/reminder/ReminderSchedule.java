package cn.liangxin.opinions.reminder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;

/**
 * Plans the reminders and escalations of one kind of deadline task.
 * <p>
 * For a {@link Deadline} that starts on S (not counted) and is due on D, with N the
 * working days in (S, D] (the deadline's working days when the calendar computed it):
 * <ul>
 * <li>{@link ReminderKind#HALF_WAY} with fraction f: on the k-th working day after S, k =
 * ceil(N &times; f). 15 working days at 50%: k = ceil(7.5) = 8, the 8th working day; 5
 * working days: k = 3.</li>
 * <li>{@link ReminderKind#DAY_BEFORE} with d working days: on the d-th working day before
 * D.</li>
 * <li>{@link ReminderKind#DUE_DAY}: on D.</li>
 * <li>These reminders land on working days only: one that would fall on a non-working day
 * (a due day that is a holiday) moves to the previous working day. One that would fall on
 * or before S is dropped. When two fall on the same day, whatever their times, only the
 * later kind in {@link ReminderKind} order is kept (DUE_DAY over DAY_BEFORE over
 * HALF_WAY).</li>
 * <li>{@link ReminderKind#OVERDUE}: at {@link Deadline#overdueFrom()}, 00:00 after D,
 * whether or not that is a working day.</li>
 * <li>{@link ReminderKind#SECOND_ESCALATION}: at 09:00 on the working day that is the
 * configured number of working days after D (default 5).</li>
 * </ul>
 * All times are local times in Asia/Shanghai. Immutable and thread-safe as long as the
 * calendar is.
 */
public final class ReminderSchedule {

	/**
	 * The default working days after the due day until the second escalation: 5.
	 */
	public static final int DEFAULT_SECOND_ESCALATION_DELAY = 5;

	/**
	 * The time of day of the second escalation: 09:00.
	 */
	public static final LocalTime ESCALATION_TIME = LocalTime.of(9, 0);

	private final WorkingDayCalendar calendar;

	private final List<ReminderRule> rules;

	private final int secondEscalationDelay;

	/**
	 * Creates a schedule.
	 * @param calendar the working-day calendar
	 * @param rules the reminders before the deadline, at most one per kind; may be empty
	 * @param secondEscalationDelay the working days after the due day until the second
	 * escalation, 1 or more
	 * @throws IllegalArgumentException if two rules have the same kind or the delay is
	 * less than 1
	 */
	public ReminderSchedule(WorkingDayCalendar calendar, List<ReminderRule> rules, int secondEscalationDelay) {
		this.calendar = Objects.requireNonNull(calendar, "calendar");
		this.rules = List.copyOf(rules);
		Set<ReminderKind> kinds = EnumSet.noneOf(ReminderKind.class);
		for (ReminderRule rule : this.rules) {
			if (!kinds.add(rule.kind())) {
				throw new IllegalArgumentException("Only one reminder rule per kind is allowed, " + rule.kind()
						+ " appears twice in " + this.rules.stream().map(ReminderRule::text).toList());
			}
		}
		if (secondEscalationDelay < 1) {
			throw new IllegalArgumentException(
					"The second escalation must come 1 or more working days after the due day, was "
							+ secondEscalationDelay);
		}
		this.secondEscalationDelay = secondEscalationDelay;
	}

	/**
	 * Creates a schedule with the {@link ReminderRule#defaults() default rules} and the
	 * second escalation 5 working days after the due day.
	 * @param calendar the working-day calendar
	 * @return the schedule
	 */
	public static ReminderSchedule withDefaults(WorkingDayCalendar calendar) {
		return new ReminderSchedule(calendar, ReminderRule.defaults(), DEFAULT_SECOND_ESCALATION_DELAY);
	}

	/**
	 * Returns the rules for the reminders before the deadline.
	 * @return the rules
	 */
	public List<ReminderRule> rules() {
		return this.rules;
	}

	/**
	 * Returns the working days after the due day until the second escalation.
	 * @return 1 or more
	 */
	public int secondEscalationDelay() {
		return this.secondEscalationDelay;
	}

	/**
	 * Plans the reminders and escalations of a deadline. Reminders already past at
	 * {@code now} are included and marked {@link ScheduledReminder#late() late}.
	 * @param deadline the deadline
	 * @param now the current instant
	 * @return the reminders, ordered by the instant they are due
	 */
	public List<ScheduledReminder> plan(Deadline deadline, Instant now) {
		Objects.requireNonNull(deadline, "deadline");
		Objects.requireNonNull(now, "now");
		Map<LocalDate, ReminderRule> byDay = new TreeMap<>();
		for (ReminderRule rule : this.rules) {
			LocalDate day = previousWorkingDayOrSame(dayOf(rule, deadline));
			if (!day.isAfter(deadline.start())) {
				continue;
			}
			ReminderRule other = byDay.get(day);
			if (other == null || other.kind().compareTo(rule.kind()) < 0) {
				byDay.put(day, rule);
			}
		}
		List<ScheduledReminder> planned = new ArrayList<>();
		byDay.forEach((day, rule) -> planned.add(reminder(rule.kind(), at(day, rule.at()), deadline, now)));
		planned.add(reminder(ReminderKind.OVERDUE, deadline.overdueFrom(), deadline, now));
		LocalDate second = this.calendar.addWorkingDays(deadline.dueOn(), this.secondEscalationDelay);
		planned.add(reminder(ReminderKind.SECOND_ESCALATION, at(second, ESCALATION_TIME), deadline, now));
		planned.sort(Comparator.comparing(ScheduledReminder::dueAt).thenComparing(ScheduledReminder::kind));
		return List.copyOf(planned);
	}

	private LocalDate dayOf(ReminderRule rule, Deadline deadline) {
		return switch (rule.kind()) {
			case HALF_WAY -> {
				int span = Math.max(0, this.calendar.workingDaysBetween(deadline.start(), deadline.dueOn()));
				int k = BigDecimal.valueOf(span)
					.multiply(rule.fraction())
					.setScale(0, RoundingMode.CEILING)
					.intValueExact();
				yield this.calendar.addWorkingDays(deadline.start(), k);
			}
			case DAY_BEFORE -> this.calendar.subtractWorkingDays(deadline.dueOn(), rule.workingDaysBefore());
			case DUE_DAY -> deadline.dueOn();
			default -> throw new IllegalStateException("Not a reminder before the deadline: " + rule.kind());
		};
	}

	private LocalDate previousWorkingDayOrSame(LocalDate date) {
		LocalDate day = date;
		while (!this.calendar.isWorkingDay(day)) {
			day = day.minusDays(1);
		}
		return day;
	}

	private static Instant at(LocalDate day, LocalTime time) {
		return day.atTime(time).atZone(WorkingDayCalendar.ZONE).toInstant();
	}

	private static ScheduledReminder reminder(ReminderKind kind, Instant dueAt, Deadline deadline, Instant now) {
		return new ScheduledReminder(kind, dueAt, kind + ":" + deadline.dueOn(), dueAt.isBefore(now));
	}

}
