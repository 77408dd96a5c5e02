package cn.liangxin.opinions.org;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import cn.liangxin.opinions.OpinionHandlingApplication;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.support.EmbeddedPostgres;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The back-up and restore of docs/operations.md, rehearsed: {@code pg_dump -Fc} of a
 * running deployment's database (embedded PostgreSQL 15, the oldest supported), then
 * {@code pg_restore} into an empty database owned by the application's role, and the
 * application started on it has every case, its open task and its people.
 */
class BackupRestoreIT {

	static final String ROLE = "opinions_backup";

	static final String PASSWORD = "Backup-Role-2026";

	@Test
	void aDumpRestoredIntoAnEmptyDatabaseIsTheSameDeployment() throws Exception {
		Assumptions.assumeTrue(
				new File("/usr/bin/pg_dump").canExecute() && new File("/usr/bin/pg_restore").canExecute(),
				"The back-up rehearsal needs Debian's PostgreSQL client: apt-get install postgresql-client");
		createRole();
		createDatabase("backup_source");
		String caseNo;
		try (ConfigurableApplicationContext running = start("backup_source")) {
			TestRestTemplate chief = http(running).withBasicAuth("chief", "Chief-Pass-2026");
			chief.postForEntity("/api/committees", Map.of("code", "cmt1", "name", "八桥镇党委"), Map.class);
			chief.postForEntity("/api/orgs", Map.of("code", "org1", "name", "重庆渝发机械制造有限公司", "creditCode",
					"91500104MA5U7XKJ3Q", "employeeCount", 260, "committeeCode", "cmt1"), Map.class);
			chief.postForEntity("/api/people", Map.of("username", "sec1", "name", "张建国", "role", "BRANCH_SECRETARY",
					"orgCode", "org1", "password", "Sec1-Pass-2026"), Map.class);
			ResponseEntity<Map> registered = http(running).withBasicAuth("sec1", "Sec1-Pass-2026")
				.postForEntity("/api/opinions",
						Map.of("orgCode", "org1", "reporterName", "周小平", "reportedOn",
								LocalDate.now(WorkingDayCalendar.ZONE).toString(), "channel", "VISIT", "kind",
								"DIFFICULTY", "summary", "夜班下班路上照明不足"),
						Map.class);
			assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
			caseNo = (String) registered.getBody().get("caseNo");

			Path dump = Files.createDirectories(Path.of("target", "backup")).resolve("opinions.dump");
			run("pg_dump", "--format=custom", "--file=" + dump, "--dbname=backup_source");
			assertThat(dump).isNotEmptyFile();

			createDatabase("backup_restored");
			run("pg_restore", "--no-owner", "--role=" + ROLE, "--dbname=backup_restored", dump.toString());
		}

		try (ConfigurableApplicationContext restored = start("backup_restored")) {
			ResponseEntity<Map> entry = http(restored).withBasicAuth("sec1", "Sec1-Pass-2026")
				.getForEntity("/api/opinions/" + caseNo, Map.class);
			assertThat(entry.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(entry.getBody()).containsEntry("reporterName", "周小平").containsEntry("stage", "branchAssess");
			assertThat(restored.getBean(TaskService.class)
				.createTaskQuery()
				.processInstanceBusinessKey(caseNo)
				.taskDefinitionKey("branchAssess")
				.count()).isOne();
			assertThat(http(restored).withBasicAuth("chief", "Chief-Pass-2026")
				.getForEntity("/api/me", Map.class)
				.getBody()).containsEntry("role", "ADMIN");
		}
	}

	private static void createRole() throws Exception {
		try (var connection = EmbeddedPostgres.server().getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("drop database if exists backup_source");
			statement.execute("drop database if exists backup_restored");
			statement.execute("drop role if exists " + ROLE);
			statement.execute("create role " + ROLE + " login password '" + PASSWORD + "'");
		}
	}

	/** As docs/operations.md creates it: owned by the application's role. */
	private static void createDatabase(String name) throws Exception {
		try (var connection = EmbeddedPostgres.server().getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("create database " + name + " owner " + ROLE);
		}
	}

	/**
	 * A PostgreSQL client program against the embedded server, as the application's role.
	 */
	private static void run(String program, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(program, "--host=localhost",
				"--port=" + EmbeddedPostgres.server().getPort(), "--username=" + ROLE, "--no-password"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PGPASSWORD", PASSWORD);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("%s: %s", program, output).isZero();
	}

	private static TestRestTemplate http(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
	}

	private static ConfigurableApplicationContext start(String database) {
		var server = EmbeddedPostgres.server();
		return new SpringApplication(OpinionHandlingApplication.class).run("--spring.profiles.active=postgres",
				"--spring.datasource.url=" + server.getJdbcUrl(ROLE, database), "--spring.datasource.username=" + ROLE,
				"--spring.datasource.password=" + PASSWORD, "--server.port=0", "--camunda.bpm.webapp.enabled=false",
				"--camunda.bpm.generate-unique-process-engine-name=true", "--camunda.bpm.job-execution.enabled=false",
				"--opinion.calendar.directory=target/no-calendar-directory", "--opinion.insight.summary.enabled=false",
				"--opinion.admin.username=chief", "--opinion.admin.password=Chief-Pass-2026");
	}

}
