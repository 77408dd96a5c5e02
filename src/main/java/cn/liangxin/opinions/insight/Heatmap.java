package cn.liangxin.opinions.insight;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the cases of a process went in a period: per activity how many instances passed
 * or sat there, how many sit there now, and the median and 90th-percentile working days
 * they took; per sequence flow how often it was taken.
 *
 * @param cases the cases with an activity instance in the period
 * @param organizations the organizations the caller may filter by
 * @param committees the committees the caller may filter by
 */
public record Heatmap(String process, String view, LocalDate from, LocalDate to, long cases,
		List<ActivityCount> activities, List<FlowCount> flows, List<InsightScope.Org> organizations,
		List<InsightScope.Cmt> committees) {

	/**
	 * @param count instances in the period, passed or sitting
	 * @param active instances sitting there now
	 * @param medianWorkingDays of the finished instances, {@code null} if none
	 * @param p90WorkingDays of the finished instances, {@code null} if none
	 */
	public record ActivityCount(String activityId, long count, long active, Double medianWorkingDays,
			Double p90WorkingDays) {
	}

	public record FlowCount(String flowId, long count) {
	}

}
