package cn.liangxin.opinions.insight;

import java.time.LocalDate;
import java.util.List;

/**
 * How the deadlines are kept, within the caller's scope: open cases by stage and
 * organization, the overdue ones, the on-time rate per deadline stage and the
 * satisfaction rate of feedback in a period, and the cases struck off this month.
 */
public record DeadlineDashboard(LocalDate today, LocalDate from, LocalDate to, List<OpenCount> openByStage,
		List<OverdueCase> overdue, List<OnTime> onTime, Satisfaction satisfaction, long struckOffThisMonth,
		List<InsightScope.Org> organizations, List<InsightScope.Cmt> committees) {

	public record OpenCount(String stage, String stageLabel, String orgCode, String orgName, long count) {
	}

	public record OverdueCase(String caseNo, String caseNoDisplay, String orgCode, String orgName, String stage,
			String stageLabel, LocalDate dueOn, int workingDaysOverdue, String processInstanceId) {
	}

	/**
	 * @param rate onTime / completed, {@code null} when nothing was completed
	 */
	public record OnTime(String stage, String label, long completed, long onTime, Double rate) {
	}

	/**
	 * @param rate satisfied / feedbacks, {@code null} without feedback
	 */
	public record Satisfaction(long feedbacks, long satisfied, Double rate) {
	}

}
