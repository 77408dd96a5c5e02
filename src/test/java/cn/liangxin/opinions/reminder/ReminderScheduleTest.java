package cn.liangxin.opinions.reminder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.TimeZone;

import cn.liangxin.opinions.calendar.BundledCalendar;
import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.liangxin.opinions.reminder.ReminderKind.DAY_BEFORE;
import static cn.liangxin.opinions.reminder.ReminderKind.DUE_DAY;
import static cn.liangxin.opinions.reminder.ReminderKind.HALF_WAY;
import static cn.liangxin.opinions.reminder.ReminderKind.OVERDUE;
import static cn.liangxin.opinions.reminder.ReminderKind.SECOND_ESCALATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The 2026 National Day holiday in the bundled calendar: 10-01 to 10-07 off, Saturday
 * 10-10 a make-up working day. Working days after Monday 2026-09-28: 09-29 (1), 09-30
 * (2), 10-08 (3), 10-09 (4), Sat 10-10 (5), 10-12 (6), 10-13 (7), 10-14 (8), 10-15 (9),
 * 10-16 (10), 10-19 (11), 10-20 (12), 10-21 (13), 10-22 (14), 10-23 (15).
 */
class ReminderScheduleTest {

	private static final WorkingDayCalendar CALENDAR = BundledCalendar.calendar();

	private static final LocalDate MONDAY_BEFORE_NATIONAL_DAY = LocalDate.of(2026, 9, 28);

	private static final Instant LONG_BEFORE = Instant.parse("2026-01-01T00:00:00Z");

	private final ReminderSchedule schedule = ReminderSchedule.withDefaults(CALENDAR);

	@Nested
	class ADepartmentDeadlineOf15WorkingDaysRaisedMonday28September {

		private final Deadline deadline = CALENDAR.deadline(MONDAY_BEFORE_NATIONAL_DAY, 15);

		private final List<ScheduledReminder> plan = schedule.plan(this.deadline, LONG_BEFORE);

		@Test
		void isDueFriday23October() {
			assertThat(this.deadline.dueOn()).isEqualTo(LocalDate.of(2026, 10, 23));
		}

		@Test
		void isRemindedHalfWayOnThe8thWorkingDayWednesday14October() {
			// ceil(15 x 0.5) = 8; the 8th working day after 09-28, across the holiday, is
			// 10-14 (see the class comment)
			assertThat(at(HALF_WAY)).isEqualTo(shanghai("2026-10-14T09:00"));
		}

		@Test
		void isRemindedTheWorkingDayBeforeThursday22October() {
			assertThat(at(DAY_BEFORE)).isEqualTo(shanghai("2026-10-22T09:00"));
		}

		@Test
		void isRemindedOnTheDueDayAt9InShanghai() {
			assertThat(at(DUE_DAY)).isEqualTo(shanghai("2026-10-23T09:00"));
			assertThat(at(DUE_DAY)).isEqualTo(Instant.parse("2026-10-23T01:00:00Z"));
		}

		@Test
		void escalatesAtMidnightAfterTheDueDayAlthoughItIsASaturday() {
			assertThat(at(OVERDUE)).isEqualTo(shanghai("2026-10-24T00:00")).isEqualTo(this.deadline.overdueFrom());
		}

		@Test
		void escalatesASecondTime5WorkingDaysAfterTheDueDay() {
			// 10-26 (1), 10-27 (2), 10-28 (3), 10-29 (4), 10-30 (5)
			assertThat(at(SECOND_ESCALATION)).isEqualTo(shanghai("2026-10-30T09:00"));
		}

		@Test
		void plansAllFiveInOrderWithKeysOfKindAndDueDay() {
			assertThat(this.plan).extracting(ScheduledReminder::kind, ScheduledReminder::key)
				.containsExactly(tuple(HALF_WAY, "HALF_WAY:2026-10-23"), tuple(DAY_BEFORE, "DAY_BEFORE:2026-10-23"),
						tuple(DUE_DAY, "DUE_DAY:2026-10-23"), tuple(OVERDUE, "OVERDUE:2026-10-23"),
						tuple(SECOND_ESCALATION, "SECOND_ESCALATION:2026-10-23"));
			assertThat(this.plan).noneMatch(ScheduledReminder::late);
		}

		@Test
		void plansTheSameWhateverTheDefaultTimeZone() {
			TimeZone original = TimeZone.getDefault();
			try {
				TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
				assertThat(schedule.plan(this.deadline, LONG_BEFORE)).isEqualTo(this.plan);
			}
			finally {
				TimeZone.setDefault(original);
			}
		}

		@Test
		void marksRemindersAlreadyPastAsLateAndKeepsThem() {
			List<ScheduledReminder> replanned = schedule.plan(this.deadline, shanghai("2026-10-22T09:00"));

			assertThat(replanned).extracting(ScheduledReminder::kind, ScheduledReminder::late)
				.containsExactly(tuple(HALF_WAY, true), tuple(DAY_BEFORE, false), tuple(DUE_DAY, false),
						tuple(OVERDUE, false), tuple(SECOND_ESCALATION, false));
		}

		private Instant at(ReminderKind kind) {
			return this.plan.stream().filter((reminder) -> reminder.kind() == kind).findFirst().orElseThrow().dueAt();
		}

	}

	@Nested
	class ShortDeadlines {

		@Test
		void aReportUpDeadlineOf5WorkingDaysIsDueOnTheMakeUpSaturdayAndRemindedThen() {
			Deadline deadline = CALENDAR.deadline(MONDAY_BEFORE_NATIONAL_DAY, 5);

			// half way: ceil(5 x 0.5) = 3, the 3rd working day 10-08; second escalation:
			// 10-12
			// (1) ... 10-16 (5)
			assertThat(deadline.dueOn()).isEqualTo(LocalDate.of(2026, 10, 10));
			assertThat(schedule.plan(deadline, LONG_BEFORE))
				.extracting(ScheduledReminder::kind, ScheduledReminder::dueAt)
				.containsExactly(tuple(HALF_WAY, shanghai("2026-10-08T09:00")),
						tuple(DAY_BEFORE, shanghai("2026-10-09T09:00")), tuple(DUE_DAY, shanghai("2026-10-10T09:00")),
						tuple(OVERDUE, shanghai("2026-10-11T00:00")),
						tuple(SECOND_ESCALATION, shanghai("2026-10-16T09:00")));
		}

		@Test
		void a1WorkingDayDeadlineKeepsOnlyTheDueDayReminderBeforeTheDeadline() {
			// raised Friday 10-09, due the make-up Saturday 10-10: half way (ceil(0.5) =
			// 1)
			// falls on the due day and gives way to DUE_DAY; the day before is the start
			// day
			Deadline deadline = CALENDAR.deadline(LocalDate.of(2026, 10, 9), 1);

			assertThat(schedule.plan(deadline, LONG_BEFORE))
				.extracting(ScheduledReminder::kind, ScheduledReminder::dueAt)
				.containsExactly(tuple(DUE_DAY, shanghai("2026-10-10T09:00")),
						tuple(OVERDUE, shanghai("2026-10-11T00:00")),
						tuple(SECOND_ESCALATION, shanghai("2026-10-16T09:00")));
		}

		@Test
		void a2WorkingDayDeadlineKeepsTheDayBeforeWhenHalfWayFallsOnTheSameDay() {
			Deadline deadline = CALENDAR.deadline(LocalDate.of(2026, 10, 12), 2);

			assertThat(schedule.plan(deadline, LONG_BEFORE))
				.extracting(ScheduledReminder::kind, ScheduledReminder::dueAt)
				.startsWith(tuple(DAY_BEFORE, shanghai("2026-10-13T09:00")),
						tuple(DUE_DAY, shanghai("2026-10-14T09:00")));
		}

		@Test
		void twoRemindersOnTheSameDayAtDifferentTimesStillCollide() {
			ReminderSchedule custom = new ReminderSchedule(CALENDAR,
					List.of(ReminderRule.parse("50%@14:00"), ReminderRule.parse("-1d@10:00")), 5);
			Deadline deadline = CALENDAR.deadline(LocalDate.of(2026, 10, 12), 2);

			assertThat(custom.plan(deadline, LONG_BEFORE)).extracting(ScheduledReminder::kind, ScheduledReminder::dueAt)
				.startsWith(tuple(DAY_BEFORE, shanghai("2026-10-13T10:00")),
						tuple(OVERDUE, shanghai("2026-10-15T00:00")));
		}

		@Test
		void a0WorkingDayDeadlineHasOnlyTheEscalations() {
			Deadline deadline = CALENDAR.deadline(LocalDate.of(2026, 10, 12), 0);

			assertThat(schedule.plan(deadline, LONG_BEFORE)).extracting(ScheduledReminder::kind)
				.containsExactly(OVERDUE, SECOND_ESCALATION);
		}

	}

	@Nested
	class MovedDeadlines {

		@Test
		void aDueDayOnAHolidayIsRemindedOnTheLastWorkingDayBeforeIt() {
			// due on Saturday 10-03, inside the holiday: the due-day reminder moves to
			// 09-30,
			// where it meets the day-before reminder and wins
			Deadline deadline = new Deadline(LocalDate.of(2026, 9, 21), 7, LocalDate.of(2026, 10, 3), false);

			// 6 working days in (09-21, 10-03]: half way ceil(3) = 3 -> 09-24
			assertThat(schedule.plan(deadline, LONG_BEFORE))
				.extracting(ScheduledReminder::kind, ScheduledReminder::dueAt)
				.containsExactly(tuple(HALF_WAY, shanghai("2026-09-24T09:00")),
						tuple(DUE_DAY, shanghai("2026-09-30T09:00")), tuple(OVERDUE, shanghai("2026-10-04T00:00")),
						tuple(SECOND_ESCALATION, shanghai("2026-10-13T09:00")));
		}

		@Test
		void aDeadlineMovedEarlierIsPlannedAfreshWithNewKeysAndLateFlags() {
			Instant now = shanghai("2026-10-15T12:00");
			Deadline moved = CALENDAR.deadline(MONDAY_BEFORE_NATIONAL_DAY, 13);

			List<ScheduledReminder> plan = schedule.plan(moved, now);

			// due 10-21: half way ceil(6.5) = 7 -> 10-13 (late), day before 10-20
			assertThat(plan).extracting(ScheduledReminder::key, ScheduledReminder::late)
				.startsWith(tuple("HALF_WAY:2026-10-21", true), tuple("DAY_BEFORE:2026-10-21", false));
		}

	}

	@Nested
	class Rules {

		@Test
		void aPercentageIsAHalfWayRule() {
			ReminderRule rule = ReminderRule.parse("50%@09:00");

			assertThat(rule.kind()).isEqualTo(HALF_WAY);
			assertThat(rule.fraction()).isEqualByComparingTo("0.5");
			assertThat(rule.at()).isEqualTo(LocalTime.of(9, 0));
			assertThat(rule.text()).isEqualTo("50%@09:00");
		}

		@Test
		void minusWorkingDaysIsADayBeforeRule() {
			assertThat(ReminderRule.parse(" -2d@16:30 "))
				.isEqualTo(ReminderRule.workingDaysBefore(2, LocalTime.of(16, 30)));
		}

		@Test
		void zeroDaysIsTheDueDayAndTheTimeDefaultsTo9() {
			assertThat(ReminderRule.parse("0d")).isEqualTo(ReminderRule.dueDay(LocalTime.of(9, 0)));
		}

		@Test
		void fractionalPercentagesAreExact() {
			ReminderRule rule = ReminderRule.parse("33.3%@08:00");

			assertThat(rule.fraction()).isEqualByComparingTo(new BigDecimal("0.333"));
			assertThat(rule.text()).isEqualTo("33.3%@08:00");
		}

		@Test
		void badTextIsRejectedWithAMessageNamingIt() {
			for (String bad : List.of("half", "50", "0%", "150%", "+1d", "1d@09:00", "-1d@9:00", "-1d@24:00",
					"0d@09:60", "-1w", "50%@")) {
				assertThatIllegalArgumentException().as(bad)
					.isThrownBy(() -> ReminderRule.parse(bad))
					.withMessageContaining("\"" + bad + "\"");
			}
		}

		@Test
		void emptyTextIsRejected() {
			assertThatIllegalArgumentException().isThrownBy(() -> ReminderRule.parse(" "))
				.withMessageContaining("must not be empty");
		}

		@Test
		void aScheduleTakesOneRulePerKind() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new ReminderSchedule(CALENDAR,
						List.of(ReminderRule.parse("-1d"), ReminderRule.parse("-2d")), 5))
				.withMessageContaining("DAY_BEFORE appears twice");
		}

		@Test
		void theSecondEscalationComesAtLeast1WorkingDayAfterTheDueDay() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new ReminderSchedule(CALENDAR, ReminderRule.defaults(), 0));
		}

		@Test
		void theSecondEscalationDelayIsConfigurable() {
			ReminderSchedule later = new ReminderSchedule(CALENDAR, List.of(), 10);
			Deadline deadline = CALENDAR.deadline(MONDAY_BEFORE_NATIONAL_DAY, 15);

			// 10 working days after Friday 10-23: 10-26 ... 11-06
			assertThat(later.plan(deadline, LONG_BEFORE)).extracting(ScheduledReminder::kind, ScheduledReminder::dueAt)
				.containsExactly(tuple(OVERDUE, shanghai("2026-10-24T00:00")),
						tuple(SECOND_ESCALATION, shanghai("2026-11-06T09:00")));
		}

	}

	@Nested
	class TheDailyDigest {

		private final DigestSchedule digest = new DigestSchedule(CALENDAR);

		@Test
		void goesOutTheSameMorningWhenItIsNotYet830() {
			assertThat(this.digest.nextDigest(shanghai("2026-10-14T08:00"))).isEqualTo(shanghai("2026-10-14T08:30"));
		}

		@Test
		void goesOutStrictlyAfterNow() {
			assertThat(this.digest.nextDigest(shanghai("2026-10-14T08:30"))).isEqualTo(shanghai("2026-10-15T08:30"));
		}

		@Test
		void skipsTheWeekend() {
			assertThat(this.digest.nextDigest(shanghai("2026-10-16T18:00"))).isEqualTo(shanghai("2026-10-19T08:30"));
		}

		@Test
		void skipsTheNationalDayHoliday() {
			// Friday 10-02 is inside the holiday (10-01 to 10-07); Thursday 10-08 is a
			// working
			// day
			assertThat(this.digest.nextDigest(shanghai("2026-10-02T19:00"))).isEqualTo(shanghai("2026-10-08T08:30"));
		}

		@Test
		void goesOutOnAMakeUpSaturday() {
			assertThat(this.digest.nextDigest(shanghai("2026-10-09T09:00"))).isEqualTo(shanghai("2026-10-10T08:30"));
		}

		@Test
		void usesShanghaiTimeWhateverTheDefaultTimeZone() {
			TimeZone original = TimeZone.getDefault();
			try {
				for (String zone : List.of("UTC", "America/New_York", "Pacific/Kiritimati")) {
					TimeZone.setDefault(TimeZone.getTimeZone(zone));
					// 2026-10-13T23:00Z is already Wednesday 07:00 in Shanghai
					assertThat(this.digest.nextDigest(Instant.parse("2026-10-13T23:00:00Z"))).as(zone)
						.isEqualTo(shanghai("2026-10-14T08:30"));
				}
			}
			finally {
				TimeZone.setDefault(original);
			}
		}

	}

	private static Instant shanghai(String localDateTime) {
		return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
	}

}
