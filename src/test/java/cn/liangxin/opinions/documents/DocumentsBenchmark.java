package cn.liangxin.opinions.documents;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Random;

import javax.sql.DataSource;

import cn.liangxin.opinions.OpinionHandlingApplication;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.org.Department;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Organization;
import cn.liangxin.opinions.support.EmbeddedPostgres;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark of the register book (issue 13): on embedded PostgreSQL, with the
 * application running as in production, it fills one organization's register with
 * {@code benchmark.book.cases} cases of this year (default 5,000; every third sent to a
 * department with its slip, every second concluded and fed back, so that the PDF carries
 * the stubs of both kinds), then times {@code GET /api/register.xlsx} and
 * {@code GET /api/register.pdf} over HTTP, each against the same book at a fifth of the
 * size in the same run (a ratio that holds on a noisy machine), and prints the heap used
 * at its peak while each book is written; then the district's monthly report at
 * {@code benchmark.report.cases} cases (default 100,000) raised last month in 30
 * organizations: making every committee's report, and the district's summary over HTTP.
 * Not a test: run it with {@code ./mvnw -Pbenchmark verify} (docs/performance.md).
 */
public final class DocumentsBenchmark {

	private static final PrintStream out = System.out;

	private static final String SMALL = "bkS";

	private static final String LARGE = "bkL";

	private final int cases = Integer.getInteger("benchmark.book.cases", 5000);

	private final int calls = Integer.getInteger("benchmark.book.calls", 3);

	private final int districtCases = Integer.getInteger("benchmark.report.cases", 100_000);

	private ConfigurableApplicationContext context;

	private String baseUrl;

	private final HttpClient http = HttpClient.newHttpClient();

	public static void main(String[] args) throws Exception {
		new DocumentsBenchmark().run();
	}

	private void run() throws Exception {
		out.printf("%n== Register book benchmark: %,d cases of one organization on embedded PostgreSQL ==%n",
				this.cases);
		var postgres = EmbeddedPostgres.server();
		EmbeddedPostgres.createDatabase("documents_benchmark");
		String jdbcUrl = postgres.getJdbcUrl("postgres", "documents_benchmark");
		SpringApplication application = new SpringApplication(OpinionHandlingApplication.class);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		this.context = application.run("--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl,
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres", "--server.port=0",
				"--opinion.demo.enabled=false", "--opinion.admin.username=benchadmin",
				"--opinion.admin.password=bench-admin-password", "--opinion.mail.embedded-smtp.enabled=false",
				"--camunda.bpm.job-execution.enabled=false", "--opinion.insight.summary.enabled=false",
				"--opinion.calendar.directory=target/no-calendar-directory", "--logging.level.root=WARN",
				"--logging.level.io.zonky.test.db.postgres.embedded=WARN");
		this.baseUrl = "http://localhost:" + this.context.getEnvironment().getProperty("local.server.port");
		try {
			OrgDirectory orgs = this.context.getBean(OrgDirectory.class);
			orgs.save(new cn.liangxin.opinions.org.Committee("bkc", "基准测试党委"));
			for (String code : new String[] { SMALL, LARGE }) {
				orgs.save(new Organization(code, "重庆基准测试制造有限公司" + code, null, 800, "bkc"));
				orgs.save(new Department(code, "hr", "人力资源部"));
			}
			long t = System.nanoTime();
			fill(SMALL, this.cases / 5);
			fill(LARGE, this.cases);
			out.printf("Filled the registers (%,d and %,d cases) in %.1f s%n", this.cases / 5, this.cases,
					(System.nanoTime() - t) / 1e9);
			out.printf("%-6s %8s %12s %12s %10s %12s%n", "format", "cases", "best s", "bytes", "ratio", "peak heap MB");
			for (String format : new String[] { "xlsx", "pdf" }) {
				Result small = measure(SMALL, format, this.cases / 5);
				Result large = measure(LARGE, format, this.cases);
				out.printf("%-6s %,8d %12.2f %,12d %10s %12.0f%n", format, this.cases / 5, small.seconds, small.bytes,
						"", small.peakMb);
				out.printf("%-6s %,8d %12.2f %,12d %10.2f %12.0f   goal: under 5 s%n", format, this.cases,
						large.seconds, large.bytes, large.seconds / small.seconds, large.peakMb);
			}
			retained();
			districtReport(orgs);
		}
		finally {
			this.context.close();
			postgres.close();
		}
	}

	private record Result(double seconds, long bytes, double peakMb) {
	}

	/**
	 * What a book keeps in memory while it is written: during one download of each size a
	 * sampler collects garbage every 100 ms and notes the heap used after it; the highest
	 * note, less the heap used before, is what the book held (garbage excluded).
	 */
	private void retained() throws Exception {
		out.printf("%n%-6s %8s %22s%n", "format", "cases", "retained heap MB (max)");
		for (String format : new String[] { "xlsx", "pdf" }) {
			for (String[] book : new String[][] { { SMALL, String.valueOf(this.cases / 5) },
					{ LARGE, String.valueOf(this.cases) } }) {
				System.gc();
				long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
				long[] highest = { before };
				java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
				Thread sampler = new Thread(() -> {
					while (running.get()) {
						System.gc();
						highest[0] = Math.max(highest[0],
								ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
						try {
							Thread.sleep(100);
						}
						catch (InterruptedException ex) {
							return;
						}
					}
				});
				sampler.start();
				measureOnce(book[0], format);
				running.set(false);
				sampler.join();
				out.printf("%-6s %,8d %22.0f%n", format, Integer.parseInt(book[1]), (highest[0] - before) / 1e6);
			}
		}
	}

	private void measureOnce(String org, String format) throws Exception {
		HttpResponse<InputStream> answer = this.http
			.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/register." + format + "?orgCode=" + org))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString("benchadmin:bench-admin-password".getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = answer.body()) {
			body.transferTo(java.io.OutputStream.nullOutputStream());
		}
	}

	/**
	 * The district's monthly report at {@code benchmark.report.cases} cases raised last
	 * month in 30 organizations under 5 committees: how long making every committee's
	 * report takes (the figures, in SQL), and the district's summary as JSON, XLSX and
	 * PDF.
	 */
	private void districtReport(OrgDirectory orgs) throws Exception {
		out.printf("%n== The district's monthly report: %,d cases raised last month ==%n", this.districtCases);
		java.time.YearMonth month = java.time.YearMonth.from(LocalDate.now(WorkingDayCalendar.ZONE)).minusMonths(1);
		for (int c = 1; c <= 5; c++) {
			orgs.save(new cn.liangxin.opinions.org.Committee("rc" + c, "基准测试第" + c + "党委"));
			for (int o = 1; o <= 6; o++) {
				String code = "rc" + c + "o" + o;
				orgs.save(new Organization(code, "重庆基准月报" + c + "-" + o + "有限公司", null, 300, "rc" + c));
				orgs.save(new Department(code, "hr", "人力资源部"));
			}
		}
		long t = System.nanoTime();
		int perOrg = this.districtCases / 30;
		for (int c = 1; c <= 5; c++) {
			for (int o = 1; o <= 6; o++) {
				fillMonth("rc" + c + "o" + o, perOrg, month);
			}
		}
		out.printf("Filled %,d cases in %.1f s%n", perOrg * 30, (System.nanoTime() - t) / 1e9);
		var reports = this.context.getBean(cn.liangxin.opinions.report.MonthlyReports.class);
		LocalDate firstWorkingDay = LocalDate.now(WorkingDayCalendar.ZONE);
		t = System.nanoTime();
		int made = reports.makeMissing(firstWorkingDay, Instant.now(), (report) -> null).size();
		double making = (System.nanoTime() - t) / 1e9;
		out.printf("Made %d committees' reports of %s in %.2f s   goal: under 10 s%n", made, month, making);
		for (String format : new String[] { "json", "xlsx", "pdf" }) {
			double best = Double.MAX_VALUE;
			long bytes = 0;
			for (int i = 0; i < this.calls; i++) {
				long s = System.nanoTime();
				HttpResponse<byte[]> answer = this.http.send(HttpRequest
					.newBuilder(URI.create(this.baseUrl + "/api/reports/monthly?month=" + month + "&format=" + format))
					.header("Authorization",
							"Basic " + Base64.getEncoder()
								.encodeToString("benchadmin:bench-admin-password".getBytes(StandardCharsets.UTF_8)))
					.build(), HttpResponse.BodyHandlers.ofByteArray());
				if (answer.statusCode() != 200) {
					throw new IllegalStateException("the district's report answered " + answer.statusCode());
				}
				bytes = answer.body().length;
				best = Math.min(best, (System.nanoTime() - s) / 1e9);
			}
			out.printf("District summary as %-4s: best of %d %.2f s, %,d bytes%n", format, this.calls, best, bytes);
		}
	}

	/** Cases raised in the month: a third to a department and done, half struck off. */
	private void fillMonth(String org, int count, java.time.YearMonth month) throws Exception {
		DataSource data = this.context.getBean(DataSource.class);
		Random random = new Random(org.hashCode());
		try (Connection connection = data.getConnection();
				PreparedStatement insert = connection.prepareStatement(
						"""
								insert into opinion_register (case_no, org_code, case_year, serial_no, reporter_name, reported_on,
								  registered_at, channel, kind, summary, route, stage, due_on, feedback_on, satisfied, struck_off,
								  struck_off_on)
								values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
				PreparedStatement event = connection.prepareStatement(
						"""
								insert into case_event (case_no, org_code, stage, kind, happened_at, happened_on, due_from, due_to)
								values (?, ?, 'departmentHandle', 'DONE', ?, ?, ?, ?)""")) {
			connection.setAutoCommit(false);
			String[] channels = { "VISIT", "MAILBOX", "FORUM", "WALL", "TALK", "MEETING", "OTHER" };
			String[] kinds = { "DIFFICULTY", "CONFLICT", "SUGGESTION" };
			String[] routes = { "ON_SPOT", "EXPLAIN", "ENTERPRISE", "UPPER" };
			for (int i = 1; i <= count; i++) {
				LocalDate reported = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
				boolean closed = i % 2 == 0;
				String route = routes[random.nextInt(routes.length)];
				String caseNo = org + "-" + month.getYear() + "-" + i;
				int p = 1;
				insert.setString(p++, caseNo);
				insert.setString(p++, org);
				insert.setInt(p++, month.getYear());
				insert.setInt(p++, i);
				insert.setString(p++, "周小平");
				insert.setObject(p++, reported);
				insert.setTimestamp(p++, Timestamp.from(Instant.now()));
				insert.setString(p++, channels[random.nextInt(channels.length)]);
				insert.setString(p++, kinds[random.nextInt(kinds.length)]);
				insert.setString(p++, "夜班下班路上照明不足，希望在厂区通道加装路灯。");
				insert.setString(p++, route);
				insert.setString(p++, closed ? null : "departmentHandle");
				insert.setObject(p++, reported.plusDays(21));
				insert.setObject(p++, closed ? reported.plusDays(5) : null);
				insert.setObject(p++, closed ? Boolean.valueOf(random.nextInt(10) > 0) : null);
				insert.setBoolean(p++, closed);
				insert.setObject(p++, closed ? reported.plusDays(5) : null);
				insert.addBatch();
				if (route.equals("ENTERPRISE")) {
					LocalDate done = reported.plusDays(3 + random.nextInt(25));
					event.setString(1, caseNo);
					event.setString(2, org);
					event.setTimestamp(3,
							Timestamp.from(done.atTime(10, 0).atZone(WorkingDayCalendar.ZONE).toInstant()));
					event.setObject(4, done);
					event.setObject(5, reported.plusDays(21));
					event.setObject(6, reported.plusDays(21));
					event.addBatch();
				}
				if (i % 1000 == 0) {
					insert.executeBatch();
					event.executeBatch();
				}
			}
			insert.executeBatch();
			event.executeBatch();
			connection.commit();
		}
	}

	/** The best of the calls, and the heap's peak while the last one was written. */
	private Result measure(String org, String format, int expectedRows) throws Exception {
		double best = Double.MAX_VALUE;
		long bytes = 0;
		double peak = 0;
		for (int i = 0; i < this.calls; i++) {
			System.gc();
			ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
			long t = System.nanoTime();
			HttpResponse<InputStream> answer = this.http
				.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/register." + format + "?orgCode=" + org))
					.header("Authorization",
							"Basic " + Base64.getEncoder()
								.encodeToString("benchadmin:bench-admin-password".getBytes(StandardCharsets.UTF_8)))
					.build(), HttpResponse.BodyHandlers.ofInputStream());
			if (answer.statusCode() != 200) {
				throw new IllegalStateException("register." + format + " answered " + answer.statusCode());
			}
			try (InputStream body = answer.body()) {
				bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
			}
			best = Math.min(best, (System.nanoTime() - t) / 1e9);
			peak = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter((pool) -> pool.getType() == MemoryType.HEAP)
				.mapToLong((pool) -> pool.getPeakUsage().getUsed())
				.sum() / 1e6;
		}
		return new Result(best, bytes, peak);
	}

	/** A register of this year: realistic lengths, a third with a slip, half fed back. */
	private void fill(String org, int count) throws Exception {
		DataSource data = this.context.getBean(DataSource.class);
		Random random = new Random(20261130L + count);
		LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
		int year = today.getYear();
		String[] names = { "周小平", "王建国", "李红梅", "陈静", "刘洋", "孙立", "赵志强", "钱小兵", "吴小勇", "何建华" };
		String[] matters = { "夜班下班路上照明不足，希望在厂区通道加装路灯。", "食堂晚餐供应时间太早，加班员工吃不上热饭。", "孩子入学需要单位开具在职证明，希望尽快办理。",
				"宿舍热水供应不稳定，冬天洗澡困难。", "希望组织一次职工体检，并建立健康档案。" };
		try (Connection connection = data.getConnection();
				PreparedStatement insert = connection.prepareStatement(
						"""
								insert into opinion_register (case_no, org_code, case_year, serial_no, reporter_name, reporter_unit,
								  reporter_address, reporter_phone, reported_on, registered_at, registered_by, channel, kind, summary,
								  handling_opinion, handler, route, scope, department_code, department_signed_by, department_signed_at,
								  stage, due_on, feedback_method, feedback_on, feedback_signed_by, satisfied, struck_off, struck_off_on,
								  remarks, slip_matter, slip_contact, slip_phone, slip_issued_on, result_text, result_on, feedback_content)
								values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
								  ?, ?, ?)""")) {
			connection.setAutoCommit(false);
			for (int i = 1; i <= count; i++) {
				LocalDate reported = today.withDayOfYear(1 + random.nextInt(Math.max(1, today.getDayOfYear() - 1)));
				boolean assigned = i % 3 == 0;
				boolean concluded = i % 2 == 0;
				String matter = matters[random.nextInt(matters.length)];
				int p = 1;
				insert.setString(p++, org + "-" + year + "-" + i);
				insert.setString(p++, org);
				insert.setInt(p++, year);
				insert.setInt(p++, i);
				insert.setString(p++, names[random.nextInt(names.length)]);
				insert.setString(p++, "装配车间");
				insert.setString(p++, "大渡口区春晖路街道" + (1 + random.nextInt(300)) + "号");
				insert.setString(p++, "13800000000");
				insert.setObject(p++, reported);
				insert.setTimestamp(p++, Timestamp.from(Instant.now()));
				insert.setString(p++, "张建国（sec）");
				insert.setString(p++, "VISIT");
				insert.setString(p++, "DIFFICULTY");
				insert.setString(p++, matter);
				insert.setString(p++,
						"【" + reported + " 张建国（sec）】支部研判：交企业相关部门办理\n【" + reported + " 王芳（hr1）】部门办理结果：已解决");
				insert.setString(p++, "王芳（hr1）");
				insert.setString(p++, assigned ? "ENTERPRISE" : "EXPLAIN");
				insert.setString(p++, "INDIVIDUAL");
				insert.setString(p++, assigned ? "hr" : null);
				insert.setString(p++, assigned ? "王芳（hr1）" : null);
				insert.setTimestamp(p++, assigned ? Timestamp.from(Instant.now()) : null);
				insert.setString(p++, concluded ? null : "departmentHandle");
				insert.setObject(p++, reported.plusDays(21));
				insert.setString(p++, concluded ? "PHONE" : null);
				insert.setObject(p++, concluded ? reported.plusDays(10) : null);
				insert.setString(p++, concluded ? "周小平" : null);
				insert.setObject(p++, concluded ? Boolean.TRUE : null);
				insert.setBoolean(p++, concluded);
				insert.setObject(p++, concluded ? reported.plusDays(10) : null);
				insert.setString(p++, (i % 7 == 0) ? "【" + reported + " 张建国（sec）】催办企业部门办理：请本周内办结" : null);
				insert.setString(p++, assigned ? matter : null);
				insert.setString(p++, assigned ? "张建国" : null);
				insert.setString(p++, assigned ? "13800000000" : null);
				insert.setObject(p++, assigned ? reported : null);
				insert.setString(p++, concluded ? "已按员工要求解决，并向员工当面说明。" : null);
				insert.setObject(p++, concluded ? reported.plusDays(9) : null);
				insert.setString(p++, concluded ? "电话告知办理结果，员工表示满意。" : null);
				insert.addBatch();
				if (i % 500 == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
			connection.commit();
		}
	}

}
