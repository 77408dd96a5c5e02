package cn.liangxin.opinions.visit;

import java.time.LocalDate;

import cn.liangxin.opinions.calendar.BundledCalendar;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periods of the recurring duties on the Chinese working-day calendar of 2026: due by
 * the period's last working day, reminded three working days before it.
 */
class DutyPeriodTest {

	final WorkingDayCalendar calendar = BundledCalendar.calendar();

	@Test
	void aMeetingIsDueByTheLastWorkingDayOfItsQuarter() {
		DutyPeriod q4 = DutyPeriod.of(DutyKind.MEETING, LocalDate.of(2026, 11, 15), this.calendar);
		assertThat(q4.label()).isEqualTo("2026-Q4");
		assertThat(q4.start()).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(q4.end()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(q4.dueOn()).isEqualTo(LocalDate.of(2026, 12, 31));
		// 30, 29, 28 December
		assertThat(q4.remindOn(this.calendar)).isEqualTo(LocalDate.of(2026, 12, 28));
		DutyPeriod q1 = DutyPeriod.of(DutyKind.OWNER_VISIT, LocalDate.of(2026, 1, 1), this.calendar);
		assertThat(q1.label()).isEqualTo("2026-Q1");
		// 31 March 2026 is a Tuesday
		assertThat(q1.dueOn()).isEqualTo(LocalDate.of(2026, 3, 31));
	}

	@Test
	void aMonthEndingOnAWeekendOrHolidayIsDueOnItsLastWorkingDayBefore() {
		// 31 October 2026 is a Saturday
		DutyPeriod october = DutyPeriod.of(DutyKind.TALK, LocalDate.of(2026, 10, 8), this.calendar);
		assertThat(october.label()).isEqualTo("2026-10");
		assertThat(october.dueOn()).isEqualTo(LocalDate.of(2026, 10, 30));
		assertThat(october.remindOn(this.calendar)).isEqualTo(LocalDate.of(2026, 10, 27));
		assertThat(october.deadline().overdueFrom())
			.isEqualTo(LocalDate.of(2026, 10, 31).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
		// February 2026: Saturday 28 February is a working day (made up for the Spring
		// Festival)
		DutyPeriod february = DutyPeriod.of(DutyKind.COMMITTEE_VISIT, LocalDate.of(2026, 2, 2), this.calendar);
		assertThat(february.dueOn()).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(february.contains(LocalDate.of(2026, 2, 28))).isTrue();
		assertThat(february.contains(LocalDate.of(2026, 3, 1))).isFalse();
	}

}
