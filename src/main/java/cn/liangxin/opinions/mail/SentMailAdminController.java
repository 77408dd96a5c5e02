package cn.liangxin.opinions.mail;

import java.time.Instant;
import java.util.List;

import cn.liangxin.opinions.validation.Errors;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mails the application sent, newest first, for the admins' page {@code /mails.html}:
 * what reminders and escalations went to whom.
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

	/** One sent mail as the page shows it; {@code body} is the plain-text part. */
	record SentMailView(Long id, Instant sentAt, String recipient, String kind, String caseNo, String taskId,
			String subject, String body) {

		static SentMailView of(SentMail mail) {
			return new SentMailView(mail.getId(), mail.getSentAt(), mail.getRecipient(), mail.getKind(),
					mail.getCaseNo(), mail.getTaskId(), mail.getSubject(), mail.getBody());
		}

	}

}
