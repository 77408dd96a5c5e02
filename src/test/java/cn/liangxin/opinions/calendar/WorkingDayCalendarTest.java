package cn.liangxin.opinions.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkingDayCalendarTest {

	private final WorkingDayCalendar calendar = BundledCalendar.calendar();

	@Nested
	class WorkingDays {

		@Test
		void aWeekendIsNotAWorkingDay() {
			assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse();
			assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 8))).isFalse();
		}

		@Test
		void anOrdinaryWeekdayIsAWorkingDay() {
			assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).isTrue();
		}

		@Test
		void aHolidayOnAWeekdayIsNotAWorkingDay() {
			// National Day, a Thursday
			assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
		}

		@Test
		void aMakeUpSaturdayIsAWorkingDay() {
			assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
		}

		@Test
		void aLaterArrangementForTheSameYearReplacesAnEarlierOne() {
			LocalDate monday = LocalDate.of(2026, 3, 9);
			YearArrangement bundled = BundledCalendar.arrangement(2026);
			YearArrangement corrected = new YearArrangement(2026, Map.of(monday, "测试"), Set.of(), "corrected.txt");

			WorkingDayCalendar replaced = new WorkingDayCalendar(List.of(bundled, corrected));

			assertThat(replaced.isWorkingDay(monday)).isFalse();
			assertThat(replaced.isWorkingDay(LocalDate.of(2026, 10, 1))).isTrue();
			assertThat(replaced.arrangement(2026)).contains(corrected);
		}

		@Test
		void knownYearsAreTheYearsWithAnArrangement() {
			assertThat(calendar.knownYears()).containsExactly(2024, 2025, 2026);
		}

	}

	@Nested
	class AddingWorkingDays {

		private final LocalDate mondayBeforeNationalDay = LocalDate.of(2026, 9, 28);

		private final LocalDate wednesdayBeforeSpringFestival = LocalDate.of(2026, 2, 11);

		@Test
		void givenRaisedMondayBeforeNationalDayWhenAdding15ThenDueFriday23October() {
			assertThat(calendar.addWorkingDays(this.mondayBeforeNationalDay, 15)).isEqualTo(LocalDate.of(2026, 10, 23));
		}

		@Test
		void givenRaisedMondayBeforeNationalDayWhenAdding5ThenDueOnTheMakeUpSaturday() {
			assertThat(calendar.addWorkingDays(this.mondayBeforeNationalDay, 5)).isEqualTo(LocalDate.of(2026, 10, 10));
		}

		@Test
		void givenRaisedWednesdayBeforeSpringFestivalWhenAdding5Or10Or20ThenTheHolidaysAreSkipped() {
			assertThat(calendar.addWorkingDays(this.wednesdayBeforeSpringFestival, 5))
				.isEqualTo(LocalDate.of(2026, 2, 25));
			assertThat(calendar.addWorkingDays(this.wednesdayBeforeSpringFestival, 10))
				.isEqualTo(LocalDate.of(2026, 3, 3));
			assertThat(calendar.addWorkingDays(this.wednesdayBeforeSpringFestival, 20))
				.isEqualTo(LocalDate.of(2026, 3, 17));
		}

		@Test
		void countingBackFromFriday23OctoberSkipsTheNationalDayHolidayAndKeepsTheMakeUpSaturday() {
			LocalDate friday23October = LocalDate.of(2026, 10, 23);

			assertThat(calendar.subtractWorkingDays(friday23October, 1)).isEqualTo(LocalDate.of(2026, 10, 22));
			assertThat(calendar.subtractWorkingDays(friday23October, 9)).isEqualTo(LocalDate.of(2026, 10, 12));
			assertThat(calendar.subtractWorkingDays(friday23October, 10)).isEqualTo(LocalDate.of(2026, 10, 10));
			assertThat(calendar.subtractWorkingDays(friday23October, 11)).isEqualTo(LocalDate.of(2026, 10, 9));
			assertThat(calendar.subtractWorkingDays(friday23October, 15)).isEqualTo(this.mondayBeforeNationalDay);
			assertThat(calendar.subtractWorkingDays(friday23October, 0)).isEqualTo(friday23October);
		}

		@Test
		void theStartDayIsNotCounted() {
			LocalDate friday = LocalDate.of(2026, 3, 6);
			LocalDate saturday = LocalDate.of(2026, 3, 7);
			LocalDate nextMonday = LocalDate.of(2026, 3, 9);

			assertThat(calendar.addWorkingDays(friday, 1)).isEqualTo(nextMonday);
			assertThat(calendar.addWorkingDays(saturday, 1)).isEqualTo(nextMonday);
			assertThat(calendar.addWorkingDays(nextMonday, 1)).isEqualTo(LocalDate.of(2026, 3, 10));
		}

		@Test
		void addingZeroWorkingDaysReturnsTheStart() {
			LocalDate saturday = LocalDate.of(2026, 3, 7);

			assertThat(calendar.addWorkingDays(saturday, 0)).isEqualTo(saturday);
		}

		@Test
		void addingNegativeWorkingDaysIsRejected() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> calendar.addWorkingDays(this.mondayBeforeNationalDay, -1));
		}

		@Test
		void aDeadlineWithinKnownYearsIsNotEstimated() {
			Deadline deadline = calendar.deadline(this.mondayBeforeNationalDay, 15);

			assertThat(deadline)
				.isEqualTo(new Deadline(this.mondayBeforeNationalDay, 15, LocalDate.of(2026, 10, 23), false));
			assertThat(calendar.yearsUsedWithoutData()).isEmpty();
		}

	}

	@Nested
	class YearsWithoutData {

		private final LocalDate mondayBeforeNewYear2027 = LocalDate.of(2026, 12, 28);

		@Test
		void givenNoArrangementFor2027WhenADeadlineRunsInto2027ThenWeekendsAloneAreUsedAndItIsEstimated() {
			Deadline deadline = calendar.deadline(this.mondayBeforeNewYear2027, 10);

			// 29, 30, 31 Dec; 1 Jan 2027 counts (no data), 4 to 8 Jan, 11 Jan
			assertThat(deadline.dueOn()).isEqualTo(LocalDate.of(2027, 1, 11));
			assertThat(deadline.estimated()).isTrue();
			assertThat(calendar.yearsUsedWithoutData()).containsExactly(2027);
		}

		@Test
		void givenNoArrangementFor2027WhenItIsUsedRepeatedlyThenAWarningIsLoggedOnce() {
			ListAppender<ILoggingEvent> log = captureLog();
			try {
				calendar.deadline(this.mondayBeforeNewYear2027, 10);
				calendar.deadline(this.mondayBeforeNewYear2027, 20);
				calendar.isWorkingDay(LocalDate.of(2027, 5, 3));
			}
			finally {
				releaseLog(log);
			}

			assertThat(log.list).singleElement().satisfies((event) -> {
				assertThat(event.getLevel()).isEqualTo(Level.WARN);
				assertThat(event.getFormattedMessage()).isEqualTo(
						"No State Council holiday arrangement loaded for 2027: deadlines in 2027 use weekends only; "
								+ "an admin adds the 2027 arrangement on the page 节假日安排 (/calendar.html)");
			});
		}

		@Test
		void givenNoArrangementFor2027ThenA2027SaturdayIsStillNotAWorkingDay() {
			assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 2))).isFalse();
			assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
		}

		@Test
		void eachCalendarInstanceWarnsOnItsOwn() {
			calendar.isWorkingDay(LocalDate.of(2027, 1, 4));
			WorkingDayCalendar other = BundledCalendar.calendar();

			assertThat(other.yearsUsedWithoutData()).isEmpty();
		}

		private ListAppender<ILoggingEvent> captureLog() {
			ListAppender<ILoggingEvent> appender = new ListAppender<>();
			appender.start();
			((Logger) LoggerFactory.getLogger(WorkingDayCalendar.class)).addAppender(appender);
			return appender;
		}

		private void releaseLog(ListAppender<ILoggingEvent> appender) {
			((Logger) LoggerFactory.getLogger(WorkingDayCalendar.class)).detachAppender(appender);
			appender.stop();
		}

	}

	@Nested
	class TimeZones {

		@Test
		void theLastMomentIs235959AndOverdueFromIsMidnightAfterTheDueDayInShanghai() {
			Deadline deadline = calendar.deadline(LocalDate.of(2026, 9, 28), 15);

			assertThat(deadline.lastMoment()).isEqualTo(Instant.parse("2026-10-23T15:59:59Z"));
			assertThat(deadline.overdueFrom()).isEqualTo(Instant.parse("2026-10-23T16:00:00Z"));
			assertThat(deadline.lastMoment().atZone(WorkingDayCalendar.ZONE).toLocalDateTime())
				.hasToString("2026-10-23T23:59:59");
			assertThat(deadline.overdueFrom().atZone(WorkingDayCalendar.ZONE).toLocalDateTime())
				.hasToString("2026-10-24T00:00");
		}

		@Test
		void aDeadlineIsOverdueFromMidnightAfterTheDueDay() {
			Deadline deadline = calendar.deadline(LocalDate.of(2026, 9, 28), 15);

			assertThat(deadline.isOverdueAt(deadline.lastMoment())).isFalse();
			assertThat(deadline.isOverdueAt(Instant.parse("2026-10-23T15:59:59.999Z"))).isFalse();
			assertThat(deadline.isOverdueAt(deadline.overdueFrom())).isTrue();
		}

		@Test
		void todayIsTheDateInShanghaiWhateverTheClocksZone() {
			// 00:30 on 28 September in Shanghai, still 27 September in UTC and Los
			// Angeles
			Clock clock = Clock.fixed(Instant.parse("2026-09-27T16:30:00Z"), ZoneId.of("America/Los_Angeles"));

			assertThat(WorkingDayCalendar.today(clock)).isEqualTo(LocalDate.of(2026, 9, 28));
		}

		@Test
		void theResultsDoNotDependOnTheJvmDefaultTimeZone() {
			TimeZone original = TimeZone.getDefault();
			try {
				TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
				WorkingDayCalendar inLosAngeles = BundledCalendar.calendar();
				Deadline deadline = inLosAngeles.deadline(LocalDate.of(2026, 9, 28), 15);

				assertThat(deadline.dueOn()).isEqualTo(LocalDate.of(2026, 10, 23));
				assertThat(deadline.lastMoment()).isEqualTo(Instant.parse("2026-10-23T15:59:59Z"));
				assertThat(deadline.overdueFrom()).isEqualTo(Instant.parse("2026-10-23T16:00:00Z"));
				assertThat(
						WorkingDayCalendar.today(Clock.fixed(Instant.parse("2026-09-27T16:30:00Z"), ZoneId.of("UTC"))))
					.isEqualTo(LocalDate.of(2026, 9, 28));
				assertThat(WorkingDayCalendar.dateOf(Instant.parse("2026-10-23T16:00:00Z")))
					.isEqualTo(LocalDate.of(2026, 10, 24));
			}
			finally {
				TimeZone.setDefault(original);
			}
		}

	}

	@Nested
	class WorkingDaysBetween {

		private final LocalDate dueOn = LocalDate.of(2026, 10, 23);

		@Test
		void givenTheRaisedDayAndTheDueDayThenTheCountIsTheDeadlinesWorkingDays() {
			assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 28), this.dueOn)).isEqualTo(15);
		}

		@Test
		void givenTodayBeforeTheDueDayThenTheWorkingDaysRemainingArePositive() {
			// 30 Sep: 8, 9, 10 (make-up Saturday), 12 to 16, 19 to 23 Oct remain
			assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), this.dueOn)).isEqualTo(13);
		}

		@Test
		void givenTodayIsTheDueDayThenNoWorkingDaysRemain() {
			assertThat(calendar.workingDaysBetween(this.dueOn, this.dueOn)).isZero();
		}

		@Test
		void givenTodayAfterTheDueDayThenTheWorkingDaysOverdueAreNegative() {
			// overdue by Mon 26 and Tue 27 October
			assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 10, 27), this.dueOn)).isEqualTo(-2);
		}

		@Test
		void swappingTheDatesMirrorsTheCount() {
			LocalDate from = LocalDate.of(2026, 2, 11);
			LocalDate to = LocalDate.of(2026, 3, 17);

			assertThat(calendar.workingDaysBetween(from, to)).isEqualTo(20);
			assertThat(calendar.workingDaysBetween(to, from)).isEqualTo(-20);
		}

		@Test
		void aHolidayWeekHasOnlyItsMakeUpDays() {
			assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 7))).isZero();
		}

	}

}
