package cn.liangxin.opinions.visit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import cn.liangxin.opinions.OpinionHandlingApplication;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.org.Committee;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Organization;
import cn.liangxin.opinions.support.EmbeddedPostgres;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static java.lang.System.out;

/**
 * The visiting system at district size (issue 15): 500 organizations of 200 employees
 * (100,000) under 10 committees, imported through the roster import, with a year of
 * visits (about 70 % of the employees, seeded in SQL) and of the recurring duties' past
 * periods (85 % recorded, seeded in SQL); then the daily check that makes the current
 * periods' duties with their tasks (how long it takes), the coverage endpoint's latency
 * over HTTP for a branch, a committee and the district (goal: p95 under 300 ms each), and
 * the import of a 10,000-row roster file over HTTP (goal: under 10 s), new and again as
 * an update. Run with {@code ./mvnw -Pbenchmark verify} or
 * {@code ./mvnw -o -Pbenchmark test-compile exec:java@visits-benchmark}; properties
 * {@code benchmark.orgs} (500), {@code benchmark.employees} (200 per organization),
 * {@code benchmark.calls} (50), {@code benchmark.import-rows} (10000). Figures in
 * docs/performance.md.
 */
public final class VisitsBenchmark {

	static final String DATABASE = "visits_benchmark";

	static final String HEADER = "工号,姓名,性别,年龄,车间/岗位,片区,手机,特殊困难,困难情况,党员,联系党员工号,分管片区\n";

	private final int orgs = Integer.getInteger("benchmark.orgs", 500);

	private final int employees = Integer.getInteger("benchmark.employees", 200);

	private final int calls = Integer.getInteger("benchmark.calls", 50);

	private final int importRows = Integer.getInteger("benchmark.import-rows", 10_000);

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<String> summary = new ArrayList<>();

	private String base;

	public static void main(String[] args) throws Exception {
		new VisitsBenchmark().run();
	}

	private void run() throws Exception {
		var postgres = EmbeddedPostgres.server();
		EmbeddedPostgres.createDatabase(DATABASE);
		String jdbcUrl = postgres.getJdbcUrl("postgres", DATABASE);
		SpringApplication application = new SpringApplication(OpinionHandlingApplication.class);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		try (ConfigurableApplicationContext context = application.run("--spring.profiles.active=postgres",
				"--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres", "--server.port=0", "--opinion.demo.enabled=false",
				"--opinion.admin.username=benchadmin", "--opinion.admin.password=bench-admin-password",
				"--opinion.mail.embedded-smtp.enabled=false", "--camunda.bpm.job-execution.enabled=false",
				"--opinion.insight.summary.enabled=false", "--opinion.monthly-report.enabled=false",
				"--logging.level.root=WARN")) {
			this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
			heading("Visits benchmark: " + this.orgs + " organizations × " + this.employees + " employees");
			seed(context);
			measureDailyCheck(context);
			measureCoverage(context.getBean(JdbcTemplate.class));
			measureImport();
			heading("Summary");
			this.summary.forEach(out::println);
		}
		finally {
			postgres.close();
		}
	}

	private void seed(ConfigurableApplicationContext context) {
		long started = System.nanoTime();
		context.getBean(DemoData.class).createOrganizationsAndPeople();
		OrgDirectory directory = context.getBean(OrgDirectory.class);
		Roster roster = context.getBean(Roster.class);
		for (int c = 1; c <= 10; c++) {
			directory.save(new Committee(String.format("vbc%02d", c), "基准测试党委" + c));
		}
		for (int o = 1; o <= this.orgs; o++) {
			String code = String.format("vb%04d", o);
			directory.save(new Organization(code, "基准测试组织" + o, null, this.employees,
					String.format("vbc%02d", (o - 1) % 10 + 1)));
			roster.importFile(code, code + ".csv", rosterFile(code, this.employees), true);
			if (o % 100 == 0) {
				out.printf("  %d organizations with their rosters (%.0f s)%n", o, seconds(started));
			}
		}
		directory.save(new Organization("vbbig", "基准测试大组织", null, this.importRows, "vbc01"));
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
		LocalDate first = today.withDayOfYear(1);
		int days = (int) (today.toEpochDay() - first.toEpochDay());
		jdbc.execute("select setseed(0.42)");
		int visits = jdbc.update("insert into visit (org_code, visitor_name, visited_on, employee_id, employee_name, "
				+ "recorded_by, recorded_at) select org_code, '走访人', cast(? as date) + cast(floor(random() * ?) as integer), "
				+ "id, name, 'bench', now() from employee where org_code like 'vb%' and random() < 0.7", first,
				days + 1);
		int duties = seedDuties(jdbc, today);
		jdbc.execute("analyze");
		out.printf("(seeded %,d employees, %,d visits and %,d duties of past periods in %.0f s)%n",
				this.orgs * this.employees, visits, duties, seconds(started));
	}

	/**
	 * The recurring duties of this year's past periods, 85 % of them recorded: each
	 * organization's meeting and owner visit a quarter, five talks (its block leaders)
	 * and its committee's visit a month.
	 */
	private static int seedDuties(JdbcTemplate jdbc, LocalDate today) {
		LocalDate year = today.withDayOfYear(1);
		LocalDate month = today.withDayOfMonth(1);
		LocalDate quarter = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
		String insert = """
				insert into visiting_duty (kind, org_code, committee_code, holder, holder_name, period, period_start,
				    period_end, due_on, done_on, people, summary, recorded_by, recorded_at)
				select ?, o.code, o.committee_code, %s, %s, %s, p, p + interval '%s' - interval '1 day',
				       p + interval '%s' - interval '1 day',
				       case when random() < 0.85 then p + cast(floor(random() * 20) as integer) end,
				       '参加人员', '情况', 'bench', now()
				from organization o, (select cast(s as date) as p from generate_series(cast(? as date),
				    cast(? as date) - interval '1 day', interval '%s') s) periods
				%s
				where o.code like 'vb%%'""";
		String byMonth = "to_char(p, 'YYYY-MM')";
		String byQuarter = "to_char(p, 'YYYY') || '-Q' || to_char(p, 'Q')";
		int made = 0;
		made += jdbc.update(insert.formatted("''", "null", byQuarter, "3 months", "3 months", "3 months", ""),
				"MEETING", year, quarter);
		made += jdbc.update(insert.formatted("''", "null", byQuarter, "3 months", "3 months", "3 months", ""),
				"OWNER_VISIT", year, quarter);
		made += jdbc.update(insert.formatted("''", "null", byMonth, "1 month", "1 month", "1 month", ""),
				"COMMITTEE_VISIT", year, month);
		made += jdbc.update(insert.formatted("o.code || '-' || h", "'片长' || h", byMonth, "1 month", "1 month",
				"1 month", ", generate_series(0, 4) h"), "TALK", year, month);
		return made;
	}

	/**
	 * The daily check on the first day of a period: every organization's duties of the
	 * current periods made and their tasks started (one transaction).
	 */
	private void measureDailyCheck(ConfigurableApplicationContext context) throws Exception {
		heading("The daily check making this period's duties of " + this.orgs + " organizations");
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		int before = count(jdbc);
		long started = System.nanoTime();
		context.getBean("dutyStarter", org.springframework.boot.ApplicationRunner.class)
			.run(new org.springframework.boot.DefaultApplicationArguments());
		double seconds = seconds(started);
		int made = count(jdbc) - before;
		String line = String.format("%-52s %,d in %.1f s (%.0f per second)", "duties made with their tasks", made,
				seconds, made / seconds);
		this.summary.add(line);
		out.println(line);
		jdbc.execute("analyze");
	}

	private static int count(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select count(*) from visiting_duty where process_instance_id is not null",
				Integer.class);
	}

	private void measureCoverage(JdbcTemplate jdbc) throws Exception {
		heading("GET /api/visits/coverage (admin), " + this.calls + " calls after 5 warm-up calls");
		// the first call of a day (or after a start) counts every organization once and
		// keeps the counts; so does the first after a visit for its organization
		jdbc.update("update coverage_summary set as_of = null, version = version + 1");
		long t = System.nanoTime();
		get("/api/visits/coverage");
		String cold = String.format("%-52s %.0f ms (then kept)", "coverage, the district, first call of the day",
				(System.nanoTime() - t) / 1e6);
		this.summary.add(cold);
		out.println(cold);
		latency("coverage p95, one organization", "/api/visits/coverage?orgCode=vb0001");
		latency("coverage p95, one committee (" + this.orgs / 10 + " organizations)",
				"/api/visits/coverage?committee=vbc01");
		latency("coverage p95, the district", "/api/visits/coverage");
	}

	private void latency(String figure, String path) throws Exception {
		for (int i = 0; i < 5; i++) {
			get(path);
		}
		double[] ms = new double[this.calls];
		for (int i = 0; i < this.calls; i++) {
			long t = System.nanoTime();
			get(path);
			ms[i] = (System.nanoTime() - t) / 1e6;
		}
		Arrays.sort(ms);
		double p50 = ms[ms.length / 2];
		double p95 = ms[(int) Math.ceil(ms.length * 0.95) - 1];
		verdict(figure, String.format("p50 %.0f ms, p95 %.0f ms", p50, p95), "< 300 ms", p95 < 300);
	}

	private void measureImport() throws Exception {
		heading("POST /api/orgs/vbbig/employees: a roster file of " + this.importRows + " rows");
		byte[] file = rosterFile("vbbig", this.importRows);
		double created = timedImport(file);
		double updated = timedImport(file);
		verdict("import of " + this.importRows + " new employees",
				String.format("%.1f s (%.0f rows/s)", created, this.importRows / created), "< 10 s", created < 10);
		verdict("the same file again (updates)",
				String.format("%.1f s (%.0f rows/s)", updated, this.importRows / updated), "< 10 s", updated < 10);
	}

	private double timedImport(byte[] file) throws Exception {
		String boundary = "----bench" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + file.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(file, 0, body, head.length, file.length);
		System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
		long t = System.nanoTime();
		HttpResponse<String> response = this.http.send(authorized("/api/orgs/vbbig/employees?replace=true")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		double seconds = seconds(t);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
		}
		out.printf("  %s%n", response.body().substring(0, Math.min(160, response.body().length())));
		return seconds;
	}

	/** A roster: a member per 20 employees, the others paired round them, five blocks. */
	static byte[] rosterFile(String prefix, int size) {
		StringBuilder csv = new StringBuilder(HEADER);
		int members = Math.max(1, size / 20);
		for (int i = 0; i < size; i++) {
			boolean member = i < members;
			String block = "片区" + (i % 5 + 1);
			String leads = (member && i < 5) ? "片区" + (i + 1) : "";
			if (member && i < 5) {
				block = leads;
			}
			csv.append(prefix)
				.append('-')
				.append(i)
				.append(",员工")
				.append(i)
				.append(',')
				.append((i % 2 == 0) ? "男" : "女")
				.append(',')
				.append(20 + i % 40)
				.append(",车间,")
				.append(block)
				.append(",1390000")
				.append(String.format("%04d", i % 10_000))
				.append(',')
				.append((i % 50 == 7) ? "是,家庭困难" : ",")
				.append(',')
				.append(member ? "是," : "否," + prefix + "-" + (i % members))
				.append(',')
				.append(leads)
				.append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void get(String path) throws Exception {
		HttpResponse<String> response = this.http.send(authorized(path).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	private HttpRequest.Builder authorized(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString("benchadmin:bench-admin-password".getBytes(StandardCharsets.UTF_8)));
	}

	private void verdict(String figure, String value, String goal, boolean met) {
		String line = String.format("%-52s %-32s goal %-8s %s", figure, value, goal, met ? "met" : "MISSED");
		this.summary.add(line);
		out.println(line);
	}

	private static void heading(String text) {
		out.println();
		out.println("== " + text);
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
