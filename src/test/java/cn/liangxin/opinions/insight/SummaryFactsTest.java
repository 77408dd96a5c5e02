package cn.liangxin.opinions.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.liangxin.opinions.insight.SummaryFacts.Activity;
import cn.liangxin.opinions.insight.SummaryFacts.Fact;
import cn.liangxin.opinions.insight.SummaryFacts.Flow;
import cn.liangxin.opinions.insight.SummaryFacts.Gap;
import cn.liangxin.opinions.insight.SummaryFacts.Grain;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class SummaryFactsTest {

	/**
	 * Working days from Monday 2026-09-28: the National Day holiday 10-01..10-08 and the
	 * make-up Saturday 10-10, as the bundled 2026 calendar; idx counts working days up to
	 * and including the day.
	 */
	private static Integer index(LocalDate day) {
		if (day.getYear() < 2020) {
			return null;
		}
		int idx = 0;
		for (LocalDate d = LocalDate.of(2026, 9, 1); !d.isAfter(day); d = d.plusDays(1)) {
			boolean holiday = !d.isBefore(LocalDate.of(2026, 10, 1)) && !d.isAfter(LocalDate.of(2026, 10, 8));
			boolean weekend = d.getDayOfWeek().getValue() >= 6 && !d.equals(LocalDate.of(2026, 10, 10));
			idx += (holiday || weekend) ? 0 : 1;
		}
		return idx;
	}

	private static LocalDate day(String text) {
		return LocalDate.parse(text);
	}

	@Test
	void anActivityStartsAndEndsInItsYearMonthAndDayWithItsWorkingDays() {
		SummaryFacts facts = new SummaryFacts(SummaryFactsTest::index);

		// Tue 09-29 -> Mon 10-12: 09-30, 10-09, 10-10 (make-up Saturday), 10-12 = 4 days
		facts.add("org1", true,
				List.of(new Activity("employee-opinion", "departmentHandle", day("2026-09-29"), day("2026-10-12"))),
				List.of());

		Map<Fact, Long> handled = facts.facts()
			.entrySet()
			.stream()
			.filter((e) -> e.getKey().elementType() == 'A')
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(handled).containsOnly(entry(fact('S', Grain.Y, "2026-01-01", 'A', "departmentHandle", 4), 1L),
				entry(fact('S', Grain.M, "2026-09-01", 'A', "departmentHandle", 4), 1L),
				entry(fact('S', Grain.D, "2026-09-29", 'A', "departmentHandle", 4), 1L),
				entry(fact('E', Grain.Y, "2026-01-01", 'A', "departmentHandle", 4), 1L),
				entry(fact('E', Grain.M, "2026-10-01", 'A', "departmentHandle", 4), 1L),
				entry(fact('E', Grain.D, "2026-10-12", 'A', "departmentHandle", 4), 1L));
		assertThat(facts.lastDay()).isEqualTo(day("2026-10-12"));
	}

	@Test
	void casesOfOneOrganizationAndDayAddUpAndDaysOutsideTheCalendarHaveNoDuration() {
		SummaryFacts facts = new SummaryFacts(SummaryFactsTest::index);
		for (int i = 0; i < 3; i++) {
			facts.add("org1", true,
					List.of(new Activity("employee-opinion", "branchAssess", day("2026-11-02"), day("2026-11-02"))),
					List.of(new Flow("employee-opinion", "RaisedFlow", day("2026-11-02"))));
		}
		facts.add("org1", false,
				List.of(new Activity("employee-opinion", "branchAssess", day("2019-12-30"), day("2020-01-02"))),
				List.of());

		// started and ended on one day: a single "instant" fact per grain
		assertThat(facts.facts()).contains(entry(fact('I', Grain.D, "2026-11-02", 'A', "branchAssess", 0), 3L),
				entry(fact('I', Grain.M, "2026-11-01", 'F', "RaisedFlow", -1), 3L),
				entry(fact('I', Grain.D, "2026-11-02", 'F', "RaisedFlow", -1), 3L),
				entry(new Fact("employee-opinion", 'S', Grain.Y, day("2019-01-01"), "org1", false, 'A', "branchAssess",
						-1), 1L),
				entry(new Fact("employee-opinion", 'E', Grain.Y, day("2020-01-01"), "org1", false, 'A', "branchAssess",
						-1), 1L));
		assertThat(facts.facts().keySet().stream().filter((f) -> f.event() == 'S' && f.bucket().getYear() == 2026))
			.isEmpty();
	}

	@Test
	void aCaseSpansItsProcessFromFirstStartToLastEndWithItsGaps() {
		SummaryFacts facts = new SummaryFacts(SummaryFactsTest::index);

		// two supervisions, 11-03..11-06 and 11-16..11-18, with a notice inside the
		// first;
		// the third starts the day after the second ended: no gap there
		facts.add("org1", true,
				List.of(new Activity("opinion-supervision", "superviseOverdue", day("2026-11-03"), day("2026-11-06")),
						new Activity("opinion-supervision", "OverdueNoticeTask", day("2026-11-03"), day("2026-11-03")),
						new Activity("opinion-supervision", "superviseOverdue", day("2026-11-16"), day("2026-11-18")),
						new Activity("opinion-supervision", "superviseOverdue", day("2026-11-19"), day("2026-11-20")),
						new Activity("employee-opinion", "departmentHandle", day("2026-10-12"), day("2026-11-06"))),
				List.of());

		assertThat(facts.gaps()).containsOnly(
				entry(new Gap("opinion-supervision", "org1", true, day("2026-11-06"), day("2026-11-16")), 1L));
		assertThat(facts.facts()).contains(
				entry(fact("opinion-supervision", 'S', Grain.D, "2026-11-03", 'C', SummaryFacts.CASE, -1), 1L),
				entry(fact("opinion-supervision", 'E', Grain.D, "2026-11-20", 'C', SummaryFacts.CASE, -1), 1L),
				entry(fact('S', Grain.D, "2026-10-12", 'C', SummaryFacts.CASE, -1), 1L),
				entry(fact('E', Grain.D, "2026-11-06", 'C', SummaryFacts.CASE, -1), 1L));
		assertThat(facts.facts().keySet().stream().filter((f) -> f.elementType() == 'C')).hasSize(12);
	}

	@Test
	void aPeriodIsCoveredByWholeYearsMonthsAndDays() {
		assertThat(SummaryFacts.cover(day("2023-11-21"), day("2026-11-21"))).containsOnly(
				entry(Grain.D, List.of(day("2023-11-21"), day("2023-11-22"), day("2023-11-23"), day("2023-11-24"),
						day("2023-11-25"), day("2023-11-26"), day("2023-11-27"), day("2023-11-28"), day("2023-11-29"),
						day("2023-11-30"), day("2026-11-01"), day("2026-11-02"), day("2026-11-03"), day("2026-11-04"),
						day("2026-11-05"), day("2026-11-06"), day("2026-11-07"), day("2026-11-08"), day("2026-11-09"),
						day("2026-11-10"), day("2026-11-11"), day("2026-11-12"), day("2026-11-13"), day("2026-11-14"),
						day("2026-11-15"), day("2026-11-16"), day("2026-11-17"), day("2026-11-18"), day("2026-11-19"),
						day("2026-11-20"), day("2026-11-21"))),
				entry(Grain.M,
						List.of(day("2023-12-01"), day("2026-01-01"), day("2026-02-01"), day("2026-03-01"),
								day("2026-04-01"), day("2026-05-01"), day("2026-06-01"), day("2026-07-01"),
								day("2026-08-01"), day("2026-09-01"), day("2026-10-01"))),
				entry(Grain.Y, List.of(day("2024-01-01"), day("2025-01-01"))));
		assertThat(SummaryFacts.cover(day("2026-02-01"), day("2026-02-28")))
			.containsOnly(entry(Grain.M, List.of(day("2026-02-01"))));
		assertThat(SummaryFacts.cover(day("2026-11-20"), day("2026-11-20")))
			.containsOnly(entry(Grain.D, List.of(day("2026-11-20"))));
		assertThat(SummaryFacts.cover(day("2026-11-21"), day("2026-11-20"))).isEmpty();
	}

	private static Fact fact(char event, Grain grain, String bucket, char type, String id, int days) {
		return fact("employee-opinion", event, grain, bucket, type, id, days);
	}

	private static Fact fact(String process, char event, Grain grain, String bucket, char type, String id, int days) {
		return new Fact(process, event, grain, day(bucket), "org1", true, type, id, days);
	}

}
