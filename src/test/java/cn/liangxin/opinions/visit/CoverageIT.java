package cn.liangxin.opinions.visit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.org.Committee;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Organization;
import cn.liangxin.opinions.support.WebAppTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coverage figures of 2025 (a closed year, so that the hand count does not move with
 * today's date) against a count by hand, for an organization, its committee and the
 * district; and who sees what: the branch names, the committee counts, other people
 * nothing.
 * <p>
 * A committee {@code cvc} of two organizations: {@code cva}, 10 employees (2 Party
 * members with 4 employees each, below the 5–8 of a small organization), 5 of them
 * visited in 2025 (one twice, and one more only in 2024), two in special difficulty, one
 * visited on 2025-12-20 (on time as of 2025-12-31) and one on 2025-10-01 (late);
 * {@code cvb}, 4 employees, 1 visited.
 */
@WebAppTest
class CoverageIT {

	static final String HEADER = "工号,姓名,性别,片区,特殊困难,党员,联系党员工号,分管片区\n";

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	Roster roster;

	@Autowired
	Visits visits;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void aCommitteeOfTwoOrganizationsVisitedIn2025() {
		this.demo.createOrganizationsAndPeople();
		if (this.orgs.committee("cvc").isPresent()) {
			return;
		}
		this.orgs.save(new Committee("cvc", "覆盖测试党委"));
		this.orgs.save(new Organization("cva", "覆盖测试甲公司", null, 10, "cvc"));
		this.orgs.save(new Organization("cvb", "覆盖测试乙公司", null, 4, "cvc"));
		this.roster.importFile("cva", "a.csv", utf8(HEADER + """
				A01,党员甲,男,东片,,是,,东片
				A02,党员乙,女,西片,,是,,西片
				A03,员工三,男,东片,是,否,A01,
				A04,员工四,女,东片,是,否,A01,
				A05,员工五,男,东片,,否,A01,
				A06,员工六,女,东片,,否,A01,
				A07,员工七,男,西片,,否,A02,
				A08,员工八,女,西片,,否,A02,
				A09,员工九,男,西片,,否,A02,
				A10,员工十,女,西片,,否,A02,
				"""), true);
		this.roster.importFile("cvb", "b.csv", utf8(HEADER + """
				B01,党员丙,男,一片,,是,,一片
				B02,员工二,女,一片,,否,B01,
				B03,员工三,男,一片,,否,B01,
				B04,员工四,女,一片,,否,B01,
				"""), true);
		visit("cva", "A03", "2025-12-20");
		visit("cva", "A04", "2025-10-01");
		visit("cva", "A05", "2025-03-01");
		visit("cva", "A05", "2025-06-01");
		visit("cva", "A07", "2025-05-05");
		visit("cva", "A01", "2025-01-15");
		visit("cva", "A09", "2024-12-31");
		visit("cvb", "B02", "2025-08-08");
	}

	@Test
	void anOrganizationsFiguresMatchTheHandCount() {
		JsonNode cva = as("admin").getForObject("/api/visits/coverage?orgCode=cva&year=2025", JsonNode.class);

		assertThat(cva.get("employees").asInt()).isEqualTo(10);
		assertThat(cva.get("visited").asInt()).isEqualTo(5);
		assertThat(cva.get("members").asInt()).isEqualTo(2);
		// 10 employees: 5–8 each; both members have 4
		assertThat(cva.get("membersInRange").asInt()).isZero();
		assertThat(cva.get("difficulty").asInt()).isEqualTo(2);
		assertThat(cva.get("difficultyVisitedOnTime").asInt()).isEqualTo(1);
		assertThat(cva.get("blocks"))
			.extracting(
					(b) -> b.get("block").asText() + " " + b.get("employees").asInt() + "/" + b.get("visited").asInt())
			.containsExactly("东片 5/4", "西片 5/1");
		assertThat(cva.get("byMember")).extracting(
				(m) -> m.get("staffNo").asText() + " " + m.get("paired").asInt() + "/" + m.get("pairedVisited").asInt())
			.containsExactly("A01 4/3", "A02 4/1");
		assertThat(cva.get("notVisited")).extracting((n) -> n.get("staffNo").asText())
			.containsExactly("A02", "A06", "A08", "A09", "A10");
	}

	@Test
	void aCommitteesAndTheDistrictsFiguresAreTheSumsOfTheirOrganizations() {
		JsonNode before = as("admin").getForObject("/api/visits/coverage?year=2025", JsonNode.class);
		JsonNode cvc = as("admin").getForObject("/api/visits/coverage?committee=cvc&year=2025", JsonNode.class);

		assertThat(cvc.get("employees").asInt()).isEqualTo(14);
		assertThat(cvc.get("visited").asInt()).isEqualTo(6);
		assertThat(cvc.get("organizations"))
			.extracting((o) -> o.get("orgCode").asText() + " " + o.get("behind").asInt())
			.containsExactly("cvb 3", "cva 5");
		assertThat(cvc.get("byMember").isNull()).isTrue();
		assertThat(cvc.get("notVisited").isNull()).isTrue();
		assertThat(before.get("scope").asText()).isEqualTo("district");
		int employees = 0;
		int visited = 0;
		for (JsonNode org : before.get("organizations")) {
			employees += org.get("employees").asInt();
			visited += org.get("visited").asInt();
		}
		assertThat(before.get("employees").asInt()).isEqualTo(employees).isGreaterThanOrEqualTo(14);
		assertThat(before.get("visited").asInt()).isEqualTo(visited).isGreaterThanOrEqualTo(6);
	}

	@Test
	void theCommitteeSeesCountsWithoutNamesAndOthersNothing() {
		JsonNode org1 = as("cmtstaff1").getForObject("/api/visits/coverage?orgCode=org1&year=2025", JsonNode.class);
		assertThat(org1.get("employees").isNumber()).isTrue();
		assertThat(org1.get("byMember").isNull()).isTrue();
		assertThat(org1.get("notVisited").isNull()).isTrue();
		assertThat(org1.toString()).doesNotContain("leader\":\"");
		JsonNode own = as("cmtstaff1").getForObject("/api/visits/coverage?year=2025", JsonNode.class);
		assertThat(own.get("scope").asText()).isEqualTo("committee");
		assertThat(own.get("committee").asText()).isEqualTo("cmt1");

		assertThat(as("cmtstaff1").getForEntity("/api/visits/coverage?committee=cvc", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(as("cmtstaff1").getForEntity("/api/visits/coverage?orgCode=cva", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(as("sec1").getForEntity("/api/visits/coverage?orgCode=cva", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(as("sec1").getForEntity("/api/visits/coverage?committee=cmt1", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		JsonNode sec1 = as("sec1").getForObject("/api/visits/coverage", JsonNode.class);
		assertThat(sec1.get("orgCode").asText()).isEqualTo("org1");
		assertThat(sec1.get("notVisited").isArray()).isTrue();
		assertThat(as("district1").getForEntity("/api/visits/coverage?committee=cvc", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(as("admin").getForEntity("/api/visits/coverage?orgCode=cva&committee=cvc", JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(as("admin").getForEntity("/api/visits/coverage?year=1999", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	/**
	 * This year's figures of a committee come from the counts kept per organization
	 * ({@code coverage_summary}) while nothing changed, and are counted again after a
	 * visit or an import.
	 */
	@Test
	void aCommitteesFiguresOfThisYearAreKeptPerOrganizationAndCountedAgainAfterAVisit() {
		LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
		String url = "/api/visits/coverage?committee=cvc&year=" + today.getYear();
		int visited = as("admin").getForObject(url, JsonNode.class).get("visited").asInt();
		assertThat(this.jdbc.queryForList("select org_code from coverage_summary where as_of = ?", String.class, today))
			.contains("cva", "cvb");

		// kept: what the summary holds is what the committee reads
		this.jdbc.update("update coverage_summary set visited = visited + 40 where org_code = 'cva'");
		assertThat(as("admin").getForObject(url, JsonNode.class).get("visited").asInt()).isEqualTo(visited + 40);

		// a visit makes cva's row stale: counted again, with the visit
		visit("cva", "A06", today.toString());
		JsonNode after = as("admin").getForObject(url, JsonNode.class);
		assertThat(after.get("visited").asInt()).isEqualTo(visited + 1);
		assertThat(after.get("organizations")).filteredOn((o) -> o.get("orgCode").asText().equals("cva"))
			.singleElement()
			.satisfies((o) -> assertThat(o.get("visited").asInt()).isPositive());
		// a re-import too
		this.jdbc.update("update coverage_summary set visited = visited + 40 where org_code = 'cvb'");
		this.roster.importFile("cvb", "b.csv", utf8(HEADER + "B01,党员丙,男,一片,,是,,一片\n"), false);
		assertThat(as("admin").getForObject(url, JsonNode.class).get("visited").asInt()).isEqualTo(visited + 1);
	}

	private void visit(String org, String staffNo, String on) {
		this.visits.record(new VisitLog(org, "走访人", "支部委员", on, staffNo, null, List.of(), null, null, "情况", null,
				List.of(), null, null, null), "admin");
	}

	private TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, DemoData.PASSWORD);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
