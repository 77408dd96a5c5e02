package cn.liangxin.opinions.insight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The facts the summary keeps of closed cases (tables {@code insight_fact} and
 * {@code insight_case_gap}, Flyway V5), counted in memory for one step of
 * {@link InsightSummary}: for every activity of a case its start and end day (with its
 * duration in working days), for every flow taken its day, and for every process the case
 * went through its first and last day and the gaps between; each fact in its year, month
 * and day. An element that started and ended on the same day is one {@link #INSTANT}
 * fact; one that spans days a {@link #STARTED} and an {@link #ENDED} fact. Plain Java, so
 * that what is counted can be tested without a database.
 */
final class SummaryFacts {

	/** The element id of the facts about the case as a whole. */
	static final String CASE = "case";

	/**
	 * Event of an element that started on one day and ended on a later one: the start.
	 */
	static final char STARTED = 'S';

	/** Event of an element that started on one day and ended on a later one: the end. */
	static final char ENDED = 'E';

	/**
	 * Event of an element that started and ended on the same day (most events, gateways,
	 * every flow): one fact instead of two, as it cannot straddle a day.
	 */
	static final char INSTANT = 'I';

	/** {@code working_days} of facts without a duration, or outside the calendar. */
	static final int NO_DURATION = -1;

	private final Function<LocalDate, Integer> workingDayIndex;

	private final Map<Fact, Long> facts = new HashMap<>();

	private final Map<Gap, Long> gaps = new HashMap<>();

	private LocalDate firstDay;

	private LocalDate lastDay;

	/**
	 * @param workingDayIndex {@code working_day.idx} of a day, or {@code null} outside
	 * the table
	 */
	SummaryFacts(Function<LocalDate, Integer> workingDayIndex) {
		this.workingDayIndex = workingDayIndex;
	}

	/** The periods a fact is counted in, from the coarsest. */
	enum Grain {

		/** Bucket: 1 January of the day's year. */
		Y,
		/** Bucket: the first day of the day's month. */
		M,
		/** Bucket: the day. */
		D;

		LocalDate bucket(LocalDate day) {
			return switch (this) {
				case Y -> day.withDayOfYear(1);
				case M -> day.withDayOfMonth(1);
				case D -> day;
			};
		}

	}

	/**
	 * The fewest buckets that cover the days from first to last, each wholly inside:
	 * whole years, then whole months, then days, walking from the first day. Empty if
	 * last is before first.
	 */
	static Map<Grain, List<LocalDate>> cover(LocalDate first, LocalDate last) {
		Map<Grain, List<LocalDate>> buckets = new java.util.EnumMap<>(Grain.class);
		LocalDate day = first;
		while (!day.isAfter(last)) {
			Grain grain;
			LocalDate next;
			if (day.getDayOfYear() == 1 && !day.plusYears(1).isAfter(last.plusDays(1))) {
				grain = Grain.Y;
				next = day.plusYears(1);
			}
			else if (day.getDayOfMonth() == 1 && !day.plusMonths(1).isAfter(last.plusDays(1))) {
				grain = Grain.M;
				next = day.plusMonths(1);
			}
			else {
				grain = Grain.D;
				next = day.plusDays(1);
			}
			buckets.computeIfAbsent(grain, (g) -> new ArrayList<>()).add(day);
			day = next;
		}
		return buckets;
	}

	/** One counted row of {@code insight_fact} (without its count). */
	record Fact(String processKey, char event, Grain grain, LocalDate bucket, String orgCode, boolean overdue,
			char elementType, String elementId, int workingDays) {

	}

	/** One row of {@code insight_case_gap} (without its count). */
	record Gap(String processKey, String orgCode, boolean overdue, LocalDate afterDay, LocalDate beforeDay) {

	}

	/** An activity instance of a closed case: process, activity, first and last day. */
	record Activity(String processKey, String activityId, LocalDate startDay, LocalDate endDay) {

	}

	/** A sequence flow a closed case took, and the day. */
	record Flow(String processKey, String flowId, LocalDate day) {

	}

	/**
	 * Counts a closed case.
	 * @param orgCode its organization
	 * @param overdue whether it ever ran late ({@code opinion_register.overdue})
	 * @param activities all its activity instances, of every process (all ended)
	 * @param flows all the flows it took
	 */
	void add(String orgCode, boolean overdue, List<Activity> activities, List<Flow> flows) {
		Map<String, List<Activity>> byProcess = new TreeMap<>();
		for (Activity activity : activities) {
			Integer start = this.workingDayIndex.apply(activity.startDay());
			Integer end = this.workingDayIndex.apply(activity.endDay());
			int days = (start != null && end != null) ? end - start : NO_DURATION;
			count(activity.processKey(), activity.startDay(), activity.endDay(), orgCode, overdue, 'A',
					activity.activityId(), days);
			byProcess.computeIfAbsent(activity.processKey(), (key) -> new ArrayList<>()).add(activity);
		}
		for (Flow flow : flows) {
			count(flow.processKey(), flow.day(), flow.day(), orgCode, overdue, 'F', flow.flowId(), NO_DURATION);
		}
		byProcess.forEach((processKey, spans) -> {
			spans.sort(Comparator.comparing(Activity::startDay).thenComparing(Activity::endDay));
			LocalDate first = spans.get(0).startDay();
			LocalDate reached = spans.get(0).endDay();
			for (Activity span : spans) {
				// a gap: at least one whole day on which none of the case's activities
				// was open
				if (span.startDay().isAfter(reached.plusDays(1))) {
					this.gaps.merge(new Gap(processKey, orgCode, overdue, reached, span.startDay()), 1L, Long::sum);
				}
				if (span.endDay().isAfter(reached)) {
					reached = span.endDay();
				}
			}
			count(processKey, first, reached, orgCode, overdue, 'C', CASE, NO_DURATION);
		});
	}

	private void count(String processKey, LocalDate startDay, LocalDate endDay, String orgCode, boolean overdue,
			char elementType, String elementId, int workingDays) {
		for (Grain grain : Grain.values()) {
			if (startDay.equals(endDay)) {
				this.facts.merge(new Fact(processKey, INSTANT, grain, grain.bucket(endDay), orgCode, overdue,
						elementType, elementId, workingDays), 1L, Long::sum);
			}
			else {
				this.facts.merge(new Fact(processKey, STARTED, grain, grain.bucket(startDay), orgCode, overdue,
						elementType, elementId, workingDays), 1L, Long::sum);
				this.facts.merge(new Fact(processKey, ENDED, grain, grain.bucket(endDay), orgCode, overdue, elementType,
						elementId, workingDays), 1L, Long::sum);
			}
		}
		if (this.firstDay == null || startDay.isBefore(this.firstDay)) {
			this.firstDay = startDay;
		}
		if (this.lastDay == null || endDay.isAfter(this.lastDay)) {
			this.lastDay = endDay;
		}
	}

	Map<Fact, Long> facts() {
		return this.facts;
	}

	Map<Gap, Long> gaps() {
		return this.gaps;
	}

	/** The first day of any counted fact, or {@code null} if none was counted. */
	LocalDate firstDay() {
		return this.firstDay;
	}

	/** The last day of any counted fact, or {@code null} if none was counted. */
	LocalDate lastDay() {
		return this.lastDay;
	}

}
