package cn.liangxin.opinions.insight;

import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Writes historic cases of {@code employee-opinion} straight into PostgreSQL, as the
 * engine and the application would have left them: the register
 * ({@code opinion_register}, {@code case_counter}), Camunda's history
 * ({@code act_hi_procinst}, {@code act_hi_actinst}, {@code act_hi_taskinst}, including
 * the {@code opinion-supervision} instances of overdue stages) and the flows taken
 * ({@code flow_taken}).
 * <p>
 * Each case is simulated along the BPMN model, with the model's activity and flow ids:
 * registered (resolved on the spot at intake, or assessed: on the spot / explained,
 * assigned to an enterprise department with its 15-working-day deadline, or reported up
 * within 5 working days to the committee, which answers within 10 or 20), fed back to the
 * employee, rehandled when dissatisfied (escalated after two rehandles), and struck off.
 * Deadlines and reminders follow the application's working-day calendar; a share of the
 * stages runs late, which fires the overdue timer, marks the register and starts a
 * supervision instance. Cases still running at the present moment stop where they stand:
 * open user tasks, open register entries with their stage and due day. Deterministic for
 * a given seed. Rows go in with {@code COPY}, a few thousand cases at a time.
 */
final class HistorySeeder {

	static final String CASE = "employee-opinion";

	static final String SUPERVISION = "opinion-supervision";

	private static final long MINUTE = 60_000;

	private static final long HOUR = 60 * MINUTE;

	/** The processes' historyTimeToLive (P1825D), for the removal time of ended cases. */
	private static final long TIME_TO_LIVE = 1825L * 24 * HOUR;

	private static final int BATCH = 2_500;

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	/** The engine stores timestamps in the JVM's time zone. */
	private static final ZoneId JVM_ZONE = ZoneId.systemDefault();

	private static final LocalTime NINE = LocalTime.of(9, 0);

	private static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

	/** An organization with the people who act on its cases (their user names). */
	record Org(String code, String committee, int employees, List<String> departments, String branchUser,
			String committeeUser) {

		String departmentUser(String department) {
			return this.code + "-" + department;
		}

	}

	private final DataSource dataSource;

	private final WorkingDays days;

	private final Map<String, String> definitionIds;

	private final Map<String, Map<String, String>> activityNames;

	private final List<Org> orgs;

	private final long now;

	private final Random random;

	private final SeededTruth truth = new SeededTruth();

	/** Per process: the activity ids written, with their activity type. */
	private final Map<String, Map<String, String>> activitiesUsed = new TreeMap<>();

	/** Per process: the flow ids written. */
	private final Map<String, Set<String>> flowsUsed = new TreeMap<>();

	/**
	 * @param definitionIds the deployed process definition id per key
	 * @param activityNames per process key, the name of each activity id in the model
	 * @param now the present moment: no case goes beyond it
	 */
	HistorySeeder(DataSource dataSource, WorkingDays days, Map<String, String> definitionIds,
			Map<String, Map<String, String>> activityNames, List<Org> orgs, Instant now, long seed) {
		this.dataSource = dataSource;
		this.days = days;
		this.definitionIds = definitionIds;
		this.activityNames = activityNames;
		this.orgs = orgs;
		this.now = now.toEpochMilli();
		this.random = new Random(seed);
	}

	SeededTruth truth() {
		return this.truth;
	}

	Map<String, Map<String, String>> activitiesUsed() {
		return this.activitiesUsed;
	}

	Map<String, Set<String>> flowsUsed() {
		return this.flowsUsed;
	}

	/**
	 * Seeds {@code total} cases registered between {@code firstDay} and {@code lastDay}
	 * (days in China), mostly on working days during office hours.
	 */
	void seed(int total, LocalDate firstDay, LocalDate lastDay, PrintStream out) throws SQLException {
		long[] starts = startTimes(total, firstDay, lastDay);
		double[] orgWeights = new double[this.orgs.size()];
		double sum = 0;
		for (int i = 0; i < orgWeights.length; i++) {
			sum += Math.pow(this.orgs.get(i).employees(), 0.8);
			orgWeights[i] = sum;
		}
		Map<String, Integer> serials = new TreeMap<>();
		long began = System.nanoTime();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			Rows rows = new Rows();
			for (int i = 0; i < total; i++) {
				Org org = this.orgs.get(pick(orgWeights, sum));
				int year = WorkingDays.dateOf(starts[i]).getYear();
				int serial = serials.merge(org.code() + "|" + year, 1, Integer::sum);
				new CaseRun(org, year, serial, starts[i]).run(rows);
				if ((i + 1) % BATCH == 0 || i + 1 == total) {
					rows.copyInto(connection);
				}
				if ((i + 1) % 10_000 == 0 || i + 1 == total) {
					out.printf("  seeded %,7d / %,d cases  (%,d activity instances so far, %.1f s)%n", i + 1, total,
							rows.activities, (System.nanoTime() - began) / 1e9);
				}
			}
			try (PreparedStatement counter = connection
				.prepareStatement("insert into case_counter (org_code, case_year, last_no) values (?, ?, ?)")) {
				for (Map.Entry<String, Integer> entry : serials.entrySet()) {
					String[] key = entry.getKey().split("\\|");
					counter.setString(1, key[0]);
					counter.setInt(2, Integer.parseInt(key[1]));
					counter.setInt(3, entry.getValue());
					counter.addBatch();
				}
				counter.executeBatch();
			}
		}
	}

	private long[] startTimes(int total, LocalDate firstDay, LocalDate lastDay) {
		List<LocalDate> dayList = new ArrayList<>();
		List<Double> cumulative = new ArrayList<>();
		double sum = 0;
		for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
			// a few cases come in on weekends and holidays; more every year
			double weight = (this.days.isWorking(day) ? 1.0 : 0.05)
					* (1 + 0.25 * (day.toEpochDay() - firstDay.toEpochDay()) / 365.0);
			sum += weight;
			dayList.add(day);
			cumulative.add(sum);
		}
		double[] bounds = cumulative.stream().mapToDouble(Double::doubleValue).toArray();
		long[] starts = new long[total];
		for (int i = 0; i < total; i++) {
			LocalDate day = dayList.get(pick(bounds, sum));
			starts[i] = WorkingDays.at(day, LocalTime.of(8, 30)) + (long) (this.random.nextDouble() * 9 * HOUR);
		}
		Arrays.sort(starts);
		return starts;
	}

	private int pick(double[] cumulative, double sum) {
		int i = Arrays.binarySearch(cumulative, this.random.nextDouble() * sum);
		return Math.min((i >= 0) ? i : -i - 1, cumulative.length - 1);
	}

	private String uuid() {
		return new UUID(this.random.nextLong(), this.random.nextLong()).toString();
	}

	private <T> T oneOf(T[] values) {
		return values[this.random.nextInt(values.length)];
	}

	/** A working-day count: 0, 1, 2, ... with the given weights. */
	private int weighted(double... weights) {
		double r = this.random.nextDouble();
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/** A moment on day: during office hours, or later the same day as notBefore. */
	private long timeOn(LocalDate day, long notBefore) {
		if (day.equals(WorkingDays.dateOf(notBefore))) {
			long end = notBefore + 10 * MINUTE + (long) (this.random.nextDouble() * 4 * HOUR);
			return Math.max(notBefore + MINUTE, Math.min(end, WorkingDays.at(day, LocalTime.of(23, 0))));
		}
		return WorkingDays.at(day, LocalTime.of(8, 30)) + (long) (this.random.nextDouble() * 9 * HOUR);
	}

	private static String timestamp(long epochMilli) {
		return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMilli), JVM_ZONE).format(TIMESTAMP);
	}

	/** The three deadline stages, each a sub-process of the model with the same shape. */
	private enum Stage {

		DEPARTMENT("Department", "DepartmentHandlingSubProcess", "DepartmentHandlingStartEvent",
				"DepartmentHandlingStartFlow", "departmentHandle", "DepartmentHandledFlow", "DepartmentHandledEndEvent",
				"DepartmentDoneFlow", "部门办理"),
		REPORT_UP("ReportUp", "ReportUpSubProcess", "ReportUpStartEvent", "ReportUpStartFlow", "branchReportUp",
				"ReportedUpFlow", "ReportedUpEndEvent", "ReportedFlow", "支部梳理上报"),
		COMMITTEE("Committee", "CommitteeHandlingSubProcess", "CommitteeHandlingStartEvent",
				"CommitteeHandlingStartFlow", "committeeHandle", "CommitteeAnsweredFlow", "CommitteeAnsweredEndEvent",
				"CommitteeDoneFlow", "主管党（工）委答复");

		final String prefix;

		final String subProcess;

		final String startEvent;

		final String startFlow;

		final String task;

		final String handledFlow;

		final String handledEnd;

		final String doneFlow;

		final String label;

		Stage(String prefix, String subProcess, String startEvent, String startFlow, String task, String handledFlow,
				String handledEnd, String doneFlow, String label) {
			this.prefix = prefix;
			this.subProcess = subProcess;
			this.startEvent = startEvent;
			this.startFlow = startFlow;
			this.task = task;
			this.handledFlow = handledFlow;
			this.handledEnd = handledEnd;
			this.doneFlow = doneFlow;
			this.label = label;
		}

	}

	/** A process instance (the case, or a supervision of one of its stages). */
	private static final class Proc {

		String id;

		String key;

		long start;

		long end = SeededTruth.NULL;

		String startUser;

		String startActivity;

		String endActivity;

		String superId;

		String deleteReason;

		String state = "ACTIVE";

	}

	/** An activity instance. */
	private static final class Act {

		String id;

		String parent;

		Proc proc;

		String execution;

		String activity;

		String type;

		String taskId;

		String calledProcess;

		String assignee;

		long start;

		long end = SeededTruth.NULL;

		int state;

		long sequence;

	}

	/** A user task instance. */
	private static final class Task {

		String id;

		String key;

		Act act;

		String assignee;

		long start;

		long end = SeededTruth.NULL;

		long due = SeededTruth.NULL;

		String deleteReason;

		String state = "Created";

	}

	private record Flow(String process, String flow, long at) {
	}

	/** One case, simulated from registration to strike-off or to the present moment. */
	private final class CaseRun {

		private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
				"胡", "郭", "何", "罗", "高", "林" };

		private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
				"涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "小红", "建华", "志强" };

		private static final String[] UNITS = { "装配车间", "机加工车间", "仓储物流部", "物业服务部", "客户服务中心", "财务部", "销售部", "质检部",
				"后勤保障部", "社工服务站" };

		private static final String[] SUMMARIES = { "反映加班费计算方式不清楚，希望公开核算标准", "反映食堂饭菜价格上涨，希望增加平价窗口", "建议车间增设防暑降温设施",
				"反映夜班通勤困难，希望开通班车", "反映劳动合同续签时间未及时告知", "希望企业组织技能培训并给予补贴", "反映宿舍热水供应不稳定", "反映同事之间因排班产生矛盾，希望调解",
				"建议设立员工意见箱并定期反馈", "反映社保缴费基数与实际工资不符", "反映子女入学需要单位出具证明，办理较慢", "希望企业为困难职工提供帮扶" };

		private static final String[] CHANNELS = { "VISIT", "MAILBOX", "FORUM", "WALL", "TALK", "MEETING", "OTHER" };

		private static final String[] KINDS = { "DIFFICULTY", "CONFLICT", "SUGGESTION" };

		private final Org org;

		private final int year;

		private final int serial;

		private final String caseNo;

		private final int index;

		private final Proc root;

		private final List<Proc> procs = new ArrayList<>(2);

		private final List<Act> acts = new ArrayList<>(64);

		private final List<Task> tasks = new ArrayList<>(8);

		private final List<Flow> flows = new ArrayList<>(64);

		private long t;

		private long sequence;

		// the register entry
		private final String reporterName;

		private final LocalDate reportedOn;

		private String route;

		private String scope;

		private String handlingOpinion;

		private String handler;

		private String departmentCode;

		private String departmentSignedBy;

		private long departmentSignedAt = SeededTruth.NULL;

		private String committeeMode;

		private String stage;

		private LocalDate dueOn;

		private boolean dueEstimated;

		private boolean overdue;

		private final List<String> overdueStages = new ArrayList<>();

		private String feedbackMethod;

		private LocalDate feedbackOn;

		private Boolean satisfied;

		private int rehandles;

		private LocalDate struckOffOn;

		private final StringBuilder remarks = new StringBuilder();

		private int version;

		/** The day the current department or report-up deadline counts from. */
		private LocalDate handlingStart;

		CaseRun(Org org, int year, int serial, long start) {
			this.org = org;
			this.year = year;
			this.serial = serial;
			this.caseNo = org.code() + "-" + year + "-" + serial;
			this.index = HistorySeeder.this.truth.newCase(org.code(), start);
			this.root = proc(CASE, null, start, org.branchUser(), "OpinionRaisedStartEvent");
			this.t = start;
			this.reporterName = oneOf(SURNAMES) + oneOf(GIVEN);
			this.reportedOn = WorkingDays.dateOf(start);
			this.handlingStart = this.reportedOn;
		}

		void run(Rows rows) {
			simulate();
			rows.add(this);
		}

		private void simulate() {
			String pid = this.root.id;
			pass(this.root, pid, "OpinionRaisedStartEvent", "startEvent");
			flow(this.root, "RaisedFlow");
			service(this.root, pid, "RegisterOpinionTask");
			flow(this.root, "RegisteredFlow");
			pass(this.root, pid, "ResolvedOnSpotGateway", "exclusiveGateway");
			String next;
			if (HistorySeeder.this.random.nextDouble() < 0.22) {
				this.route = "ON_SPOT";
				this.handlingOpinion = "当场解决：已向员工当面说明并解决";
				this.handler = this.org.branchUser();
				flow(this.root, "ResolvedOnSpotFlow");
				next = "feedback";
			}
			else {
				flow(this.root, "NotResolvedOnSpotFlow");
				next = "assess";
			}
			boolean escalated = false;
			while (true) {
				if ("assess".equals(next)) {
					pass(this.root, pid, "AssessJoinGateway", "exclusiveGateway");
					flow(this.root, "ToAssessFlow");
					Act assess = userTask(this.root, pid, "branchAssess", this.t,
							plannedEnd(this.t, weighted(0.35, 0.35, 0.2, 0.1)), SeededTruth.NULL, this.org.branchUser(),
							null, false);
					if (assess.end == SeededTruth.NULL) {
						return;
					}
					this.t = assess.end;
					flow(this.root, "AssessedFlow");
					pass(this.root, pid, "RouteGateway", "exclusiveGateway");
					this.route = new String[] { "ON_SPOT", "EXPLAIN", "ENTERPRISE", "UPPER" }[weighted(0.15, 0.25, 0.4,
							0.2)];
					this.scope = new String[] { "INDIVIDUAL", "CONCENTRATED", "GENERAL" }[weighted(0.7, 0.2, 0.1)];
					this.handler = this.org.branchUser();
					this.version++;
					switch (this.route) {
						case "ENTERPRISE" -> {
							this.departmentCode = oneOf(this.org.departments().toArray(String[]::new));
							this.handlingOpinion = "开具交办单，交" + this.departmentCode + "部门办理";
							flow(this.root, "EnterpriseFlow");
							if (!deadlineStage(Stage.DEPARTMENT, this.handlingStart, 15,
									this.org.departmentUser(this.departmentCode), 0.10, 8)) {
								return;
							}
							next = "feedback";
						}
						case "UPPER" -> {
							this.handlingOpinion = "需上级党组织协调，梳理后上报主管党（工）委";
							flow(this.root, "UpperFlow");
							next = "reportUp";
						}
						default -> {
							this.handlingOpinion = "ON_SPOT".equals(this.route) ? "当场解决" : "向员工解释说明政策规定";
							flow(this.root, "OnSpotOrExplainFlow");
							next = "feedback";
						}
					}
				}
				else if ("reportUp".equals(next)) {
					pass(this.root, pid, "ReportUpJoinGateway", "exclusiveGateway");
					flow(this.root, "ToReportUpFlow");
					if (!deadlineStage(Stage.REPORT_UP, this.handlingStart, 5, this.org.branchUser(), 0.08, 4)) {
						return;
					}
					LocalDate received = WorkingDays.dateOf(this.t);
					Act accept = userTask(this.root, pid, "committeeAccept", this.t,
							plannedEnd(this.t, weighted(0.5, 0.35, 0.15)), SeededTruth.NULL, this.org.committeeUser(),
							null, false);
					if (accept.end == SeededTruth.NULL) {
						return;
					}
					this.t = accept.end;
					this.committeeMode = (HistorySeeder.this.random.nextDouble() < 0.7) ? "INDEPENDENT" : "JOINT";
					this.handler = this.org.committeeUser();
					flow(this.root, "AcceptedFlow");
					if (!deadlineStage(Stage.COMMITTEE, received, "JOINT".equals(this.committeeMode) ? 20 : 10,
							this.org.committeeUser(), 0.12, 10)) {
						return;
					}
					next = "feedback";
				}
				else {
					pass(this.root, pid, "FeedbackJoinGateway", "exclusiveGateway");
					flow(this.root, "ToFeedbackFlow");
					Act feedback = userTask(this.root, pid, "branchFeedback", this.t,
							plannedEnd(this.t, weighted(0.3, 0.4, 0.2, 0.1)), SeededTruth.NULL, this.org.branchUser(),
							null, false);
					if (feedback.end == SeededTruth.NULL) {
						return;
					}
					this.t = feedback.end;
					this.feedbackOn = WorkingDays.dateOf(this.t);
					this.feedbackMethod = switch ((this.scope != null) ? this.scope : "INDIVIDUAL") {
						case "GENERAL" -> "PUBLIC_NOTICE";
						case "CONCENTRATED" -> "MEETING";
						default -> HistorySeeder.this.random.nextBoolean() ? "HOME_VISIT" : "PHONE";
					};
					this.satisfied = HistorySeeder.this.random.nextDouble() < 0.9;
					flow(this.root, "FeedbackGivenFlow");
					pass(this.root, pid, "FeedbackOutcomeGateway", "exclusiveGateway");
					String outcome = "CLOSE";
					if (!this.satisfied) {
						double r = HistorySeeder.this.random.nextDouble();
						if (this.rehandles < 2) {
							outcome = (r < 0.75) ? "REHANDLE" : "CLOSE";
						}
						else if (!escalated) {
							outcome = (r < 0.6) ? "ESCALATE" : "CLOSE";
						}
					}
					if ("CLOSE".equals(outcome)) {
						flow(this.root, "CloseFlow");
						service(this.root, pid, "StrikeOffTask");
						this.struckOffOn = WorkingDays.dateOf(this.t);
						this.stage = "struckOff";
						this.dueOn = null;
						flow(this.root, "StruckOffFlow");
						pass(this.root, pid, "OpinionStruckOffEndEvent", "noneEndEvent");
						this.root.end = this.t;
						this.root.endActivity = "OpinionStruckOffEndEvent";
						this.root.state = "COMPLETED";
						return;
					}
					this.rehandles++;
					this.version++;
					this.handlingStart = WorkingDays.dateOf(this.t);
					if ("REHANDLE".equals(outcome)) {
						flow(this.root, "RehandleFlow");
						next = "assess";
					}
					else {
						escalated = true;
						this.route = "UPPER";
						flow(this.root, "EscalateFlow");
						next = "reportUp";
					}
				}
			}
		}

		/**
		 * A deadline stage: its sub-process, the user task with its due date, the
		 * reminder timers that fire while it is open, the overdue timer with the
		 * supervision it starts, and the terminate end event; {@code false} if the task
		 * is still open.
		 */
		private boolean deadlineStage(Stage kind, LocalDate deadlineStart, int workingDays, String assignee,
				double lateShare, int maxLate) {
			Proc proc = this.root;
			Act sub = act(proc, proc.id, kind.subProcess, "subProcess", this.t);
			sub.execution = uuid();
			this.t++;
			pass(proc, sub.id, kind.startEvent, "startEvent");
			flow(proc, kind.startFlow);
			LocalDate due = HistorySeeder.this.days.add(deadlineStart, workingDays);
			long dueAt = WorkingDays.at(due, LAST_SECOND);
			long start = this.t;
			long planned;
			if (HistorySeeder.this.random.nextDouble() < lateShare) {
				planned = timeOn(HistorySeeder.this.days.add(due, 1 + HistorySeeder.this.random.nextInt(maxLate)),
						start);
			}
			else {
				LocalDate startDay = WorkingDays.dateOf(start);
				int left = Math.max(0, HistorySeeder.this.days.between(startDay, due));
				int k = (int) Math.round(left * Math.pow(HistorySeeder.this.random.nextDouble(), 0.8));
				planned = timeOn(HistorySeeder.this.days.add(startDay, k), start);
			}
			Act task = userTask(proc, sub.id, kind.task, start, planned, dueAt, assignee, due,
					HistorySeeder.this.days.estimated(deadlineStart, due));
			long stop = (task.end != SeededTruth.NULL) ? task.end : HistorySeeder.this.now;
			if (kind == Stage.DEPARTMENT) {
				long claimed = start + 10 * MINUTE + (long) (HistorySeeder.this.random.nextDouble() * 6 * HOUR);
				if (claimed < stop) {
					this.departmentSignedBy = assignee;
					this.departmentSignedAt = claimed;
					this.version++;
				}
			}
			LocalDate halfWay = HistorySeeder.this.days.add(deadlineStart, (workingDays + 1) / 2);
			remind(kind, sub, "HalfWay", WorkingDays.at(halfWay, NINE), start, stop);
			remind(kind, sub, "DayBefore", WorkingDays.at(HistorySeeder.this.days.subtract(due, 1), NINE), start, stop);
			remind(kind, sub, "DueDay", WorkingDays.at(due, NINE), start, stop);
			long overdueAt = WorkingDays.startOf(due.plusDays(1));
			Supervision supervision = null;
			if (overdueAt > start && overdueAt + MINUTE < stop) {
				supervision = overdue(kind, sub, due, overdueAt, stop);
			}
			if (task.end == SeededTruth.NULL) {
				return false;
			}
			HistorySeeder.this.truth.deadlineTaskCompleted(this.index, kind.task, task.end, dueAt);
			this.t = task.end;
			flow(proc, kind.handledFlow);
			pass(proc, sub.id, kind.handledEnd, "terminateEndEvent");
			if (supervision != null && supervision.call.end == SeededTruth.NULL) {
				supervision.cancel(this.t);
			}
			sub.end = ++this.t;
			flow(proc, kind.doneFlow);
			return true;
		}

		/**
		 * A reminder timer fires (if the task is still open then) and its mail goes out.
		 */
		private void remind(Stage kind, Act sub, String which, long at, long taskStart, long stop) {
			if (at <= taskStart || at + MINUTE >= stop) {
				return;
			}
			String execution = uuid();
			Act timer = actAt(this.root, sub.id, kind.prefix + which + "Timer", "boundaryTimer", at, at);
			timer.execution = execution;
			flowAt(this.root, kind.prefix + which + "Flow", at + 1);
			actAt(this.root, sub.id, kind.prefix + "ReminderGateway", "exclusiveGateway", at + 2,
					at + 2).execution = execution;
			flowAt(this.root, kind.prefix + "ReminderSendFlow", at + 3);
			// asynchronous continuation: the job executor picks it up a few seconds later
			long sent = at + 1_000 + HistorySeeder.this.random.nextInt(20_000);
			actAt(this.root, sub.id, kind.prefix + "ReminderTask", "serviceTask", sent,
					sent + 150).execution = execution;
			flowAt(this.root, kind.prefix + "ReminderDoneFlow", sent + 151);
			actAt(this.root, sub.id, kind.prefix + "ReminderEndEvent", "noneEndEvent", sent + 152,
					sent + 152).execution = execution;
		}

		/** The overdue timer fires: the register is marked and a supervision starts. */
		private Supervision overdue(Stage kind, Act sub, LocalDate due, long at, long stop) {
			actAt(this.root, sub.id, kind.prefix + "OverdueTimer", "boundaryTimer", at, at);
			flowAt(this.root, kind.prefix + "OverdueFlow", at + 1);
			actAt(this.root, sub.id, "Mark" + kind.prefix + "OverdueTask", "serviceTask", at + 2, at + 20);
			this.overdue = true;
			if (!this.overdueStages.contains(kind.task)) {
				this.overdueStages.add(kind.task);
			}
			this.remarks.append(this.remarks.isEmpty() ? "" : "；")
				.append("【")
				.append(WorkingDays.dateOf(at))
				.append("】")
				.append(kind.label)
				.append("逾期，已启动督办");
			this.version++;
			flowAt(this.root, kind.prefix + "SuperviseFlow", at + 21);
			Act call = actAt(this.root, sub.id, "Supervise" + kind.prefix + "CallActivity", "callActivity", at + 22,
					SeededTruth.NULL);
			Proc proc = proc(SUPERVISION, this.root.id, at + 23, null, "OverdueStartEvent");
			call.calledProcess = proc.id;
			String supervisor = switch (kind) {
				case DEPARTMENT -> this.org.branchUser();
				case REPORT_UP -> this.org.committeeUser();
				case COMMITTEE -> "district1";
			};
			actAt(proc, proc.id, "OverdueStartEvent", "startEvent", at + 23, at + 23);
			flowAt(proc, "OverdueFlow", at + 24);
			actAt(proc, proc.id, "SuperviseSplitGateway", "parallelGateway", at + 25, at + 25);
			flowAt(proc, "SuperviseTaskFlow", at + 26);
			flowAt(proc, "OverdueNoticeFlow", at + 26);
			LocalDate supervisedOn = HistorySeeder.this.days.add(
					HistorySeeder.this.days.onOrAfter(WorkingDays.dateOf(at)),
					weighted(0.35, 0.25, 0.15, 0.1, 0.05, 0.04, 0.03, 0.03));
			long planned = WorkingDays.at(supervisedOn, LocalTime.of(8, 30))
					+ (long) (HistorySeeder.this.random.nextDouble() * 9 * HOUR);
			long supervisionStop = Math.min(stop, HistorySeeder.this.now);
			Act task = userTask(proc, proc.id, "superviseOverdue", at + 27,
					(planned + 5_000 < supervisionStop) ? planned : Long.MAX_VALUE, SeededTruth.NULL, supervisor, null,
					false);
			long sent = at + 1_000 + HistorySeeder.this.random.nextInt(20_000);
			actAt(proc, proc.id, "OverdueNoticeTask", "serviceTask", sent, sent + 200);
			flowAt(proc, "OverdueNoticeDoneFlow", sent + 201);
			actAt(proc, proc.id, "OverdueNoticeEndEvent", "noneEndEvent", sent + 202, sent + 202);
			long second = WorkingDays.at(HistorySeeder.this.days.add(due, 5), NINE);
			long taskOpenUntil = (task.end != SeededTruth.NULL) ? task.end : supervisionStop;
			if (second > at && second + MINUTE < taskOpenUntil) {
				actAt(proc, proc.id, "SecondEscalationTimer", "boundaryTimer", second, second);
				flowAt(proc, "SecondEscalationFlow", second + 1);
				long sentAgain = second + 1_000 + HistorySeeder.this.random.nextInt(20_000);
				actAt(proc, proc.id, "SecondEscalationTask", "serviceTask", sentAgain, sentAgain + 200);
				flowAt(proc, "SecondEscalationDoneFlow", sentAgain + 201);
				actAt(proc, proc.id, "SecondEscalationEndEvent", "noneEndEvent", sentAgain + 202, sentAgain + 202);
			}
			if (task.end != SeededTruth.NULL) {
				long done = task.end;
				flowAt(proc, "SupervisedFlow", done + 1);
				actAt(proc, proc.id, "SupervisedEndEvent", "noneEndEvent", done + 2, done + 2);
				proc.end = done + 3;
				proc.endActivity = "SupervisedEndEvent";
				proc.state = "COMPLETED";
				call.end = done + 4;
				flowAt(this.root, kind.prefix + "SupervisionDoneFlow", done + 5);
				actAt(this.root, sub.id, kind.prefix + "SupervisionEndEvent", "noneEndEvent", done + 6, done + 6);
			}
			return new Supervision(call, proc, task);
		}

		/** A supervision started by an overdue timer. */
		private record Supervision(Act call, Proc proc, Act task) {

			/** The stage's terminate end event ends it while it is still open. */
			void cancel(long at) {
				this.task.end = at;
				this.task.state = 2;
				this.proc.end = at;
				this.proc.state = "INTERNALLY_TERMINATED";
				this.proc.deleteReason = "Cancelled by the terminate end event of the supervised stage";
				this.call.end = at;
				this.call.state = 2;
			}

		}

		private long plannedEnd(long start, int workingDays) {
			return timeOn(HistorySeeder.this.days.add(WorkingDays.dateOf(start), workingDays), start);
		}

		private Proc proc(String key, String superId, long start, String startUser, String startActivity) {
			Proc proc = new Proc();
			proc.id = uuid();
			proc.key = key;
			proc.start = start;
			proc.startUser = startUser;
			proc.startActivity = startActivity;
			proc.superId = superId;
			this.procs.add(proc);
			return proc;
		}

		private Act act(Proc proc, String parent, String activity, String type, long start) {
			Act act = new Act();
			String id = uuid();
			act.id = (activity.length() + 1 + id.length() <= 64) ? activity + ":" + id : id;
			act.parent = parent;
			act.proc = proc;
			act.execution = proc.id;
			act.activity = activity;
			act.type = type;
			act.start = start;
			act.sequence = ++this.sequence;
			this.acts.add(act);
			HistorySeeder.this.activitiesUsed.computeIfAbsent(proc.key, (k) -> new TreeMap<>()).put(activity, type);
			return act;
		}

		private Act actAt(Proc proc, String parent, String activity, String type, long start, long end) {
			Act act = act(proc, parent, activity, type, start);
			act.end = end;
			return act;
		}

		/** An activity the token passes through at once (events, gateways). */
		private Act pass(Proc proc, String parent, String activity, String type) {
			Act act = actAt(proc, parent, activity, type, this.t, this.t);
			this.t += 1;
			return act;
		}

		private void service(Proc proc, String parent, String activity) {
			actAt(proc, parent, activity, "serviceTask", this.t, this.t + 5 + HistorySeeder.this.random.nextInt(40));
			this.t += 50;
		}

		private void flow(Proc proc, String flow) {
			this.t += 1;
			flowAt(proc, flow, this.t);
		}

		private void flowAt(Proc proc, String flow, long at) {
			this.flows.add(new Flow(proc.key, flow, at));
			HistorySeeder.this.flowsUsed.computeIfAbsent(proc.key, (k) -> new TreeSet<>()).add(flow);
		}

		/**
		 * A user task created at start and completed at plannedEnd, unless that lies
		 * beyond the present moment: then it is open, and for the case's own tasks the
		 * register shows it as the current stage.
		 */
		private Act userTask(Proc proc, String parent, String key, long start, long plannedEnd, long due,
				String assignee, LocalDate stageDue, boolean estimated) {
			Act act = act(proc, parent, key, "userTask", start);
			if (!parent.equals(proc.id)) {
				act.execution = uuid();
			}
			Task task = new Task();
			task.id = uuid();
			task.key = key;
			task.act = act;
			task.start = start;
			task.due = due;
			act.taskId = task.id;
			this.tasks.add(task);
			if (proc == this.root) {
				this.stage = key;
				this.dueOn = stageDue;
				this.dueEstimated = stageDue != null && estimated;
				this.version++;
			}
			if (plannedEnd < HistorySeeder.this.now - 5_000) {
				act.end = plannedEnd;
				act.assignee = assignee;
				task.end = plannedEnd;
				task.assignee = assignee;
				task.deleteReason = "completed";
				task.state = "Completed";
			}
			return act;
		}

		void write(Rows rows) {
			HistorySeeder seeder = HistorySeeder.this;
			long removal = (this.root.end != SeededTruth.NULL) ? this.root.end + TIME_TO_LIVE : SeededTruth.NULL;
			String tenant = this.org.code();
			for (Proc proc : this.procs) {
				rows.row(rows.procinst, proc.id, proc.id, this.caseNo, proc.key, seeder.definitionIds.get(proc.key),
						ts(proc.start), ts(proc.end), ts(removal), duration(proc.start, proc.end), proc.startUser,
						proc.startActivity, proc.endActivity, proc.superId, this.root.id, proc.deleteReason, tenant,
						proc.state);
			}
			for (Act act : this.acts) {
				rows.activities++;
				rows.row(rows.actinst, act.id, act.parent, act.proc.key, seeder.definitionIds.get(act.proc.key),
						this.root.id, act.proc.id, act.execution, act.activity, act.taskId, act.calledProcess,
						seeder.activityNames.get(act.proc.key).get(act.activity), act.type, act.assignee, ts(act.start),
						ts(act.end), duration(act.start, act.end), Integer.toString(act.state),
						Long.toString(act.sequence), tenant, ts(removal));
				if (act.proc == this.root) {
					seeder.truth.activity(this.index, act.activity, act.start, act.end);
				}
			}
			for (Task task : this.tasks) {
				Act act = task.act;
				if (act.state == 2) {
					task.deleteReason = "deleted";
					task.state = "Deleted";
					task.end = act.end;
				}
				rows.row(rows.taskinst, task.id, task.key, act.proc.key, seeder.definitionIds.get(act.proc.key),
						this.root.id, act.proc.id, act.execution, act.id,
						seeder.activityNames.get(act.proc.key).get(task.key), task.assignee, ts(task.start),
						ts(task.end), duration(task.start, task.end), task.deleteReason, "50", ts(task.due), tenant,
						ts(removal), task.state);
			}
			for (Flow flow : this.flows) {
				rows.row(rows.flows, this.root.id, flow.process(), flow.flow(), ts(flow.at()));
				if (CASE.equals(flow.process())) {
					seeder.truth.flow(this.index, flow.flow(), flow.at());
				}
			}
			if (this.root.end != SeededTruth.NULL) {
				seeder.truth.caseEnded(this.index, this.root.end);
			}
			seeder.truth.register(this.index, this.stage, this.dueOn, this.committeeMode, this.satisfied,
					this.feedbackOn, this.struckOffOn);
			String phone = "13" + String.format("%09d", seeder.random.nextInt(1_000_000_000));
			rows.row(rows.register, this.caseNo, this.org.code(), Integer.toString(this.year),
					Integer.toString(this.serial), this.reporterName, oneOf(UNITS), "重庆市大渡口区" + oneOf(UNITS) + "宿舍",
					phone, this.reportedOn.toString(), ts(this.root.start), this.org.branchUser(), oneOf(CHANNELS),
					oneOf(KINDS), oneOf(SUMMARIES), this.handlingOpinion, this.handler, this.route, this.scope,
					this.departmentCode, this.departmentSignedBy, ts(this.departmentSignedAt), this.committeeMode,
					this.stage, (this.dueOn != null) ? this.dueOn.toString() : null, bool(this.dueEstimated),
					bool(this.overdue), this.overdueStages.isEmpty() ? null : String.join(",", this.overdueStages),
					this.feedbackMethod, (this.feedbackOn != null) ? this.feedbackOn.toString() : null,
					(this.feedbackOn != null) ? this.reporterName : null,
					(this.satisfied != null) ? bool(this.satisfied) : null, Integer.toString(this.rehandles),
					bool(this.struckOffOn != null), (this.struckOffOn != null) ? this.struckOffOn.toString() : null,
					this.remarks.isEmpty() ? null : this.remarks.toString(), this.root.id,
					Integer.toString(this.version));
		}

		private static String ts(long epochMilli) {
			return (epochMilli == SeededTruth.NULL) ? null : timestamp(epochMilli);
		}

		private static String duration(long start, long end) {
			return (end == SeededTruth.NULL) ? null : Long.toString(end - start);
		}

		private static String bool(boolean value) {
			return value ? "t" : "f";
		}

	}

	/** Rows waiting for the next {@code COPY}, in PostgreSQL's text format. */
	private static final class Rows {

		final StringBuilder procinst = new StringBuilder();

		final StringBuilder actinst = new StringBuilder();

		final StringBuilder taskinst = new StringBuilder();

		final StringBuilder flows = new StringBuilder();

		final StringBuilder register = new StringBuilder();

		long activities;

		private final Map<StringBuilder, String> targets = new LinkedHashMap<>();

		Rows() {
			this.targets.put(this.register, "opinion_register (case_no, org_code, case_year, serial_no, reporter_name, "
					+ "reporter_unit, reporter_address, reporter_phone, reported_on, registered_at, registered_by, "
					+ "channel, kind, summary, handling_opinion, handler, route, scope, department_code, "
					+ "department_signed_by, department_signed_at, committee_mode, stage, due_on, due_estimated, "
					+ "overdue, overdue_stages, feedback_method, feedback_on, feedback_signed_by, satisfied, "
					+ "rehandle_count, struck_off, struck_off_on, remarks, process_instance_id, version)");
			this.targets.put(this.procinst, "act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, "
					+ "proc_def_id_, start_time_, end_time_, removal_time_, duration_, start_user_id_, start_act_id_, "
					+ "end_act_id_, super_process_instance_id_, root_proc_inst_id_, delete_reason_, tenant_id_, state_)");
			this.targets.put(this.actinst, "act_hi_actinst (id_, parent_act_inst_id_, proc_def_key_, proc_def_id_, "
					+ "root_proc_inst_id_, proc_inst_id_, execution_id_, act_id_, task_id_, call_proc_inst_id_, "
					+ "act_name_, act_type_, assignee_, start_time_, end_time_, duration_, act_inst_state_, "
					+ "sequence_counter_, tenant_id_, removal_time_)");
			this.targets.put(this.taskinst, "act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, "
					+ "root_proc_inst_id_, proc_inst_id_, execution_id_, act_inst_id_, name_, assignee_, start_time_, "
					+ "end_time_, duration_, delete_reason_, priority_, due_date_, tenant_id_, removal_time_, "
					+ "task_state_)");
			this.targets.put(this.flows, "flow_taken (root_instance_id, process_key, flow_id, taken_at)");
		}

		void add(CaseRun run) {
			run.write(this);
		}

		void row(StringBuilder table, String... values) {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					table.append('\t');
				}
				String value = values[i];
				if (value == null) {
					table.append("\\N");
				}
				else {
					for (int j = 0; j < value.length(); j++) {
						char ch = value.charAt(j);
						switch (ch) {
							case '\\' -> table.append("\\\\");
							case '\t' -> table.append("\\t");
							case '\n' -> table.append("\\n");
							case '\r' -> table.append("\\r");
							default -> table.append(ch);
						}
					}
				}
			}
			table.append('\n');
		}

		void copyInto(Connection connection) throws SQLException {
			for (Map.Entry<StringBuilder, String> target : this.targets.entrySet()) {
				if (!target.getKey().isEmpty()) {
					copyIn(connection, "copy " + target.getValue() + " from stdin", target.getKey().toString());
					target.getKey().setLength(0);
				}
			}
		}

		/**
		 * PostgreSQL's {@code CopyManager}; the driver is a runtime dependency, so
		 * reached by reflection.
		 */
		private static void copyIn(Connection connection, String sql, String data) throws SQLException {
			try {
				Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
				Object pg = connection.unwrap(pgConnection);
				Object copyApi = pgConnection.getMethod("getCopyAPI").invoke(pg);
				copyApi.getClass()
					.getMethod("copyIn", String.class, Reader.class)
					.invoke(copyApi, sql, new StringReader(data));
			}
			catch (java.lang.reflect.InvocationTargetException ex) {
				if (ex.getCause() instanceof SQLException sql1) {
					throw sql1;
				}
				throw new IllegalStateException(ex.getCause());
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("PostgreSQL's COPY API is not available", ex);
			}
		}

	}

	/** Row counts and sizes of the tables the insight reads. */
	static Map<String, String> tableSizes(DataSource dataSource) throws SQLException {
		Map<String, String> sizes = new LinkedHashMap<>();
		try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
			for (String table : List.of("opinion_register", "act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
					"flow_taken", "working_day", "organization", "insight_fact", "insight_case_gap")) {
				try (var rs = statement.executeQuery("select count(*), pg_size_pretty(pg_total_relation_size('" + table
						+ "')), pg_size_pretty(pg_indexes_size('" + table + "')) from " + table)) {
					rs.next();
					sizes.put(table, String.format("%,12d rows  %9s (indexes %s)", rs.getLong(1), rs.getString(2),
							rs.getString(3)));
				}
			}
		}
		return sizes;
	}

	static Map<String, Long> counts(DataSource dataSource, String sql) throws SQLException {
		Map<String, Long> counts = new HashMap<>();
		try (Connection connection = dataSource.getConnection();
				var statement = connection.createStatement();
				var rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				counts.put(rs.getString(1), rs.getLong(2));
			}
		}
		return counts;
	}

}
