package cn.liangxin.opinions.workflow;

/**
 * The ids and variables of the monthly report's processes (processes/monthly-report.bpmn,
 * processes/monthly-report-schedule.bpmn), mirrored by the tests.
 */
public final class ReportProcess {

	/**
	 * A committee's report of a month: review and submit, reminded, supervised when late.
	 */
	public static final String PROCESS_ID = "monthly-report";

	/** The daily timer that makes the month's reports on its first working day. */
	public static final String SCHEDULE_PROCESS_ID = "monthly-report-schedule";

	public static final String REVIEW = "reviewMonthlyReport";

	public static final String SUPERVISE = "superviseMonthlyReport";

	public static final String REMINDER_TIMER = "MonthlyReportReminderTimer";

	public static final String OVERDUE_TIMER = "MonthlyReportOverdueTimer";

	public static final String SCHEDULE_TIMER = "MonthlyReportDailyTimer";

	/** Variables of a report's instance. */
	public static final class Vars {

		public static final String COMMITTEE_CODE = "committeeCode";

		public static final String COMMITTEE_NAME = "committeeName";

		public static final String REPORT_MONTH = "reportMonth";

		public static final String CREATED_ON = "reportCreatedOn";

		public static final String DUE_ON = "currentDueOn";

		public static final String FIGURES = "figuresMarkdown";

		public static final String REMARKS = "reportRemarks";

		private Vars() {
		}

	}

	private ReportProcess() {
	}

}
