package cn.liangxin.opinions.insight;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import javax.sql.DataSource;

import cn.liangxin.opinions.OpinionHandlingApplication;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.deadline.CalendarService;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.org.Committee;
import cn.liangxin.opinions.org.Department;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Organization;
import cn.liangxin.opinions.support.EmbeddedPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark of the insight endpoints (issue 5): on embedded PostgreSQL, with the
 * application running as in production, it seeds 100,000 historic cases spread over the
 * last three years ({@link HistorySeeder}), checks that the endpoints' figures are right
 * at that size ({@link SeededTruth} and direct SQL), and measures the latency of
 * {@code GET /api/insight/heatmap} and {@code GET /api/insight/deadlines} over HTTP for a
 * committee ({@code cmtstaff1}) and for the district ({@code district1}), with the
 * default period and with three years. Not a test: run it with
 * {@code ./mvnw -Pbenchmark verify} (docs/performance.md).
 * <p>
 * System properties: {@code benchmark.cases} (100000), {@code benchmark.calls} timed
 * calls per combination (50), {@code benchmark.warmup} calls before them (5),
 * {@code benchmark.seed} (20261121), {@code benchmark.hold} seconds to keep the
 * application and the database up after the measurement, e.g. for {@code EXPLAIN ANALYZE}
 * by hand with {@code psql} (0).
 */
public final class InsightBenchmark {

	private static final String DATABASE = "insight_benchmark";

	private static final String PASSWORD = DemoData.PASSWORD;

	private static final List<String> SEEDED_TABLES = List.of("opinion_register", "case_counter", "act_hi_procinst",
			"act_hi_actinst", "act_hi_taskinst", "flow_taken");

	private static final PrintStream out = System.out;

	private final int cases = Integer.getInteger("benchmark.cases", 100_000);

	private final int calls = Integer.getInteger("benchmark.calls", 50);

	private final int warmup = Integer.getInteger("benchmark.warmup", 5);

	private final long seed = Long.getLong("benchmark.seed", 20261121L);

	private final int hold = Integer.getInteger("benchmark.hold", 0);

	private final ObjectMapper json = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final List<String> failures = new ArrayList<>();

	private ConfigurableApplicationContext context;

	private DataSource database;

	private String baseUrl;

	private InsightBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		new InsightBenchmark().run();
	}

	private void run() throws Exception {
		long began = System.nanoTime();
		heading("Insight benchmark: " + String.format("%,d", this.cases) + " historic cases on embedded PostgreSQL");
		var postgres = EmbeddedPostgres.server();
		EmbeddedPostgres.createDatabase(DATABASE);
		this.database = postgres.getDatabase("postgres", DATABASE);
		String jdbcUrl = postgres.getJdbcUrl("postgres", DATABASE);
		machine();

		long t = System.nanoTime();
		this.context = application(jdbcUrl);
		this.baseUrl = "http://localhost:" + this.context.getEnvironment().getProperty("local.server.port");
		out.printf("Application started in %.1f s on %s%n", seconds(t), this.baseUrl);
		try {
			List<HistorySeeder.Org> orgs = organizations();
			LocalDate today = WorkingDayCalendar.dateOf(Instant.now());
			WorkingDays days = new WorkingDays(this.context.getBean(CalendarService.class).calendar(),
					LocalDate.of(WorkingDayTable.FIRST_YEAR, 1, 1), today.plusYears(2).withDayOfYear(1).minusDays(1));
			HistorySeeder seeder = seed(orgs, days, today);
			checkModel(seeder);
			heading("Sanity check, before the summary: every case read from Camunda's history");
			sanity(seeder.truth(), days, orgs);
			summarize();
			heading("Sanity check, with the summary: closed cases read from insight_fact");
			sanity(seeder.truth(), days, orgs);
			measure(today);
			hold(postgres.getPort());
		}
		finally {
			this.context.close();
			// now, while the classes are still there (exec:java closes its class loader
			// when main returns, before the JVM's shutdown hooks run)
			postgres.close();
		}
		heading(String.format("Done in %.0f s", seconds(began)));
		if (!this.failures.isEmpty()) {
			throw new IllegalStateException("The sanity check failed: " + this.failures);
		}
	}

	private void machine() throws Exception {
		heading("Machine");
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		String cpu = "?";
		Path cpuinfo = Path.of("/proc/cpuinfo");
		if (Files.isReadable(cpuinfo)) {
			cpu = Files.readAllLines(cpuinfo)
				.stream()
				.filter((l) -> l.startsWith("model name"))
				.map((l) -> l.substring(l.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("?");
		}
		out.printf("CPU:        %d cores (%s)%n", Runtime.getRuntime().availableProcessors(), cpu);
		out.printf("Memory:     %.1f GB; JVM max heap %.1f GB%n", os.getTotalMemorySize() / 1e9,
				Runtime.getRuntime().maxMemory() / 1e9);
		out.printf("Java:       %s (%s), time zone %s%n", System.getProperty("java.version"),
				System.getProperty("java.vm.name"), java.util.TimeZone.getDefault().getID());
		try (Connection connection = this.database.getConnection();
				var rs = connection.createStatement().executeQuery("select version()")) {
			rs.next();
			out.println("PostgreSQL: " + rs.getString(1) + " (embedded, default settings)");
		}
	}

	private ConfigurableApplicationContext application(String jdbcUrl) {
		SpringApplication application = new SpringApplication(OpinionHandlingApplication.class);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		return application.run("--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl,
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres", "--server.port=0",
				"--opinion.demo.enabled=false", "--opinion.admin.username=benchadmin",
				"--opinion.admin.password=bench-admin-password", "--opinion.mail.embedded-smtp.enabled=false",
				"--camunda.bpm.job-execution.enabled=false", "--opinion.insight.summary.enabled=false",
				"--opinion.calendar.directory=target/no-calendar-directory", "--logging.level.root=WARN",
				"--logging.level.cn.liangxin.opinions=WARN", "--logging.level.io.zonky.test.db.postgres.embedded=WARN");
	}

	/**
	 * The demo tree (cmt1 with org1 and org2, cmt2 with org3) grown to 30 organizations
	 * under 5 committees, each organization with two departments.
	 */
	private List<HistorySeeder.Org> organizations() {
		heading("Organizations");
		DemoData demo = this.context.getBean(DemoData.class);
		OrgDirectory directory = this.context.getBean(OrgDirectory.class);
		demo.createOrganizationsAndPeople();
		String[][] committees = { { "cmt3", "跃进村街道\"两新\"组织党委" }, { "cmt4", "茄子溪街道\"两新\"组织党委" },
				{ "cmt5", "建胜镇\"两新\"组织党委" } };
		for (String[] committee : committees) {
			directory.save(new Committee(committee[0], committee[1]));
		}
		String[] names = { "重庆钢城精密铸造有限公司", "重庆义渡物流有限公司", "重庆伏牛溪建材有限公司", "大渡口区阳光养老服务中心", "重庆新山村商贸有限公司", "重庆春晖路餐饮管理有限公司",
				"重庆钓鱼嘴电子科技有限公司", "大渡口区春晖社区服务中心", "重庆跳磴汽车配件有限公司", "重庆建桥工业园区包装有限公司", "重庆八桥环保科技有限公司", "大渡口区跃进村社会工作服务中心",
				"重庆九宫庙商业管理有限公司", "重庆双山智能装备有限公司", "重庆茄子溪港务服务有限公司", "重庆马王乡食品有限公司", "大渡口区义渡志愿服务协会", "重庆中华路医药连锁有限公司",
				"重庆金鳌山保安服务有限公司", "重庆大堰印务有限公司", "重庆新工村家政服务有限公司", "大渡口区建胜镇商会", "重庆百花村建筑劳务有限公司", "重庆松青路汽车维修有限公司",
				"重庆滨江物业管理有限公司", "重庆翠园电梯工程有限公司", "大渡口区青少年成长服务中心" };
		// cmt1 and cmt2 get four and five more organizations, cmt3 to cmt5 six each
		String[] committeeOf = new String[names.length];
		for (int i = 0; i < names.length; i++) {
			committeeOf[i] = (i < 4) ? "cmt1" : (i < 9) ? "cmt2" : "cmt" + (3 + (i - 9) / 6);
		}
		java.util.Random random = new java.util.Random(this.seed);
		for (int i = 0; i < names.length; i++) {
			String code = "org" + (i + 4);
			directory.save(new Organization(code, names[i], String.format("91500104MA%08d", random.nextInt(99_999_999)),
					20 + random.nextInt(600), committeeOf[i]));
		}
		for (Organization org : directory.organizations()) {
			for (String[] department : new String[][] { { "hr", "人力资源部" }, { "prod", "生产运营部" } }) {
				if (directory.department(org.getCode(), department[0]).isEmpty()) {
					directory.save(new Department(org.getCode(), department[0], department[1]));
				}
			}
		}
		List<HistorySeeder.Org> orgs = new ArrayList<>();
		Map<String, Integer> perCommittee = new TreeMap<>();
		for (Organization org : directory.organizations()) {
			String branchUser = switch (org.getCode()) {
				case "org1" -> "sec1";
				case "org3" -> "sec3";
				default -> org.getCode() + "-sec";
			};
			String committeeUser = switch (org.getCommitteeCode()) {
				case "cmt1" -> "cmtstaff1";
				case "cmt2" -> "cmtstaff2";
				default -> org.getCommitteeCode() + "-staff";
			};
			orgs.add(new HistorySeeder.Org(org.getCode(), org.getCommitteeCode(), org.getEmployeeCount(),
					directory.departments(org.getCode()).stream().map(Department::getCode).toList(), branchUser,
					committeeUser));
			perCommittee.merge(org.getCommitteeCode(), 1, Integer::sum);
		}
		out.printf("%d organizations under %d committees: %s%n", orgs.size(), perCommittee.size(), perCommittee);
		return orgs;
	}

	private HistorySeeder seed(List<HistorySeeder.Org> orgs, WorkingDays days, LocalDate today) throws Exception {
		heading("Seeding");
		RepositoryService repository = this.context.getBean(RepositoryService.class);
		Map<String, String> definitions = new HashMap<>();
		Map<String, Map<String, String>> names = new HashMap<>();
		for (String key : List.of(HistorySeeder.CASE, HistorySeeder.SUPERVISION)) {
			String id = repository.createProcessDefinitionQuery()
				.processDefinitionKey(key)
				.latestVersion()
				.singleResult()
				.getId();
			definitions.put(key, id);
			Map<String, String> byId = new HashMap<>();
			repository.getBpmnModelInstance(id)
				.getModelElementsByType(FlowNode.class)
				.forEach((node) -> byId.put(node.getId(), node.getName()));
			names.put(key, byId);
		}
		HistorySeeder seeder = new HistorySeeder(this.database, days, definitions, names, orgs, Instant.now(),
				this.seed);
		LocalDate first = today.minusYears(3);
		out.printf("%,d cases registered %s to %s over %d organizations (seed %d)%n", this.cases, first,
				today.minusDays(1), orgs.size(), this.seed);
		long t = System.nanoTime();
		seeder.seed(this.cases, first, today.minusDays(1), out);
		double seeding = seconds(t);
		// The seeder writes a case's rows together, not in the time order in which the
		// engine writes them over weeks; rebuilt, the indexes are as compact as the
		// engine's time-ordered inserts leave them. Then the statistics, as autovacuum
		// keeps them.
		t = System.nanoTime();
		double reindex;
		try (Connection connection = this.database.getConnection(); var statement = connection.createStatement()) {
			for (String table : SEEDED_TABLES) {
				statement.execute("reindex table " + table);
			}
			reindex = seconds(t);
			t = System.nanoTime();
			for (String table : SEEDED_TABLES) {
				statement.execute("vacuum analyze " + table);
			}
		}
		out.printf("Seeding took %.1f s (generation and COPY), reindex %.1f s, vacuum analyze %.1f s%n", seeding,
				reindex, seconds(t));
		heading("Data set");
		HistorySeeder.tableSizes(this.database).forEach((table, size) -> out.printf("%-18s %s%n", table, size));
		Map<String, Long> open = HistorySeeder.counts(this.database,
				"select case when struck_off then 'struck off' else 'open' end, count(*) from opinion_register group by 1");
		Map<String, Long> overdue = HistorySeeder.counts(this.database,
				"select case when overdue then 'ran late' else 'on time' end, count(*) from opinion_register group by 1");
		Map<String, Long> routes = HistorySeeder.counts(this.database,
				"select coalesce(route, '(not assessed yet)'), count(*) from opinion_register group by 1");
		Map<String, Long> committees = HistorySeeder.counts(this.database,
				"select o.committee_code, count(*) from opinion_register r join organization o on o.code = r.org_code group by 1");
		out.println("Register:   " + open + ", " + overdue);
		out.println("Routes:     " + new TreeMap<>(routes));
		out.println("Committees: " + new TreeMap<>(committees));
		out.println("Insight indexes: " + new TreeMap<>(HistorySeeder.counts(this.database,
				"select indexrelname, pg_relation_size(indexrelid) / 1048576 from pg_stat_user_indexes"
						+ " where indexrelname like 'ix_insight%'"))
				+ " (MB)");
		return seeder;
	}

	/**
	 * What the application does in the background on its first start with this history:
	 * summarize the closed cases ({@link InsightSummary}), timed; then the statistics.
	 */
	private void summarize() throws Exception {
		heading("Summary of the closed cases (InsightSummary.catchUp, as on a first start)");
		long t = System.nanoTime();
		int summarized = this.context.getBean(InsightSummary.class).catchUp();
		out.printf("%,d closed cases summarized in %.1f s%n", summarized, seconds(t));
		long struckOff = HistorySeeder
			.counts(this.database, "select 'closed', count(*) from opinion_register where struck_off")
			.get("closed");
		check(summarized == struckOff, "every struck-off case summarized: " + summarized + " of " + struckOff);
		try (Connection connection = this.database.getConnection(); var statement = connection.createStatement()) {
			for (String table : List.of("insight_fact", "insight_case_gap", "opinion_register")) {
				statement.execute("vacuum analyze " + table);
			}
		}
		out.println("Summary rows: " + new TreeMap<>(HistorySeeder.counts(this.database,
				"select 'insight_fact ' || grain, count(*) from insight_fact group by grain"
						+ " union all select 'insight_case_gap', count(*) from insight_case_gap")));
		HistorySeeder.tableSizes(this.database)
			.entrySet()
			.stream()
			.filter((e) -> e.getKey().startsWith("insight"))
			.forEach((e) -> out.printf("%-18s %s%n", e.getKey(), e.getValue()));
		out.println("Its indexes: " + new TreeMap<>(HistorySeeder.counts(this.database,
				"select indexrelname, pg_relation_size(indexrelid) / 1048576 from pg_stat_user_indexes"
						+ " where relname = 'insight_fact'"))
				+ " (MB)");
	}

	/** Every activity and flow the generator wrote exists in the deployed models. */
	private void checkModel(HistorySeeder seeder) {
		heading("Coherence with the BPMN models");
		RepositoryService repository = this.context.getBean(RepositoryService.class);
		for (String key : List.of(HistorySeeder.CASE, HistorySeeder.SUPERVISION)) {
			String id = repository.createProcessDefinitionQuery()
				.processDefinitionKey(key)
				.latestVersion()
				.singleResult()
				.getId();
			BpmnModelInstance model = repository.getBpmnModelInstance(id);
			Map<String, String> types = new HashMap<>();
			model.getModelElementsByType(FlowNode.class).forEach((node) -> types.put(node.getId(), typeOf(node)));
			Set<String> flows = new TreeSet<>();
			model.getModelElementsByType(SequenceFlow.class).forEach((flow) -> flows.add(flow.getId()));
			Map<String, String> used = seeder.activitiesUsed().getOrDefault(key, Map.of());
			used.forEach((activity, type) -> check(type.equals(types.get(activity)),
					key + ": activity " + activity + " (" + type + ") is in the model as " + types.get(activity)));
			Set<String> flowsUsed = seeder.flowsUsed().getOrDefault(key, Set.of());
			flowsUsed.forEach((flow) -> check(flows.contains(flow), key + ": flow " + flow + " is in the model"));
			Set<String> unused = new TreeSet<>(flows);
			unused.removeAll(flowsUsed);
			out.printf("%-18s %d of %d activities and %d of %d flows used, all in the model%s%n", key, used.size(),
					types.size(), flowsUsed.size(), flows.size(), unused.isEmpty() ? "" : "; never taken: " + unused);
		}
	}

	private static String typeOf(FlowNode node) {
		if (node instanceof UserTask) {
			return "userTask";
		}
		if (node instanceof ServiceTask) {
			return "serviceTask";
		}
		if (node instanceof ExclusiveGateway) {
			return "exclusiveGateway";
		}
		if (node instanceof ParallelGateway) {
			return "parallelGateway";
		}
		if (node instanceof StartEvent) {
			return "startEvent";
		}
		if (node instanceof EndEvent end) {
			return end.getEventDefinitions().stream().anyMatch(TerminateEventDefinition.class::isInstance)
					? "terminateEndEvent" : "noneEndEvent";
		}
		if (node instanceof BoundaryEvent boundary) {
			return boundary.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance)
					? "boundaryTimer" : "boundaryEvent";
		}
		if (node instanceof SubProcess) {
			return "subProcess";
		}
		if (node instanceof CallActivity) {
			return "callActivity";
		}
		return node.getElementType().getTypeName();
	}

	/**
	 * The endpoints' figures against the generator's record and against direct SQL, for
	 * the district and for committee cmt1, with the default periods and three years.
	 */
	private void sanity(SeededTruth truth, WorkingDays days, List<HistorySeeder.Org> orgs) throws Exception {
		Set<String> cmt1 = new TreeSet<>();
		orgs.stream().filter((o) -> "cmt1".equals(o.committee())).forEach((o) -> cmt1.add(o.code()));
		Map<String, Predicate<String>> scopes = new LinkedHashMap<>();
		scopes.put("district1", (org) -> true);
		scopes.put("cmtstaff1", cmt1::contains);
		for (Map.Entry<String, Predicate<String>> scope : scopes.entrySet()) {
			String user = scope.getKey();
			for (boolean threeYears : new boolean[] { false, true }) {
				// heatmap
				JsonNode heat = get(user, heatmapPath(threeYears));
				LocalDate from = LocalDate.parse(heat.get("from").asText());
				LocalDate to = LocalDate.parse(heat.get("to").asText());
				SeededTruth.Heat expected = truth.heatmap(scope.getValue(), from, to, days);
				String label = user + " heatmap " + from + ".." + to;
				equal(label + ": cases", expected.cases(), heat.get("cases").asLong());
				Map<String, long[]> activities = new TreeMap<>();
				Map<String, Double[]> percentiles = new TreeMap<>();
				for (JsonNode a : heat.get("activities")) {
					activities.put(a.get("activityId").asText(),
							new long[] { a.get("count").asLong(), a.get("active").asLong() });
					if (!a.get("medianWorkingDays").isNull()) {
						percentiles.put(a.get("activityId").asText(), new Double[] {
								a.get("medianWorkingDays").asDouble(), a.get("p90WorkingDays").asDouble() });
					}
				}
				equal(label + ": activities (count, active)", render(expected.activities()), render(activities));
				equal(label + ": working days (median, p90)", renderD(expected.percentiles()), renderD(percentiles));
				Map<String, Long> flows = new TreeMap<>();
				heat.get("flows").forEach((f) -> flows.put(f.get("flowId").asText(), f.get("count").asLong()));
				equal(label + ": flows", expected.flows(), flows);
				long sqlCases = sqlCount("""
						select count(*) from act_hi_procinst p
						join opinion_register r on r.process_instance_id = p.id_
						join organization o on o.code = r.org_code
						where p.proc_def_key_ = 'employee-opinion' and p.start_time_ < ?
						  and (p.end_time_ is null or p.end_time_ >= ?)""" + committeeFilter(user),
						WorkingDays.startOf(to.plusDays(1)), WorkingDays.startOf(from));
				equal(label + ": cases = direct SQL count of process instances", sqlCases, heat.get("cases").asLong());
				if (threeYears) {
					equal(label + ": cases = cases seeded in the period",
							truth.casesStarted(scope.getValue(), from, to), heat.get("cases").asLong());
				}
				out.printf("%-10s heatmap   %s..%s: %,7d cases, %2d activities, %2d flows%n", user, from, to,
						heat.get("cases").asLong(), activities.size(), flows.size());

				// deadline dashboard
				JsonNode board = get(user, deadlinesPath(threeYears));
				from = LocalDate.parse(board.get("from").asText());
				to = LocalDate.parse(board.get("to").asText());
				LocalDate today = LocalDate.parse(board.get("today").asText());
				SeededTruth.Deadlines dashboard = truth.deadlines(scope.getValue(), from, to, today);
				label = user + " deadlines " + from + ".." + to;
				Map<String, Long> openByStage = new TreeMap<>();
				board.get("openByStage")
					.forEach((o) -> openByStage.merge(o.get("stage").asText(), o.get("count").asLong(), Long::sum));
				equal(label + ": open by stage", dashboard.openByStage(), openByStage);
				long sqlOpen = sqlCount("""
						select count(*) from opinion_register r join organization o on o.code = r.org_code
						where r.struck_off = false""" + committeeFilter(user));
				equal(label + ": open = direct SQL count", sqlOpen,
						openByStage.values().stream().mapToLong(Long::longValue).sum());
				equal(label + ": overdue list", Math.min(500, dashboard.overdue()), (long) board.get("overdue").size());
				Map<String, long[]> onTime = new TreeMap<>();
				board.get("onTime")
					.forEach((o) -> onTime.put(o.get("stage").asText(),
							new long[] { o.get("completed").asLong(), o.get("onTime").asLong() }));
				Map<String, long[]> expectedOnTime = new TreeMap<>(dashboard.onTime());
				onTime.forEach((stage, n) -> expectedOnTime.putIfAbsent(stage, new long[2]));
				equal(label + ": on time (completed, on time)", render(expectedOnTime), render(onTime));
				JsonNode satisfaction = board.get("satisfaction");
				equal(label + ": feedbacks", dashboard.feedbacks(), satisfaction.get("feedbacks").asLong());
				equal(label + ": satisfied", dashboard.satisfied(), satisfaction.get("satisfied").asLong());
				equal(label + ": struck off this month", dashboard.struckOffThisMonth(),
						board.get("struckOffThisMonth").asLong());
				out.printf("%-10s deadlines %s..%s: %,5d open (%,d overdue), %s, %,d feedbacks%n", user, from, to,
						dashboard.open(), dashboard.overdue(), render(onTime), satisfaction.get("feedbacks").asLong());
			}
		}
		out.println(this.failures.isEmpty() ? "All figures agree with the seeded data and with direct SQL."
				: this.failures.size() + " DISAGREEMENTS: " + this.failures);
	}

	private static String committeeFilter(String user) {
		return "cmtstaff1".equals(user) ? " and o.committee_code = 'cmt1'" : "";
	}

	private long sqlCount(String sql, long... timestamps) throws SQLException {
		try (Connection connection = this.database.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < timestamps.length; i++) {
				statement.setTimestamp(i + 1, new Timestamp(timestamps[i]));
			}
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private void equal(String what, Object expected, Object actual) {
		check(expected.equals(actual), what + ": expected " + expected + ", endpoint said " + actual);
	}

	private void check(boolean ok, String what) {
		if (!ok) {
			this.failures.add(what);
			out.println("MISMATCH " + what);
		}
	}

	private static String render(Map<String, long[]> map) {
		StringBuilder text = new StringBuilder("{");
		map.forEach(
				(k, v) -> text.append(text.length() > 1 ? ", " : "").append(k).append('=').append(Arrays.toString(v)));
		return text.append('}').toString();
	}

	private static String renderD(Map<String, Double[]> map) {
		StringBuilder text = new StringBuilder("{");
		map.forEach(
				(k, v) -> text.append(text.length() > 1 ? ", " : "").append(k).append('=').append(Arrays.toString(v)));
		return text.append('}').toString();
	}

	private void hold(int port) throws InterruptedException {
		if (this.hold > 0) {
			heading("Holding for " + this.hold + " s");
			out.println("Application: " + this.baseUrl + " (e.g. curl -u district1:demo " + this.baseUrl
					+ "/api/insight/deadlines)");
			out.println("Database:    psql -h localhost -p " + port + " -U postgres " + DATABASE);
			Thread.sleep(this.hold * 1000L);
		}
	}

	private void measure(LocalDate today) throws Exception {
		heading("Latency over HTTP (" + this.warmup + " warm-up calls, then " + this.calls
				+ " timed calls per row, one after another)");
		// warm the JIT and the caches over every combination first
		for (String user : List.of("cmtstaff1", "district1")) {
			for (boolean threeYears : new boolean[] { false, true }) {
				for (int i = 0; i < this.warmup; i++) {
					call(user, heatmapPath(threeYears));
					call(user, deadlinesPath(threeYears));
				}
			}
		}
		out.printf("%-10s %-10s %-34s %8s %8s %8s %8s %9s%n", "endpoint", "user", "period", "p50 ms", "p95 ms",
				"max ms", "mean ms", "bytes");
		for (String endpoint : List.of("heatmap", "deadlines")) {
			for (String user : List.of("cmtstaff1", "district1")) {
				for (boolean threeYears : new boolean[] { false, true }) {
					String path = "heatmap".equals(endpoint) ? heatmapPath(threeYears) : deadlinesPath(threeYears);
					for (int i = 0; i < this.warmup; i++) {
						call(user, path);
					}
					double[] millis = new double[this.calls];
					int bytes = 0;
					for (int i = 0; i < this.calls; i++) {
						long t = System.nanoTime();
						bytes = call(user, path).length;
						millis[i] = (System.nanoTime() - t) / 1e6;
					}
					Arrays.sort(millis);
					String period = threeYears ? "3 years " + today.minusYears(3) + ".." + today
							: ("heatmap".equals(endpoint) ? "default: last 90 days" : "default: last year");
					out.printf("%-10s %-10s %-34s %8.1f %8.1f %8.1f %8.1f %9d%n", endpoint, user, period,
							rank(millis, 0.5), rank(millis, 0.95), millis[millis.length - 1],
							Arrays.stream(millis).average().orElse(0), bytes);
				}
			}
		}
	}

	private static double rank(double[] sorted, double share) {
		return sorted[Math.max(1, (int) Math.ceil(share * sorted.length)) - 1];
	}

	private static String heatmapPath(boolean threeYears) {
		return "/api/insight/heatmap?process=employee-opinion" + (threeYears ? "&" + threeYears() : "");
	}

	private static String deadlinesPath(boolean threeYears) {
		return "/api/insight/deadlines" + (threeYears ? "?" + threeYears() : "");
	}

	private static String threeYears() {
		LocalDate today = WorkingDayCalendar.dateOf(Instant.now());
		return "from=" + today.minusYears(3) + "&to=" + today;
	}

	private JsonNode get(String user, String path) throws Exception {
		return this.json.readTree(call(user, path));
	}

	private byte[] call(String user, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.GET()
			.build();
		HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " as " + user + ": HTTP " + response.statusCode() + " "
					+ new String(response.body(), StandardCharsets.UTF_8));
		}
		return response.body();
	}

	private static void heading(String text) {
		out.println();
		out.println("== " + text);
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
