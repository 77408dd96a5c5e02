package cn.liangxin.opinions.insight;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.opinion.OpinionIntake;
import cn.liangxin.opinions.opinion.OpinionIntakeService;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.support.TestClock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every number of {@code /api/insight/*} against a hand count, for each scope, on each
 * database ({@link InsightOnPostgresIT}, {@link InsightOnH2IT}). Six cases, replayed
 * through the process with the engine's clock moved (November 2026 has no holiday);
 * "today" is Friday 2026-11-20:
 * <ul>
 * <li>A, org1: raised Mon 11-02, to HR, replied Wed 11-04 (2 working days, on time),
 * employee satisfied 11-05, struck off.</li>
 * <li>B, org1: raised Mon 10-12, to HR, due Mon 11-02, overdue from 11-03 (supervised),
 * replied Fri 11-06 (19 working days, late), employee dissatisfied, closed with a reason
 * 11-09, struck off.</li>
 * <li>C, org2: raised Tue 11-03, reported up Thu 11-05 (on time), accepted Fri 11-06 (10
 * working days, due 11-20), open at the committee.</li>
 * <li>D, org3: raised Mon 11-02, explained, satisfied 11-03, struck off.</li>
 * <li>E, org3: raised Mon 11-09, to be reported up by Mon 11-16, overdue from 11-17 and
 * still open: 4 working days overdue on 11-20.</li>
 * <li>F, org1: raised Tue 11-17, waiting for the branch's assessment.</li>
 * </ul>
 * org1 and org2 belong to committee cmt1 (cmtstaff1), org3 to cmt2 (cmtstaff2).
 * <p>
 * The heatmap reads closed cases from the summary ({@link InsightSummary}) and the others
 * from Camunda's history: each database starts with some of the closed cases A, B and D
 * summarized ({@link #summarizedAtStart()}), so the hand counts check both readings
 * together; the last test summarizes the rest, then rebuilds the summary, and checks that
 * no answer changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class InsightContract {

	/** The heatmap questions whose answers must not change with the summary. */
	private static final List<String> HEATMAPS = List.of("district1:", "district1:&view=running",
			"district1:&view=overdue", "district1:&from=2026-11-10&to=2026-11-20",
			"district1:&from=2026-11-04&to=2026-11-05", "district1:&from=2026-10-01&to=2026-10-31",
			"district1:&from=2026-11-07&to=2026-11-08", "district1:&from=2026-10-01&to=2026-10-20",
			"district1:&view=overdue&from=2026-10-13&to=2026-10-13", "district1:&committee=cmt1&view=overdue",
			"cmtstaff1:", "cmtstaff1:&org=org1&from=2026-11-06&to=2026-11-09", "cmtstaff2:", "sec1:",
			"sec3:&view=overdue", "district1:@opinion-supervision", "cmtstaff1:@opinion-supervision&to=2026-11-05",
			"district1:@opinion-supervision&view=overdue&from=2026-11-07");

	@Autowired
	InsightSummary summary;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transaction;

	@Autowired
	WorkingDayTable workingDays;

	@Autowired
	org.camunda.bpm.engine.HistoryService history;

	/** Which of the closed cases A, B and D are in the summary when the tests start. */
	abstract Set<String> summarizedAtStart();

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	OpinionIntakeService intake;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	final Map<String, RegisterEntry> cases = new HashMap<>();

	@BeforeAll
	void sixKnownCases() {
		this.demo.createOrganizationsAndPeople();
		try {
			// A: to HR and back in two working days, satisfied
			RegisterEntry a = raised("A", "org1", "2026-11-02");
			at("2026-11-02", "11:00");
			complete(a, "branchAssess", "sec1", assessed("ENTERPRISE", "department", "hr"));
			at("2026-11-04", "15:00");
			complete(a, "departmentHandle", "hr1", Map.of("handlingResult", "已补开证明"));
			at("2026-11-05", "10:00");
			complete(a, "branchFeedback", "sec1", feedback("2026-11-05", true));

			// B: to HR, late (supervised), dissatisfied and closed
			RegisterEntry b = raised("B", "org1", "2026-10-12");
			at("2026-10-12", "11:00");
			complete(b, "branchAssess", "sec1", assessed("ENTERPRISE", "department", "hr"));
			at("2026-11-03", "00:00:01");
			fire(b, "DepartmentOverdueTimer");
			at("2026-11-06", "15:00");
			complete(b, "departmentHandle", "hr1", Map.of("handlingResult", "已协调"));
			at("2026-11-09", "10:00");
			Map<String, Object> dissatisfied = feedback("2026-11-09", false);
			dissatisfied.put("dissatisfiedAction", "CLOSE");
			dissatisfied.put("closeReason", "诉求超出企业职责，已说明");
			complete(b, "branchFeedback", "sec1", dissatisfied);

			// C: reported up on time, overdue at the committee since 11-20
			RegisterEntry c = raised("C", "org2", "2026-11-03");
			at("2026-11-03", "11:00");
			complete(c, "branchAssess", "sec2", assessed("UPPER"));
			at("2026-11-05", "15:00");
			complete(c, "branchReportUp", "sec2", Map.of("reportText", "请求协调"));
			at("2026-11-06", "09:00");
			complete(c, "committeeAccept", "cmtstaff1", Map.of("committeeMode", "INDEPENDENT"));
			at("2026-11-20", "00:00:01");
			fire(c, "CommitteeOverdueTimer");

			// D: explained, satisfied
			RegisterEntry d = raised("D", "org3", "2026-11-02");
			at("2026-11-02", "11:00");
			complete(d, "branchAssess", "sec3", assessed("EXPLAIN"));
			at("2026-11-03", "10:00");
			complete(d, "branchFeedback", "sec3", feedback("2026-11-03", true));

			// E: the report is overdue since 11-17
			RegisterEntry e = raised("E", "org3", "2026-11-09");
			at("2026-11-09", "11:00");
			complete(e, "branchAssess", "sec3", assessed("UPPER"));
			at("2026-11-17", "00:00:01");
			fire(e, "ReportUpOverdueTimer");

			// F: waiting for the assessment
			raised("F", "org1", "2026-11-17");
		}
		finally {
			TestClock.reset();
		}
		List<String> ids = summarizedAtStart().stream()
			.map((name) -> this.cases.get(name).getProcessInstanceId())
			.toList();
		assertThat(this.summary.summarize(ids)).isEqualTo(ids.size());
		assertThat(summarizedCases()).containsExactlyInAnyOrderElementsOf(ids);
	}

	@BeforeEach
	void todayIsFriday20November() {
		TestClock.at("2026-11-20", "16:00");
	}

	@AfterAll
	void resetClock() {
		TestClock.reset();
	}

	// ---------------------------------------------------------------- DeadlineDashboard

	@Test
	void theDistrictSeesEveryOrganization() {
		Map<String, Object> board = deadlines("district1", "");

		assertThat(open(board)).containsExactlyInAnyOrder(tuple("org1", "branchAssess", 1),
				tuple("org2", "committeeHandle", 1), tuple("org3", "branchReportUp", 1));
		assertThat(overdue(board)).containsExactly(tuple(number("E"), "org3", "branchReportUp", "2026-11-16", 4),
				tuple(number("C"), "org2", "committeeHandle", "2026-11-19", 1));
		assertThat(onTime(board)).containsExactly(tuple("departmentHandle", 2, 1, 0.5),
				tuple("branchReportUp", 1, 1, 1.0), tuple("committeeHandle:INDEPENDENT", 0, 0, null),
				tuple("committeeHandle:JOINT", 0, 0, null));
		assertThat(satisfaction(board)).containsExactly(3, 2, 2.0 / 3);
		assertThat(board.get("struckOffThisMonth")).isEqualTo(3);
	}

	@Test
	void aCommitteeSeesItsOrganizationsOnly() {
		Map<String, Object> board = deadlines("cmtstaff1", "");

		assertThat(open(board)).containsExactlyInAnyOrder(tuple("org1", "branchAssess", 1),
				tuple("org2", "committeeHandle", 1));
		assertThat(overdue(board)).containsExactly(tuple(number("C"), "org2", "committeeHandle", "2026-11-19", 1));
		assertThat(onTime(board)).startsWith(tuple("departmentHandle", 2, 1, 0.5), tuple("branchReportUp", 1, 1, 1.0));
		assertThat(satisfaction(board)).containsExactly(2, 1, 0.5);
		assertThat(board.get("struckOffThisMonth")).isEqualTo(2);
		assertThat(codes(board, "organizations")).containsExactly("org1", "org2");
		assertThat(codes(board, "committees")).containsExactly("cmt1");
	}

	@Test
	void theOtherCommitteeAndTheBranchOfOrg3SeeOrg3Only() {
		for (String user : List.of("cmtstaff2", "sec3")) {
			Map<String, Object> board = deadlines(user, "");

			assertThat(open(board)).as(user).containsExactly(tuple("org3", "branchReportUp", 1));
			assertThat(overdue(board)).as(user)
				.containsExactly(tuple(number("E"), "org3", "branchReportUp", "2026-11-16", 4));
			assertThat(onTime(board)).as(user)
				.startsWith(tuple("departmentHandle", 0, 0, null), tuple("branchReportUp", 0, 0, null));
			assertThat(satisfaction(board)).as(user).containsExactly(1, 1, 1.0);
			assertThat(board.get("struckOffThisMonth")).as(user).isEqualTo(1);
			assertThat(codes(board, "organizations")).as(user).containsExactly("org3");
		}
	}

	@Test
	void theBranchOfOrg1SeesOrg1Only() {
		Map<String, Object> board = deadlines("sec1", "");

		assertThat(open(board)).containsExactly(tuple("org1", "branchAssess", 1));
		assertThat(overdue(board)).isEmpty();
		assertThat(onTime(board)).startsWith(tuple("departmentHandle", 2, 1, 0.5), tuple("branchReportUp", 0, 0, null));
		assertThat(satisfaction(board)).containsExactly(2, 1, 0.5);
		assertThat(board.get("struckOffThisMonth")).isEqualTo(2);
	}

	@Test
	void aCommitteeNarrowsToOneOrganization() {
		Map<String, Object> board = deadlines("cmtstaff1", "?org=org2");

		assertThat(open(board)).containsExactly(tuple("org2", "committeeHandle", 1));
		assertThat(onTime(board)).startsWith(tuple("departmentHandle", 0, 0, null), tuple("branchReportUp", 1, 1, 1.0));
		assertThat(satisfaction(board)).containsExactly(0, 0, null);
		assertThat(board.get("struckOffThisMonth")).isEqualTo(0);
	}

	// ---------------------------------------------------------------- Heatmap

	@Test
	void theDistrictSeesEveryCaseWithWorkingDayDurations() {
		Map<String, Object> map = heatmap("district1", "");

		assertThat(map.get("cases")).isEqualTo(6);
		assertThat(map.get("from")).isEqualTo("2026-08-22");
		assertThat(activity(map, "branchAssess")).containsExactly(6, 1, 0.0, 0.0);
		// A 11-02 -> 11-04: 2 working days; B 10-12 -> 11-06: 19 (median and p90 by
		// nearest rank)
		assertThat(activity(map, "departmentHandle")).containsExactly(2, 0, 2.0, 19.0);
		assertThat(activity(map, "branchReportUp")).containsExactly(2, 1, 2.0, 2.0);
		assertThat(activity(map, "committeeHandle")).containsExactly(1, 1, null, null);
		assertThat(flow(map, "EnterpriseFlow")).isEqualTo(2);
		assertThat(flow(map, "UpperFlow")).isEqualTo(2);
		assertThat(flow(map, "OnSpotOrExplainFlow")).isEqualTo(1);
		assertThat(flow(map, "DepartmentOverdueFlow")).isEqualTo(1);
		assertThat(flow(map, "CommitteeOverdueFlow")).isEqualTo(1);
		assertThat(flow(map, "RaisedFlow")).isEqualTo(6);
	}

	@Test
	void aCommitteeAndABranchSeeTheirOwnCasesOnly() {
		Map<String, Object> committee = heatmap("cmtstaff1", "");
		assertThat(committee.get("cases")).isEqualTo(4);
		assertThat(activity(committee, "departmentHandle")).containsExactly(2, 0, 2.0, 19.0);
		assertThat(activity(committee, "committeeHandle")).containsExactly(1, 1, null, null);
		assertThat(flow(committee, "UpperFlow")).isEqualTo(1);

		Map<String, Object> org3 = heatmap("sec3", "");
		assertThat(org3.get("cases")).isEqualTo(2);
		assertThat(activity(org3, "departmentHandle")).isNull();
		assertThat(activity(org3, "committeeHandle")).isNull();
		assertThat(activity(org3, "branchReportUp")).containsExactly(1, 1, null, null);
		assertThat(flow(org3, "EnterpriseFlow")).isNull();
	}

	@Test
	void runningAndOverdueViewsAndAPeriod() {
		Map<String, Object> running = heatmap("district1", "&view=running");
		assertThat(running.get("cases")).isEqualTo(3);
		assertThat(activity(running, "departmentHandle")).isNull();
		assertThat(activity(running, "branchAssess")).containsExactly(3, 1, 0.0, 0.0);

		Map<String, Object> overdue = heatmap("district1", "&view=overdue");
		assertThat(overdue.get("cases")).isEqualTo(3);
		assertThat(activity(overdue, "departmentHandle")).containsExactly(1, 0, 19.0, 19.0);
		assertThat(activity(overdue, "branchReportUp")).containsExactly(2, 1, 2.0, 2.0);
		assertThat(activity(overdue, "committeeHandle")).containsExactly(1, 1, null, null);

		Map<String, Object> lateNovember = heatmap("district1", "&from=2026-11-10&to=2026-11-20");
		assertThat(lateNovember.get("cases")).isEqualTo(3);
		assertThat(activity(lateNovember, "departmentHandle")).isNull();
		assertThat(flow(lateNovember, "RaisedFlow")).isEqualTo(1);
	}

	@Test
	void theSupervisionProcessHasItsOwnHeatmap() {
		Map<String, Object> map = get("district1", "/api/insight/heatmap?process=opinion-supervision");

		assertThat(map.get("cases")).isEqualTo(3);
		// B supervised 11-03 until its reply on 11-06: 3 working days; C and E still
		// supervised
		assertThat(activity(map, "superviseOverdue")).containsExactly(3, 2, 3.0, 3.0);
		assertThat(flow(map, "OverdueNoticeFlow")).isEqualTo(3);
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void summarizingTheRestAndRebuildingChangesNoAnswer() throws InterruptedException {
		Map<String, Map<String, Object>> before = heatmaps();

		// in the background, as the application does (one case per step here): only the
		// closed cases join the summary, once
		InsightSummary background = new InsightSummary(this.named, this.transaction, this.workingDays,
				new InsightSummarySettings(true, Duration.ofMillis(100), 1));
		background.start();
		try {
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (summarizedCases().size() < 3 && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}
		finally {
			background.stop();
		}
		assertThat(this.summary.catchUp()).isZero();
		assertThat(summarizedCases()).containsExactlyInAnyOrder(id("A"), id("B"), id("D"));
		assertThat(heatmaps()).isEqualTo(before);

		// a calendar that changed for a summarized day: built again from the history
		this.jdbc.update("update insight_summary set calendar_hash = 'another calendar'");
		assertThat(this.summary.catchUp()).isEqualTo(3);
		assertThat(heatmaps()).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select count(*) from insight_fact_delta", Long.class)).isZero();

		// Camunda's history cleanup removes D's history: the summary keeps counting it,
		// its flows go, the others' stay
		this.history.deleteHistoricProcessInstance(id("D"));
		assertThat(flowsTaken(id("D"))).isPositive();
		long othersFlows = flowsTaken(id("A")) + flowsTaken(id("C"));
		assertThat(this.summary.removeFlowsOfRemovedHistory()).isPositive();
		assertThat(flowsTaken(id("D"))).isZero();
		assertThat(flowsTaken(id("A")) + flowsTaken(id("C"))).isEqualTo(othersFlows);
		assertThat(heatmaps()).isEqualTo(before);
	}

	private long flowsTaken(String processInstanceId) {
		return this.jdbc.queryForObject("select count(*) from flow_taken where root_instance_id = ?", Long.class,
				processInstanceId);
	}

	private Map<String, Map<String, Object>> heatmaps() {
		Map<String, Map<String, Object>> answers = new java.util.LinkedHashMap<>();
		for (String question : HEATMAPS) {
			String user = question.substring(0, question.indexOf(':'));
			String query = question.substring(question.indexOf(':') + 1);
			String process = "employee-opinion";
			if (query.startsWith("@")) {
				int end = query.indexOf('&');
				process = (end < 0) ? query.substring(1) : query.substring(1, end);
				query = (end < 0) ? "" : query.substring(end);
			}
			answers.put(question, get(user, "/api/insight/heatmap?process=" + process + query));
		}
		return answers;
	}

	private List<String> summarizedCases() {
		return this.jdbc.queryForList("select process_instance_id from opinion_register where in_summary = true",
				String.class);
	}

	private String id(String name) {
		return this.cases.get(name).getProcessInstanceId();
	}

	// ---------------------------------------------------------------- Refusals

	@Test
	void aFilterOutsideTheScopeIsForbiddenAndBadParametersAreNamed() {
		assertThat(this.status("sec3", "/api/insight/heatmap?process=employee-opinion&committee=cmt1"))
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.status("cmtstaff1", "/api/insight/deadlines?org=org3")).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map> bad = this.http.withBasicAuth("district1", DemoData.PASSWORD)
			.getForEntity("/api/insight/heatmap?process=nope&view=late&from=2026-11-20&to=2026-11-01&org=org99",
					Map.class);
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(((List<Map<String, String>>) bad.getBody().get("errors")).stream().map((e) -> e.get("field")))
			.containsExactlyInAnyOrder("process", "view", "from", "org");
		assertThat(this.http.getForEntity("/api/insight/deadlines", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private HttpStatus status(String user, String path) {
		return HttpStatus.valueOf(this.http.withBasicAuth(user, DemoData.PASSWORD)
			.getForEntity(path, String.class)
			.getStatusCode()
			.value());
	}

	// ------------------------------------------------------------------ fixtures

	private RegisterEntry raised(String name, String org, String date) {
		at(date, "09:30");
		RegisterEntry entry = this.intake.register(new OpinionIntake(org, "周小平", "装配车间", null, "13800000000", date,
				"VISIT", "DIFFICULTY", "夜班下班路上没有路灯", false, null));
		this.cases.put(name, entry);
		return entry;
	}

	private String number(String name) {
		return this.cases.get(name).getCaseNo();
	}

	private void complete(RegisterEntry entry, String key, String user, Map<String, Object> variables) {
		Task task = this.tasks.createTaskQuery()
			.processInstanceId(entry.getProcessInstanceId())
			.taskDefinitionKey(key)
			.singleResult();
		this.tasks.claim(task.getId(), user);
		this.tasks.complete(task.getId(), variables);
	}

	private void fire(RegisterEntry entry, String timer) {
		this.management.executeJob(this.management.createJobQuery()
			.processInstanceId(entry.getProcessInstanceId())
			.activityId(timer)
			.singleResult()
			.getId());
	}

	private static void at(String date, String time) {
		TestClock.at(LocalDate.parse(date), java.time.LocalTime.parse(time));
	}

	private static Map<String, Object> assessed(String route, Object... more) {
		Map<String, Object> variables = new HashMap<>(
				Map.of("route", route, "scope", "INDIVIDUAL", "assessment", "研判意见"));
		for (int i = 0; i < more.length; i += 2) {
			variables.put((String) more[i], more[i + 1]);
		}
		return variables;
	}

	private static Map<String, Object> feedback(String on, boolean satisfied) {
		return new HashMap<>(Map.of("feedbackMethod", "PHONE", "feedbackOn", on, "feedbackContent", "电话告知办理结果",
				"feedbackSignedBy", "周小平", "satisfied", satisfied));
	}

	private Map<String, Object> deadlines(String user, String query) {
		return get(user, "/api/insight/deadlines" + query);
	}

	private Map<String, Object> heatmap(String user, String query) {
		return get(user, "/api/insight/heatmap?process=employee-opinion" + query);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> get(String user, String path) {
		ResponseEntity<Map> response = this.http.withBasicAuth(user, DemoData.PASSWORD).getForEntity(path, Map.class);
		assertThat(response.getStatusCode()).as("%s GET %s: %s", user, path, response.getBody())
			.isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@SuppressWarnings("unchecked")
	private static List<org.assertj.core.groups.Tuple> open(Map<String, Object> board) {
		return ((List<Map<String, Object>>) board.get("openByStage")).stream()
			.map((o) -> tuple(o.get("orgCode"), o.get("stage"), o.get("count")))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static List<org.assertj.core.groups.Tuple> overdue(Map<String, Object> board) {
		return ((List<Map<String, Object>>) board.get("overdue")).stream()
			.map((o) -> tuple(o.get("caseNo"), o.get("orgCode"), o.get("stage"), o.get("dueOn"),
					o.get("workingDaysOverdue")))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static List<org.assertj.core.groups.Tuple> onTime(Map<String, Object> board) {
		return ((List<Map<String, Object>>) board.get("onTime")).stream()
			.map((o) -> tuple(o.get("stage"), o.get("completed"), o.get("onTime"), o.get("rate")))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> satisfaction(Map<String, Object> board) {
		Map<String, Object> s = (Map<String, Object>) board.get("satisfaction");
		return java.util.Arrays.asList(s.get("feedbacks"), s.get("satisfied"), s.get("rate"));
	}

	@SuppressWarnings("unchecked")
	private static List<String> codes(Map<String, Object> board, String key) {
		return ((List<Map<String, Object>>) board.get(key)).stream().map((o) -> (String) o.get("code")).toList();
	}

	/**
	 * count, active, median, p90 of one activity, or {@code null} if it is not listed.
	 */
	@SuppressWarnings("unchecked")
	private static List<Object> activity(Map<String, Object> map, String id) {
		return ((List<Map<String, Object>>) map.get("activities")).stream()
			.filter((a) -> id.equals(a.get("activityId")))
			.findFirst()
			.map((a) -> java.util.Arrays.asList(a.get("count"), a.get("active"), a.get("medianWorkingDays"),
					a.get("p90WorkingDays")))
			.orElse(null);
	}

	@SuppressWarnings("unchecked")
	private static Object flow(Map<String, Object> map, String id) {
		return ((List<Map<String, Object>>) map.get("flows")).stream()
			.filter((f) -> id.equals(f.get("flowId")))
			.findFirst()
			.map((f) -> f.get("count"))
			.orElse(null);
	}

}
