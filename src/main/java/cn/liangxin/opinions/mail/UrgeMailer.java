package cn.liangxin.opinions.mail;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Renders an urge from {@code templates/mail/urge.html} and {@code urge.txt} (Chinese),
 * with a direct link to the task in Tasklist.
 */
@Component
public class UrgeMailer {

	private final MailSettings settings;

	private final MailTemplates templates = new MailTemplates();

	public UrgeMailer(MailSettings settings) {
		this.settings = settings;
	}

	public OutgoingMail render(UrgeMail mail) {
		return this.templates.render("urge", mail.recipientEmail(), mail.subject(),
				Map.of("mail", mail, "link", this.settings.taskLink(mail.taskId())));
	}

}
