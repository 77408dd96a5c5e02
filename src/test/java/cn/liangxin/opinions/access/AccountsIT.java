package cn.liangxin.opinions.access;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.support.WebAppTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts over HTTP on PostgreSQL: each person finds the people of their own part of the
 * tree in the engine's user list (district staff and admins everyone); failed logins
 * delay the next try and finally lock the account, for a while and not for ever.
 */
@WebAppTest
class AccountsIT {

	static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@BeforeEach
	void organizationsExist() {
		this.demo.createOrganizationsAndPeople();
	}

	@AfterEach
	void clockBack() {
		ClockUtil.reset();
	}

	@ParameterizedTest(name = "{0} finds {1}, not {2}")
	@CsvSource(delimiter = '|',
			value = { "sec1|cmtstaff1 district1 hr1 sec1|admin cmtstaff2 sec3",
					"hr1|cmtstaff1 district1 hr1 sec1|admin cmtstaff2 sec3",
					"sec3|cmtstaff2 district1 sec3|admin cmtstaff1 hr1 sec1",
					"cmtstaff1|cmtstaff1 district1 hr1 sec1|admin cmtstaff2 sec3",
					"cmtstaff2|cmtstaff2 district1 sec3|admin cmtstaff1 hr1 sec1",
					"district1|admin cmtstaff1 cmtstaff2 district1 hr1 sec1 sec3|",
					"admin|admin cmtstaff1 cmtstaff2 district1 hr1 sec1 sec3|" })
	void eachPersonFindsThePeopleOfTheirOwnPartOfTheTree(String user, String people, String others) {
		Set<String> found = ids(user, "/engine-rest/user?maxResults=1000");

		assertThat(found).containsAll(List.of(people.split(" ")));
		if (others != null) {
			assertThat(found).doesNotContainAnyElementsOf(List.of(others.split(" ")));
		}
		Map<?, ?> count = as(user).getForObject("/engine-rest/user/count", Map.class);
		assertThat(((Number) count.get("count")).intValue()).isEqualTo(found.size());
	}

	@Test
	void someoneOutsideOnesPartOfTheTreeIsNotFound() {
		assertThat(as("sec1").getForEntity("/engine-rest/user/sec3/profile", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(ids("sec1", "/engine-rest/user?idIn=sec3,mem1")).containsExactly("mem1");
		assertThat(ids("sec1", "/engine-rest/user?email=sec3@example.cn")).isEmpty();
		assertThat(as("sec1").getForEntity("/engine-rest/user/mem1/profile", Map.class).getBody())
			.containsEntry("firstName", "李红梅");
		assertThat(as("cmtstaff1").getForEntity("/engine-rest/user/sec3/profile", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void failedLoginsLockTheAccountForAWhileThenItOpensAgain() {
		String user = "locked1";
		ResponseEntity<String> created = as("admin").postForEntity("/api/people", Map.of("username", user, "name", "钱丽",
				"role", "BRANCH_MEMBER", "orgCode", "org1", "password", "secret"), String.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Date start = new Date();

		ResponseEntity<Map> wrong = this.http.withBasicAuth(user, "guess").getForEntity("/api/me", Map.class);
		assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat((String) wrong.getBody().get("detail")).contains("锁定");
		assertThat(login(user, "secret")).as("the next try waits a few seconds").isEqualTo(HttpStatus.UNAUTHORIZED);
		for (int attempt = 2; attempt <= 10; attempt++) {
			at(start, Duration.ofMinutes(attempt));
			assertThat(login(user, "guess")).isEqualTo(HttpStatus.UNAUTHORIZED);
		}

		at(start, Duration.ofMinutes(11));
		assertThat(login(user, "secret")).as("locked after 10 failures").isEqualTo(HttpStatus.UNAUTHORIZED);
		at(start, Duration.ofMinutes(24));
		assertThat(login(user, "secret")).as("still locked 14 minutes later").isEqualTo(HttpStatus.UNAUTHORIZED);
		at(start, Duration.ofMinutes(26));
		assertThat(login(user, "secret")).as("open again 15 minutes after the lock").isEqualTo(HttpStatus.OK);
		assertThat(login(user, "guess")).isEqualTo(HttpStatus.UNAUTHORIZED);
		at(start, Duration.ofMinutes(27));
		assertThat(login(user, "secret")).as("one more failure is one delay, not the lock again")
			.isEqualTo(HttpStatus.OK);
	}

	private HttpStatus login(String user, String password) {
		return HttpStatus.valueOf(
				this.http.withBasicAuth(user, password).getForEntity("/api/me", String.class).getStatusCode().value());
	}

	private static void at(Date start, Duration later) {
		ClockUtil.setCurrentTime(new Date(start.getTime() + later.toMillis()));
	}

	private Set<String> ids(String user, String path) {
		ResponseEntity<List<Map<String, Object>>> response = as(user).exchange(path, HttpMethod.GET, null, LIST);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		Set<String> ids = new TreeSet<>();
		response.getBody().forEach((profile) -> ids.add((String) profile.get("id")));
		return ids;
	}

	private TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, DemoData.PASSWORD);
	}

}
