package cn.liangxin.opinions.workflow;

/**
 * The ids and variables of the visiting duties' processes (processes/visiting-duty.bpmn,
 * processes/visiting-duty-schedule.bpmn), mirrored by the tests.
 */
public final class DutyProcess {

	/**
	 * One duty of one period: record it, reminded, supervised by the level above when
	 * late.
	 */
	public static final String PROCESS_ID = "visiting-duty";

	/** The daily check that makes each period's duties. */
	public static final String SCHEDULE_PROCESS_ID = "visiting-duty-schedule";

	public static final String SCHEDULE_TIMER = "VisitingDutyDailyTimer";

	public static final String MAKE_DUTIES = "MakeVisitingDutiesTask";

	public static final String REMINDER_TIMER = "DutyReminderTimer";

	public static final String OVERDUE_TIMER = "DutyOverdueTimer";

	public static final String SUPERVISE = "superviseDuty";

	/** The record task of each kind. */
	public static final class Tasks {

		public static final String MEETING = "recordMeeting";

		public static final String TALK = "recordTalk";

		public static final String OWNER_VISIT = "recordOwnerVisit";

		public static final String COMMITTEE_VISIT = "recordCommitteeVisit";

		private Tasks() {
		}

	}

	/** Variables of a duty's instance and its forms. */
	public static final class Vars {

		public static final String DUTY_ID = "dutyId";

		/** The organization one turn of the daily check's loop makes duties for. */
		public static final String ORG_OF_CHECK = "dutyOrgCode";

		public static final String DUTY_KIND = "dutyKind";

		public static final String DUTY_TITLE = "dutyTitle";

		public static final String ORG_CODE = OpinionProcess.Vars.ORG_CODE;

		public static final String ORG_NAME = "orgName";

		public static final String COMMITTEE_CODE = "committeeCode";

		public static final String HOLDER_NAME = "dutyHolderName";

		public static final String PERIOD = "dutyPeriod";

		public static final String DUE_ON = "currentDueOn";

		public static final String REMIND_ON = "dutyRemindOn";

		public static final String DONE_ON = "dutyDoneOn";

		public static final String PEOPLE = "dutyPeople";

		public static final String ATTENDEES = "dutyAttendees";

		public static final String SUMMARY = "dutySummary";

		public static final String MATTERS = "dutyMatters";

		/**
		 * Who supervises it when late: its committee, or the district a committee's own.
		 */
		public static final String SUPERVISOR_GROUP = "dutySupervisorGroup";

		public static final String SUPERVISION_NOTE = "supervisionNote";

		private Vars() {
		}

	}

	private DutyProcess() {
	}

}
