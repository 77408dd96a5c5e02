package cn.liangxin.opinions.mail;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Renders a reminder or escalation from {@code templates/mail/reminder.html} and
 * {@code reminder.txt} (Chinese), with a direct link to the task in Tasklist.
 */
@Component
public class ReminderMailer {

	private final MailSettings settings;

	private final MailTemplates templates = new MailTemplates();

	public ReminderMailer(MailSettings settings) {
		this.settings = settings;
	}

	public OutgoingMail render(ReminderMail mail) {
		return this.templates.render("reminder", mail.recipientEmail(), mail.subject(),
				Map.of("mail", mail, "link", this.settings.taskLink(mail.taskId())));
	}

}
