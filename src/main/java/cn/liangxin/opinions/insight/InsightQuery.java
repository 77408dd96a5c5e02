package cn.liangxin.opinions.insight;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.org.AccessScope;

/**
 * The part of the organization tree and the period a question is about, as SQL: a
 * {@code where} fragment over the case's organization code ({@code r.org_code} of
 * {@code opinion_register r}, unless told otherwise) and {@code organization o}, and its
 * parameters. The caller's scope always applies; the committee and organization filters
 * narrow it.
 */
final class InsightQuery {

	private final StringBuilder where = new StringBuilder();

	private final Map<String, Object> params = new HashMap<>();

	private InsightQuery() {
	}

	static InsightQuery within(AccessScope scope, String committee, String org) {
		return within(scope, committee, org, "r.org_code");
	}

	/**
	 * As {@link #within(AccessScope, String, String)}, over another column with the
	 * organization's code.
	 */
	static InsightQuery within(AccessScope scope, String committee, String org, String orgColumn) {
		InsightQuery query = new InsightQuery();
		if (!scope.everything()) {
			List<String> orgs = new ArrayList<>(scope.orgCodes());
			if (orgs.isEmpty()) {
				orgs.add("");
			}
			query.and(orgColumn + " in (:scopeOrgs)", "scopeOrgs", orgs);
		}
		if (committee != null) {
			query.and("o.committee_code = :committee", "committee", committee);
		}
		if (org != null) {
			query.and(orgColumn + " = :org", "org", org);
		}
		return query;
	}

	InsightQuery and(String condition, String name, Object value) {
		this.where.append(" and ").append(condition);
		if (name != null) {
			this.params.put(name, value);
		}
		return this;
	}

	InsightQuery and(String condition) {
		return and(condition, null, null);
	}

	InsightQuery with(String name, Object value) {
		this.params.put(name, value);
		return this;
	}

	/** Binds the start of a day in China, as the engine's timestamps are stored. */
	InsightQuery withStartOf(String name, LocalDate day) {
		return with(name, Timestamp.from(day.atStartOfDay(WorkingDayCalendar.ZONE).toInstant()));
	}

	String where() {
		return this.where.toString();
	}

	Map<String, Object> params() {
		return this.params;
	}

}
