package cn.liangxin.opinions.opinion;

import java.time.LocalDate;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.deadline.CalendarService;

import org.springframework.stereotype.Component;

/**
 * The deadlines of seed 000 §二(三) on the working-day calendar: 15 working days for the
 * enterprise, 5 to report up, 10 or 20 for the supervising committee.
 */
@Component
public class HandlingDeadlines {

	/** 需要集中处理或要与企业行政商榷解决的问题，要在15个工作日内办结. */
	public static final int ENTERPRISE_DAYS = 15;

	/** 需要上级党组织协调解决的问题，要在5个工作日内梳理上报. */
	public static final int REPORT_UP_DAYS = 5;

	/** 主管党（工）委能独立解决的，应在10个工作日内予以答复. */
	public static final int COMMITTEE_INDEPENDENT_DAYS = 10;

	/** 需联合其他部门解决的，应在20个工作日内答复. */
	public static final int COMMITTEE_JOINT_DAYS = 20;

	private final CalendarService calendars;

	HandlingDeadlines(CalendarService calendars) {
		this.calendars = calendars;
	}

	/**
	 * The latest date an assignment slip may give: 15 working days after the handling
	 * started.
	 */
	public Deadline enterprise(LocalDate start) {
		return calendar().deadline(start, ENTERPRISE_DAYS);
	}

	/** The department's deadline: the slip's date when the branch set an earlier one. */
	public Deadline department(LocalDate start, LocalDate slipDueOn) {
		Deadline latest = enterprise(start);
		if (slipDueOn == null || !slipDueOn.isBefore(latest.dueOn())) {
			return latest;
		}
		return new Deadline(start, calendar().workingDaysBetween(start, slipDueOn), slipDueOn, latest.estimated());
	}

	/**
	 * The deadline moved to another due day by the level above (an earlier date, or an
	 * extension): same start, the working days counted to the new day.
	 */
	public Deadline movedTo(Deadline original, LocalDate dueOn) {
		return new Deadline(original.start(), Math.max(0, calendar().workingDaysBetween(original.start(), dueOn)),
				dueOn, original.estimated());
	}

	/**
	 * A deadline of the side roads (the rework after a reply was sent back, the decision
	 * on a request for more time): the given working days after {@code start}.
	 */
	public Deadline within(LocalDate start, int workingDays) {
		return calendar().deadline(start, workingDays);
	}

	public Deadline reportUp(LocalDate start) {
		return calendar().deadline(start, REPORT_UP_DAYS);
	}

	public Deadline committee(LocalDate reportReceivedOn, CommitteeMode mode) {
		return calendar().deadline(reportReceivedOn,
				(mode == CommitteeMode.JOINT) ? COMMITTEE_JOINT_DAYS : COMMITTEE_INDEPENDENT_DAYS);
	}

	/**
	 * Working days from {@code today} to the deadline: positive remaining, negative
	 * overdue.
	 */
	public int workingDaysLeft(Deadline deadline, LocalDate today) {
		return calendar().workingDaysBetween(today, deadline.dueOn());
	}

	/** The working-day calendar as it stands now (an admin may add a year). */
	public WorkingDayCalendar calendar() {
		return this.calendars.calendar();
	}

}
