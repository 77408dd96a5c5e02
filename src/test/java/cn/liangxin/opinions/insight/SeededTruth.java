package cn.liangxin.opinions.insight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What the benchmark's generator wrote, kept in compact arrays, and the figures the
 * insight endpoints must answer for it, computed here in plain Java from the generator's
 * own record (not from the database): the sanity check that the numbers are right at this
 * size.
 */
final class SeededTruth {

	static final long NULL = Long.MIN_VALUE;

	static final String[] DEADLINE_TASKS = { "departmentHandle", "branchReportUp", "committeeHandle" };

	// per case
	private final List<String> caseOrg = new ArrayList<>();

	private final Longs caseStart = new Longs();

	private final Longs caseEnd = new Longs();

	// the register's final state, per case
	private final BitSet struckOff = new BitSet();

	private final Ints struckOffOn = new Ints();

	private final Ints satisfied = new Ints();

	private final Ints feedbackOn = new Ints();

	private final List<String> stage = new ArrayList<>();

	private final Ints dueOn = new Ints();

	private final List<String> committeeMode = new ArrayList<>();

	// activities of employee-opinion
	private final Codes activityCodes = new Codes();

	private final Ints activityCase = new Ints();

	private final Ints activityCode = new Ints();

	private final Longs activityStart = new Longs();

	private final Longs activityEnd = new Longs();

	// flows of employee-opinion
	private final Codes flowCodes = new Codes();

	private final Ints flowCase = new Ints();

	private final Ints flowCode = new Ints();

	private final Longs flowAt = new Longs();

	// completed deadline tasks
	private final Ints taskCase = new Ints();

	private final Ints taskKind = new Ints();

	private final Longs taskEnd = new Longs();

	private final Longs taskDue = new Longs();

	int cases() {
		return this.caseOrg.size();
	}

	int newCase(String org, long start) {
		this.caseOrg.add(org);
		this.caseStart.add(start);
		this.caseEnd.add(NULL);
		this.stage.add(null);
		this.committeeMode.add(null);
		this.struckOffOn.add(Integer.MIN_VALUE);
		this.satisfied.add(-1);
		this.feedbackOn.add(Integer.MIN_VALUE);
		this.dueOn.add(Integer.MIN_VALUE);
		return this.caseOrg.size() - 1;
	}

	void caseEnded(int c, long end) {
		this.caseEnd.set(c, end);
	}

	void register(int c, String stageCode, LocalDate due, String mode, Boolean isSatisfied, LocalDate feedback,
			LocalDate struckOffDay) {
		this.stage.set(c, stageCode);
		this.dueOn.set(c, (due != null) ? (int) due.toEpochDay() : Integer.MIN_VALUE);
		this.committeeMode.set(c, mode);
		this.satisfied.set(c, (isSatisfied == null) ? -1 : (isSatisfied ? 1 : 0));
		this.feedbackOn.set(c, (feedback != null) ? (int) feedback.toEpochDay() : Integer.MIN_VALUE);
		this.struckOff.set(c, struckOffDay != null);
		this.struckOffOn.set(c, (struckOffDay != null) ? (int) struckOffDay.toEpochDay() : Integer.MIN_VALUE);
	}

	void activity(int c, String activityId, long start, long end) {
		this.activityCase.add(c);
		this.activityCode.add(this.activityCodes.of(activityId));
		this.activityStart.add(start);
		this.activityEnd.add(end);
	}

	void flow(int c, String flowId, long at) {
		this.flowCase.add(c);
		this.flowCode.add(this.flowCodes.of(flowId));
		this.flowAt.add(at);
	}

	void deadlineTaskCompleted(int c, String taskId, long end, long due) {
		this.taskCase.add(c);
		this.taskKind.add(Arrays.asList(DEADLINE_TASKS).indexOf(taskId));
		this.taskEnd.add(end);
		this.taskDue.add(due);
	}

	long activities() {
		return this.activityCase.size();
	}

	/** Cases started in [from, to] (days in China) within the scope. */
	long casesStarted(Predicate<String> scope, LocalDate from, LocalDate to) {
		long fromTs = WorkingDays.startOf(from);
		long toExclusive = WorkingDays.startOf(to.plusDays(1));
		long n = 0;
		for (int c = 0; c < cases(); c++) {
			long start = this.caseStart.get(c);
			if (scope.test(this.caseOrg.get(c)) && start >= fromTs && start < toExclusive) {
				n++;
			}
		}
		return n;
	}

	/** The heatmap of employee-opinion, view "all", as the endpoint must answer it. */
	Heat heatmap(Predicate<String> scope, LocalDate from, LocalDate to, WorkingDays days) {
		long fromTs = WorkingDays.startOf(from);
		long toExclusive = WorkingDays.startOf(to.plusDays(1));
		BitSet cases = new BitSet();
		Map<String, long[]> counts = new TreeMap<>();
		Map<String, Ints> durations = new HashMap<>();
		for (int i = 0; i < this.activityCase.size(); i++) {
			int c = this.activityCase.get(i);
			long start = this.activityStart.get(i);
			long end = this.activityEnd.get(i);
			if (!scope.test(this.caseOrg.get(c)) || start >= toExclusive || (end != NULL && end < fromTs)) {
				continue;
			}
			cases.set(c);
			String activity = this.activityCodes.name(this.activityCode.get(i));
			long[] count = counts.computeIfAbsent(activity, (a) -> new long[2]);
			count[0]++;
			if (end == NULL) {
				count[1]++;
			}
			else {
				durations.computeIfAbsent(activity, (a) -> new Ints())
					.add(days.index(WorkingDays.dateOf(end)) - days.index(WorkingDays.dateOf(start)));
			}
		}
		Map<String, Double[]> percentiles = new TreeMap<>();
		durations.forEach((activity, values) -> {
			int[] sorted = values.toArray();
			Arrays.sort(sorted);
			percentiles.put(activity, new Double[] { nearestRank(sorted, 0.5), nearestRank(sorted, 0.9) });
		});
		Map<String, Long> flows = new TreeMap<>();
		for (int i = 0; i < this.flowCase.size(); i++) {
			long at = this.flowAt.get(i);
			if (scope.test(this.caseOrg.get(this.flowCase.get(i))) && at >= fromTs && at < toExclusive) {
				flows.merge(this.flowCodes.name(this.flowCode.get(i)), 1L, Long::sum);
			}
		}
		return new Heat(cases.cardinality(), counts, percentiles, flows);
	}

	/** The deadline dashboard's figures as the endpoint must answer them. */
	Deadlines deadlines(Predicate<String> scope, LocalDate from, LocalDate to, LocalDate today) {
		long fromTs = WorkingDays.startOf(from);
		long toExclusive = WorkingDays.startOf(to.plusDays(1));
		Map<String, Long> openByStage = new TreeMap<>();
		long overdue = 0;
		long feedbacks = 0;
		long satisfiedCount = 0;
		long struckOffThisMonth = 0;
		long todayDay = today.toEpochDay();
		long monthStart = today.withDayOfMonth(1).toEpochDay();
		for (int c = 0; c < cases(); c++) {
			if (!scope.test(this.caseOrg.get(c))) {
				continue;
			}
			if (!this.struckOff.get(c)) {
				openByStage.merge(this.stage.get(c), 1L, Long::sum);
				int due = this.dueOn.get(c);
				if (due != Integer.MIN_VALUE && due < todayDay) {
					overdue++;
				}
			}
			else if (this.struckOffOn.get(c) >= monthStart && this.struckOffOn.get(c) <= todayDay) {
				struckOffThisMonth++;
			}
			int feedback = this.feedbackOn.get(c);
			if (this.satisfied.get(c) >= 0 && feedback >= from.toEpochDay() && feedback <= to.toEpochDay()) {
				feedbacks++;
				satisfiedCount += this.satisfied.get(c);
			}
		}
		Map<String, long[]> onTime = new TreeMap<>();
		for (int i = 0; i < this.taskCase.size(); i++) {
			int c = this.taskCase.get(i);
			long end = this.taskEnd.get(i);
			if (!scope.test(this.caseOrg.get(c)) || end < fromTs || end >= toExclusive) {
				continue;
			}
			String key = DEADLINE_TASKS[this.taskKind.get(i)];
			if ("committeeHandle".equals(key)) {
				key = key + ":" + ("JOINT".equals(this.committeeMode.get(c)) ? "JOINT" : "INDEPENDENT");
			}
			long[] n = onTime.computeIfAbsent(key, (k) -> new long[2]);
			n[0]++;
			n[1] += (end <= this.taskDue.get(i)) ? 1 : 0;
		}
		return new Deadlines(openByStage, overdue, onTime, feedbacks, satisfiedCount, struckOffThisMonth);
	}

	private static Double nearestRank(int[] sorted, double share) {
		if (sorted.length == 0) {
			return null;
		}
		int rank = (int) Math.ceil(share * sorted.length);
		return (double) sorted[Math.max(rank, 1) - 1];
	}

	/** The expected heatmap. */
	record Heat(long cases, Map<String, long[]> activities, Map<String, Double[]> percentiles,
			Map<String, Long> flows) {
	}

	/** The expected deadline dashboard. */
	record Deadlines(Map<String, Long> openByStage, long overdue, Map<String, long[]> onTime, long feedbacks,
			long satisfied, long struckOffThisMonth) {

		long open() {
			return this.openByStage.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** Strings as small numbers. */
	private static final class Codes {

		private final Map<String, Integer> codes = new HashMap<>();

		private final List<String> names = new ArrayList<>();

		int of(String name) {
			return this.codes.computeIfAbsent(name, (n) -> {
				this.names.add(n);
				return this.names.size() - 1;
			});
		}

		String name(int code) {
			return this.names.get(code);
		}

	}

	/** A growable int array. */
	static final class Ints {

		private int[] values = new int[1024];

		private int size;

		void add(int value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		int get(int i) {
			return this.values[i];
		}

		void set(int i, int value) {
			this.values[i] = value;
		}

		int size() {
			return this.size;
		}

		int[] toArray() {
			return Arrays.copyOf(this.values, this.size);
		}

	}

	/** A growable long array. */
	static final class Longs {

		private long[] values = new long[1024];

		private int size;

		void add(long value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		long get(int i) {
			return this.values[i];
		}

		void set(int i, long value) {
			this.values[i] = value;
		}

		int size() {
			return this.size;
		}

	}

}
