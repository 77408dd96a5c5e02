package cn.liangxin.opinions.opinion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register and the intake API through real HTTP, run once per database (H2 and
 * PostgreSQL): registration, refusal without a trace, and gapless, unique numbering under
 * concurrent intake.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class RegisterContract {

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	DemoData demo;

	@BeforeEach
	void organizationsExistAndAnAdminCalls() {
		this.demo.createOrganizationsAndPeople();
		this.http = this.http.withBasicAuth("admin", DemoData.PASSWORD);
	}

	@Test
	void aValidOpinionIsRegisteredWithItsCaseNumberAndCanBeReadBack() {
		ResponseEntity<Map> created = post(anOpinion());

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNo = (String) created.getBody().get("caseNo");
		assertThat(caseNo).matches("org2-\\d{4}-\\d+");
		assertThat((String) created.getBody().get("caseNoDisplay")).matches("（\\d{4}）年第\\d+号");
		assertThat(created.getBody().get("processInstanceId")).isNotNull();
		assertThat(created.getHeaders().getLocation()).hasToString("/api/opinions/" + caseNo);

		Map<?, ?> entry = this.http.getForObject("/api/opinions/" + caseNo, Map.class);
		assertThat(entry.get("reporterName")).isEqualTo("吴海燕");
		assertThat(entry.get("reporterAddress")).isEqualTo("大渡口区春晖路8号");
		assertThat(entry.get("summary")).isEqualTo("希望协助办理子女入学证明");
		assertThat(entry.get("stage")).isEqualTo("branchAssess");
		assertThat(entry.get("struckOff")).isEqualTo(false);
		assertThat(this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.singleResult()
			.getTenantId()).isEqualTo("org2");
	}

	@Test
	void anUnknownCaseIsNotFound() {
		assertThat(this.http.getForEntity("/api/opinions/org1-1999-1", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void badInputIsRefusedNamingEveryFieldAndNothingIsWritten() {
		long entries = registerRows();
		long instances = this.runtime.createProcessInstanceQuery().count();
		Map<String, Object> bad = anOpinion();
		bad.put("orgCode", "org9");
		bad.put("reporterName", " ");
		bad.put("summary", "长".repeat(2001));
		bad.put("reportedOn", LocalDate.now(WorkingDayCalendar.ZONE).plusDays(1).toString());
		bad.put("channel", "FAX");

		ResponseEntity<Map> refused = post(bad);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fields(refused)).containsExactlyInAnyOrder("orgCode", "reporterName", "summary", "reportedOn",
				"channel");
		assertThat(refused.getBody().get("detail").toString()).contains("不能超过2000个字").contains("FAX");
		assertThat(registerRows()).isEqualTo(entries);
		assertThat(this.runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
	}

	@Test
	void anOpinionRaisedMoreThanTwoYearsAgoOrWithoutContentIsRefused() {
		Map<String, Object> old = anOpinion();
		old.put("reportedOn", LocalDate.now(WorkingDayCalendar.ZONE).minusYears(2).minusDays(1).toString());
		old.remove("summary");
		old.put("kind", null);

		ResponseEntity<Map> refused = post(old);

		assertThat(fields(refused)).containsExactlyInAnyOrder("reportedOn", "summary", "kind");
		assertThat(refused.getBody().get("detail").toString()).contains("最长可补登2年前的意见");
	}

	@Test
	void aValueOfTheWrongTypeIsRefusedByName() {
		Map<String, Object> bad = anOpinion();
		bad.put("resolvedOnSpot", "maybe");
		bad.put("reportedOn", "2026/09/28");

		ResponseEntity<Map> refused = post(bad);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fields(refused)).containsExactly("resolvedOnSpot");
	}

	@Test
	void caseNumbersAreGaplessAndUniqueUnderConcurrentIntake() throws Exception {
		int year = LocalDate.now(WorkingDayCalendar.ZONE).getYear();
		int before = serials(year).size();
		int threads = 8;
		int perThread = 6;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Callable<HttpStatus>> calls = new ArrayList<>();
			for (int i = 0; i < threads * perThread; i++) {
				calls.add(() -> HttpStatus.valueOf(post(anOpinion()).getStatusCode().value()));
			}
			for (Future<HttpStatus> status : pool.invokeAll(calls)) {
				assertThat(status.get()).isEqualTo(HttpStatus.CREATED);
			}
		}
		finally {
			pool.shutdownNow();
		}

		List<Integer> serials = serials(year);
		assertThat(serials).hasSize(before + threads * perThread);
		for (int i = 0; i < serials.size(); i++) {
			assertThat(serials.get(i)).as("serial at position %d", i).isEqualTo(i + 1);
		}
		assertThat(this.jdbc.queryForObject(
				"select last_no from case_counter where org_code = 'org2' and case_year = ?", Integer.class, year))
			.isEqualTo(serials.size());
	}

	private List<Integer> serials(int year) {
		return this.jdbc.queryForList(
				"select serial_no from opinion_register where org_code = 'org2' and case_year = ? order by serial_no",
				Integer.class, year);
	}

	private long registerRows() {
		return this.jdbc.queryForObject("select count(*) from opinion_register", Long.class);
	}

	@SuppressWarnings("unchecked")
	private static List<String> fields(ResponseEntity<Map> response) {
		return ((List<Map<String, String>>) response.getBody().get("errors")).stream()
			.map((e) -> e.get("field"))
			.toList();
	}

	private ResponseEntity<Map> post(Map<String, Object> body) {
		return this.http.postForEntity("/api/opinions", body, Map.class);
	}

	static Map<String, Object> anOpinion() {
		Map<String, Object> body = new HashMap<>();
		body.put("orgCode", "org2");
		body.put("reporterName", "吴海燕");
		body.put("reporterUnit", "保洁班组");
		body.put("reporterAddress", "大渡口区春晖路8号");
		body.put("reporterPhone", "13800000001");
		body.put("reportedOn", LocalDate.now(WorkingDayCalendar.ZONE).minusDays(1).toString());
		body.put("channel", "MAILBOX");
		body.put("kind", "DIFFICULTY");
		body.put("summary", "希望协助办理子女入学证明");
		body.put("resolvedOnSpot", false);
		return body;
	}

}
