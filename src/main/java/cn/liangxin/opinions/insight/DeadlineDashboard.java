package cn.liangxin.opinions.insight;

import java.time.LocalDate;
import java.util.List;

/**
 * How the deadlines are kept, within the caller's scope: open cases by stage and
 * organization, the overdue ones, the on-time rate per deadline stage (against the
 * deadline each task had and against the original one), the side roads (returns,
 * extensions, replies sent back, urges) and the satisfaction rate of feedback in a
 * period, and the cases struck off this month.
 */
public record DeadlineDashboard(LocalDate today, LocalDate from, LocalDate to, List<OpenCount> openByStage,
		List<OverdueCase> overdue, List<OnTime> onTime, List<SideRoadCount> sideRoads, Satisfaction satisfaction,
		long struckOffThisMonth, List<InsightScope.Org> organizations, List<InsightScope.Cmt> committees) {

	public record OpenCount(String stage, String stageLabel, String orgCode, String orgName, long count) {
	}

	public record OverdueCase(String caseNo, String caseNoDisplay, String orgCode, String orgName, String stage,
			String stageLabel, LocalDate dueOn, int workingDaysOverdue, String processInstanceId) {
	}

	/**
	 * @param completed the tasks done in the period (their result given: a slip returned
	 * or more time asked for does not count)
	 * @param onTime done by the deadline they had, an extended or moved one included
	 * @param rate onTime / completed, {@code null} when nothing was completed
	 * @param extended done with a deadline extended or moved by the level above
	 * @param onTimeOriginal done by the original deadline, before any extension or move
	 * @param rateOriginal onTimeOriginal / completed
	 */
	public record OnTime(String stage, String label, long completed, long onTime, Double rate, long extended,
			long onTimeOriginal, Double rateOriginal) {
	}

	/**
	 * The side roads per stage and organization in the period: cases whose slip was
	 * returned (退单), whose deadline was extended on request (延期), whose reply was sent
	 * back (补办), and the urges (催办).
	 */
	public record SideRoadCount(String stage, String stageLabel, String orgCode, String orgName, long returned,
			long extended, long sentBack, long urges) {
	}

	/**
	 * @param rate satisfied / feedbacks, {@code null} without feedback
	 */
	public record Satisfaction(long feedbacks, long satisfied, Double rate) {
	}

}
