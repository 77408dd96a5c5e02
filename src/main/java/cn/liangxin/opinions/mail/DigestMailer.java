package cn.liangxin.opinions.mail;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Renders the daily digest from {@code templates/mail/digest.html} and {@code digest.txt}
 * (Chinese), each task with its link to Tasklist.
 */
@Component
public class DigestMailer {

	private final MailSettings settings;

	private final MailTemplates templates = new MailTemplates();

	public DigestMailer(MailSettings settings) {
		this.settings = settings;
	}

	public OutgoingMail render(DigestMail mail) {
		return this.templates.render("digest", mail.recipientEmail(), mail.subject(),
				Map.of("mail", mail, "settings", this.settings));
	}

}
