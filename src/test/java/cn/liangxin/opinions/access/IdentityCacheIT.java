package cn.liangxin.opinions.access;

import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.support.WebAppTest;
import cn.liangxin.opinions.workflow.AsSystem;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who a caller is, kept in memory per node, on PostgreSQL: a repeated call is answered
 * from memory; a change of people made anywhere — through the engine on this node, or by
 * another node, which only leaves its changed rows and the raised version in the shared
 * database — applies on the next request; a changed password too.
 */
@WebAppTest
class IdentityCacheIT {

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IdentityService identity;

	@BeforeEach
	void people() {
		this.demo.createOrganizationsAndPeople();
	}

	@Test
	void aRepeatedCallIsAnsweredFromMemory() {
		assertThat(status("mem1", DemoData.PASSWORD, "/api/me")).isEqualTo(HttpStatus.OK);
		double hits = count("hit");
		double misses = count("miss");

		for (int i = 0; i < 3; i++) {
			assertThat(status("mem1", DemoData.PASSWORD, "/api/me")).isEqualTo(HttpStatus.OK);
		}

		assertThat(count("hit") - hits).isEqualTo(3);
		assertThat(count("miss")).isEqualTo(misses);
	}

	@Test
	void anotherNodesChangeAppliesOnTheNextRequestAndOnlyWithTheRaisedVersion() {
		assertThat(status("sec3", DemoData.PASSWORD, "/actuator/prometheus")).isEqualTo(HttpStatus.FORBIDDEN);
		try {
			// what another node's change leaves in the shared database: the row first ...
			this.jdbc.update("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values ('sec3', 'camunda-admin')");
			assertThat(status("sec3", DemoData.PASSWORD, "/actuator/prometheus")).as("kept while the version stands")
				.isEqualTo(HttpStatus.FORBIDDEN);
			// ... and the raised version in the same transaction
			this.jdbc.update("update identity_version set version = version + 1 where id = 1");
			assertThat(status("sec3", DemoData.PASSWORD, "/actuator/prometheus")).isEqualTo(HttpStatus.OK);
		}
		finally {
			this.jdbc.update("delete from ACT_ID_MEMBERSHIP where USER_ID_ = 'sec3' and GROUP_ID_ = 'camunda-admin'");
			this.jdbc.update("update identity_version set version = version + 1 where id = 1");
		}
		assertThat(status("sec3", DemoData.PASSWORD, "/actuator/prometheus")).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void aChangeThroughTheEngineRaisesTheVersionAndAChangedPasswordAppliesAtOnce() {
		assertThat(status("cmtstaff2", DemoData.PASSWORD, "/api/me")).isEqualTo(HttpStatus.OK);
		long before = version();
		try {
			password("cmtstaff2", "another-password-1");
			assertThat(version()).isGreaterThan(before);
			assertThat(status("cmtstaff2", "another-password-1", "/api/me")).isEqualTo(HttpStatus.OK);
			// the old password, verified a moment ago, is refused (and counted by the
			// engine's lockout, which the finally block lifts again)
			assertThat(status("cmtstaff2", DemoData.PASSWORD, "/api/me")).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		finally {
			AsSystem.run(this.identity, () -> this.identity.unlockUser("cmtstaff2"));
			password("cmtstaff2", DemoData.PASSWORD);
		}
		assertThat(status("cmtstaff2", DemoData.PASSWORD, "/api/me")).isEqualTo(HttpStatus.OK);
	}

	private void password(String username, String password) {
		AsSystem.run(this.identity, () -> {
			User user = this.identity.createUserQuery().userId(username).singleResult();
			user.setPassword(password);
			this.identity.saveUser(user);
		});
	}

	private long version() {
		return this.jdbc.queryForObject("select version from identity_version where id = 1", Long.class);
	}

	private double count(String result) {
		return this.meters.get("opinion.identity.cache").tag("result", result).counter().count();
	}

	private HttpStatus status(String user, String password, String path) {
		return HttpStatus
			.valueOf(this.http.withBasicAuth(user, password).getForEntity(path, String.class).getStatusCode().value());
	}

}
