package cn.liangxin.opinions.workflow;

/**
 * Ids of the visit log process ({@code processes/visit-log.bpmn}, 走访日志), its elements and
 * the variables it sets: the Tasklist way to record a visit besides
 * {@code POST /api/visits} (docs/visits.md). Its start form is
 * {@code forms/visit-log.form}.
 */
public final class VisitLogProcess {

	public static final String PROCESS_ID = "visit-log";

	/** The start event, with the visit log form. */
	public static final String START = "VisitLogStartEvent";

	/** The service task that records the visit ({@code recordVisitDelegate}). */
	public static final String RECORD = "RecordVisitTask";

	public static final String END = "VisitRecordedEndEvent";

	/** Variables the process sets once the visit is recorded. */
	public static final class Vars {

		/** The stored visit's id ({@code GET /api/visits/{id}}). */
		public static final String VISIT_ID = "visitId";

		/**
		 * The numbers of the cases the visit's matters opened, comma-separated; empty
		 * when none.
		 */
		public static final String VISIT_CASE_NOS = "visitCaseNos";

		private Vars() {
		}

	}

	private VisitLogProcess() {
	}

}
