package cn.liangxin.opinions.insight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import cn.liangxin.opinions.opinion.CaseNumber;
import cn.liangxin.opinions.opinion.CommitteeMode;
import cn.liangxin.opinions.opinion.HandlingDeadlines;
import cn.liangxin.opinions.opinion.Stage;
import cn.liangxin.opinions.org.AccessScope;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.validation.Errors;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the managers' questions with a few aggregating SQL queries over Camunda's
 * history ({@code act_hi_actinst}, {@code act_hi_taskinst}), the register, the flows
 * taken and the working-day table; nothing is loaded per case. The heatmap reads closed
 * cases from their summary ({@link InsightSummary}) and only the others from the history.
 * Everything is limited to the caller's part of the organization tree.
 */
@Service
@Transactional(readOnly = true)
public class InsightService {

	/** The processes with a heatmap. */
	static final Set<String> PROCESSES = Set.of("employee-opinion", "opinion-supervision");

	/** The heatmap's period when none is given: the last 90 days. */
	static final int DEFAULT_HEATMAP_DAYS = 90;

	/** The longest period one question may cover. */
	static final int MAX_PERIOD_YEARS = 10;

	private static final int OVERDUE_LIST_LIMIT = 500;

	private final NamedParameterJdbcTemplate jdbc;

	private final OrgDirectory directory;

	private final WorkingDayTable workingDays;

	InsightService(NamedParameterJdbcTemplate jdbc, OrgDirectory directory, WorkingDayTable workingDays) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.workingDays = workingDays;
	}

	/** The view of the heatmap: all cases, the running ones, or those that ran late. */
	public enum View {

		ALL, RUNNING, OVERDUE

	}

	/**
	 * The heatmap of a process for the caller.
	 * @param today the day in China
	 * @throws cn.liangxin.opinions.validation.InvalidInputException naming the bad
	 * parameter
	 * @throws InsightScope.OutOfScopeException for a filter outside the caller's scope
	 */
	// one snapshot for all its queries: a case summarized meanwhile is counted once
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Heatmap heatmap(AccessScope caller, String process, String view, String committee, String org, String from,
			String to, LocalDate today) {
		Errors errors = new Errors();
		String key = blankToNull(process);
		if (key == null) {
			errors.add("process", "required", "请指定流程（process），如 employee-opinion");
		}
		else if (!PROCESSES.contains(key)) {
			errors.add("process", "oneOf", "流程应为 " + String.join("、", new java.util.TreeSet<>(PROCESSES)) + " 之一");
		}
		View chosen = View.ALL;
		if (blankToNull(view) != null) {
			try {
				chosen = View.valueOf(view.strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				errors.add("view", "oneOf", "视图应为 all（全部）、running（在办）或 overdue（逾期）");
			}
		}
		LocalDate[] period = period(errors, from, to, today, today.minusDays(DEFAULT_HEATMAP_DAYS));
		InsightScope scope = scope(caller, committee, org, errors);
		this.workingDays.ensureCurrent();
		View selected = chosen;

		Supplier<InsightQuery> base = () -> {
			InsightQuery query = InsightQuery.within(caller, blankToNull(committee), blankToNull(org))
				.with("process", key)
				.withStartOf("from", period[0])
				.withStartOf("toExclusive", period[1].plusDays(1));
			// the summarized cases are read from the summary below
			query.and("r.in_summary = false");
			return switch (selected) {
				case RUNNING -> query.and("r.struck_off = false");
				case OVERDUE -> query.and("r.overdue = true");
				default -> query;
			};
		};

		InsightQuery activities = base.get().with("shift", WorkingDayTable.chinaShiftSeconds());
		Map<String, long[]> counts = new TreeMap<>();
		Map<String, TreeMap<Integer, Long>> durations = new TreeMap<>();
		// Open and ended activities in two arms, not "end_time_ is null or end_time_ >=
		// :from", so that each arm can use an index (InsightIndexes) or start from the
		// cases in scope, whichever is cheaper; counted per day first, so that the
		// working-day table is joined to groups, not to rows. Same result as one query.
		String activitiesInScope = activities.where();
		this.jdbc
			.query("""
					select g.activity_id, g.active, we.idx - ws.idx as working_days, sum(g.n) as n
					from (select d.activity_id, d.active, d.start_day, d.end_day, count(*) as n
					      from (select a.act_id_ as activity_id, 1 as active,
					                   cast(a.start_time_ + cast(:shift as integer) * interval '1' second as date) as start_day,
					                   cast(null as date) as end_day
					            from act_hi_actinst a
					            join opinion_register r on r.process_instance_id = a.root_proc_inst_id_
					            join organization o on o.code = r.org_code
					            where a.proc_def_key_ = :process
					              and a.end_time_ is null
					              and a.start_time_ < :toExclusive"""
					+ activitiesInScope
					+ """

							union all
							select a.act_id_ as activity_id, 0 as active,
							       cast(a.start_time_ + cast(:shift as integer) * interval '1' second as date) as start_day,
							       cast(a.end_time_ + cast(:shift as integer) * interval '1' second as date) as end_day
							from act_hi_actinst a
							join opinion_register r on r.process_instance_id = a.root_proc_inst_id_
							join organization o on o.code = r.org_code
							where a.proc_def_key_ = :process
							  and a.end_time_ >= :from
							  and a.start_time_ < :toExclusive"""
					+ activitiesInScope + """
							) d
							      group by d.activity_id, d.active, d.start_day, d.end_day) g
							left join working_day ws on ws.calendar_day = g.start_day
							left join working_day we on we.calendar_day = g.end_day
							group by g.activity_id, g.active, we.idx - ws.idx
							""", activities.params(), (rs) -> {
						String activity = rs.getString("activity_id");
						long n = rs.getLong("n");
						long[] total = counts.computeIfAbsent(activity, (a) -> new long[2]);
						total[0] += n;
						if (rs.getInt("active") == 1) {
							total[1] += n;
						}
						else {
							int days = rs.getInt("working_days");
							if (!rs.wasNull()) {
								durations.computeIfAbsent(activity, (a) -> new TreeMap<>()).merge(days, n, Long::sum);
							}
						}
					});
		Map<String, Long> flowTotals = new TreeMap<>();
		long summarizedCases = (selected != View.RUNNING) ? summarized(caller, committee, org, key,
				selected == View.OVERDUE, period, counts, durations, flowTotals) : 0;

		List<Heatmap.ActivityCount> activityCounts = new ArrayList<>();
		counts.forEach((activity, total) -> {
			TreeMap<Integer, Long> histogram = durations.get(activity);
			activityCounts.add(new Heatmap.ActivityCount(activity, total[0], total[1], percentile(histogram, 0.5),
					percentile(histogram, 0.9)));
		});

		InsightQuery cases = base.get();
		// the cases in scope with an activity in the period: the two arms as semi-joins
		String casesInScope = cases.where();
		Long caseCount = this.jdbc.queryForObject("""
				select count(*)
				from (select r.process_instance_id
				      from opinion_register r
				      join organization o on o.code = r.org_code
				      where exists (select 1 from act_hi_actinst a
				                    where a.root_proc_inst_id_ = r.process_instance_id
				                      and a.proc_def_key_ = :process
				                      and a.end_time_ is null
				                      and a.start_time_ < :toExclusive)""" + casesInScope + """

				union
				select r.process_instance_id
				from opinion_register r
				join organization o on o.code = r.org_code
				where exists (select 1 from act_hi_actinst a
				              where a.root_proc_inst_id_ = r.process_instance_id
				                and a.proc_def_key_ = :process
				                and a.end_time_ >= :from
				                and a.start_time_ < :toExclusive)""" + casesInScope + """
				) c
				""", cases.params(), Long.class);

		InsightQuery flows = base.get();
		this.jdbc.query("""
				select f.flow_id, count(*) as n
				from flow_taken f
				join opinion_register r on r.process_instance_id = f.root_instance_id
				join organization o on o.code = r.org_code
				where f.process_key = :process
				  and f.taken_at >= :from and f.taken_at < :toExclusive""" + flows.where() + """

				group by f.flow_id
				""", flows.params(), (rs) -> {
			flowTotals.merge(rs.getString("flow_id"), rs.getLong("n"), Long::sum);
		});
		List<Heatmap.FlowCount> flowCounts = new ArrayList<>();
		flowTotals.forEach((flow, n) -> flowCounts.add(new Heatmap.FlowCount(flow, n)));

		return new Heatmap(key, chosen.name().toLowerCase(java.util.Locale.ROOT), period[0], period[1],
				((caseCount != null) ? caseCount : 0) + summarizedCases, activityCounts, flowCounts,
				scope.organizations(), scope.committees());
	}

	/**
	 * Adds what the summary holds of closed cases for the period to the counts, durations
	 * and flows (a closed case has no open activity), and returns the number of those
	 * cases in the period. An element overlaps the period if it ended in the period, or
	 * started on or before its last day and ended after it (it straddles the last day):
	 * the summary's facts of the days of the period, and, if the summary reaches past the
	 * period, those of the days on one side of its last day, each a handful of years,
	 * months and days ({@link SummaryFacts#cover}).
	 */
	private long summarized(AccessScope caller, String committee, String org, String process, boolean overdueOnly,
			LocalDate[] period, Map<String, long[]> counts, Map<String, TreeMap<Integer, Long>> durations,
			Map<String, Long> flows) {
		InsightQuery facts = InsightQuery.within(caller, blankToNull(committee), blankToNull(org), "f.org_code")
			.with("process", process);
		if (overdueOnly) {
			facts.and("f.overdue = true");
		}
		LocalDate last = period[1];
		List<String> arms = new ArrayList<>();
		arms.addAll(arms(facts, "+", "'E', 'I'", "period", period[0], last));
		LocalDate[] summary = this.jdbc.getJdbcTemplate()
			.query("select first_day, through_day from insight_summary where id = 1",
					(rs) -> rs.next() && rs.getDate(2) != null
							? new LocalDate[] { rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate() } : null);
		if (summary != null && last.isBefore(summary[1])) {
			LocalDate through = summary[1];
			// straddling the last day: started up to it and ended after it;
			// counted on the side of the last day with fewer days
			if (through.toEpochDay() - last.toEpochDay() <= last.toEpochDay() - summary[0].toEpochDay()) {
				arms.addAll(arms(facts, "+", "'E'", "after", last.plusDays(1), through));
				arms.addAll(arms(facts, "-", "'S'", "after", last.plusDays(1), through));
			}
			else {
				arms.addAll(arms(facts, "+", "'S'", "upTo", summary[0], last));
				arms.addAll(arms(facts, "-", "'E'", "upTo", summary[0], last));
			}
		}
		long[] cases = new long[1];
		this.jdbc.query("""
				select x.element_type, x.element_id, x.working_days, sum(x.n) as n
				from (%s) x
				group by x.element_type, x.element_id, x.working_days
				""".formatted(String.join("\nunion all\n", arms)), facts.params(), (rs) -> {
			long n = rs.getLong("n");
			if (n == 0) {
				return;
			}
			String element = rs.getString("element_id");
			switch (rs.getString("element_type")) {
				case "A" -> {
					counts.computeIfAbsent(element, (a) -> new long[2])[0] += n;
					int days = rs.getInt("working_days");
					if (days >= 0) {
						durations.computeIfAbsent(element, (a) -> new TreeMap<>()).merge(days, n, Long::sum);
					}
				}
				case "F" -> flows.merge(element, n, Long::sum);
				default -> cases[0] += n;
			}
		});
		if (cases[0] == 0) {
			return 0;
		}
		// cases whose time in the process has a gap that holds the whole period
		InsightQuery gaps = InsightQuery.within(caller, blankToNull(committee), blankToNull(org), "g.org_code")
			.with("process", process)
			.with("first", java.sql.Date.valueOf(period[0]))
			.with("last", java.sql.Date.valueOf(period[1]));
		if (overdueOnly) {
			gaps.and("g.overdue = true");
		}
		Long inGaps = this.jdbc.queryForObject("""
				select coalesce(sum(g.n), 0)
				from insight_case_gap g
				join organization o on o.code = g.org_code
				where g.process_key = :process and g.after_day < :first and g.before_day > :last""" + gaps.where(),
				gaps.params(), Long.class);
		return cases[0] - ((inGaps != null) ? inGaps : 0);
	}

	/**
	 * The arms of the summary's query for some events on the days from first to last,
	 * with their sign: one per grain, so that PostgreSQL reads each from an index alone
	 * ({@code ix_insight_fact_read}, {@link InsightIndexes}).
	 */
	private static List<String> arms(InsightQuery query, String sign, String events, String name, LocalDate first,
			LocalDate last) {
		List<String> arms = new ArrayList<>();
		SummaryFacts.cover(first, last).forEach((grain, buckets) -> {
			String parameter = name + grain.name();
			query.with(parameter, buckets.stream().map(java.sql.Date::valueOf).toList());
			arms.add("""
					select f.element_type, f.element_id, f.working_days, %sf.n as n
					from insight_fact f
					join organization o on o.code = f.org_code
					where f.process_key = :process and f.event in (%s)
					  and f.grain = '%s' and f.bucket in (:%s)%s""".formatted(sign.equals("-") ? "-" : "", events,
					grain.name(), parameter, query.where()));
		});
		return arms;
	}

	/**
	 * The deadline dashboard for the caller: the current state, and rates for the period
	 * (default: the last year).
	 */
	public DeadlineDashboard deadlines(AccessScope caller, String committee, String org, String from, String to,
			LocalDate today) {
		Errors errors = new Errors();
		LocalDate[] period = period(errors, from, to, today, today.minusYears(1));
		InsightScope scope = scope(caller, committee, org, errors);
		this.workingDays.ensureCurrent();
		Supplier<InsightQuery> base = () -> InsightQuery.within(caller, blankToNull(committee), blankToNull(org));

		InsightQuery open = base.get();
		List<DeadlineDashboard.OpenCount> openByStage = this.jdbc.query("""
				select r.org_code, o.name as org_name, r.stage, count(*) as n
				from opinion_register r
				join organization o on o.code = r.org_code
				where r.struck_off = false""" + open.where() + """

				group by r.org_code, o.name, r.stage
				order by r.org_code, r.stage
				""", open.params(), (rs, i) -> {
			Stage stage = Stage.ofCode(rs.getString("stage"));
			return new DeadlineDashboard.OpenCount(rs.getString("stage"), (stage != null) ? stage.label() : null,
					rs.getString("org_code"), rs.getString("org_name"), rs.getLong("n"));
		});

		InsightQuery late = base.get().with("today", java.sql.Date.valueOf(today)).with("limit", OVERDUE_LIST_LIMIT);
		List<DeadlineDashboard.OverdueCase> overdue = this.jdbc.query("""
				select r.case_no, r.org_code, o.name as org_name, r.stage, r.due_on, r.process_instance_id,
				       t.idx - d.idx as working_days
				from opinion_register r
				join organization o on o.code = r.org_code
				join working_day d on d.calendar_day = r.due_on
				join working_day t on t.calendar_day = :today
				where r.struck_off = false and r.due_on < :today""" + late.where() + """

				order by t.idx - d.idx desc, r.due_on, r.case_no
				fetch first :limit rows only
				""", late.params(), (rs, i) -> {
			String caseNo = rs.getString("case_no");
			Stage stage = Stage.ofCode(rs.getString("stage"));
			return new DeadlineDashboard.OverdueCase(caseNo, CaseNumber.parse(caseNo).display(),
					rs.getString("org_code"), rs.getString("org_name"), rs.getString("stage"),
					(stage != null) ? stage.label() : null, rs.getDate("due_on").toLocalDate(),
					Math.max(0, rs.getInt("working_days")), rs.getString("process_instance_id"));
		});

		InsightQuery done = base.get().withStartOf("from", period[0]).withStartOf("toExclusive", period[1].plusDays(1));
		Map<String, long[]> onTimeCounts = new LinkedHashMap<>();
		for (String stage : List.of(Stage.DEPARTMENT.code(), Stage.REPORT_UP.code(),
				Stage.COMMITTEE.code() + ":" + CommitteeMode.INDEPENDENT.name(),
				Stage.COMMITTEE.code() + ":" + CommitteeMode.JOINT.name())) {
			onTimeCounts.put(stage, new long[4]);
		}
		// a completion that returned the slip or asked for more time is no completion; a
		// task done has its original deadline in case_event (DONE) when it was extended
		this.jdbc.query("""
				select t.task_def_key_ as stage, r.committee_mode, count(*) as completed,
				       sum(case when t.end_time_ <= t.due_date_ then 1 else 0 end) as on_time,
				       sum(case when d.due_from <> d.due_to then 1 else 0 end) as extended,
				       sum(case when t.end_time_ <= coalesce(d.original_due_at, t.due_date_) then 1 else 0 end)
				         as on_time_original
				from act_hi_taskinst t
				join opinion_register r on r.process_instance_id = t.proc_inst_id_
				join organization o on o.code = r.org_code
				left join case_event d on d.task_id = t.id_ and d.kind = 'DONE'
				where t.proc_def_key_ = 'employee-opinion'
				  and t.task_def_key_ in ('departmentHandle', 'branchReportUp', 'committeeHandle')
				  and t.delete_reason_ = 'completed'
				  and not exists (select 1 from case_event x
				                  where x.task_id = t.id_ and x.kind in ('RETURNED', 'EXTENSION_REQUESTED'))
				  and t.end_time_ >= :from and t.end_time_ < :toExclusive""" + done.where() + """

				group by t.task_def_key_, r.committee_mode
				""", done.params(), (rs) -> {
			String stage = rs.getString("stage");
			if (Stage.COMMITTEE.code().equals(stage)) {
				String mode = rs.getString("committee_mode");
				stage = stage + ":"
						+ (CommitteeMode.JOINT.name().equals(mode) ? mode : CommitteeMode.INDEPENDENT.name());
			}
			long[] n = onTimeCounts.get(stage);
			n[0] += rs.getLong("completed");
			n[1] += rs.getLong("on_time");
			n[2] += rs.getLong("extended");
			n[3] += rs.getLong("on_time_original");
		});
		List<DeadlineDashboard.OnTime> onTime = new ArrayList<>();
		onTimeCounts.forEach((stage, n) -> onTime.add(new DeadlineDashboard.OnTime(stage, onTimeLabel(stage), n[0],
				n[1], (n[0] > 0) ? (double) n[1] / n[0] : null, n[2], n[3], (n[0] > 0) ? (double) n[3] / n[0] : null)));

		InsightQuery roads = InsightQuery.within(caller, blankToNull(committee), blankToNull(org), "e.org_code")
			.with("fromDay", java.sql.Date.valueOf(period[0]))
			.with("toDay", java.sql.Date.valueOf(period[1]));
		List<DeadlineDashboard.SideRoadCount> sideRoads = this.jdbc.query("""
				select e.stage, e.org_code, o.name as org_name,
				       count(distinct case when e.kind = 'RETURNED' then e.case_no end) as returned,
				       count(distinct case when e.kind = 'EXTENDED' then e.case_no end) as extended,
				       count(distinct case when e.kind = 'SENT_BACK' then e.case_no end) as sent_back,
				       sum(case when e.kind = 'URGED' then 1 else 0 end) as urges
				from case_event e
				join organization o on o.code = e.org_code
				where e.kind in ('RETURNED', 'EXTENDED', 'SENT_BACK', 'URGED')
				  and e.happened_on >= :fromDay and e.happened_on <= :toDay"""
				+ roads.where().replace("r.org_code", "e.org_code") + """

						group by e.stage, e.org_code, o.name
						order by e.org_code, e.stage
						""", roads.params(), (rs, i) -> {
					Stage stage = Stage.ofCode(rs.getString("stage"));
					return new DeadlineDashboard.SideRoadCount(rs.getString("stage"),
							(stage != null) ? stage.label() : null, rs.getString("org_code"), rs.getString("org_name"),
							rs.getLong("returned"), rs.getLong("extended"), rs.getLong("sent_back"),
							rs.getLong("urges"));
				});

		InsightQuery fed = base.get()
			.with("fromDay", java.sql.Date.valueOf(period[0]))
			.with("toDay", java.sql.Date.valueOf(period[1]));
		DeadlineDashboard.Satisfaction satisfaction = this.jdbc.queryForObject(
				"""
						select count(*) as feedbacks, coalesce(sum(case when r.satisfied = true then 1 else 0 end), 0) as satisfied
						from opinion_register r
						join organization o on o.code = r.org_code
						where r.satisfied is not null and r.feedback_on >= :fromDay and r.feedback_on <= :toDay"""
						+ fed.where(),
				fed.params(), (rs, i) -> {
					long feedbacks = rs.getLong("feedbacks");
					long satisfied = rs.getLong("satisfied");
					return new DeadlineDashboard.Satisfaction(feedbacks, satisfied,
							(feedbacks > 0) ? (double) satisfied / feedbacks : null);
				});

		InsightQuery month = base.get()
			.with("monthStart", java.sql.Date.valueOf(today.withDayOfMonth(1)))
			.with("today", java.sql.Date.valueOf(today));
		Long struckOff = this.jdbc.queryForObject("""
				select count(*)
				from opinion_register r
				join organization o on o.code = r.org_code
				where r.struck_off = true and r.struck_off_on >= :monthStart and r.struck_off_on <= :today"""
				+ month.where(), month.params(), Long.class);

		return new DeadlineDashboard(today, period[0], period[1], openByStage, overdue, onTime, sideRoads, satisfaction,
				(struckOff != null) ? struckOff : 0, scope.organizations(), scope.committees());
	}

	private InsightScope scope(AccessScope caller, String committee, String org, Errors errors) {
		InsightScope scope = InsightScope.of(caller, this.directory);
		scope.check(blankToNull(committee), blankToNull(org), this.directory, errors);
		return scope;
	}

	private static LocalDate[] period(Errors errors, String from, String to, LocalDate today, LocalDate defaultFrom) {
		LocalDate end = errors.date("to", "结束日期", to);
		LocalDate start = errors.date("from", "开始日期", from);
		end = (end != null) ? end : today;
		start = (start != null) ? start : (blankToNull(to) == null ? defaultFrom : end.minusDays(DEFAULT_HEATMAP_DAYS));
		if (start.isAfter(end)) {
			errors.add("from", "beforeTo", "开始日期（" + start + "）不能晚于结束日期（" + end + "）");
		}
		else if (start.isBefore(end.minusYears(MAX_PERIOD_YEARS))) {
			errors.add("from", "maxPeriod", "查询期间最长" + MAX_PERIOD_YEARS + "年");
		}
		return new LocalDate[] { start, end };
	}

	/** The value below which the given share of the histogram lies (nearest rank). */
	static Double percentile(TreeMap<Integer, Long> histogram, double share) {
		if (histogram == null || histogram.isEmpty()) {
			return null;
		}
		long total = histogram.values().stream().mapToLong(Long::longValue).sum();
		long rank = (long) Math.ceil(share * total);
		long seen = 0;
		for (Map.Entry<Integer, Long> bucket : histogram.entrySet()) {
			seen += bucket.getValue();
			if (seen >= rank) {
				return bucket.getKey().doubleValue();
			}
		}
		return histogram.lastKey().doubleValue();
	}

	private static String onTimeLabel(String stage) {
		return switch (stage) {
			case "departmentHandle" -> Stage.DEPARTMENT.label() + "（" + HandlingDeadlines.ENTERPRISE_DAYS + "个工作日）";
			case "branchReportUp" -> Stage.REPORT_UP.label() + "（" + HandlingDeadlines.REPORT_UP_DAYS + "个工作日）";
			case "committeeHandle:JOINT" ->
				Stage.COMMITTEE.label() + "（" + HandlingDeadlines.COMMITTEE_JOINT_DAYS + "个工作日）";
			default -> Stage.COMMITTEE.label() + "（" + HandlingDeadlines.COMMITTEE_INDEPENDENT_DAYS + "个工作日）";
		};
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
