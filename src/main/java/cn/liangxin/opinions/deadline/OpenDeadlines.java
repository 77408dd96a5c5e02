package cn.liangxin.opinions.deadline;

import java.time.LocalDate;
import java.util.List;

/**
 * The deadlines of open cases, computed again after the calendar changed: their due days,
 * reminders and overdue timers follow the new arrangement. Implemented by the engine
 * adapter ({@code workflow}), where the cases' tasks and timers are.
 */
public interface OpenDeadlines {

	/**
	 * Recalculates the open deadlines that the year's arrangement can touch (their stage
	 * began or ends in that year).
	 * @param year the year whose arrangement changed
	 * @return what moved
	 */
	Recalculation recalculate(int year);

	/**
	 * The outcome of a recalculation.
	 *
	 * @param checked the open deadlines looked at
	 * @param timers the reminder and overdue timers whose moments were computed again
	 * @param moved the deadlines whose due day changed
	 */
	record Recalculation(int checked, int timers, List<Moved> moved) {

	}

	/** A due day that moved: case, stage (task id), from, to. */
	record Moved(String caseNo, String stage, LocalDate from, LocalDate to) {

	}

}
