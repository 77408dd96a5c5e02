package cn.liangxin.opinions.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.opinion.PersonalDataReads;
import cn.liangxin.opinions.org.Committee;
import cn.liangxin.opinions.org.Department;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Organization;
import cn.liangxin.opinions.org.Person;
import cn.liangxin.opinions.org.Role;
import cn.liangxin.opinions.support.RestCalls;
import cn.liangxin.opinions.support.WebAppTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static cn.liangxin.opinions.support.RestCalls.bool;
import static cn.liangxin.opinions.support.RestCalls.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printed documents read back: the slips' and the register book's text (PDFBox) and
 * the workbook's cells (Apache POI), their fonts embedded, access refused across
 * organizations, and reads from above the organization recorded. A rendered page of each
 * PDF is saved under {@code target/documents/} as evidence.
 */
@WebAppTest
class DocumentsIT {

	static final Path EVIDENCE = Path.of("target", "documents");

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	TaskService tasks;

	@Autowired
	PersonalDataReads reads;

	@BeforeEach
	void organizationsExist() {
		this.demo.createOrganizationsAndPeople();
	}

	@Test
	void theAssignmentSlipIsTheStubAndTheSlipWithTheDepartmentsSignatureOfReceipt() throws IOException {
		String caseNo = assignedToHr("org1", "sec1", "钱小兵", "装配车间", "夜班下班路上照明不足，希望加装路灯。");
		assertThat(rest().as("hr1").getForEntity(slip(caseNo, "assignment"), byte[].class).getStatusCode())
			.as("the slip exists once it was issued")
			.isEqualTo(HttpStatus.OK);
		rest().claim("hr1", rest().task(caseNo, "departmentHandle"));

		ResponseEntity<byte[]> answer = rest().as("hr1").getForEntity(slip(caseNo, "assignment"), byte[].class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		assertThat(answer.getHeaders().getContentDisposition().getFilename()).endsWith(".pdf").contains("交办单");
		Map<String, Object> entry = rest().as("sec1").getForObject("/api/opinions/" + caseNo, Map.class);
		LocalDate due = LocalDate.parse((String) entry.get("dueOn"));
		try (PDDocument pdf = Loader.loadPDF(answer.getBody())) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			String text = pdfText(pdf);
			assertThat(text).contains("员工意见交办单", "（存根联）", (String) entry.get("caseNoDisplay"), "重庆渝发机械制造有限公司人力资源部：",
					"装配车间的员工钱小兵反映的夜班下班路上照明不足，希望加装路灯一事", "望在" + chinese(due) + "前办理完毕", "联系人：张建国", "联系电话：13800000000",
					"（党组织盖章）", "中共重庆渝发机械制造有限公司支部委员会", "收件人签字：王芳",
					"签收时间：" + chinese(LocalDate.now(WorkingDayCalendar.ZONE)));
			// the number on the stub and on the slip
			assertThat(text.split((String) entry.get("caseNoDisplay"), -1)).hasSize(3);
			assertEveryFontEmbedded(pdf);
			evidence(pdf, 0, "assignment-slip");
		}
	}

	@Test
	void theFeedbackSlipExistsOnceTheMatterHasAResult() throws IOException {
		String caseNo = assignedToHr("org1", "sec1", "孙晓梅", null, "食堂晚餐供应时间太早。");
		ResponseEntity<Map> before = rest().as("sec1").getForEntity(slip(caseNo, "feedback"), Map.class);
		assertThat(before.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat((String) before.getBody().get("detail")).contains("尚无反馈单");

		rest().claim("hr1", rest().task(caseNo, "departmentHandle"));
		assertThat(rest()
			.complete("hr1", rest().task(caseNo, "departmentHandle"),
					Map.of("handlingResult", text("自12月1日起晚餐延至18:30供应。")))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		ResponseEntity<byte[]> answer = rest().as("sec1").getForEntity(slip(caseNo, "feedback"), byte[].class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
		try (PDDocument pdf = Loader.loadPDF(answer.getBody())) {
			String text = pdfText(pdf);
			assertThat(text).contains("员工意见办理情况反馈单", "（存根联）", "孙晓梅员工于" + chinese(today) + "反映的食堂晚餐供应时间太早一事",
					"已于" + chinese(today) + "办结", "自12月1日起晚餐延至18:30供应", "是否满意：", "反映人签字：", "孙晓梅：",
					"您于" + chinese(today) + "反映的", "请及时向我们反映。联系人：张建国，联系电话：13800000000");
			assertEveryFontEmbedded(pdf);
			evidence(pdf, 0, "feedback-slip");
		}
	}

	@Test
	void slipsAreNotFoundAcrossOrganizationsAndTheRegisterBookIsRefused() {
		String caseNo = assignedToHr("org1", "sec1", "周小平", null, "更衣室柜子不够用。");
		for (String outsider : List.of("sec3", "cmtstaff2")) {
			assertThat(rest().as(outsider).getForEntity(slip(caseNo, "assignment"), Map.class).getStatusCode())
				.as(outsider)
				.isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(rest().as(outsider).getForEntity(slip(caseNo, "feedback"), Map.class).getStatusCode())
				.as(outsider)
				.isEqualTo(HttpStatus.NOT_FOUND);
			for (String format : List.of("xlsx", "pdf")) {
				assertThat(rest().as(outsider)
					.getForEntity("/api/register." + format + "?orgCode=org1", Map.class)
					.getStatusCode()).as(outsider + " " + format).isEqualTo(HttpStatus.FORBIDDEN);
			}
		}
		assertThat(rest().as("hr1").getForEntity("/api/register.xlsx?orgCode=org1", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map> badYear = rest().as("sec1")
			.getForEntity("/api/register.xlsx?orgCode=org1&year=20x6", Map.class);
		assertThat(badYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badYear.getBody().toString()).contains("year").contains("年度");
		assertThat(rest().as("district1").getForEntity("/api/register.pdf", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(rest().as("sec1").getForEntity("/api/register.pdf?orgCode=nosuch", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void theRegisterBookHasTheSeedsColumnsAndOneRowPerCaseOfTheOrganizationAndYear() throws IOException {
		Organization org = organizationOfItsOwn();
		List<String> reporters = List.of("甲一" + suffix(), "乙二" + suffix(), "丙三" + suffix());
		String secretary = "ds" + org.getCode();
		registered(org.getCode(), secretary, reporters.get(0), null, "宿舍热水供应不稳定。");
		assignedToHr(org.getCode(), secretary, reporters.get(1), "包装车间", "包装车间噪音大。");
		registered(org.getCode(), secretary, reporters.get(2), null, "希望组织职工体检。");
		String elsewhere = "别处" + suffix();
		registered("org1", "sec1", elsewhere, null, "别的组织的事。");

		ResponseEntity<byte[]> answer = rest().as(secretary).getForEntity("/api/register.xlsx", byte[].class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(answer.getHeaders().getContentType().toString())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.getBody()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(cells(sheet.getRow(0)).get(0)).contains("员工意见办理情况登记簿", org.getName());
			List<String> headers = cells(sheet.getRow(1));
			assertThat(headers.subList(0, 12)).containsExactly("序号", "反映人姓名", "家庭住址", "反映时间", "反映问题的主要内容", "处理意见及结果",
					"经办人", "反馈本人方式", "反馈本人时间", "《反馈单》签收人", "是否销号", "备注");
			assertThat(headers.subList(12, headers.size())).startsWith("案件编号");
			List<List<String>> rows = new ArrayList<>();
			for (int i = 2; i <= sheet.getLastRowNum(); i++) {
				rows.add(cells(sheet.getRow(i)));
			}
			assertThat(rows).hasSize(3);
			assertThat(rows).extracting((row) -> row.get(1)).containsExactlyElementsOf(reporters);
			assertThat(rows).extracting((row) -> row.get(0)).containsExactly("1", "2", "3");
			assertThat(rows.get(1).get(5)).startsWith("交企业相关部门办理（人力资源部），办理中");
			assertThat(rows).extracting((row) -> row.get(10)).containsOnly("未销号");
			assertThat(rows.toString()).doesNotContain(elsewhere);
		}

		ResponseEntity<byte[]> pdfAnswer = rest().as(secretary).getForEntity("/api/register.pdf", byte[].class);
		assertThat(pdfAnswer.getStatusCode()).isEqualTo(HttpStatus.OK);
		try (PDDocument pdf = Loader.loadPDF(pdfAnswer.getBody())) {
			PDPage first = pdf.getPage(0);
			assertThat(first.getMediaBox().getWidth()).isGreaterThan(first.getMediaBox().getHeight());
			String text = pdfText(pdf);
			assertThat(text).contains("员工意见办理情况登记簿", "单位：" + org.getName(), "反映问题的主要内容", "《反馈单》签收人",
					"第 1 页　共 " + pdf.getNumberOfPages() + " 页");
			reporters.forEach((name) -> assertThat(text).contains(name));
			assertThat(text).doesNotContain(elsewhere);
			// the stubs behind the register: the one assignment slip
			assertThat(text).contains("附：员工意见交办单、员工意见办理情况反馈单存根联", "（存根联）", "包装车间的员工" + reporters.get(1));
			// an organization whose Party organization's name is not known: 「…党支部」
			assertThat(text).contains(org.getName() + "党支部");
			assertEveryFontEmbedded(pdf);
			evidence(pdf, 0, "register-book");
		}
	}

	@Test
	void readsFromAboveTheOrganizationAreRecordedAndTheBranchsOwnAreNot() {
		String caseNo = assignedToHr("org1", "sec1", "吴小勇", null, "班车发车时间不合适。");
		rest().as("sec1").getForEntity(slip(caseNo, "assignment"), byte[].class);
		rest().as("hr1").getForEntity(slip(caseNo, "assignment"), byte[].class);
		assertThat(this.reads.of(caseNo)).isEmpty();

		assertThat(rest().as("cmtstaff1").getForEntity(slip(caseNo, "assignment"), byte[].class).getStatusCode())
			.isEqualTo(HttpStatus.OK);

		assertThat(this.reads.of(caseNo)).singleElement().satisfies((read) -> {
			assertThat(read.readBy()).isEqualTo("cmtstaff1");
			assertThat(read.role()).isEqualTo("COMMITTEE_STAFF");
			assertThat(read.what()).isEqualTo("交办单");
		});
	}

	// fixtures

	private static String suffix() {
		return String.valueOf(System.nanoTime() % 100000);
	}

	/**
	 * An organization of its own, with its secretary {@code ds<code>}, so that its book
	 * is exact.
	 */
	private Organization organizationOfItsOwn() {
		String code = "doc" + suffix();
		// under a committee of its own, so that the demo committees' views stay as other
		// tests count them
		if (this.orgs.committee("cmtdoc").isEmpty()) {
			this.orgs.save(new Committee("cmtdoc", "档案测试党委"));
		}
		Organization org = this.orgs.save(new Organization(code, "重庆档案测试有限公司" + code, null, 30, "cmtdoc"));
		this.orgs.save(new Department(code, "hr", "人力资源部"));
		this.orgs.save(new Person("ds" + code, "郑书记", Role.BRANCH_SECRETARY, code, null, null, "支部书记", "13900000000",
				"ds" + code + "@example.cn"), DemoData.PASSWORD);
		return org;
	}

	private String registered(String org, String user, String reporter, String unit, String summary) {
		Map<String, Object> body = new HashMap<>(Map.of("orgCode", org, "reporterName", reporter, "reportedOn",
				LocalDate.now(WorkingDayCalendar.ZONE).toString(), "channel", "VISIT", "kind", "DIFFICULTY", "summary",
				summary));
		if (unit != null) {
			body.put("reporterUnit", unit);
		}
		ResponseEntity<Map> created = rest().as(user).postForEntity("/api/opinions", body, Map.class);
		assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
		return (String) created.getBody().get("caseNo");
	}

	private String assignedToHr(String org, String user, String reporter, String unit, String summary) {
		String caseNo = registered(org, user, reporter, unit, summary);
		assertThat(rest()
			.complete(user, rest().task(caseNo, "branchAssess"),
					Map.of("route", text("ENTERPRISE"), "department", text("hr")))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		return caseNo;
	}

	private static String slip(String caseNo, String which) {
		return "/api/opinions/" + caseNo + "/" + which + "-slip.pdf";
	}

	static String chinese(LocalDate day) {
		return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
	}

	/** The document's text with its lines joined: a sentence may wrap anywhere. */
	static String pdfText(PDDocument pdf) throws IOException {
		return new PDFTextStripper().getText(pdf).replace("\r", "").replace("\n", "");
	}

	static void assertEveryFontEmbedded(PDDocument pdf) throws IOException {
		int fonts = 0;
		for (PDPage page : pdf.getPages()) {
			for (var name : page.getResources().getFontNames()) {
				PDFont font = page.getResources().getFont(name);
				assertThat(font.isEmbedded()).as("font %s is embedded", font.getName()).isTrue();
				fonts++;
			}
		}
		assertThat(fonts).isPositive();
	}

	static void evidence(PDDocument pdf, int page, String name) throws IOException {
		Files.createDirectories(EVIDENCE);
		BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(page, 110);
		ImageIO.write(image, "png", EVIDENCE.resolve(name + ".png").toFile());
	}

	private static List<String> cells(Row row) {
		List<String> values = new ArrayList<>();
		row.forEach((cell) -> values.add(cell.getStringCellValue()));
		return values;
	}

	private RestCalls rest() {
		return new RestCalls(this.http, this.tasks);
	}

}
