package cn.liangxin.opinions.access;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import cn.liangxin.opinions.OpinionHandlingApplication;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.support.EmbeddedPostgres;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist's task list at scale (issue 14): the request Tasklist sends when a branch
 * secretary ({@code sec1}) opens a filter — {@code POST /engine-rest/filter/{id}/list},
 * sorted by due date, 50 per page, with the list's variables, authorization and tenant
 * checks on — measured over HTTP at 1,000, 10,000 and 100,000 open case tasks in the
 * district of 500 organizations (org1 holds 1 % of them), on embedded PostgreSQL with the
 * application as in production. Then a stress case, org1 alone holding a tenth of 10,000
 * and of 100,000, with this configuration and with the rows the engine makes by default
 * (one authorization per task for its candidate group), to show what this configuration
 * saves. Not a test: {@code ./mvnw -Pbenchmark verify} (docs/performance.md).
 * <p>
 * The open tasks are copies of real ones (three in four the first task of a case
 * registered over the API, one in four the task of a recurring visiting duty, issue 15),
 * spread over 500 organizations and 40 due days; each copy is a row of
 * {@code ACT_RU_TASK} and its candidate group a row of {@code ACT_RU_IDENTITYLINK}, the
 * two tables the query reads. System properties: {@code benchmark.calls} (50),
 * {@code benchmark.warmup} (5; ten times as many before the first row),
 * {@code benchmark.sizes} (1000,10000,100000), {@code benchmark.hold} seconds to keep
 * everything up at the largest size (0), {@code benchmark.app-args} more arguments for
 * the application, separated by spaces (e.g. to try a setting).
 */
public final class TaskQueryBenchmark {

	private static final String DATABASE = "task_query_benchmark";

	private static final PrintStream out = System.out;

	/** Organizations the open tasks belong to (tenants org1..org500). */
	private static final int ORGANIZATIONS = 500;

	private final int calls = Integer.getInteger("benchmark.calls", 50);

	private final int warmup = Integer.getInteger("benchmark.warmup", 5);

	private final int[] sizes = Arrays.stream(System.getProperty("benchmark.sizes", "1000,10000,100000").split(","))
		.mapToInt(Integer::parseInt)
		.toArray();

	private final int hold = Integer.getInteger("benchmark.hold", 0);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private ConfigurableApplicationContext context;

	private JdbcTemplate jdbc;

	private String baseUrl;

	private String template;

	private int seeded;

	/** The open task of one of org1's recurring duties (a meeting to record). */
	private String dutyTemplate;

	private boolean warmedUp;

	/** Every how manieth copy belongs to org1. */
	private int branchShare = 100;

	private TaskQueryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		new TaskQueryBenchmark().run();
	}

	private void run() throws Exception {
		heading("Task query benchmark: Tasklist's list for a branch at " + Arrays.toString(this.sizes)
				+ " open case tasks");
		var postgres = EmbeddedPostgres.server();
		EmbeddedPostgres.createDatabase(DATABASE);
		DataSource database = postgres.getDatabase("postgres", DATABASE);
		this.jdbc = new JdbcTemplate(database);
		try (Connection connection = database.getConnection();
				var rs = connection.createStatement().executeQuery("select version()")) {
			rs.next();
			out.println("PostgreSQL: " + rs.getString(1) + "; " + Runtime.getRuntime().availableProcessors()
					+ " cores; Java " + System.getProperty("java.version"));
		}
		this.context = application(postgres.getJdbcUrl("postgres", DATABASE));
		this.baseUrl = "http://localhost:" + this.context.getEnvironment().getProperty("local.server.port");
		try {
			organizations();
			this.template = templateTask();
			this.dutyTemplate = dutyTemplateTask();
			Map<String, String> filters = filters();
			Map<Integer, double[]> ours = new LinkedHashMap<>();
			heading("The district grows; org1 holds 1 % of its open tasks (as a large organization of 500 would)");
			header();
			for (int size : this.sizes) {
				grow(size);
				ours.put(size, measure(size, filters, "ours", this.calls));
			}
			hold(postgres.getPort());
			heading("Stress: org1 alone holds a tenth of the open tasks; this configuration against the engine's "
					+ "default (one authorization row per task for its candidate group)");
			header();
			this.branchShare = 10;
			for (int size : new int[] { 10_000, 100_000 }) {
				reseed(size);
				measure(size, filters, "ours", this.calls);
				perTaskRows(true);
				measure(size, filters, "default", 3);
				perTaskRows(false);
			}
			verdict(ours);
		}
		finally {
			this.context.close();
			postgres.close();
		}
	}

	private ConfigurableApplicationContext application(String jdbcUrl) {
		SpringApplication application = new SpringApplication(OpinionHandlingApplication.class);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres",
				"--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres", "--server.port=0", "--opinion.demo.enabled=false",
				"--opinion.admin.username=benchadmin", "--opinion.admin.password=bench-admin-password",
				"--opinion.mail.embedded-smtp.enabled=false", "--camunda.bpm.job-execution.enabled=false",
				"--opinion.insight.summary.enabled=false", "--opinion.monthly-report.enabled=false",
				"--opinion.calendar.directory=target/no-calendar-directory", "--logging.level.root=WARN",
				"--logging.level.cn.liangxin.opinions=WARN",
				"--logging.level.io.zonky.test.db.postgres.embedded=WARN"));
		String extra = System.getProperty("benchmark.app-args", "");
		if (!extra.isBlank()) {
			arguments.addAll(List.of(extra.split(" ")));
		}
		return application.run(arguments.toArray(String[]::new));
	}

	/**
	 * The demo tree; the seeded tasks of org2..org500 carry those tenants and groups
	 * without the organizations existing, as sec1's query only asks for org1's.
	 */
	private void organizations() {
		this.context.getBean(DemoData.class).createOrganizationsAndPeople();
	}

	/** A case registered by sec1 over the API: its open task is the template of all. */
	private String templateTask() throws Exception {
		String body = "{\"orgCode\":\"org1\",\"reporterName\":\"周小平\",\"reportedOn\":\""
				+ LocalDate.now(WorkingDayCalendar.ZONE) + "\",\"channel\":\"VISIT\",\"kind\":\"DIFFICULTY\","
				+ "\"summary\":\"夜班下班路上没有路灯，希望企业协调安装\"}";
		int status = send("sec1", "POST", "/api/opinions", body, "application/json").statusCode();
		if (status != 201) {
			throw new IllegalStateException("registering the template case: HTTP " + status);
		}
		return this.jdbc.queryForObject("select ID_ from ACT_RU_TASK where TENANT_ID_ = 'org1'", String.class);
	}

	/**
	 * org1's recurring duties of the period, made by the daily check: its meeting task
	 * (candidate group org1-branch, tenant org1, like a case's) is the template of every
	 * fourth copy, so the branch's list holds the duties' tasks beside the cases'.
	 */
	private String dutyTemplateTask() throws Exception {
		this.context.getBean("dutyStarter", org.springframework.boot.ApplicationRunner.class)
			.run(new org.springframework.boot.DefaultApplicationArguments());
		// the committee's visit to org1 is cmt1's task, in none of sec1's groups: the
		// counts below expect org1's tasks to be the branch's
		var runtime = this.context.getBean(org.camunda.bpm.engine.RuntimeService.class);
		runtime.createProcessInstanceQuery()
			.processInstanceBusinessKeyLike("COMMITTEE_VISIT-%")
			.list()
			.forEach((instance) -> runtime.deleteProcessInstance(instance.getId(), "benchmark"));
		return this.jdbc.queryForObject(
				"select ID_ from ACT_RU_TASK where TENANT_ID_ = 'org1' and TASK_DEF_KEY_ = 'recordMeeting'",
				String.class);
	}

	/** sec1's filters, as Tasklist lists them. */
	private Map<String, String> filters() {
		Map<String, String> ids = new LinkedHashMap<>();
		for (Filter filter : this.context.getBean(FilterService.class).createTaskFilterQuery().list()) {
			if (List.of("我的组任务", "全部待办").contains(filter.getName())) {
				ids.put(filter.getName(), filter.getId());
			}
		}
		return ids;
	}

	/**
	 * Copies the template task until there are {@code size} open copies: copy n belongs
	 * to org1 when n is a multiple of {@link #branchShare}, else to one of org2..org500,
	 * and is due on one of the next 40 days.
	 */
	private void grow(int size) throws Exception {
		if (size <= this.seeded) {
			return;
		}
		long t = System.nanoTime();
		List<String> columns = this.jdbc.queryForList(
				"select column_name from information_schema.columns where table_name = 'act_ru_task' order by ordinal_position",
				String.class);
		String tenant = "case when n % " + this.branchShare + " = 0 then 'org1' else 'org' || (2 + n % "
				+ (ORGANIZATIONS - 1) + ") end";
		List<String> select = new ArrayList<>();
		for (String column : columns) {
			select.add(switch (column) {
				case "id_" -> "'bq' || n";
				case "tenant_id_" -> tenant;
				case "due_date_" -> "t.create_time_ + (n % 40) * interval '1 day'";
				case "create_time_" -> "t.create_time_ - (n % 97) * interval '1 hour'";
				default -> "t." + column;
			});
		}
		this.jdbc.update(
				"insert into ACT_RU_TASK (" + String.join(", ", columns) + ") select " + String.join(", ", select)
						+ " from ACT_RU_TASK t, generate_series(?, ?) n "
						+ "where t.ID_ = case when n % 4 = 3 then ? else ? end",
				this.seeded + 1, size, this.dutyTemplate, this.template);
		this.jdbc.update("insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_, TENANT_ID_) "
				+ "select 'bql' || n, 1, " + tenant + " || '-branch', 'candidate', 'bq' || n, " + tenant
				+ " from generate_series(?, ?) n", this.seeded + 1, size);
		this.seeded = size;
		analyze();
		out.printf("(seeded %,d open tasks in %.1f s)%n", size, (System.nanoTime() - t) / 1e9);
	}

	private void reseed(int size) throws Exception {
		this.jdbc.update("delete from ACT_RU_IDENTITYLINK where ID_ like 'bql%'");
		this.jdbc.update("delete from ACT_RU_TASK where ID_ like 'bq%'");
		this.seeded = 0;
		grow(size);
	}

	/**
	 * What the engine makes by default: READ and TASK_WORK for each task's candidate
	 * group.
	 */
	private void perTaskRows(boolean present) throws Exception {
		if (present) {
			this.jdbc
				.update("insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_) "
						+ "select 'bqa' || l.TASK_ID_, 1, 1, l.GROUP_ID_, 7, l.TASK_ID_, 2 | 16384 from ACT_RU_IDENTITYLINK l "
						+ "where l.ID_ like 'bql%'");
		}
		else {
			this.jdbc.update("delete from ACT_RU_AUTHORIZATION where ID_ like 'bqa%'");
		}
		analyze();
	}

	private void analyze() throws Exception {
		try (Connection connection = this.jdbc.getDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("vacuum analyze ACT_RU_TASK");
			statement.execute("vacuum analyze ACT_RU_IDENTITYLINK");
			statement.execute("vacuum analyze ACT_RU_AUTHORIZATION");
		}
	}

	/** Keeps everything up at the largest size, e.g. to look at plans with psql. */
	private void hold(int port) throws InterruptedException {
		if (this.hold > 0) {
			heading("Holding for " + this.hold + " s: psql -h localhost -p " + port + " -U postgres " + DATABASE
					+ " (statements over 100 ms are logged); " + this.baseUrl);
			this.jdbc.execute("alter database " + DATABASE + " set log_min_duration_statement = 100");
			Thread.sleep(this.hold * 1000L);
		}
	}

	private static void header() {
		out.printf("%9s  %-10s %6s %9s %9s %9s  %s%n", "open", "filter", "org1", "p50 ms", "p95 ms", "max ms",
				"authorization rows");
	}

	/** p95 per filter; returns the p95s in the filters' order. */
	private double[] measure(int size, Map<String, String> filters, String variant, int calls) throws Exception {
		String body = "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}";
		double[] p95s = new double[filters.size()];
		int f = 0;
		Integer authorizations = this.jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION", Integer.class);
		Integer org1 = this.jdbc.queryForObject("select count(*) from ACT_RU_TASK where TENANT_ID_ = 'org1'",
				Integer.class);
		for (Map.Entry<String, String> filter : filters.entrySet()) {
			String path = "/engine-rest/filter/" + filter.getValue() + "/list?firstResult=0&maxResults=50";
			for (int i = 0; i < (this.warmedUp ? this.warmup : 10 * this.warmup); i++) {
				list(path, body);
			}
			double[] millis = new double[calls];
			for (int i = 0; i < calls; i++) {
				long t = System.nanoTime();
				int listed = list(path, body);
				millis[i] = (System.nanoTime() - t) / 1e6;
				if (listed != Math.min(50, org1)) {
					throw new IllegalStateException(
							filter.getKey() + " listed " + listed + " tasks, not " + Math.min(50, org1));
				}
			}
			this.warmedUp = true;
			Arrays.sort(millis);
			p95s[f++] = rank(millis, 0.95);
			out.printf("%,9d  %-10s %,6d %9.1f %9.1f %9.1f  %,d (%s)%n", size, filter.getKey(), org1, rank(millis, 0.5),
					rank(millis, 0.95), millis[millis.length - 1], authorizations, variant);
		}
		return p95s;
	}

	private int list(String path, String body) throws Exception {
		HttpResponse<String> response = send("sec1", "POST", path, body, "application/hal+json");
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + ": HTTP " + response.statusCode() + " " + response.body());
		}
		int count = 0;
		for (int i = response.body().indexOf("\"taskDefinitionKey\""); i >= 0; i = response.body()
			.indexOf("\"taskDefinitionKey\"", i + 1)) {
			count++;
		}
		return count;
	}

	private void verdict(Map<Integer, double[]> ours) {
		heading("Goals");
		int smallest = this.sizes[0];
		int largest = this.sizes[this.sizes.length - 1];
		double[] small = ours.get(smallest);
		double[] large = ours.get(largest);
		for (int i = 0; i < small.length; i++) {
			double ratio = large[i] / small[i];
			out.printf(
					"filter %d: p95 at %,d = %.1f × p95 at %,d (goal ≤ 2): %s; p95 at %,d = %.1f ms (goal ≤ 100): %s%n",
					i + 1, largest, ratio, smallest, (ratio <= 2) ? "met" : "MISSED", smallest, small[i],
					(small[i] <= 100) ? "met" : "MISSED");
		}
	}

	private HttpResponse<String> send(String user, String method, String path, String body, String accept)
			throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((user + ":" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static double rank(double[] sorted, double share) {
		return sorted[Math.max(1, (int) Math.ceil(share * sorted.length)) - 1];
	}

	private static void heading(String text) {
		out.println();
		out.println("== " + text);
	}

}
