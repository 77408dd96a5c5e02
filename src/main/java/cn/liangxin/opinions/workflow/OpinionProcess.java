package cn.liangxin.opinions.workflow;

/**
 * Ids of the processes, their elements and variables: a contract with the BPMN files, the
 * forms, the tests and the REST API's users.
 */
public final class OpinionProcess {

	public static final String PROCESS_ID = "employee-opinion";

	public static final String SUPERVISION_PROCESS_ID = "opinion-supervision";

	public static final String DIGEST_PROCESS_ID = "opinion-digest";

	/** 延期审批: the level above decides on a request for more time. */
	public static final String EXTENSION_PROCESS_ID = "opinion-extension";

	/** User task ids. */
	public static final class Tasks {

		public static final String BRANCH_ASSESS = "branchAssess";

		public static final String DEPARTMENT_HANDLE = "departmentHandle";

		public static final String BRANCH_REPORT_UP = "branchReportUp";

		public static final String COMMITTEE_ACCEPT = "committeeAccept";

		public static final String COMMITTEE_HANDLE = "committeeHandle";

		public static final String BRANCH_FEEDBACK = "branchFeedback";

		public static final String SUPERVISE_OVERDUE = "superviseOverdue";

		public static final String APPROVE_EXTENSION = "approveExtension";

		private Tasks() {
		}

	}

	/** Other element ids that tests and reports refer to. */
	public static final class Elements {

		public static final String START = "OpinionRaisedStartEvent";

		public static final String REGISTER = "RegisterOpinionTask";

		public static final String DEPARTMENT_SUBPROCESS = "DepartmentHandlingSubProcess";

		public static final String DEPARTMENT_TIMER = "DepartmentOverdueTimer";

		public static final String DEPARTMENT_SUPERVISION = "SuperviseDepartmentCallActivity";

		public static final String REPORT_UP_SUBPROCESS = "ReportUpSubProcess";

		public static final String REPORT_UP_TIMER = "ReportUpOverdueTimer";

		public static final String REPORT_UP_SUPERVISION = "SuperviseReportUpCallActivity";

		public static final String COMMITTEE_SUBPROCESS = "CommitteeHandlingSubProcess";

		public static final String COMMITTEE_TIMER = "CommitteeOverdueTimer";

		public static final String COMMITTEE_SUPERVISION = "SuperviseCommitteeCallActivity";

		public static final String DEPARTMENT_EXTENSION = "DepartmentExtensionCallActivity";

		public static final String REPORT_UP_EXTENSION = "ReportUpExtensionCallActivity";

		public static final String COMMITTEE_EXTENSION = "CommitteeExtensionCallActivity";

		/** The error boundary event on the department's subprocess: a slip returned. */
		public static final String SLIP_RETURNED = "SlipReturnedBoundaryEvent";

		public static final String STRIKE_OFF = "StrikeOffTask";

		public static final String END = "OpinionStruckOffEndEvent";

		private Elements() {
		}

	}

	/** Process variable names. */
	public static final class Vars {

		// intake (the API's JSON fields and the intake form's keys)
		public static final String ORG_CODE = "orgCode";

		public static final String REPORTER_NAME = "reporterName";

		public static final String REPORTER_UNIT = "reporterUnit";

		public static final String REPORTER_ADDRESS = "reporterAddress";

		public static final String REPORTER_PHONE = "reporterPhone";

		public static final String REPORTED_ON = "reportedOn";

		public static final String CHANNEL = "channel";

		public static final String KIND = "kind";

		public static final String SUMMARY = "summary";

		public static final String RESOLVED_ON_SPOT = "resolvedOnSpot";

		public static final String ON_SPOT_RESULT = "onSpotResult";

		// set on registration
		public static final String CASE_NO = "caseNo";

		public static final String CASE_NO_DISPLAY = "caseNoDisplay";

		/** The task list's first column: the case number and the reporter. */
		public static final String CASE_LABEL = "caseLabel";

		public static final String ORG_NAME = "orgName";

		public static final String COMMITTEE_CODE = "committeeCode";

		public static final String CHANNEL_LABEL = "channelLabel";

		public static final String KIND_LABEL = "kindLabel";

		public static final String DEPARTMENT_OPTIONS = "departmentOptions";

		/**
		 * The day the handling deadlines count from: the day raised, or the day sent
		 * back.
		 */
		public static final String HANDLING_START_ON = "handlingStartOn";

		public static final String ENTERPRISE_DUE_ON = "enterpriseDueOn";

		// branchAssess
		public static final String ROUTE = "route";

		public static final String ROUTE_LABEL = "routeLabel";

		public static final String SCOPE = "scope";

		public static final String SCOPE_LABEL = "scopeLabel";

		public static final String ASSESSMENT = "assessment";

		public static final String DEPARTMENT = "department";

		public static final String DEPARTMENT_NAME = "departmentName";

		public static final String SLIP_MATTER = "slipMatter";

		public static final String SLIP_DUE_ON = "slipDueOn";

		public static final String SLIP_CONTACT = "slipContact";

		public static final String SLIP_PHONE = "slipPhone";

		public static final String DEPARTMENT_DUE_ON = "departmentDueOn";

		// departmentHandle
		public static final String HANDLING_RESULT = "handlingResult";

		// branchReportUp
		public static final String REPORT_TEXT = "reportText";

		public static final String REPORT_RECEIVED_ON = "reportReceivedOn";

		public static final String REPORT_UP_DUE_ON = "reportUpDueOn";

		// committee
		public static final String COMMITTEE_MODE = "committeeMode";

		public static final String COMMITTEE_MODE_LABEL = "committeeModeLabel";

		public static final String ACCEPT_NOTE = "acceptNote";

		public static final String COMMITTEE_DUE_ON = "committeeDueOn";

		public static final String COMMITTEE_ANSWER = "committeeAnswer";

		public static final String JOINT_DEPARTMENTS = "jointDepartments";

		// branchFeedback
		public static final String FEEDBACK_METHOD = "feedbackMethod";

		public static final String FEEDBACK_ON = "feedbackOn";

		public static final String FEEDBACK_CONTENT = "feedbackContent";

		public static final String FEEDBACK_SIGNED_BY = "feedbackSignedBy";

		public static final String SATISFIED = "satisfied";

		/** The feedback form's YES / NO for {@link #SATISFIED}. */
		public static final String SATISFACTION = "satisfaction";

		public static final String DISSATISFIED_ACTION = "dissatisfiedAction";

		public static final String CLOSE_REASON = "closeReason";

		public static final String FURTHER_OPINION = "furtherOpinion";

		public static final String REMARKS = "remarks";

		public static final String FEEDBACK_OUTCOME = "feedbackOutcome";

		public static final String REHANDLE_COUNT = "rehandleCount";

		// task-local, for the forms
		public static final String CURRENT_DUE_ON = "currentDueOn";

		public static final String CURRENT_DUE_LABEL = "currentDueLabel";

		// a deadline moved by the level above: the new due day and the stage it applies
		// to
		public static final String DUE_ON_MOVED_TO = "dueOnMovedTo";

		public static final String DUE_ON_MOVED_STAGE = "dueOnMovedStage";

		// the deadline tasks' outcome (DONE, EXTEND, RETURN) and its fields
		public static final String OUTCOME = "outcome";

		public static final String RETURN_REASON = "returnReason";

		public static final String EXTENSION_DUE_ON = "extensionDueOn";

		public static final String EXTENSION_REASON = "extensionReason";

		// a pending request for more time: what the approval shows, and who asked
		public static final String EXTENSION_STAGE = "extensionStage";

		public static final String EXTENSION_STAGE_LABEL = "extensionStageLabel";

		public static final String EXTENSION_FROM = "extensionFrom";

		public static final String EXTENSION_ASKED_BY = "extensionAskedBy";

		public static final String EXTENSION_ASKED_BY_ID = "extensionAskedById";

		public static final String EXTENSION_REQUESTED_ON = "extensionRequestedOn";

		// approveExtension
		public static final String EXTENSION_APPROVED = "extensionApproved";

		/** The approval form's APPROVE / REFUSE for {@link #EXTENSION_APPROVED}. */
		public static final String EXTENSION_DECISION = "extensionDecision";

		public static final String EXTENSION_COMMENT = "extensionComment";

		/** Task-local: what the form says of asking for more time. */
		public static final String EXTENSION_RULE = "extensionRule";

		/** Task-local on departmentHandle: what the form says of returning the slip. */
		public static final String RETURN_RULE = "returnRule";

		/** Task-local on branchFeedback: what the form says of sending the reply back. */
		public static final String SEND_BACK_RULE = "sendBackRule";

		/**
		 * Task-local on a reopened deadline task: how its request for more time ended.
		 */
		public static final String EXTENSION_NOTE = "extensionNote";

		// a slip returned (退单), for the branch's next assessment
		public static final String RETURNED_DEPARTMENT = "returnedDepartment";

		public static final String RETURNED_DEPARTMENT_NAME = "returnedDepartmentName";

		public static final String RETURNED_ON = "returnedOn";

		public static final String RETURNED_BY = "returnedBy";

		/** The branch's note when it gives a returned slip back (驳回退单). */
		public static final String INSIST_NOTE = "insistNote";

		public static final String INSISTED_DEPARTMENT = "insistedDepartment";

		// a reply sent back for more work (补办)
		public static final String SEND_BACK = "sendBack";

		public static final String SEND_BACK_REASON = "sendBackReason";

		public static final String SEND_BACK_COUNT = "sendBackCount";

		/**
		 * The stage whose reply the branch has in hand: departmentHandle or
		 * committeeHandle.
		 */
		public static final String REPLIED_STAGE = "repliedStage";

		public static final String REWORK_STAGE = "reworkStage";

		public static final String REWORK_FROM = "reworkFrom";

		// what the task list shows of every task
		public static final String SUMMARY_SHORT = "summaryShort";

		/** Task-local: 还剩3个工作日 / 今天到期 / 已逾期2个工作日 / 无时限, kept current. */
		public static final String DAYS_LEFT = "daysLeft";

		// supervision
		public static final String OVERDUE_STAGE = "overdueStage";

		public static final String SUPERVISED_ACTIVITY = "supervisedActivity";

		public static final String SUPERVISED_TASK_NAME = "supervisedTaskName";

		public static final String SUPERVISED_DUE_ON = "supervisedDueOn";

		public static final String OVERDUE_WORKING_DAYS = "overdueWorkingDays";

		public static final String SUPERVISION_NOTE = "supervisionNote";

		private Vars() {
		}

	}

	private OpinionProcess() {
	}

}
