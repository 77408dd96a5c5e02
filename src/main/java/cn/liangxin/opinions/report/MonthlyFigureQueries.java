package cn.liangxin.opinions.report;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import cn.liangxin.opinions.opinion.Channel;
import cn.liangxin.opinions.opinion.Kind;
import cn.liangxin.opinions.opinion.Route;
import cn.liangxin.opinions.opinion.Summaries;
import cn.liangxin.opinions.opinion.Stage;
import cn.liangxin.opinions.org.Committee;
import cn.liangxin.opinions.org.Organization;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts a month's figures of a committee's organizations from the register and the case
 * events, in SQL grouped by organization. What each figure means is in docs/documents.md,
 * "The monthly report".
 */
@Component
class MonthlyFigureQueries {

	/** How many of the matters open longest the report lists. */
	static final int LONGEST_OPEN = 10;

	private static final String[] DEADLINE_STAGES = { Stage.DEPARTMENT.code(), Stage.REPORT_UP.code(),
			Stage.COMMITTEE.code() };

	private final NamedParameterJdbcTemplate jdbc;

	MonthlyFigureQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	MonthlyFigures count(Committee committee, List<Organization> organizations, YearMonth month) {
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();
		Map<String, Counts> counts = new LinkedHashMap<>();
		for (Organization org : organizations) {
			counts.put(org.getCode(), new Counts(org.getCode(), org.getName()));
		}
		if (organizations.isEmpty()) {
			return new MonthlyFigures(committee.getCode(), committee.getName(), month.toString(), from, to, List.of(),
					new Counts("*", "合计").figures(), List.of());
		}
		MapSqlParameterSource params = new MapSqlParameterSource("orgs", new ArrayList<>(counts.keySet()))
			.addValue("from", Date.valueOf(from))
			.addValue("to", Date.valueOf(to));
		group("""
				select org_code, channel as k, count(*) as n from opinion_register
				where org_code in (:orgs) and reported_on between :from and :to group by org_code, channel""", params,
				counts, (c) -> c.byChannel, (k) -> Channel.valueOf(k).label());
		group("""
				select org_code, kind as k, count(*) as n from opinion_register
				where org_code in (:orgs) and reported_on between :from and :to group by org_code, kind""", params,
				counts, (c) -> c.byKind, (k) -> Kind.valueOf(k).label());
		group("""
				select org_code, coalesce(route, '-') as k, count(*) as n from opinion_register
				where org_code in (:orgs) and reported_on between :from and :to group by org_code, coalesce(route, '-')""",
				params, counts, (c) -> c.byRoute, (k) -> k.equals("-") ? "待研判" : Route.valueOf(k).label());
		this.jdbc.query("""
				select org_code,
				  sum(case when struck_off_on between :from and :to then 1 else 0 end) as concluded,
				  sum(case when reported_on <= :to and (struck_off_on is null or struck_off_on > :to) then 1 else 0 end)
				    as open_at_end,
				  sum(case when reported_on <= :to and (struck_off_on is null or struck_off_on > :to)
				            and due_on is not null and due_on < :to then 1 else 0 end) as overdue_at_end,
				  sum(case when feedback_on between :from and :to then 1 else 0 end) as fed_back,
				  sum(case when feedback_on between :from and :to and satisfied then 1 else 0 end) as satisfied
				from opinion_register where org_code in (:orgs) group by org_code""", params,
				(RowCallbackHandler) (rs) -> {
					Counts c = counts.get(rs.getString("org_code"));
					c.concluded = rs.getLong("concluded");
					c.openAtEnd = rs.getLong("open_at_end");
					c.overdueAtEnd = rs.getLong("overdue_at_end");
					c.fedBack = rs.getLong("fed_back");
					c.satisfied = rs.getLong("satisfied");
				});
		this.jdbc.query("""
				select org_code,
				  count(distinct case when kind = 'EXTENDED' then case_no end) as extended,
				  count(distinct case when kind = 'RETURNED' then case_no end) as returned
				from case_event where org_code in (:orgs) and happened_on between :from and :to
				group by org_code""", params, (RowCallbackHandler) (rs) -> {
			Counts c = counts.get(rs.getString("org_code"));
			c.extended = rs.getLong("extended");
			c.returned = rs.getLong("returned");
		});
		this.jdbc.query("""
				select org_code, stage, count(*) as done,
				  sum(case when due_to is null or happened_on <= due_to then 1 else 0 end) as on_time
				from case_event where org_code in (:orgs) and kind = 'DONE' and happened_on between :from and :to
				group by org_code, stage""", params, (RowCallbackHandler) (rs) -> {
			long[] n = counts.get(rs.getString("org_code")).onTime.computeIfAbsent(rs.getString("stage"),
					(s) -> new long[2]);
			n[0] += rs.getLong("done");
			n[1] += rs.getLong("on_time");
		});
		List<MonthlyFigures.OpenCase> longest = this.jdbc
			.query("""
					select r.case_no, r.case_year, r.serial_no, r.org_code, r.reported_on, r.summary, r.stage, r.due_on
					from opinion_register r
					where r.org_code in (:orgs) and r.reported_on <= :to and (r.struck_off_on is null or r.struck_off_on > :to)
					order by r.reported_on, r.id""",
					params.addValue("limit", LONGEST_OPEN), (rs, i) -> {
						LocalDate due = (rs.getDate("due_on") != null) ? rs.getDate("due_on").toLocalDate() : null;
						Stage stage = (rs.getString("stage") != null) ? Stage.ofCode(rs.getString("stage")) : null;
						return new MonthlyFigures.OpenCase(rs.getString("case_no"),
								"（" + rs.getInt("case_year") + "）年第" + rs.getInt("serial_no") + "号",
								counts.get(rs.getString("org_code")).orgName, rs.getDate("reported_on").toLocalDate(),
								shortened(rs.getString("summary")), (stage != null) ? stage.label() : null, due,
								due != null && due.isBefore(to));
					})
			.stream()
			.limit(LONGEST_OPEN)
			.toList();
		Counts total = new Counts("*", "合计");
		List<MonthlyFigures.Org> perOrg = new ArrayList<>();
		for (Counts c : counts.values()) {
			perOrg.add(c.figures());
			total.add(c);
		}
		return new MonthlyFigures(committee.getCode(), committee.getName(), month.toString(), from, to, perOrg,
				total.figures(), longest);
	}

	private void group(String sql, MapSqlParameterSource params, Map<String, Counts> counts,
			Function<Counts, Map<String, Long>> target, Function<String, String> label) {
		RowCallbackHandler each = (rs) -> target.apply(counts.get(rs.getString("org_code")))
			.merge(label.apply(rs.getString("k")), rs.getLong("n"), Long::sum);
		this.jdbc.query(sql, params, each);
	}

	private static String shortened(String summary) {
		return Summaries.firstWords(summary, 40);
	}

	/** The counts of one organization while they are added up. */
	private static final class Counts {

		final String orgCode;

		final String orgName;

		final Map<String, Long> byChannel = new TreeMap<>();

		final Map<String, Long> byKind = new TreeMap<>();

		final Map<String, Long> byRoute = new TreeMap<>();

		final Map<String, long[]> onTime = new HashMap<>();

		long concluded;

		long openAtEnd;

		long overdueAtEnd;

		long extended;

		long returned;

		long fedBack;

		long satisfied;

		Counts(String orgCode, String orgName) {
			this.orgCode = orgCode;
			this.orgName = orgName;
		}

		long received() {
			return this.byChannel.values().stream().mapToLong(Long::longValue).sum();
		}

		void add(Counts other) {
			other.byChannel.forEach((k, v) -> this.byChannel.merge(k, v, Long::sum));
			other.byKind.forEach((k, v) -> this.byKind.merge(k, v, Long::sum));
			other.byRoute.forEach((k, v) -> this.byRoute.merge(k, v, Long::sum));
			other.onTime.forEach((k, v) -> {
				long[] n = this.onTime.computeIfAbsent(k, (s) -> new long[2]);
				n[0] += v[0];
				n[1] += v[1];
			});
			this.concluded += other.concluded;
			this.openAtEnd += other.openAtEnd;
			this.overdueAtEnd += other.overdueAtEnd;
			this.extended += other.extended;
			this.returned += other.returned;
			this.fedBack += other.fedBack;
			this.satisfied += other.satisfied;
		}

		MonthlyFigures.Org figures() {
			List<MonthlyFigures.StageOnTime> stages = new ArrayList<>();
			for (String stage : DEADLINE_STAGES) {
				long[] n = this.onTime.getOrDefault(stage, new long[2]);
				stages.add(new MonthlyFigures.StageOnTime(stage, Stage.ofCode(stage).label(), n[0], n[1]));
			}
			return new MonthlyFigures.Org(this.orgCode, this.orgName, received(), this.byChannel, this.byKind,
					this.byRoute, this.concluded, stages, this.openAtEnd, this.overdueAtEnd, this.extended,
					this.returned, this.fedBack, this.satisfied);
		}

	}

}
