package cn.liangxin.opinions.documents;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.support.Browser;
import cn.liangxin.opinions.support.WebAppTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium, with the webapps' session: {@code hr1} downloads the
 * assignment slip from the link in the slip's task form, {@code sec1} the register book
 * from the case list page, {@code district1} the month's summary of the monthly reports.
 * The downloads are read back (PDFBox) and a page of each is rendered under
 * {@code target/documents/}.
 */
@WebAppTest
class DocumentsBrowserIT {

	static final By FORM = By.cssSelector(".fjs-form");

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	TaskService tasks;

	@BeforeEach
	void demoOrganizationsAndPeopleExist() {
		Browser.assumeInstalled();
		this.demo.createOrganizationsAndPeople();
	}

	@Test
	void theDepartmentDownloadsItsSlipFromTheTaskAndTheSecretaryTheRegisterBook() throws IOException {
		String reporter = "冯志远" + (System.nanoTime() % 10000);
		String caseNo = assignedToHr(reporter);
		Task task = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey("departmentHandle")
			.singleResult();
		this.tasks.claim(task.getId(), "hr1");

		try (Browser browser = Browser.open(this.port)) {
			browser.logInToTasklist("hr1", DemoData.PASSWORD);
			browser.driver().get("about:blank");
			browser.driver()
				.get("http://localhost:" + this.port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
			browser.waitFor(FORM);
			// the form words the slip as the printed one does
			assertThat(browser.text(FORM)).contains("重庆渝发机械制造有限公司人力资源部：", "员工" + reporter + "反映的车间通风不好",
					"联系人：张建国，联系电话：13800000000");
			By slipLink = By.xpath("//*[contains(@class,'fjs-form')]//a[contains(text(),'打印交办单')]");
			String href = browser.waitFor(slipLink).getDomProperty("href");
			assertThat(href).endsWith("/api/opinions/" + caseNo + "/assignment-slip.pdf");
			browser.screenshot("documents-1-slip-link-hr1");
			try (PDDocument slip = Loader.loadPDF(download(browser, href))) {
				assertThat(DocumentsIT.pdfText(slip)).contains("员工意见交办单", "（存根联）", reporter, "收件人签字：王芳");
				DocumentsIT.evidence(slip, 0, "browser-assignment-slip");
			}

			browser.logInToTasklist("sec1", DemoData.PASSWORD);
			browser.driver().get("http://localhost:" + this.port + "/case.html");
			browser.waitFor(By.cssSelector("#books:not([hidden])"));
			String book = browser.waitFor(By.id("bookPdf")).getDomProperty("href");
			assertThat(book).contains("/api/register.pdf?orgCode=org1&year=");
			browser.screenshot("documents-2-register-book-sec1");
			try (PDDocument register = Loader.loadPDF(download(browser, book))) {
				assertThat(DocumentsIT.pdfText(register)).contains("员工意见办理情况登记簿", "重庆渝发机械制造有限公司", reporter);
				DocumentsIT.evidence(register, 0, "browser-register-book");
			}
			// a branch has no monthly report to read; the district has the month's
			// summary
			assertThat(browser.driver().findElement(By.id("reports")).getDomAttribute("hidden")).isNotNull();
			browser.logInToTasklist("district1", DemoData.PASSWORD);
			browser.driver().get("http://localhost:" + this.port + "/case.html");
			browser.waitFor(By.cssSelector("#reports:not([hidden])"));
			String summary = browser.waitFor(By.id("reportPdf")).getDomProperty("href");
			assertThat(summary).contains("/api/reports/monthly?month=").endsWith("&format=pdf");
			assertThat(browser.text(By.id("reportInfo"))).startsWith("全区 ");
			try (PDDocument district = Loader.loadPDF(download(browser, summary))) {
				assertThat(DocumentsIT.pdfText(district)).contains("员工意见办理情况月度汇总");
			}
		}
	}

	/**
	 * What the link gives the signed-in browser, fetched in the page with its session.
	 */
	private static byte[] download(Browser browser, String href) {
		Object encoded = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], { credentials: 'same-origin' })
				  .then((r) => r.ok ? r.arrayBuffer() : Promise.reject(new Error('HTTP ' + r.status)))
				  .then((buffer) => {
				    let binary = '';
				    new Uint8Array(buffer).forEach((b) => binary += String.fromCharCode(b));
				    done(btoa(binary));
				  })
				  .catch((e) => done('ERROR ' + e.message));
				""", href);
		assertThat((String) encoded).doesNotStartWith("ERROR");
		return Base64.getDecoder().decode((String) encoded);
	}

	private String assignedToHr(String reporter) {
		ResponseEntity<Map> created = this.http.withBasicAuth("sec1", DemoData.PASSWORD)
			.postForEntity("/api/opinions",
					Map.of("orgCode", "org1", "reporterName", reporter, "reportedOn",
							LocalDate.now(WorkingDayCalendar.ZONE).toString(), "channel", "VISIT", "kind", "DIFFICULTY",
							"summary", "车间通风不好，夏天闷热。"),
					Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNo = (String) created.getBody().get("caseNo");
		Task assess = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey("branchAssess")
			.singleResult();
		this.tasks.claim(assess.getId(), "sec1");
		this.tasks.complete(assess.getId(), Map.of("route", "ENTERPRISE", "scope", "INDIVIDUAL", "department", "hr"));
		return caseNo;
	}

}
