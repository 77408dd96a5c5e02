package cn.liangxin.opinions.mail;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import cn.liangxin.opinions.validation.ConflictException;
import cn.liangxin.opinions.validation.Errors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mail.MailException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The mails the application sent, newest first, for the admins' page {@code /mails.html}:
 * what reminders and escalations went to whom, and a resend for a mail whose delivery is
 * unknown ({@link MailJournal}).
 * <p>
 * Admin endpoint: the API filter lets only Camunda admins reach {@code /api/admin/**}.
 */
@RestController
@RequestMapping(path = "/api/admin/mails", produces = MediaType.APPLICATION_JSON_VALUE)
class SentMailAdminController {

	static final int MAX_LIMIT = 500;

	private final MailJournal journal;

	SentMailAdminController(MailJournal journal) {
		this.journal = journal;
	}

	/**
	 * @param limit how many, 1 to 500 (default 100); anything else answers 400 naming
	 * {@code limit}
	 */
	@GetMapping
	List<SentMailView> latest(@RequestParam(defaultValue = "100") String limit) {
		return this.journal.latest(limit(limit)).stream().map(SentMailView::of).toList();
	}

	/**
	 * Sends a mail whose delivery is unknown again (a node stopped while sending it),
	 * once an admin checked the mail server's log: 200 with the mail, now sent; 404 if
	 * there is none; 409 if its delivery is not unknown (sent, or being resent by someone
	 * else); 503 if the SMTP server cannot take it.
	 */
	@PostMapping("/{id}/resend")
	SentMailView resend(@PathVariable long id, Principal admin) {
		try {
			return SentMailView.of(this.journal.resend(id, admin.getName()));
		}
		catch (NoSuchElementException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "邮件 " + id + " 不存在");
		}
		catch (IllegalStateException ex) {
			throw new ConflictException("这封邮件的状态是「" + ex.getMessage() + "」，只能重发发送结果不明的邮件", ex);
		}
		catch (MailException ex) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "邮件服务器无法连接，邮件未重发，请稍后再试", ex);
		}
	}

	private static int limit(String value) {
		Errors errors = new Errors();
		int limit = 0;
		try {
			limit = Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			errors.add("limit", "range", "limit 应为 1 到 " + MAX_LIMIT + " 之间的整数" + Errors.received(value));
		}
		errors.throwIfAny();
		return limit;
	}

	/**
	 * One sent mail as the page shows it; {@code body} is the plain-text part,
	 * {@code state} {@code SENT}, {@code SENDING} or {@code UNKNOWN} ({@code stateLabel}
	 * in Chinese).
	 */
	record SentMailView(Long id, Instant sentAt, String recipient, String kind, String caseNo, String taskId,
			String subject, String body, String state, String stateLabel, String messageId) {

		static SentMailView of(SentMail mail) {
			return new SentMailView(mail.getId(), mail.getSentAt(), mail.getRecipient(), mail.getKind(),
					mail.getCaseNo(), mail.getTaskId(), mail.getSubject(), mail.getBody(), mail.getState().name(),
					mail.getState().label(), mail.getMessageId());
		}

	}

}
