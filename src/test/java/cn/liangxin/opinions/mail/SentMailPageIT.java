package cn.liangxin.opinions.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.support.Browser;
import cn.liangxin.opinions.support.PackagedNode;
import cn.liangxin.opinions.support.SmtpRelay;
import cn.liangxin.opinions.support.WebAppTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the application sent, for admins: a mail journaled by {@link MailJournal} after a
 * real SMTP server (GreenMail) took it shows in {@code GET /api/admin/mails} and on the
 * page {@code /mails.html} (reached from the Welcome app), with its plain-text body;
 * other users are refused. On PostgreSQL, through real HTTP and a real headless Chromium.
 */
@WebAppTest
class SentMailPageIT {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	/** Case numbers no other test of the shared context uses. */
	static final AtomicInteger CASE_NUMBERS = new AtomicInteger(1000 * (10 + new Random().nextInt(90)));

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	SentMailRepository sentMails;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MailSettings settings;

	String subject;

	String caseNo;

	@BeforeEach
	void aDueDayReminderWasSentToHr1() {
		this.demo.createOrganizationsAndPeople();
		this.caseNo = "（2026）年第" + CASE_NUMBERS.incrementAndGet() + "号";
		this.subject = "【今日到期】" + this.caseNo + " 部门办理交办事项 今天到期";
		MailKey key = new MailKey("task:" + UUID.randomUUID() + ":DUE_DAY:2026-10-23", "DUE_DAY", this.caseNo,
				"task-42");
		OutgoingMail mail = new OutgoingMail("hr1@example.cn", this.subject, "王芳：\n请于今天办结。\n案件编号：" + this.caseNo,
				"<p>王芳：请于今天办结。</p>");

		assertThat(aJournalSendingTo(smtp).sendOnce(key, mail)).isTrue();
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void everyMailOfOneKeyAndRecipientCarriesOneMessageIdAndIsJournaledAsSent() throws Exception {
		MailKey key = new MailKey("task:" + UUID.randomUUID() + ":HALF_WAY:2026-10-23", "HALF_WAY", this.caseNo,
				"task-43");
		OutgoingMail mail = new OutgoingMail("hr1@example.cn", "过半", "正文", "<p>正文</p>");
		MailJournal journal = aJournalSendingTo(smtp);

		assertThat(journal.sendOnce(key, mail)).isTrue();
		assertThat(journal.sendOnce(key, mail)).as("the same key and recipient again").isFalse();

		SentMail row = this.sentMails.findByIdempotencyKeyAndRecipient(key.value(), mail.to()).orElseThrow();
		assertThat(row.getState()).isEqualTo(SentMail.State.SENT);
		assertThat(row.getMessageId()).matches("<[0-9a-f]{40}@opinions\\.local>")
			.isEqualTo(transport(smtp).messageId(key.value(), mail.to()))
			.isNotEqualTo(transport(smtp).messageId(key.value(), "sec1@example.cn"));
		assertThat(List.of(smtp.getReceivedMessages())).hasSize(2)
			.last()
			.satisfies((received) -> assertThat(received.getMessageID()).isEqualTo(row.getMessageId()));
	}

	@Test
	void aMailTheServerRefusedLeavesNoClaimSoThatTheRetrySendsIt() throws Exception {
		MailKey key = new MailKey("task:" + UUID.randomUUID() + ":DAY_BEFORE:2026-10-23", "DAY_BEFORE", this.caseNo,
				"task-44");
		OutgoingMail mail = new OutgoingMail("hr1@example.cn", "明天到期", "正文", "<p>正文</p>");
		JavaMailSenderImpl nowhere = new JavaMailSenderImpl();
		nowhere.setHost("127.0.0.1");
		nowhere.setPort(PackagedNode.freePort());

		assertThatThrownBy(() -> journal(nowhere).sendOnce(key, mail)).isInstanceOf(MailException.class);
		assertThat(this.sentMails.findByIdempotencyKeyAndRecipient(key.value(), mail.to())).isEmpty();

		assertThat(aJournalSendingTo(smtp).sendOnce(key, mail)).isTrue();
		assertThat(smtp.getReceivedMessages()).hasSize(2);
	}

	/**
	 * The server took the message, and the connection broke before its reply reached us
	 * (forced by a relay that drops it right there): the journal does not know, so it
	 * does not send again — not now, not on the job's retry — and shows it as of unknown
	 * delivery.
	 */
	@Test
	void aMailTheServerMayHaveIsNotSentAgain() throws Exception {
		MailKey key = new MailKey("task:" + UUID.randomUUID() + ":DUE_DAY:2026-10-23", "DUE_DAY", this.caseNo,
				"task-46");
		OutgoingMail mail = new OutgoingMail("hr1@example.cn", "今天到期", "正文", "<p>正文</p>");
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		try (SmtpRelay relay = SmtpRelay.to(smtp.getSmtp().getPort(), 1, SmtpRelay.Fault.DROP)) {
			MailJournal journal = new MailJournal(this.sentMails, transport(relay.port()), this.transactions, meters);

			assertThat(journal.sendOnce(key, mail)).isFalse();
			assertThat(relay.awaitFault(0)).isTrue();
		}
		assertThat(smtp.getReceivedMessages()).as("the mail of @BeforeEach and this one").hasSize(2);
		SentMail row = this.sentMails.findByIdempotencyKeyAndRecipient(key.value(), mail.to()).orElseThrow();
		assertThat(row.getState()).isEqualTo(SentMail.State.UNKNOWN);
		assertThat(meters.counter("opinion.mails.uncertain").count()).isEqualTo(1);
		assertThat(meters.counter("opinion.mails.failed").count()).isZero();

		assertThat(aJournalSendingTo(smtp).sendOnce(key, mail)).as("the job's retry").isFalse();
		assertThat(smtp.getReceivedMessages()).hasSize(2);
	}

	/**
	 * A node died between the claim and the SMTP server's answer (the collision itself is
	 * forced in {@code node.TwoNodesIT}): the job's retry does not send again, the admin
	 * sees the mail as of unknown delivery and resends it once, with its Message-ID.
	 */
	@Test
	void aClaimLeftByAStoppedNodeIsNotSentAgainAndAnAdminResendsItOnce() throws Exception {
		MailKey key = new MailKey("task:" + UUID.randomUUID() + ":OVERDUE:2026-10-23", "OVERDUE", this.caseNo,
				"task-45");
		OutgoingMail mail = new OutgoingMail("hr1@example.cn", "【逾期督办】" + this.caseNo, "请督办。", "<p>请督办。</p>");
		String messageId = transport(smtp).messageId(key.value(), mail.to());
		Long claim = new TransactionTemplate(this.transactions)
			.execute((status) -> this.sentMails.save(new SentMail(key, mail, messageId, Instant.now())).getId());
		SimpleMeterRegistry meters = new SimpleMeterRegistry();

		assertThat(aJournalSendingTo(smtp, meters).sendOnce(key, mail)).isFalse();
		assertThat(smtp.getReceivedMessages()).as("only the mail of @BeforeEach").hasSize(1);
		assertThat(this.sentMails.findById(claim).orElseThrow().getState()).isEqualTo(SentMail.State.UNKNOWN);
		assertThat(meters.counter("opinion.mails.uncertain").count()).isEqualTo(1);
		assertThat(aJournalSendingTo(smtp, meters).sendOnce(key, mail)).as("nor on a later retry").isFalse();
		assertThat(meters.counter("opinion.mails.uncertain").count()).isEqualTo(1);

		Map<String, Object> listed = as("admin").exchange("/api/admin/mails?limit=500", HttpMethod.GET, null, LIST)
			.getBody()
			.stream()
			.filter((m) -> claim.equals(((Number) m.get("id")).longValue()))
			.findFirst()
			.orElseThrow();
		assertThat(listed).containsEntry("state", "UNKNOWN")
			.containsEntry("stateLabel", "发送结果不明")
			.containsEntry("messageId", messageId);

		String resend = "/api/admin/mails/" + claim + "/resend";
		assertThat(status(as("sec1").postForEntity(resend, null, String.class))).isEqualTo(HttpStatus.FORBIDDEN);
		// the application's own SMTP address (port 2525 in the shared context): nothing
		// listens yet, then a server does
		ResponseEntity<Map> refused = as("admin").postForEntity(resend, null, Map.class);
		assertThat(status(refused)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(refused.getBody().toString()).contains("邮件服务器无法连接");
		assertThat(this.sentMails.findById(claim).orElseThrow().getState()).isEqualTo(SentMail.State.UNKNOWN);
		GreenMail applicationSmtp = new GreenMail(new ServerSetup(2525, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		applicationSmtp.start();
		try {
			ResponseEntity<Map> resent = as("admin").postForEntity(resend, null, Map.class);
			assertThat(status(resent)).isEqualTo(HttpStatus.OK);
			assertThat(resent.getBody()).containsEntry("state", "SENT");
			assertThat(applicationSmtp.getReceivedMessages()).singleElement().satisfies((received) -> {
				assertThat(received.getMessageID()).isEqualTo(messageId);
				assertThat(received.getSubject()).isEqualTo(mail.subject());
			});
			ResponseEntity<Map> again = as("admin").postForEntity(resend, null, Map.class);
			assertThat(status(again)).isEqualTo(HttpStatus.CONFLICT);
			assertThat(again.getBody().toString()).contains("已发送");
			assertThat(status(as("admin").postForEntity("/api/admin/mails/999999999/resend", null, String.class)))
				.isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(applicationSmtp.getReceivedMessages()).hasSize(1);
		}
		finally {
			applicationSmtp.stop();
		}
	}

	@Test
	void anAdminReadsTheLatestSentMailsWithTheirPlainTextBody() {
		ResponseEntity<List<Map<String, Object>>> response = as("admin").exchange("/api/admin/mails?limit=100",
				HttpMethod.GET, null, LIST);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> latest = response.getBody().get(0);
		assertThat(latest).containsEntry("subject", this.subject)
			.containsEntry("recipient", "hr1@example.cn")
			.containsEntry("kind", "DUE_DAY")
			.containsEntry("caseNo", this.caseNo)
			.containsEntry("taskId", "task-42")
			.containsEntry("body", "王芳：\n请于今天办结。\n案件编号：" + this.caseNo)
			.containsKey("sentAt");
		assertThat((String) latest.get("sentAt")).matches("\\d{4}-\\d{2}-\\d{2}T.*");
		assertThat(as("admin").exchange("/api/admin/mails?limit=1", HttpMethod.GET, null, LIST).getBody()).hasSize(1);
	}

	@Test
	void onlyAdminsMaySeeTheSentMails() {
		assertThat(status(this.http.getForEntity("/api/admin/mails", String.class))).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(status(as("sec1").getForEntity("/api/admin/mails", String.class))).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(as("district1").getForEntity("/api/admin/mails", String.class)))
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(as("admin").getForEntity("/api/admin/mails", String.class))).isEqualTo(HttpStatus.OK);
	}

	@Test
	void aLimitOutsideOneToFiveHundredIsRefusedNamingTheField() {
		for (String limit : List.of("0", "501", "abc")) {
			ResponseEntity<Map> refused = as("admin").getForEntity("/api/admin/mails?limit=" + limit, Map.class);

			assertThat(status(refused)).as("limit=%s", limit).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat((List<Map<String, String>>) refused.getBody().get("errors")).singleElement()
				.satisfies((error) -> assertThat(error).containsEntry("field", "limit").containsEntry("rule", "range"));
		}
	}

	@Test
	void anAdminFindsThePageFromTheWelcomeAppAndReadsTheMailThere() {
		Browser.assumeInstalled();
		assertThat(status(this.http.getForEntity("/mails.html", String.class))).as("the page itself is public")
			.isEqualTo(HttpStatus.OK);
		try (Browser browser = Browser.open(this.port)) {
			browser.driver().get(url("/mails.html"));
			assertThat(browser.text(By.id("message"))).contains("请先登录");
			assertThat(browser.driver().findElement(By.cssSelector("#message a")).getDomAttribute("href"))
				.isEqualTo("/camunda/app/welcome/default/");

			logInToWelcome(browser, "sec1");
			browser.driver().get(url("/mails.html"));
			assertThat(browser.text(By.id("message"))).isEqualTo("仅管理员可查看");

			logInToWelcome(browser, "admin");
			browser.click(By.linkText("已发送邮件"));
			browser.waitFor(By.xpath("//td[normalize-space(text())='" + this.subject + "']"));
			assertThat(browser.text(By.xpath("//th[1]"))).isEqualTo("发送时间");
			assertThat(browser.text(By.xpath("//tr[td[normalize-space(text())='" + this.subject + "']]/td[3]")))
				.isEqualTo("到期日提醒");
			assertThat(browser.text(By.xpath("//tr[td[normalize-space(text())='" + this.subject + "']]/td[6]")))
				.isEqualTo("已发送");
			browser.click(By.xpath("//td[normalize-space(text())='" + this.subject + "']"));
			assertThat(browser.text(By.id("body"))).contains("请于今天办结。").contains(this.caseNo);
			assertThat(browser.driver().findElement(By.id("unknown")).isDisplayed()).isFalse();
			browser.screenshot("sent-mails");
		}
	}

	/**
	 * A mail a stopped node left shows as 发送结果不明 with its Message-ID and what to do; the
	 * admin resends it from the page (confirming first), and it shows as sent.
	 */
	@Test
	void anAdminResendsAMailOfUnknownDeliveryFromThePage() throws Exception {
		Browser.assumeInstalled();
		String subject = "【逾期督办】" + this.caseNo + " 页面重发";
		MailKey key = new MailKey("task:" + UUID.randomUUID() + ":OVERDUE:2026-10-23", "OVERDUE", this.caseNo,
				"task-47");
		OutgoingMail mail = new OutgoingMail("sec1@example.cn", subject, "请督办。", "<p>请督办。</p>");
		String messageId = transport(smtp).messageId(key.value(), mail.to());
		new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> this.sentMails.save(new SentMail(key, mail, messageId, Instant.now())));
		aJournalSendingTo(smtp).sendOnce(key, mail);
		GreenMail applicationSmtp = new GreenMail(new ServerSetup(2525, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		applicationSmtp.start();
		try (Browser browser = Browser.open(this.port)) {
			logInToWelcome(browser, "admin");
			browser.driver().get(url("/mails.html"));
			By row = By.xpath("//tr[td[normalize-space(text())='" + subject + "']]");
			browser.waitFor(row);
			assertThat(browser.text(By.xpath("//tr[td[normalize-space(text())='" + subject + "']]/td[6]")))
				.isEqualTo("发送结果不明");
			browser.click(row);
			assertThat(browser.text(By.id("detail-message-id"))).isEqualTo(messageId);
			assertThat(browser.text(By.id("unknown"))).contains("邮件服务器的日志").contains("重新发送");
			browser.click(By.id("resend"));
			browser.driver().switchTo().alert().accept();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until((driver) -> {
				String result = driver.findElement(By.id("resend-result")).getText();
				return !result.isEmpty() && !result.startsWith("正在发送");
			});
			assertThat(browser.text(By.id("resend-result"))).isEqualTo("已重新发送。");
			assertThat(browser.text(By.id("detail-state"))).isEqualTo("已发送");
			assertThat(browser.driver().findElement(By.id("resend")).isDisplayed()).as("no second resend").isFalse();
			browser.screenshot("sent-mails-resent");
			assertThat(applicationSmtp.getReceivedMessages()).singleElement()
				.satisfies((received) -> assertThat(received.getMessageID()).isEqualTo(messageId));
		}
		finally {
			applicationSmtp.stop();
		}
	}

	/**
	 * Logs in through the Welcome app's form and waits for the welcome page's links.
	 */
	private void logInToWelcome(Browser browser, String user) {
		browser.driver().manage().deleteAllCookies();
		browser.driver().get(url("/camunda/app/welcome/default/"));
		browser.type(By.cssSelector("input[ng-model='username']"), user);
		browser.type(By.cssSelector("input[ng-model='password']"), DemoData.PASSWORD);
		browser.click(By.cssSelector("button[type='submit']"));
		browser.waitFor(By.linkText("已发送邮件"));
	}

	/** The application's journal, sending through the test's SMTP server. */
	private MailJournal aJournalSendingTo(GreenMailExtension server) {
		return aJournalSendingTo(server, new SimpleMeterRegistry());
	}

	private MailJournal aJournalSendingTo(GreenMailExtension server, SimpleMeterRegistry meters) {
		return new MailJournal(this.sentMails, transport(server), this.transactions, meters);
	}

	private MailJournal journal(JavaMailSenderImpl sender) {
		return new MailJournal(this.sentMails, new MailTransport(sender, this.settings), this.transactions,
				new SimpleMeterRegistry());
	}

	private MailTransport transport(GreenMailExtension server) {
		return transport(server.getSmtp().getPort());
	}

	private MailTransport transport(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.setDefaultEncoding("UTF-8");
		sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
		return new MailTransport(sender, this.settings);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, DemoData.PASSWORD);
	}

	private static HttpStatus status(ResponseEntity<?> response) {
		return HttpStatus.valueOf(response.getStatusCode().value());
	}

}
