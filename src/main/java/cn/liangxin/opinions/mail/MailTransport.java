package cn.liangxin.opinions.mail;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a rendered message through Spring Mail as multipart/alternative (plain text and
 * HTML) from the configured sender. A failure is thrown ({@link MailSendException}) so
 * that the caller's job retries.
 */
@Component
public class MailTransport {

	private final JavaMailSender sender;

	private final MailSettings settings;

	public MailTransport(JavaMailSender sender, MailSettings settings) {
		this.sender = sender;
		this.settings = settings;
	}

	public void send(OutgoingMail mail) {
		try {
			MimeMessage message = this.sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(this.settings.from());
			helper.setTo(mail.to());
			helper.setSubject(mail.subject());
			helper.setText(mail.text(), mail.html());
			this.sender.send(message);
		}
		catch (MessagingException ex) {
			throw new MailSendException("Cannot build the message to " + mail.to(), ex);
		}
	}

}
