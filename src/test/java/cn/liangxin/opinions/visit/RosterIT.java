package cn.liangxin.opinions.visit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.support.WebAppTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roster over the API, on the test's database (PostgreSQL in the build): org3's
 * branch (sec3) imports its employees from CSV and XLSX, a bad file is refused whole with
 * every broken rule's line and nothing stored, a re-import updates by 工号 and a replacing
 * one marks who left; the pairing range follows the roster's size at 199 and 200; the
 * supervising committee and the district get 403 (they see counts elsewhere), another
 * organization's branch 404.
 */
@WebAppTest
class RosterIT {

	static final String HEADER = "工号,姓名,性别,年龄,车间/岗位,片区,手机,特殊困难,困难情况,党员,联系党员工号,分管片区\n";

	static final String SIX = HEADER + """
			S001,赵志强,男,46,服务部,一片区,13800000101,,,是,,一片区
			S002,钱玉兰,女,35,服务部,一片区,13800000102,是,独自抚养两个孩子,否,S001,
			S003,孙浩,男,28,服务部,一片区,13800000103,,,否,S001,
			S004,李静,女,31,项目部,二片区,13800000104,,,是,,二片区
			S005,周磊,男,26,项目部,二片区,13800000105,,,否,S004,
			S006,吴婷,女,24,项目部,二片区,,,,否,S004,
			""";

	@Autowired
	TestRestTemplate http;

	@Autowired
	Roster roster;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Autowired
	DemoData demo;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void org3StartsWithoutARoster() {
		this.demo.createOrganizationsAndPeople();
		this.jdbc.update("delete from visit_block where org_code = 'org3'");
		this.jdbc.update("delete from employee where org_code = 'org3'");
	}

	@Test
	void theBranchImportsItsRosterAndSeesItsEmployeesAndPairings() {
		ResponseEntity<JsonNode> imported = upload("sec3", "org3", "花名册.csv", utf8(SIX), false);

		assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(imported.getBody().get("created").asInt()).isEqualTo(6);
		assertThat(imported.getBody().at("/pairing/employees").asInt()).isEqualTo(6);
		JsonNode page = as("sec3").getForObject("/api/orgs/org3/employees?size=2", JsonNode.class);
		assertThat(page.get("totalElements").asInt()).isEqualTo(6);
		assertThat(page.at("/content/0/name").asText()).isEqualTo("赵志强");
		assertThat(page.at("/content/1/specialDifficulty").asBoolean()).isTrue();
		JsonNode pairing = as("sec3").getForObject("/api/orgs/org3/pairings", JsonNode.class);
		assertThat(pairing.at("/range/min").asInt()).isEqualTo(5);
		// two members with two employees each: both below 5
		assertThat(pairing.get("membersOutsideRange")).hasSize(2);
		assertThat(pairing.get("withoutContact")).isEmpty();
		assertThat(pairing.get("blocksWithoutLeader")).isEmpty();
		assertThat(this.jdbc.queryForList(
				"select leader_staff_no from visit_block where org_code = 'org3' order by name", String.class))
			.containsExactly("S001", "S004");
	}

	@Test
	void aFileWithBadRowsIsRefusedWholeNamingEachLineAndNothingIsStored() {
		String bad = HEADER + """
				S001,赵志强,男,46,服务部,一片区,,,,是,,一片区
				S002,,女,35,服务部,一片区,,是,,否,S001,
				S003,孙浩,X,28,服务部,一片区,,,,否,S009,
				""";

		ResponseEntity<JsonNode> refused = upload("sec3", "org3", "花名册.csv", utf8(bad), false);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode errors = refused.getBody().get("errors");
		assertThat(errors).extracting((e) -> e.get("line").asInt() + ":" + e.get("field").asText())
			.containsExactlyInAnyOrder("3:name", "4:sex");
		assertThat(errors.get(0).get("message").asText()).startsWith("第3行「姓名」");
		assertThat(employees("org3")).isZero();
	}

	@Test
	void aReImportUpdatesByStaffNumberAndAReplacingOneMarksWhoLeft() {
		upload("sec3", "org3", "花名册.csv", utf8(SIX), false);
		String changed = HEADER + """
				S003,孙浩,男,29,服务部/班长,一片区,13900000103,,,否,S001,
				S007,郑凯,男,23,项目部,二片区,,,,否,S004,
				""";

		JsonNode merged = upload("sec3", "org3", "新增.csv", utf8(changed), false).getBody();

		assertThat(merged.get("created").asInt()).isEqualTo(1);
		assertThat(merged.get("updated").asInt()).isEqualTo(1);
		assertThat(employees("org3")).isEqualTo(7);
		assertThat(this.jdbc.queryForObject("select phone from employee where org_code = 'org3' and staff_no = 'S003'",
				String.class))
			.isEqualTo("13900000103");

		JsonNode replaced = upload("sec3", "org3", "花名册.csv", utf8(SIX), true).getBody();

		assertThat(replaced.get("left").asInt()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from employee where org_code = 'org3' and staff_no = 'S007' and left_on is not null",
				Integer.class))
			.isEqualTo(1);
		JsonNode active = as("sec3").getForObject("/api/orgs/org3/employees", JsonNode.class);
		assertThat(active.get("totalElements").asInt()).isEqualTo(6);
		JsonNode all = as("sec3").getForObject("/api/orgs/org3/employees?active=false", JsonNode.class);
		assertThat(all.get("totalElements").asInt()).isEqualTo(7);
	}

	/**
	 * A merging file of a few columns updates those columns only: phones changed, the
	 * blocks, contacts, difficulties and Party membership as they were, the members still
	 * leading their blocks.
	 */
	@Test
	void aMergingFileOfAFewColumnsUpdatesOnlyThoseColumns() {
		upload("sec3", "org3", "花名册.csv", utf8(SIX), true);

		JsonNode merged = upload("sec3", "org3", "手机.csv", utf8("""
				工号,姓名,性别,手机
				S001,赵志强,男,13900000101
				S002,钱玉兰,女,13900000102
				"""), false).getBody();

		assertThat(merged.get("updated").asInt()).isEqualTo(2);
		Map<String, Object> s001 = this.jdbc
			.queryForMap("select * from employee where org_code = 'org3' and staff_no = 'S001'");
		assertThat(s001).containsEntry("PHONE", "13900000101")
			.containsEntry("PARTY_MEMBER", true)
			.containsEntry("BLOCK", "一片区")
			.containsEntry("AGE", 46);
		Map<String, Object> s002 = this.jdbc
			.queryForMap("select * from employee where org_code = 'org3' and staff_no = 'S002'");
		assertThat(s002).containsEntry("PHONE", "13900000102")
			.containsEntry("SPECIAL_DIFFICULTY", true)
			.containsEntry("DIFFICULTY_NOTE", "独自抚养两个孩子")
			.containsEntry("CONTACT_STAFF_NO", "S001");
		assertThat(this.jdbc.queryForObject(
				"select leader_staff_no from visit_block where org_code = 'org3' and name = '一片区'", String.class))
			.isEqualTo("S001");
	}

	/**
	 * A file over the 20 MB limit is answered 413 with a message, not a reset connection.
	 */
	@Test
	void aFileOverTheLimitIsAnswered413WithAMessage() {
		byte[] big = new byte[22 * 1024 * 1024];
		java.util.Arrays.fill(big, (byte) 'x');

		ResponseEntity<JsonNode> refused = upload("sec3", "org3", "大文件.csv", big, false);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(String.valueOf(refused.getBody())).containsPattern("[\\u4e00-\\u9fa5]");
		assertThat(employees("org3")).isZero();
	}

	/**
	 * Two imports of one organization run one after the other: while another transaction
	 * holds the organization (as a first import does until it commits), a second import
	 * waits, and goes on once it is released. Forced with a held lock, not hoped for.
	 */
	@Test
	void anImportWaitsWhileAnotherHoldsTheOrganization() throws Exception {
		java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var first = threads
				.submit(() -> new org.springframework.transaction.support.TransactionTemplate(this.transactions)
					.executeWithoutResult((status) -> {
						this.jdbc.queryForObject("select code from organization where code = 'org3' for update",
								String.class);
						held.countDown();
						await(release);
					}));
			assertThat(held.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			var second = threads.submit(() -> this.roster.importFile("org3", "花名册.csv", utf8(SIX), true));

			Thread.sleep(1500);
			assertThat(second.isDone()).as("the second import waits for the organization").isFalse();
			assertThat(employees("org3")).isZero();

			release.countDown();
			first.get(10, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(second.get(20, java.util.concurrent.TimeUnit.SECONDS).created()).isEqualTo(6);
			assertThat(employees("org3")).isEqualTo(6);
		}
		finally {
			release.countDown();
			threads.shutdownNow();
		}
	}

	private static void await(java.util.concurrent.CountDownLatch latch) {
		try {
			latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void anXlsxRosterIsImportedLikeACsvOne() throws Exception {
		byte[] xlsx = RosterRulesTest.xlsx(List.of(List.of("工号", "姓名", "性别", "手机", "党员"),
				List.of(3001.0, "冯雪", "女", 13800000301.0, "是"), List.of(3002.0, "陈晨", "男", 13800000302.0, "否")));

		ResponseEntity<JsonNode> imported = upload("sec3", "org3", "花名册.xlsx", xlsx, false);

		assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.jdbc.queryForObject("select phone from employee where org_code = 'org3' and staff_no = '3001'",
				String.class))
			.isEqualTo("13800000301");
	}

	@Test
	void thePairingRangeFollowsTheRosterSizeAt199And200() {
		upload("sec3", "org3", "199.csv", utf8(aRoster(199, 17)), true);
		JsonNode at199 = as("sec3").getForObject("/api/orgs/org3/pairings", JsonNode.class);

		upload("sec3", "org3", "200.csv", utf8(aRoster(200, 17)), true);
		JsonNode at200 = as("sec3").getForObject("/api/orgs/org3/pairings", JsonNode.class);

		assertThat(at199.get("employees").asInt()).isEqualTo(199);
		assertThat(at199.at("/range/max").asInt()).isEqualTo(8);
		assertThat(at199.get("membersOutsideRange")).hasSize(17);
		assertThat(at200.get("employees").asInt()).isEqualTo(200);
		assertThat(at200.at("/range/min").asInt()).isEqualTo(10);
		assertThat(at200.get("membersOutsideRange")).isEmpty();
		assertThat(at200.get("membersInRange").asInt()).isEqualTo(17);
	}

	@Test
	void committeesAndTheDistrictSeeNoNamesAndOtherOrganizationsNothing() {
		upload("sec3", "org3", "花名册.csv", utf8(SIX), false);

		for (String user : List.of("cmtstaff2", "district1")) {
			assertThat(as(user).getForEntity("/api/orgs/org3/employees", JsonNode.class).getStatusCode()).as(user)
				.isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(as(user).getForEntity("/api/orgs/org3/pairings", JsonNode.class).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(upload(user, "org3", "花名册.csv", utf8(SIX), true).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
		}
		ResponseEntity<JsonNode> other = as("sec1").getForEntity("/api/orgs/org3/employees", JsonNode.class);
		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(other.getBody().toString()).doesNotContain("赵志强");
		assertThat(upload("sec1", "org3", "花名册.csv", utf8(SIX), true).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(as("hr1").getForEntity("/api/orgs/org1/employees", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as("admin").getForEntity("/api/orgs/org3/employees", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(as("sec3").getForEntity("/api/orgs/nope/employees", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(employees("org3")).isEqualTo(6);
	}

	@Test
	void aRequestWithoutAFileOrWithJsonIsRefusedNamingWhatIsMissing() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		MultiValueMap<String, Object> empty = new LinkedMultiValueMap<>();
		empty.add("replace", "true");
		ResponseEntity<JsonNode> noFile = as("sec3").postForEntity("/api/orgs/org3/employees",
				new HttpEntity<>(empty, headers), JsonNode.class);
		assertThat(noFile.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noFile.getBody().at("/errors/0/field").asText()).isEqualTo("file");

		ResponseEntity<JsonNode> json = as("sec3").postForEntity("/api/orgs/org3/employees", Map.of("file", "x"),
				JsonNode.class);
		assertThat(json.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(json.getBody().at("/errors/0/message").asText()).contains("multipart/form-data");

		ResponseEntity<JsonNode> empty2 = upload("sec3", "org3", "花名册.csv", new byte[0], false);
		assertThat(empty2.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(as("sec3").getForEntity("/api/orgs/org3/employees?page=-1", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	/**
	 * {@code size} employees, {@code members} of them Party members, the others dealt
	 * round them.
	 */
	static String aRoster(int size, int members) {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int m = 1; m <= members; m++) {
			csv.append(String.format("M%03d,党员%d,男,40,车间,一片区,,,,是,,%s%n", m, m, (m == 1) ? "一片区" : ""));
		}
		for (int e = 0; e < size - members; e++) {
			csv.append(String.format("E%04d,员工%d,女,30,车间,一片区,,,,否,M%03d,%n", e, e, e % members + 1));
		}
		return csv.toString();
	}

	private ResponseEntity<JsonNode> upload(String user, String org, String filename, byte[] content, boolean replace) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return filename;
			}
		});
		return as(user).postForEntity("/api/orgs/" + org + "/employees?replace=" + replace,
				new HttpEntity<>(body, headers), JsonNode.class);
	}

	private int employees(String org) {
		return this.jdbc.queryForObject("select count(*) from employee where org_code = ? and left_on is null",
				Integer.class, org);
	}

	private TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, DemoData.PASSWORD);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
