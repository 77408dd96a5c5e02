package cn.liangxin.opinions.visit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.org.Organization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * How far the visiting duties are kept in a year, for one organization, a committee's or
 * the district's (docs/visits.md "Coverage"): employees visited of all, Party members
 * inside their pairing range, employees in special difficulty visited on time; per
 * organization, and for one organization per block and per member. Counts only; the names
 * of who is behind only where the caller may see names.
 */
@Service
public class Coverage {

	/**
	 * An employee in special difficulty is visited on time with a visit in these last
	 * days.
	 */
	static final int DIFFICULTY_INTERVAL_DAYS = 30;

	/**
	 * The employees with a visit in the year, and those with one in the recent interval.
	 */
	private static final String VISITED = """
			with seen as (select distinct employee_id from visit
			              where org_code in (:orgs) and visited_on >= :from and visited_on < :to),
			     recent as (select distinct employee_id from visit
			              where org_code in (:orgs) and visited_on > :recent and visited_on <= :asOf)
			""";

	private static final String EMPLOYEES = VISITED + """
			select e.org_code,
			       count(*) as employees,
			       count(s.employee_id) as visited,
			       sum(case when e.special_difficulty then 1 else 0 end) as difficulty,
			       count(case when e.special_difficulty then r.employee_id end) as on_time
			from employee e
			left join seen s on s.employee_id = e.id
			left join recent r on r.employee_id = e.id
			where e.left_on is null and e.org_code in (:orgs)
			group by e.org_code""";

	private static final String MEMBERS = VISITED + """
			, paired as (
			    select e.org_code, e.contact_staff_no, count(*) as paired, count(s.employee_id) as visited
			    from employee e left join seen s on s.employee_id = e.id
			    where e.left_on is null and not e.party_member and e.contact_staff_no is not null
			      and e.org_code in (:orgs)
			    group by e.org_code, e.contact_staff_no)
			select m.org_code, m.staff_no, m.name, coalesce(p.paired, 0), coalesce(p.visited, 0)
			from employee m
			left join paired p on p.org_code = m.org_code and p.contact_staff_no = m.staff_no
			where m.party_member and m.left_on is null and m.org_code in (:orgs)
			order by m.org_code, m.staff_no""";

	private static final String BLOCKS = """
			select e.block, b.leader_staff_no, l.name as leader,
			       count(*) as employees,
			       sum(case when exists (select 1 from visit v where v.employee_id = e.id
			                             and v.visited_on >= :from and v.visited_on < :to) then 1 else 0 end) as visited
			from employee e
			left join visit_block b on b.org_code = e.org_code and b.name = e.block
			left join employee l on l.org_code = b.org_code and l.staff_no = b.leader_staff_no
			where e.left_on is null and e.org_code = :org and e.block is not null
			group by e.block, b.leader_staff_no, l.name
			order by e.block""";

	private static final String NOT_VISITED = """
			select e.staff_no, e.name from employee e
			where e.left_on is null and e.org_code = :org
			  and not exists (select 1 from visit v where v.employee_id = e.id
			                  and v.visited_on >= :from and v.visited_on < :to)
			order by e.staff_no""";

	private static final String SUMMARY = """
			select org_code, version, as_of, employees, visited, difficulty, difficulty_on_time, members,
			       members_in_range
			from coverage_summary where org_code in (:orgs)""";

	private static final String DUTIES = """
			select kind, period, count(*), count(done_on),
			       sum(case when done_on <= due_on then 1 else 0 end),
			       sum(case when done_on is null and due_on < :asOf then 1 else 0 end)
			from visiting_duty
			where org_code in (:orgs) and period_start >= :from and period_start < :to and period_start <= :asOf
			group by kind, period
			order by kind, period""";

	private static final String DUTIES_BEHIND = """
			select kind, org_code, period, holder_name, due_on, supervised_at
			from visiting_duty
			where org_code in (:orgs) and period_start >= :from and period_start < :to
			  and done_on is null and due_on < :asOf
			order by due_on, org_code, kind, holder
			fetch first 200 rows only""";

	/** The figures of a scope. {@code employees} and {@code visited} are its totals. */
	public record View(String scope, String orgCode, String committee, int year, LocalDate asOf, int employees,
			int visited, int members, int membersInRange, int difficulty, int difficultyVisitedOnTime,
			int difficultyIntervalDays, List<OrgLine> organizations, List<BlockLine> blocks, List<MemberLine> byMember,
			List<PairingRules.Named> notVisited, DutyFigures duties, List<DutyLine> dutiesBehind) {
	}

	/**
	 * The recurring duties of the year's periods begun by {@code asOf}, per kind and
	 * period (docs/visits.md).
	 */
	public record DutyFigures(List<DutyCount> meetingsPerQuarter, List<DutyCount> talksPerMonth,
			List<DutyCount> ownerVisitsPerQuarter, List<DutyCount> committeeVisitsPerMonth) {
	}

	/**
	 * One kind's duties of one period: {@code due} made, {@code done} recorded,
	 * {@code onTime} by the due day, {@code overdue} past their due day and not recorded.
	 */
	public record DutyCount(String period, int due, int done, int onTime, int overdue) {
	}

	/**
	 * A duty past its due day and not recorded (the first 200, oldest first); the
	 * leader's name only with names.
	 */
	public record DutyLine(String kind, String label, String orgCode, String orgName, String period, String holder,
			LocalDate dueOn, boolean supervised) {
	}

	/** One organization's figures; {@code behind}: employees not visited this year. */
	public record OrgLine(String orgCode, String name, int employees, int visited, int members, int membersInRange,
			int difficulty, int difficultyVisitedOnTime, int behind) {
	}

	public record BlockLine(String block, String leaderStaffNo, String leader, int employees, int visited) {
	}

	public record MemberLine(String staffNo, String name, int paired, int pairedVisited, boolean inRange) {
	}

	private static final Logger log = LoggerFactory.getLogger(Coverage.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final VisitSettings settings;

	public Coverage(NamedParameterJdbcTemplate jdbc, VisitSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/**
	 * The query for these organizations; for the whole district without the list of its
	 * organizations (hundreds of parameters that PostgreSQL would plan into every scan).
	 */
	private static String scoped(String sql, boolean district) {
		return district ? sql.replace(" in (:orgs)", " is not null") : sql;
	}

	/**
	 * The coverage of these organizations in the year. {@code names}: whether the
	 * per-member lines and the list of who was not visited may name people (the
	 * organization's branch and admins, for one organization).
	 */
	public View of(String scope, String orgCode, String committee, List<Organization> orgs, int year, boolean names) {
		LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = from.plusYears(1);
		LocalDate asOf = today.isBefore(to) ? today : to.minusDays(1);
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", from)
			.addValue("to", to)
			.addValue("asOf", asOf)
			.addValue("recent", asOf.minusDays(DIFFICULTY_INTERVAL_DAYS))
			.addValue("orgs", orgs.isEmpty() ? List.of("") : orgs.stream().map(Organization::getCode).toList());
		boolean district = "district".equals(scope);
		PairingRules.Limits limits = this.settings.pairing().limits();
		List<MemberLine> members = new ArrayList<>();
		Map<String, int[]> counts = (orgCode == null && year == today.getYear())
				? kept(orgs, district, params, limits, asOf)
				: count(params, district, limits, (orgCode != null) ? members : null);
		List<OrgLine> lines = new ArrayList<>();
		int[] total = new int[6];
		for (Organization org : orgs) {
			int[] c = counts.getOrDefault(org.getCode(), new int[6]);
			for (int i = 0; i < total.length; i++) {
				total[i] += c[i];
			}
			lines.add(new OrgLine(org.getCode(), org.getName(), c[0], c[1], c[4], c[5], c[2], c[3], c[0] - c[1]));
		}
		lines.sort(Comparator
			.comparingDouble((OrgLine l) -> (l.employees() == 0) ? 1 : (double) l.visited() / l.employees())
			.thenComparing(OrgLine::orgCode));
		List<BlockLine> blocks = null;
		List<PairingRules.Named> notVisited = null;
		if (orgCode != null) {
			params.addValue("org", orgCode);
			blocks = this.jdbc.query(BLOCKS, params, (rs, n) -> new BlockLine(rs.getString(1),
					names ? rs.getString(2) : null, names ? rs.getString(3) : null, rs.getInt(4), rs.getInt(5)));
			if (names) {
				notVisited = this.jdbc.query(NOT_VISITED, params,
						(rs, n) -> new PairingRules.Named(rs.getString(1), rs.getString(2)));
			}
		}
		Map<DutyKind, List<DutyCount>> duties = new java.util.EnumMap<>(DutyKind.class);
		for (DutyKind kind : DutyKind.values()) {
			duties.put(kind, new ArrayList<>());
		}
		this.jdbc.query(scoped(DUTIES, district), params,
				(RowCallbackHandler) (rs) -> duties.get(DutyKind.valueOf(rs.getString(1)))
					.add(new DutyCount(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6))));
		Map<String, String> orgNames = new HashMap<>();
		orgs.forEach((org) -> orgNames.put(org.getCode(), org.getName()));
		List<DutyLine> behind = new ArrayList<>();
		this.jdbc.query(scoped(DUTIES_BEHIND, district), params, (RowCallbackHandler) (rs) -> {
			DutyKind kind = DutyKind.valueOf(rs.getString(1));
			behind.add(new DutyLine(kind.name(), kind.label(), rs.getString(2), orgNames.get(rs.getString(2)),
					rs.getString(3), names ? rs.getString(4) : null, rs.getDate(5).toLocalDate(),
					rs.getTimestamp(6) != null));
		});
		return new View(scope, orgCode, committee, year, asOf, total[0], total[1], total[4], total[5], total[2],
				total[3], DIFFICULTY_INTERVAL_DAYS, lines, blocks, (orgCode != null && names) ? members : null,
				notVisited, new DutyFigures(duties.get(DutyKind.MEETING), duties.get(DutyKind.TALK),
						duties.get(DutyKind.OWNER_VISIT), duties.get(DutyKind.COMMITTEE_VISIT)),
				behind);
	}

	/**
	 * Each organization's counts {employees, visited, difficulty, on time, members, in
	 * range}, counted now; with {@code members} the per-member lines too.
	 */
	private Map<String, int[]> count(MapSqlParameterSource params, boolean district, PairingRules.Limits limits,
			List<MemberLine> members) {
		Map<String, int[]> counts = new HashMap<>();
		this.jdbc.query(scoped(EMPLOYEES, district), params, (RowCallbackHandler) (rs) -> counts.put(rs.getString(1),
				new int[] { rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), 0, 0 }));
		this.jdbc.query(scoped(MEMBERS, district), params, (RowCallbackHandler) (rs) -> {
			int[] c = counts.computeIfAbsent(rs.getString(1), (k) -> new int[6]);
			boolean inRange = limits.rangeFor(c[0]).contains(rs.getInt(4));
			c[4]++;
			c[5] += inRange ? 1 : 0;
			if (members != null) {
				members.add(new MemberLine(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), inRange));
			}
		});
		return counts;
	}

	/**
	 * The counts of this year as of today from {@code coverage_summary}: rows of today
	 * are read; the others (and organizations without a row) are counted now and stored,
	 * each only if no visit or import changed its organization since its row was read
	 * (its {@code version}). A committee's and the district's figures so read a row per
	 * organization; the first call of a day counts them all once.
	 */
	private Map<String, int[]> kept(List<Organization> orgs, boolean district, MapSqlParameterSource params,
			PairingRules.Limits limits, LocalDate asOf) {
		Map<String, Long> versions = new HashMap<>();
		Map<String, int[]> counts = new HashMap<>();
		this.jdbc.query(scoped(SUMMARY, district), params, (RowCallbackHandler) (rs) -> {
			versions.put(rs.getString(1), rs.getLong(2));
			java.sql.Date on = rs.getDate(3);
			if (on != null && on.toLocalDate().equals(asOf)) {
				counts.put(rs.getString(1), new int[] { rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7),
						rs.getInt(8), rs.getInt(9) });
			}
		});
		List<String> stale = new ArrayList<>();
		for (Organization org : orgs) {
			if (!versions.containsKey(org.getCode())) {
				try {
					this.jdbc.getJdbcTemplate()
						.update("insert into coverage_summary (org_code, version, as_of, employees, visited, "
								+ "difficulty, difficulty_on_time, members, members_in_range) "
								+ "values (?, 0, null, 0, 0, 0, 0, 0, 0)", org.getCode());
					versions.put(org.getCode(), 0L);
				}
				catch (DataIntegrityViolationException ex) {
					// made meanwhile by another reader: counted now, stored next time
				}
			}
			if (!counts.containsKey(org.getCode())) {
				stale.add(org.getCode());
			}
		}
		if (stale.isEmpty()) {
			return counts;
		}
		boolean all = district && stale.size() == orgs.size();
		Map<String, int[]> fresh = count(new MapSqlParameterSource(params.getValues()).addValue("orgs", stale), all,
				limits, null);
		List<Object[]> rows = new ArrayList<>();
		for (String code : stale) {
			int[] c = fresh.getOrDefault(code, new int[6]);
			counts.put(code, c);
			if (versions.containsKey(code)) {
				rows.add(new Object[] { asOf, c[0], c[1], c[2], c[3], c[4], c[5], code, versions.get(code) });
			}
		}
		this.jdbc.getJdbcTemplate()
			.batchUpdate("update coverage_summary set as_of = ?, employees = ?, visited = ?, difficulty = ?, "
					+ "difficulty_on_time = ?, members = ?, members_in_range = ? where org_code = ? and version = ?",
					rows);
		log.debug("Coverage of {} organizations counted and kept as of {}", stale.size(), asOf);
		return counts;
	}

	/**
	 * A visit was recorded or a roster imported: the organization's kept counts are stale
	 * (in the writer's transaction; a reader counting meanwhile does not store).
	 */
	static void changed(JdbcTemplate jdbc, String orgCode) {
		jdbc.update("update coverage_summary set as_of = null, version = version + 1 where org_code = ?", orgCode);
	}

	/**
	 * At start-up every kept count is stale: the pairing limits may have changed with the
	 * configuration.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void settingsMayHaveChanged() {
		this.jdbc.getJdbcTemplate().update("update coverage_summary set as_of = null, version = version + 1");
	}

}
