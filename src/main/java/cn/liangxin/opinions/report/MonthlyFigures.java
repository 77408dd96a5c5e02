package cn.liangxin.opinions.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A month's figures of a committee's organizations, as they stood when the report was
 * made: per organization and in total, opinions received by channel and kind, the routes
 * taken, cases concluded (struck off), deadlines done on time per stage, cases open and
 * overdue at the month's end, cases extended and returned, feedback and satisfaction; and
 * the matters open longest.
 */
public record MonthlyFigures(String committeeCode, String committeeName, String month, LocalDate from, LocalDate to,
		List<Org> organizations, Org total, List<OpenCase> longestOpen) {

	/** The figures of one organization (or of all, {@code orgCode} "*"). */
	public record Org(String orgCode, String orgName, long received, Map<String, Long> byChannel,
			Map<String, Long> byKind, Map<String, Long> byRoute, long concluded, List<StageOnTime> onTime,
			long openAtEnd, long overdueAtEnd, long extended, long returned, long fedBack, long satisfied) {

	}

	/** Deadline tasks of a stage done in the month, and how many by their due day. */
	public record StageOnTime(String stage, String label, long done, long onTime) {

	}

	/** A matter still open at the month's end. */
	public record OpenCase(String caseNo, String caseNoDisplay, String orgName, LocalDate reportedOn, String summary,
			String stage, LocalDate dueOn, boolean overdue) {

	}

	/**
	 * The figures as a Markdown table for the review form: one row per organization and
	 * the total, then the matters open longest.
	 */
	public String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("| 组织 | 收到 | 当场解决/解释 | 交部门 | 上报 | 办结销号 | 月末未结 | 其中逾期 | 延期 | 退单 | 按期（办结/按期） | 满意/反馈 |\n");
		md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (Org org : this.organizations) {
			row(md, org);
		}
		row(md, this.total);
		if (!this.longestOpen.isEmpty()) {
			md.append("\n**未结时间最长的事项**\n\n| 案件编号 | 组织 | 反映时间 | 事项 | 环节 | 期限 |\n|---|---|---|---|---|---|\n");
			for (OpenCase open : this.longestOpen) {
				md.append("| ")
					.append(open.caseNoDisplay())
					.append(" | ")
					.append(open.orgName())
					.append(" | ")
					.append(open.reportedOn())
					.append(" | ")
					.append(open.summary().replace("|", "｜"))
					.append(" | ")
					.append((open.stage() != null) ? open.stage() : "")
					.append(" | ")
					.append((open.dueOn() != null) ? open.dueOn() + (open.overdue() ? "（逾期）" : "") : "")
					.append(" |\n");
			}
		}
		return md.toString();
	}

	private static void row(StringBuilder md, Org org) {
		long onSpot = org.byRoute().getOrDefault("当场解决", 0L) + org.byRoute().getOrDefault("解释说明", 0L);
		long done = org.onTime().stream().mapToLong(StageOnTime::done).sum();
		long onTime = org.onTime().stream().mapToLong(StageOnTime::onTime).sum();
		md.append("| ")
			.append(org.orgName())
			.append(" | ")
			.append(org.received())
			.append(" | ")
			.append(onSpot)
			.append(" | ")
			.append(org.byRoute().getOrDefault("交企业相关部门办理", 0L))
			.append(" | ")
			.append(org.byRoute().getOrDefault("上报主管党（工）委协调", 0L))
			.append(" | ")
			.append(org.concluded())
			.append(" | ")
			.append(org.openAtEnd())
			.append(" | ")
			.append(org.overdueAtEnd())
			.append(" | ")
			.append(org.extended())
			.append(" | ")
			.append(org.returned())
			.append(" | ")
			.append(done)
			.append("/")
			.append(onTime)
			.append(" | ")
			.append(org.satisfied())
			.append("/")
			.append(org.fedBack())
			.append(" |\n");
	}

}
