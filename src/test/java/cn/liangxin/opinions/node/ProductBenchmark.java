package cn.liangxin.opinions.node;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.liangxin.bare.BareEngineApplication;
import cn.liangxin.opinions.OpinionHandlingApplication;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.opinion.OpinionIntake;
import cn.liangxin.opinions.opinion.OpinionIntakeService;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.support.EmbeddedPostgres;
import cn.liangxin.opinions.support.NodeClient;
import cn.liangxin.opinions.support.PackagedNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole product against the bare engine, in one run on one PostgreSQL, so that every
 * figure is a ratio that holds on a noisy machine (docs/performance.md, "The whole
 * product against the bare engine"). Both are Spring Boot applications in JVMs of their
 * own with the same heap limit: the packaged application (profile {@code postgres}) and
 * {@link BareEngineApplication} (Camunda's webapps and REST API, HTTP Basic,
 * authorization on, full history, the same two human steps).
 * <ol>
 * <li><b>Start-up and memory</b>: each starts alone on a fresh database (first start),
 * then again on its database (later starts); time from launch to ready, and resident
 * memory after a quiet period.</li>
 * <li><b>Case lifecycle</b> over HTTP, 4 clients, rounds interleaved: ours registers,
 * assesses (explained) and gives feedback (struck off); the bare engine starts, assesses
 * and gives feedback — five calls a case on both. Cases per second, and PostgreSQL
 * transactions per HTTP call (the database's commit and rollback counters, less what the
 * application does on its own when idle).</li>
 * <li><b>Reminders</b>: cases assigned to a department (seeded through the application's
 * services), their three reminders moved due at once; drained per second by one node,
 * then by two (the second frozen with SIGSTOP during the first batch); every mail counted
 * on a real SMTP server (GreenMail) and checked to arrive once.</li>
 * </ol>
 * {@code ./mvnw -o -Pbenchmark test-compile exec:java@product-benchmark} after
 * {@code ./mvnw -o -DskipTests package} (the packaged jar), or all of it with
 * {@code ./mvnw -Pbenchmark verify}. System properties: {@code benchmark.lifecycle.cases}
 * (per round and application, 200), {@code benchmark.lifecycle.rounds} (3),
 * {@code benchmark.clients} (4), {@code benchmark.reminders} (per batch, 10000),
 * {@code benchmark.later-starts} (2), {@code benchmark.quiet} (seconds before memory is
 * read, 20), {@code benchmark.phases} ({@code start,lifecycle,reminders}).
 */
public final class ProductBenchmark {

	static final PrintStream out = System.out;

	static final String ADMIN = "benchadmin";

	static final String PASSWORD = "Bench-Admin-2026";

	static final String OURS = "product_ours";

	static final String BARE = "product_bare";

	/** The application's reminder timers of a department's slip, three per case. */
	static final String REMINDER_TIMERS = "(handler_cfg_ like 'DepartmentHalfWayTimer%' "
			+ "or handler_cfg_ like 'DepartmentDayBeforeTimer%' or handler_cfg_ like 'DepartmentDueDayTimer%')";

	private final int lifecycleCases = Integer.getInteger("benchmark.lifecycle.cases", 200);

	private final int rounds = Integer.getInteger("benchmark.lifecycle.rounds", 3);

	private final int clients = Integer.getInteger("benchmark.clients", 4);

	private final int reminders = Integer.getInteger("benchmark.reminders", 10_000);

	private final int laterStarts = Integer.getInteger("benchmark.later-starts", 2);

	private final int quietSeconds = Integer.getInteger("benchmark.quiet", 20);

	private final String phases = System.getProperty("benchmark.phases", "start,lifecycle,reminders");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Path directory = Path.of("target", "product-benchmark");

	private final List<String> summary = new ArrayList<>();

	private io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

	private GreenMail smtp;

	private ProductBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		new ProductBenchmark().run();
	}

	/** What one start measured. */
	record Start(double readySeconds, double residentMib) {
	}

	/** What one lifecycle round measured. */
	record Round(int cases, int calls, double seconds, double transactionsPerCall) {

		double casesPerSecond() {
			return this.cases / this.seconds;
		}

	}

	/** A running application: its port, how to stop it, its process. */
	interface App extends AutoCloseable {

		int port();

		long pid();

		@Override
		void close() throws Exception;

	}

	private void run() throws Exception {
		Files.createDirectories(this.directory);
		this.postgres = EmbeddedPostgres.server();
		this.smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		this.smtp.start();
		try {
			JdbcTemplate admin = new JdbcTemplate(this.postgres.getPostgresDatabase());
			heading("Product benchmark: the application against a bare Camunda 7 Spring Boot application");
			out.println(admin.queryForObject("select version()", String.class) + "; "
					+ Runtime.getRuntime().availableProcessors() + " cores; Java "
					+ System.getProperty("java.version"));
			EmbeddedPostgres.createDatabase(OURS);
			EmbeddedPostgres.createDatabase(BARE);

			if (this.phases.contains("start")) {
				startUp();
			}
			if (this.phases.contains("lifecycle")) {
				heading("Case lifecycle over HTTP: " + this.clients + " clients, " + this.lifecycleCases
						+ " cases per round, " + this.rounds + " rounds each, interleaved; 5 calls a case");
				lifecycle();
			}
			if (this.phases.contains("reminders")) {
				heading("Reminders: " + this.reminders + " due at once, drained by one node, then by two");
				reminders();
			}
			heading("Summary (ratio = ours / bare engine, or two nodes / one)");
			this.summary.forEach(out::println);
		}
		finally {
			this.smtp.stop();
			this.postgres.close();
		}
	}

	private void startUp() throws Exception {
		{
			heading("Start-up and memory (each alone; -Xmx512m; resident memory after " + this.quietSeconds
					+ " quiet seconds)");
			List<Start> oursLater = new ArrayList<>();
			List<Start> bareLater = new ArrayList<>();
			Start oursFirst = startAndStop(true, "first");
			Start bareFirst = startAndStop(false, "first");
			for (int i = 0; i < this.laterStarts; i++) {
				oursLater.add(startAndStop(true, "later"));
				bareLater.add(startAndStop(false, "later"));
			}
			double oursReady = median(oursLater.stream().mapToDouble(Start::readySeconds).toArray());
			double bareReady = median(bareLater.stream().mapToDouble(Start::readySeconds).toArray());
			double oursMemory = median(oursLater.stream().mapToDouble(Start::residentMib).toArray());
			double bareMemory = median(bareLater.stream().mapToDouble(Start::residentMib).toArray());
			verdict("first start, s", oursFirst.readySeconds(), bareFirst.readySeconds(), "—", true);
			verdict("first start memory, MiB", oursFirst.residentMib(), bareFirst.residentMib(), "—", true);
			verdict("later start, s (median)", oursReady, bareReady, "≤ 1.3 × bare", oursReady <= 1.3 * bareReady);
			verdict("later start memory, MiB (median)", oursMemory, bareMemory, "≤ 1.2 × bare",
					oursMemory <= 1.2 * bareMemory);
		}
	}

	// --- start-up and memory

	private Start startAndStop(boolean ours, String which) throws Exception {
		long launched = System.nanoTime();
		try (App app = ours ? ours("ours-" + which) : bare("bare-" + which)) {
			double ready = (System.nanoTime() - launched) / 1e9;
			Thread.sleep(this.quietSeconds * 1000L);
			double memory = residentMib(app.pid());
			out.printf("%-5s %-6s start: ready after %5.1f s, %4.0f MiB resident%n", ours ? "ours" : "bare", which,
					ready, memory);
			return new Start(ready, memory);
		}
	}

	private App ours(String name, String... arguments) throws Exception {
		List<String> all = new ArrayList<>(List.of("--spring.mail.port=" + this.smtp.getSmtp().getPort(),
				"--logging.level.root=WARN", "--logging.level.cn.liangxin.opinions.node=INFO"));
		all.addAll(List.of(arguments));
		PackagedNode node = PackagedNode.start(this.directory, name, this.postgres.getJdbcUrl("postgres", OURS), ADMIN,
				PASSWORD, all.toArray(String[]::new));
		node.awaitReady(this.http);
		return new App() {

			@Override
			public int port() {
				return node.port();
			}

			@Override
			public long pid() {
				return node.pid();
			}

			@Override
			public void close() throws Exception {
				node.kill();
			}
		};
	}

	private App bare(String name) throws Exception {
		int port = PackagedNode.freePort();
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-cp", bareClassPath(), BareEngineApplication.class.getName(), "--server.port=" + port,
				"--spring.config.name=bare-engine",
				"--spring.datasource.url=" + this.postgres.getJdbcUrl("postgres", BARE),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--camunda.bpm.admin-user.id=" + ADMIN, "--camunda.bpm.admin-user.password=" + PASSWORD,
				"--camunda.bpm.authorization.enabled=true", "--camunda.bpm.history-level=full",
				"--camunda.bpm.auto-deployment-enabled=false", "--camunda.bpm.database.schema-update=true",
				"--camunda.bpm.default-serialization-format=application/json", "--springdoc.api-docs.enabled=false",
				"--logging.level.root=WARN");
		Process process = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve(name + ".log").toFile())
			.start();
		App app = new App() {

			@Override
			public int port() {
				return port;
			}

			@Override
			public long pid() {
				return process.pid();
			}

			@Override
			public void close() throws Exception {
				process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		};
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"The bare engine stopped; see " + this.directory.resolve(name + ".log"));
			}
			try {
				if (this.http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/version"))
						.timeout(Duration.ofSeconds(10))
						.header("Authorization",
								NodeClient.basic(BareEngineApplication.USER, BareEngineApplication.PASSWORD))
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return app;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		app.close();
		throw new IllegalStateException("The bare engine was not ready within 180 s");
	}

	/**
	 * The libraries of this run without the application's own classes and configuration.
	 */
	private static String bareClassPath() throws URISyntaxException {
		List<String> entries = new ArrayList<>();
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		URL[] urls = (loader instanceof URLClassLoader classLoader) ? classLoader.getURLs() : new URL[0];
		if (urls.length == 0) {
			entries.addAll(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
		}
		for (URL url : urls) {
			entries.add(new File(url.toURI()).getPath());
		}
		String classes = new File("target/classes").getAbsolutePath();
		entries.removeIf((entry) -> new File(entry).getAbsolutePath().equals(classes));
		return String.join(File.pathSeparator, entries);
	}

	private static double residentMib(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
			}
		}
		return Double.NaN;
	}

	// --- the case lifecycle

	private void lifecycle() throws Exception {
		try (App ours = ours("ours-lifecycle"); App bare = bare("bare-lifecycle")) {
			tree(ours.port());
			JdbcTemplate oursDb = new JdbcTemplate(this.postgres.getDatabase("postgres", OURS));
			JdbcTemplate bareDb = new JdbcTemplate(this.postgres.getDatabase("postgres", BARE));
			double oursIdle = idleTransactionsPerSecond(OURS);
			double bareIdle = idleTransactionsPerSecond(BARE);
			out.printf("idle: ours %.2f, bare %.2f transactions per second (subtracted below)%n", oursIdle, bareIdle);
			// one round each to warm up, not counted
			round(ours.port(), true, Math.max(20, this.lifecycleCases / 5), oursIdle, "warm-up");
			round(bare.port(), false, Math.max(20, this.lifecycleCases / 5), bareIdle, "warm-up");
			List<Round> oursRounds = new ArrayList<>();
			List<Round> bareRounds = new ArrayList<>();
			for (int r = 1; r <= this.rounds; r++) {
				oursRounds.add(round(ours.port(), true, this.lifecycleCases, oursIdle, "round " + r));
				bareRounds.add(round(bare.port(), false, this.lifecycleCases, bareIdle, "round " + r));
			}
			int open = oursDb.queryForObject("select count(*) from act_ru_task t join act_re_procdef d "
					+ "on t.proc_def_id_ = d.id_ where d.key_ = 'employee-opinion'", Integer.class);
			int bareOpen = bareDb.queryForObject("select count(*) from act_ru_task", Integer.class);
			if (open != 0 || bareOpen != 0) {
				throw new IllegalStateException("Cases left open: ours " + open + ", bare " + bareOpen);
			}
			double oursRate = median(oursRounds.stream().mapToDouble(Round::casesPerSecond).toArray());
			double bareRate = median(bareRounds.stream().mapToDouble(Round::casesPerSecond).toArray());
			double oursTx = median(oursRounds.stream().mapToDouble(Round::transactionsPerCall).toArray());
			double bareTx = median(bareRounds.stream().mapToDouble(Round::transactionsPerCall).toArray());
			verdict("lifecycle, cases/s (median of rounds)", oursRate, bareRate, "≥ 1.5 × bare",
					oursRate >= 1.5 * bareRate);
			verdict("PostgreSQL transactions per HTTP call", oursTx, bareTx, "≤ 2 (ours)", oursTx <= 2);
		}
	}

	private Round round(int port, boolean ours, int cases, double idlePerSecond, String label) throws Exception {
		String database = ours ? OURS : BARE;
		Thread.sleep(11_000); // PostgreSQL 15 reports an idle backend's counts within 10
								// s
		long before = transactions(database);
		AtomicInteger calls = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(this.clients);
		long started = System.nanoTime();
		List<Future<?>> done = new ArrayList<>();
		for (int c = 0; c < this.clients; c++) {
			done.add(pool.submit(() -> {
				while (next.getAndIncrement() < cases) {
					if (ours) {
						oursCase(port, calls);
					}
					else {
						bareCase(port, calls);
					}
				}
				return null;
			}));
		}
		for (Future<?> f : done) {
			f.get();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		pool.shutdown();
		long waitStarted = System.nanoTime();
		Thread.sleep(11_000);
		double window = seconds + (System.nanoTime() - waitStarted) / 1e9;
		long used = transactions(database) - before;
		double perCall = (used - idlePerSecond * window) / calls.get();
		Round round = new Round(cases, calls.get(), seconds, perCall);
		out.printf("%-5s %-8s %4d cases in %5.1f s: %5.1f cases/s, %4.2f transactions per call (%d calls)%n",
				ours ? "ours" : "bare", label, cases, seconds, round.casesPerSecond(), perCall, calls.get());
		return round;
	}

	private void oursCase(int port, AtomicInteger calls) throws Exception {
		String user = "sec1";
		String today = LocalDate.now(WorkingDayCalendar.ZONE).toString();
		String caseNo = call(port, user, PASSWORD, "POST", "/api/opinions",
				"{\"orgCode\":\"org1\",\"reporterName\":\"周小平\",\"reportedOn\":\"" + today
						+ "\",\"channel\":\"VISIT\",\"kind\":\"DIFFICULTY\",\"summary\":\"夜班下班路上照明不足\"}",
				calls)
			.path("caseNo")
			.asText();
		complete(port, user, PASSWORD, caseNo, "branchAssess",
				"{\"route\":{\"value\":\"EXPLAIN\"},\"scope\":{\"value\":\"INDIVIDUAL\"},"
						+ "\"assessment\":{\"value\":\"已向员工说明厂区照明改造计划\"}}",
				calls);
		complete(port, user, PASSWORD, caseNo, "branchFeedback",
				"{\"feedbackMethod\":{\"value\":\"PHONE\"},\"feedbackOn\":{\"value\":\"" + today + "\"},"
						+ "\"feedbackContent\":{\"value\":\"电话告知照明改造计划\"},\"feedbackSignedBy\":{\"value\":\"周小平\"},"
						+ "\"satisfied\":{\"value\":true,\"type\":\"Boolean\"}}",
				calls);
	}

	private void bareCase(int port, AtomicInteger calls) throws Exception {
		String user = BareEngineApplication.USER;
		String password = BareEngineApplication.PASSWORD;
		String key = "bare-" + System.nanoTime();
		call(port, user, password, "POST", "/engine-rest/process-definition/key/bare-opinion/start",
				"{\"businessKey\":\"" + key + "\",\"variables\":{\"reporterName\":{\"value\":\"周小平\"},"
						+ "\"summary\":{\"value\":\"夜班下班路上照明不足\"}}}",
				calls);
		complete(port, user, password, key, "assess",
				"{\"route\":{\"value\":\"EXPLAIN\"},\"assessment\":{\"value\":\"已向员工说明厂区照明改造计划\"}}", calls);
		complete(port, user, password, key, "feedback", "{\"feedbackContent\":{\"value\":\"电话告知照明改造计划\"},"
				+ "\"satisfied\":{\"value\":true,\"type\":\"Boolean\"}}", calls);
	}

	/** Finds the case's task (one call) and completes it (another). */
	private void complete(int port, String user, String password, String businessKey, String taskKey, String variables,
			AtomicInteger calls) throws Exception {
		JsonNode found = call(
				port, user, password, "GET", "/engine-rest/task?taskDefinitionKey=" + taskKey
						+ "&processInstanceBusinessKey=" + URLEncoder.encode(businessKey, StandardCharsets.UTF_8),
				null, calls);
		if (found.size() != 1) {
			throw new IllegalStateException(taskKey + " of " + businessKey + ": " + found);
		}
		call(port, user, password, "POST", "/engine-rest/task/" + found.get(0).path("id").asText() + "/complete",
				"{\"variables\":" + variables + "}", calls);
	}

	/** The organization tree the lifecycle and the reminders work in, through the API. */
	private void tree(int port) throws Exception {
		AtomicInteger calls = new AtomicInteger();
		call(port, ADMIN, PASSWORD, "POST", "/api/committees", "{\"code\":\"cmt1\",\"name\":\"八桥镇党委\"}", calls);
		call(port, ADMIN, PASSWORD, "POST", "/api/orgs",
				"{\"code\":\"org1\",\"name\":\"重庆渝发机械制造有限公司\",\"creditCode\":\"91500104MA5U7XKJ3Q\","
						+ "\"employeeCount\":260,\"committeeCode\":\"cmt1\","
						+ "\"departments\":[{\"code\":\"hr\",\"name\":\"人力资源部\"}]}",
				calls);
		call(port, ADMIN, PASSWORD, "POST", "/api/people",
				"{\"username\":\"sec1\",\"name\":\"张建国\",\"role\":\"BRANCH_SECRETARY\",\"orgCode\":\"org1\","
						+ "\"email\":\"sec1@example.cn\",\"password\":\"" + PASSWORD + "\"}",
				calls);
		call(port, ADMIN, PASSWORD, "POST", "/api/people",
				"{\"username\":\"hr1\",\"name\":\"王芳\",\"role\":\"DEPARTMENT_STAFF\",\"orgCode\":\"org1\","
						+ "\"departmentCode\":\"hr\",\"email\":\"hr1@example.cn\",\"password\":\"" + PASSWORD + "\"}",
				calls);
	}

	private long transactions(String database) {
		return new JdbcTemplate(this.postgres.getPostgresDatabase()).queryForObject(
				"select xact_commit + xact_rollback from pg_stat_database where datname = ?", Long.class, database);
	}

	private double idleTransactionsPerSecond(String database) throws InterruptedException {
		Thread.sleep(11_000);
		long before = transactions(database);
		long started = System.nanoTime();
		Thread.sleep(30_000);
		Thread.sleep(11_000);
		return (transactions(database) - before) / ((System.nanoTime() - started) / 1e9);
	}

	// --- reminders

	private void reminders() throws Exception {
		int casesPerBatch = (this.reminders + 2) / 3;
		seed(2 * casesPerBatch);
		JdbcTemplate db = new JdbcTemplate(this.postgres.getDatabase("postgres", OURS));
		List<String> batch = db.queryForList("select process_instance_id from opinion_register "
				+ "where org_code = 'org1' and struck_off = false order by serial_no", String.class);
		try (App one = ours("ours-node-1"); App two = ours("ours-node-2")) {
			PackagedNode.signal(two.pid(), "STOP");
			double oneNode = drain(db, batch.subList(0, casesPerBatch), "one node");
			PackagedNode.signal(two.pid(), "CONT");
			double twoNodes = drain(db, batch.subList(casesPerBatch, 2 * casesPerBatch), "two nodes");
			verdict("reminders drained per second, one node", oneNode, Double.NaN, "≥ 150", oneNode >= 150);
			verdict("reminders drained per second, two nodes", twoNodes, oneNode, "≥ 1.6 × one node",
					twoNodes >= 1.6 * oneNode);
		}
	}

	/**
	 * Cases assigned to org1's HR department (hr1 is its only member), through the
	 * application's services in this JVM: much faster than over HTTP, and the same rows.
	 */
	private void seed(int cases) throws Exception {
		long started = System.nanoTime();
		SpringApplication application = new SpringApplication(OpinionHandlingApplication.class);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		try (ConfigurableApplicationContext context = application.run("--spring.profiles.active=postgres",
				"--spring.datasource.url=" + this.postgres.getJdbcUrl("postgres", OURS),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres", "--server.port=0",
				"--opinion.demo.enabled=false", "--opinion.admin.username=" + ADMIN,
				"--opinion.admin.password=" + PASSWORD, "--opinion.mail.embedded-smtp.enabled=false",
				"--camunda.bpm.job-execution.enabled=false", "--opinion.insight.summary.enabled=false",
				"--opinion.monthly-report.enabled=false", "--logging.level.root=WARN")) {
			// the tree the lifecycle made, or the demo's (org1, its HR department, hr1)
			context.getBean(DemoData.class).createOrganizationsAndPeople();
			OpinionIntakeService intake = context.getBean(OpinionIntakeService.class);
			TaskService tasks = context.getBean(TaskService.class);
			String today = LocalDate.now(WorkingDayCalendar.ZONE).toString();
			AtomicInteger next = new AtomicInteger();
			ExecutorService pool = Executors.newFixedThreadPool(4);
			List<Future<?>> done = new ArrayList<>();
			for (int c = 0; c < 4; c++) {
				done.add(pool.submit(() -> {
					int n;
					while ((n = next.getAndIncrement()) < cases) {
						RegisterEntry entry = intake.register(new OpinionIntake("org1", "周小平", "装配车间", null,
								"13800000000", today, "VISIT", "DIFFICULTY", "基准测试意见 " + n, false, null));
						Task task = tasks.createTaskQuery()
							.processInstanceId(entry.getProcessInstanceId())
							.taskDefinitionKey("branchAssess")
							.singleResult();
						tasks.claim(task.getId(), "sec1");
						tasks.complete(task.getId(), Map.of("route", "ENTERPRISE", "scope", "INDIVIDUAL", "department",
								"hr", "assessment", "交人力资源部办理"));
						if ((n + 1) % 1000 == 0) {
							out.printf("  seeded %,d of %,d cases%n", n + 1, cases);
						}
					}
					return null;
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
			pool.shutdown();
		}
		out.printf("(seeded %,d cases assigned to the HR department in %.0f s)%n", cases,
				(System.nanoTime() - started) / 1e9);
	}

	/**
	 * Moves the batch's reminders due now and waits until every mail is on the server.
	 */
	private double drain(JdbcTemplate db, List<String> instances, String label) throws Exception {
		int before = this.smtp.getReceivedMessages().length;
		String in = "('" + String.join("','", instances) + "')";
		long started = System.nanoTime();
		int due = db.update("update act_ru_job set duedate_ = now() - interval '1 second' where " + REMINDER_TIMERS
				+ " and process_instance_id_ in " + in);
		int expected = due;
		long deadline = started + TimeUnit.MINUTES.toNanos(30);
		int received = 0;
		long lastReport = started;
		while (System.nanoTime() < deadline) {
			received = this.smtp.getReceivedMessages().length - before;
			if (received >= expected) {
				break;
			}
			if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(10)) {
				out.printf("  %s: %,d of %,d mails after %.0f s%n", label, received, expected,
						(System.nanoTime() - started) / 1e9);
				lastReport = System.nanoTime();
			}
			Thread.sleep(100);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		MimeMessage[] all = this.smtp.getReceivedMessages();
		Set<String> ids = new HashSet<>();
		for (int i = before; i < all.length; i++) {
			ids.add(all[i].getMessageID());
		}
		Thread.sleep(2000);
		int late = this.smtp.getReceivedMessages().length - all.length;
		if (received < expected || ids.size() != received || late != 0) {
			throw new IllegalStateException(label + ": " + expected + " reminders due, " + received + " mails, "
					+ ids.size() + " distinct, " + late + " more after the end");
		}
		double rate = expected / seconds;
		out.printf("%-9s %,6d reminders due, %,6d mails received, each once: %.1f s, %.1f per second%n", label,
				expected, received, seconds, rate);
		return rate;
	}

	// --- helpers

	private JsonNode call(int port, String user, String password, String method, String path, String body,
			AtomicInteger calls) throws Exception {
		JsonNode answer = new NodeClient(this.http, port, user, password).call(method, path, body);
		calls.incrementAndGet();
		return answer;
	}

	private void verdict(String figure, double ours, double other, String goal, boolean met) {
		String ratio = Double.isNaN(other) ? "" : String.format("%.2f", ours / other);
		String line = String.format("%-42s ours %8.1f   other %8s   ratio %5s   goal %-18s %s", figure, ours,
				Double.isNaN(other) ? "—" : String.format("%.1f", other), ratio, goal,
				goal.equals("—") ? "" : (met ? "met" : "MISSED"));
		this.summary.add(line);
		out.println(line);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static void heading(String text) {
		out.println();
		out.println("== " + text);
	}

}
