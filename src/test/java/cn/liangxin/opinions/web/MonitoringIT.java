package cn.liangxin.opinions.web;

import java.util.Map;

import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.support.WebAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator's monitoring sees, over HTTP: the probes without credentials and with
 * the status only; the health's components for admins, where an SMTP server that cannot
 * be reached (none runs in this test) is its own status and the application stays UP;
 * version and build; the engine's and the application's figures for Prometheus, for
 * admins only.
 */
@WebAppTest
class MonitoringIT {

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void organizationsExist() {
		this.demo.createOrganizationsAndPeople();
	}

	@Test
	void theProbesAnswerWithoutCredentialsAndTellTheStatusOnly() {
		for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			ResponseEntity<Map> answer = this.http.getForEntity(probe, Map.class);

			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(answer.getBody()).containsOnlyKeys("status").containsEntry("status", "UP");
		}
	}

	@Test
	void aMailOutageIsShownToAdminsAndLeavesTheApplicationUp() {
		assertThat(this.http.getForEntity("/actuator/health", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		ResponseEntity<Map> branch = as("sec1").getForEntity("/actuator/health", Map.class);
		assertThat(branch.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(branch.getBody()).containsOnlyKeys("status", "groups").containsEntry("status", "UP");

		ResponseEntity<Map> admin = as("admin").getForEntity("/actuator/health", Map.class);

		assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(admin.getBody()).containsEntry("status", "UP");
		Map<?, ?> components = (Map<?, ?>) admin.getBody().get("components");
		assertThat(((Map<?, ?>) components.get("mail")).get("status")).isEqualTo("UNREACHABLE");
		assertThat(((Map<?, ?>) components.get("db")).get("status")).isEqualTo("UP");
	}

	@Test
	void versionAndBuildAreThere() {
		Map<?, ?> info = as("sec1").getForObject("/actuator/info", Map.class);

		Map<?, ?> build = (Map<?, ?>) info.get("build");
		assertThat(build.get("version")).isNotNull();
		assertThat(((Map<?, ?>) build.get("camunda")).get("version")).isEqualTo("7.24.0");
	}

	@Test
	void prometheusHasTheFiguresForAdminsOnly() {
		assertThat(this.http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(as("sec1").getForEntity("/actuator/prometheus", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		as("sec1").postForEntity("/api/opinions",
				Map.of("orgCode", "org1", "reporterName", "郑刚", "reportedOn",
						java.time.LocalDate.now(cn.liangxin.opinions.calendar.WorkingDayCalendar.ZONE).toString(),
						"channel", "VISIT", "kind", "DIFFICULTY", "summary", "监控测试"),
				String.class);

		ResponseEntity<String> scraped = as("admin").getForEntity("/actuator/prometheus", String.class);

		assertThat(scraped.getStatusCode()).isEqualTo(HttpStatus.OK);
		long open = this.jdbc.queryForObject("select count(*) from opinion_register where not struck_off", Long.class);
		assertThat(open).isPositive();
		assertThat(scraped.getBody()).contains("opinion_cases_open " + (double) open)
			.contains("opinion_cases_overdue ")
			.contains("opinion_jobs_failed ")
			.contains("opinion_incidents_open ")
			.contains("opinion_mails_sent_total")
			.contains("opinion_mails_failed_total")
			.contains("jvm_memory_used_bytes");
	}

	private TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, DemoData.PASSWORD);
	}

}
