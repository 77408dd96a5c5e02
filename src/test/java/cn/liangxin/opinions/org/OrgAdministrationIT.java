package cn.liangxin.opinions.org;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.support.WebAppTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator adds a committee, an organization with a department and its people through
 * {@code /api/committees}, {@code /api/orgs} and {@code /api/people}; the Camunda
 * identity follows, so the new people log in and work their organization's cases. Bad
 * input is refused by field.
 */
@WebAppTest
class OrgAdministrationIT {

	@Autowired
	TestRestTemplate http;

	@Autowired
	IdentityService identity;

	@Autowired
	DemoData demo;

	@BeforeEach
	void demoDataExists() {
		this.demo.createOrganizationsAndPeople();
	}

	@Test
	void aNewCommitteeOrganizationAndPeopleWorkAtOnce() {
		TestRestTemplate district = this.http.withBasicAuth("district1", DemoData.PASSWORD);
		assertThat(district.postForEntity("/api/committees", Map.of("code", "cmt9", "name", "跃进村党委"), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(district.postForEntity("/api/orgs",
				Map.of("code", "org9", "name", "重庆新立电子有限公司", "creditCode", "91500104MA5UABCD1X", "employeeCount", 120,
						"committeeCode", "cmt9", "departments", List.of(Map.of("code", "admin", "name", "行政部"))),
				Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(district
			.postForEntity("/api/people", person("sec9", "周敏", "BRANCH_SECRETARY", "org9", null, null), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(district
			.postForEntity("/api/people", person("cmtstaff9", "许涛", "COMMITTEE_STAFF", null, null, "cmt9"), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		assertThat(this.identity.createTenantQuery().userMember("sec9").singleResult().getId()).isEqualTo("org9");
		assertThat(this.identity.createTenantQuery().userMember("cmtstaff9").singleResult().getId()).isEqualTo("org9");
		assertThat(this.identity.createTenantQuery().userMember("district1").list()).extracting("id").contains("org9");
		assertThat(this.identity.createGroupQuery().groupMember("sec9").list()).extracting("id")
			.containsExactlyInAnyOrder("org9-branch", "org9-secretary");

		TestRestTemplate secretary = this.http.withBasicAuth("sec9", "secret9");
		ResponseEntity<Map> registered = secretary.postForEntity("/api/opinions",
				Map.of("orgCode", "org9", "reporterName", "唐亮", "reportedOn",
						LocalDate.now(WorkingDayCalendar.ZONE).toString(), "channel", "TALK", "kind", "DIFFICULTY",
						"summary", "希望调整通勤班车时间"),
				Map.class);
		assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNo = (String) registered.getBody().get("caseNo");
		assertThat(this.http.withBasicAuth("cmtstaff9", "secret9")
			.getForEntity("/api/opinions/" + caseNo, Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.http.withBasicAuth("cmtstaff1", DemoData.PASSWORD)
			.getForEntity("/api/opinions/" + caseNo, Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void badOrganizationsAndPeopleAreRefusedNamingEachField() {
		TestRestTemplate admin = this.http.withBasicAuth("admin", DemoData.PASSWORD);
		long people = this.identity.createUserQuery().count();

		ResponseEntity<Map> org = admin.postForEntity("/api/orgs",
				Map.of("code", "Org X!", "name", "", "creditCode", "123", "employeeCount", -1, "committeeCode", "nope"),
				Map.class);
		ResponseEntity<Map> person = admin.postForEntity("/api/people",
				person("x", "", "DEPARTMENT_STAFF", "org1", "finance", null), Map.class);

		assertThat(org.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fields(org)).containsExactlyInAnyOrder("code", "name", "creditCode", "employeeCount",
				"committeeCode");
		assertThat(person.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fields(person)).containsExactlyInAnyOrder("username", "name", "departmentCode");
		assertThat(this.identity.createUserQuery().count()).isEqualTo(people);
	}

	@Test
	void onlyAdminsAndDistrictStaffAdministerTheTree() {
		for (String user : List.of("sec1", "hr1", "cmtstaff1")) {
			assertThat(this.http.withBasicAuth(user, DemoData.PASSWORD)
				.postForEntity("/api/committees", Map.of("code", "cmt8", "name", "越权"), Map.class)
				.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
		}
		assertThat(this.http.withBasicAuth("admin", DemoData.PASSWORD).getForEntity("/api/orgs", List.class).getBody())
			.hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void aPersonTakesTheDailyDigestThemselvesAndAnAdministratorSeesIt() {
		TestRestTemplate hr1 = this.http.withBasicAuth("hr1", DemoData.PASSWORD);
		assertThat(hr1.getForObject("/api/me", Map.class)).containsEntry("username", "hr1")
			.containsEntry("dailyDigest", false);

		ResponseEntity<Map> refused = hr1.exchange("/api/me/daily-digest", HttpMethod.PUT, new HttpEntity<>(Map.of()),
				Map.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fields(refused)).containsExactly("dailyDigest");

		try {
			ResponseEntity<Map> chosen = hr1.exchange("/api/me/daily-digest", HttpMethod.PUT,
					new HttpEntity<>(Map.of("dailyDigest", true)), Map.class);
			assertThat(chosen.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(hr1.getForObject("/api/me", Map.class)).containsEntry("dailyDigest", true);
			List<Map<String, Object>> people = (List<Map<String, Object>>) this.http
				.withBasicAuth("admin", DemoData.PASSWORD)
				.getForObject("/api/people?size=200", Map.class)
				.get("content");
			assertThat(people).filteredOn((p) -> "hr1".equals(p.get("username")))
				.singleElement()
				.satisfies((p) -> assertThat(p).containsEntry("dailyDigest", true));
		}
		finally {
			hr1.exchange("/api/me/daily-digest", HttpMethod.PUT, new HttpEntity<>(Map.of("dailyDigest", false)),
					Map.class);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> fields(ResponseEntity<Map> response) {
		return ((List<Map<String, String>>) response.getBody().get("errors")).stream()
			.map((e) -> e.get("field"))
			.toList();
	}

	private static Map<String, Object> person(String username, String name, String role, String org, String department,
			String committee) {
		Map<String, Object> body = new HashMap<>();
		body.put("username", username);
		body.put("name", name);
		body.put("role", role);
		body.put("orgCode", org);
		body.put("departmentCode", department);
		body.put("committeeCode", committee);
		body.put("email", username + "@example.cn");
		body.put("password", "secret9");
		return body;
	}

}
