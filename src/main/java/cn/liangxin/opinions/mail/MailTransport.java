package cn.liangxin.opinions.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
		send(mail, null);
	}

	/**
	 * Sends the message with this {@code Message-ID} header (Spring Mail keeps a header
	 * set before sending), or with one JavaMail makes up if {@code null}. Without an HTML
	 * part ({@code html} {@code null}) the message is plain text.
	 */
	public void send(OutgoingMail mail, String messageId) {
		try {
			MimeMessage message = this.sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null,
					StandardCharsets.UTF_8.name());
			helper.setFrom(this.settings.from());
			helper.setTo(mail.to());
			helper.setSubject(mail.subject());
			if (mail.html() != null) {
				helper.setText(mail.text(), mail.html());
			}
			else {
				helper.setText(mail.text());
			}
			if (messageId != null) {
				message.setHeader("Message-ID", messageId);
			}
			this.sender.send(message);
		}
		catch (MessagingException ex) {
			throw new MailSendException("Cannot build the message to " + mail.to(), ex);
		}
	}

	/**
	 * The {@code Message-ID} of the message with this key to this recipient: the same
	 * every time, at the sender address's domain.
	 */
	public String messageId(String key, String recipient) {
		String from = this.settings.from();
		int at = from.lastIndexOf('@');
		String domain = (at < 0) ? "opinions.local" : from.substring(at + 1).replace(">", "").strip();
		return "<" + HexFormat.of().formatHex(sha256(key + "\n" + recipient), 0, 20) + "@" + domain + ">";
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
