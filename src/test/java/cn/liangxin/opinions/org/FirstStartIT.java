package cn.liangxin.opinions.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.liangxin.opinions.OpinionHandlingApplication;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.support.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real deployment's first start on an empty PostgreSQL, demo data off (the
 * {@code postgres} profile's default): without {@code opinion.admin.*} it stops and says
 * what to set; with them the first administrator can at once build the tree through the
 * API, and the branch secretary it creates registers a case.
 */
class FirstStartIT {

	@Test
	void withoutTheAdministratorsVariablesTheStartStopsAndSaysWhatToSet() {
		String database = EmbeddedPostgres.createDatabase("first_start_none");

		assertThatThrownBy(() -> start(database)).isInstanceOf(NoAdministratorException.class)
			.hasMessage("未设置 opinion.admin.username，也未启用演示数据");
		assertThat(new NoAdministratorFailureAnalyzer().analyze(new NoAdministratorException("x")).getAction())
			.contains("OPINION_ADMIN_USERNAME", "OPINION_ADMIN_PASSWORD");
	}

	@Test
	void aTooShortPasswordIsRefusedBeforeAnythingIsCreated() {
		String database = EmbeddedPostgres.createDatabase("first_start_short");

		assertThatThrownBy(() -> start(database, "--opinion.admin.username=chief", "--opinion.admin.password=short"))
			.isInstanceOf(NoAdministratorException.class)
			.hasMessageContaining("opinion.admin.password");
	}

	@Test
	void theFirstAdministratorBuildsTheTreeAndTheBranchRegistersACase() {
		String database = EmbeddedPostgres.createDatabase("first_start_admin");
		try (ConfigurableApplicationContext context = start(database, "--opinion.admin.username=chief",
				"--opinion.admin.password=Chief-Pass-2026", "--opinion.admin.email=chief@example.cn")) {
			TestRestTemplate chief = http(context).withBasicAuth("chief", "Chief-Pass-2026");

			assertThat(chief.getForEntity("/api/me", Map.class).getBody()).containsEntry("role", "ADMIN");
			assertCreated(chief.postForEntity("/api/committees", Map.of("code", "cmt9", "name", "跃进村党委"), Map.class));
			assertCreated(chief.postForEntity("/api/orgs",
					Map.of("code", "org9", "name", "重庆新立电子有限公司", "creditCode", "91500104MA5UABCD1X", "employeeCount",
							120, "committeeCode", "cmt9", "departments",
							List.of(Map.of("code", "admin", "name", "行政部"))),
					Map.class));
			assertCreated(chief.postForEntity("/api/people", Map.of("username", "sec9", "name", "周敏", "role",
					"BRANCH_SECRETARY", "orgCode", "org9", "password", "Sec9-Pass-2026"), Map.class));

			ResponseEntity<Map> registered = http(context).withBasicAuth("sec9", "Sec9-Pass-2026")
				.postForEntity("/api/opinions",
						Map.of("reporterName", "周小平", "orgCode", "org9", "reportedOn",
								LocalDate.now(WorkingDayCalendar.ZONE).toString(), "channel", "VISIT", "kind",
								"DIFFICULTY", "summary", "夜班下班路上照明不足"),
						Map.class);
			assertCreated(registered);
			assertThat((String) registered.getBody().get("caseNo")).startsWith("org9-");
			assertThat(
					http(context).withBasicAuth("admin", "demo").getForEntity("/api/me", String.class).getStatusCode())
				.as("no demo account")
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		try (ConfigurableApplicationContext again = start(database, "--opinion.admin.username=other",
				"--opinion.admin.password=Other-Pass-2026")) {
			assertThat(http(again).withBasicAuth("other", "Other-Pass-2026")
				.getForEntity("/api/me", String.class)
				.getStatusCode()).as("an administrator exists: the variables are ignored")
				.isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(http(again).withBasicAuth("chief", "Chief-Pass-2026")
				.getForEntity("/api/me", String.class)
				.getStatusCode()).isEqualTo(HttpStatus.OK);
		}
	}

	private static void assertCreated(ResponseEntity<?> response) {
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
	}

	private static TestRestTemplate http(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
	}

	/**
	 * The application as the {@code postgres} profile starts it, on a database of the
	 * embedded PostgreSQL, without the webapps (their servlet context keeps static state
	 * that closing it here would clear for the other applications of this JVM).
	 */
	private static ConfigurableApplicationContext start(String database, String... more) {
		var server = EmbeddedPostgres.server();
		List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres",
				"--spring.datasource.url=" + server.getJdbcUrl("postgres", database),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres", "--server.port=0",
				"--camunda.bpm.webapp.enabled=false", "--camunda.bpm.generate-unique-process-engine-name=true",
				"--camunda.bpm.job-execution.enabled=false",
				"--opinion.calendar.directory=target/no-calendar-directory",
				"--opinion.insight.summary.enabled=false"));
		args.addAll(List.of(more));
		return new SpringApplication(OpinionHandlingApplication.class).run(args.toArray(String[]::new));
	}

}
