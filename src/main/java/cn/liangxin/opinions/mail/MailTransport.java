package cn.liangxin.opinions.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.Deque;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentLinkedDeque;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a rendered message through the configured SMTP server as multipart/alternative
 * (plain text and HTML) from the configured sender, telling apart the two ways it can
 * fail:
 * <ul>
 * <li>{@link MailSendException}: the message was not delivered — the server could not be
 * reached or logged in to, or it refused the message with a negative reply (4xx, 5xx) —
 * so the caller's job retries it;</li>
 * <li>{@link DeliveryUnknownException}: the conversation broke after the message was
 * handed over (the connection dropped, the reply did not come in time), so the server may
 * have it: sending again could deliver it twice.</li>
 * </ul>
 * Spring Mail's {@link JavaMailSenderImpl} gives the session and the server's address;
 * the conversation is held here because Spring Mail reports both kinds alike.
 * <p>
 * Connections are reused: after a message the server accepted, the connection is kept for
 * the next one (at most {@value #KEPT} connections, each for at most
 * {@value #KEEP_SECONDS} seconds idle), so a batch of reminders costs one connection,
 * greeting, {@code EHLO} (and {@code STARTTLS} and login, where configured) per job
 * thread instead of per mail. A kept connection is checked with a {@code NOOP} before it
 * carries a message; one the server closed meanwhile is replaced by a new one. A
 * connection that saw any failure is closed.
 */
@Component
public class MailTransport implements DisposableBean {

	/** How many idle connections are kept. */
	static final int KEPT = 8;

	/** How long an idle connection is kept, in seconds. */
	static final int KEEP_SECONDS = 30;

	private static final Logger log = LoggerFactory.getLogger(MailTransport.class);

	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		// Jakarta Mail looks its stream provider up through the ServiceLoader for every
		// header and body part it encodes, scanning every jar of the application each
		// time (jakartaee/mail-api#861): a third of a reminder job's processor time.
		// Named
		// here, it is instantiated directly.
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	private final JavaMailSenderImpl sender;

	private final MailSettings settings;

	private final Deque<Kept> idle = new ConcurrentLinkedDeque<>();

	public MailTransport(JavaMailSenderImpl sender, MailSettings settings) {
		this.sender = sender;
		this.settings = settings;
	}

	public void send(OutgoingMail mail) {
		send(mail, null);
	}

	/**
	 * Sends the message with this {@code Message-ID} header, or with one JavaMail makes
	 * up if {@code null}. Without an HTML part ({@code html} {@code null}) the message is
	 * plain text.
	 * @throws MailSendException if the message was not delivered
	 * @throws DeliveryUnknownException if the server may or may not have it
	 */
	public void send(OutgoingMail mail, String messageId) {
		MimeMessage message = message(mail, messageId);
		Transport transport = connection();
		boolean accepted = false;
		try {
			transport.sendMessage(message, message.getAllRecipients());
			accepted = true;
		}
		catch (MessagingException ex) {
			if (refused(transport)) {
				throw new MailSendException(
						"The SMTP server " + server() + " refused the message to " + mail.to() + ": " + ex.getMessage(),
						ex);
			}
			throw new DeliveryUnknownException("The conversation with the SMTP server " + server()
					+ " broke while sending to " + mail.to() + ": " + ex.getMessage(), ex);
		}
		finally {
			if (accepted) {
				keep(transport);
			}
			else {
				// the message's fate was decided by its reply
				close(transport);
			}
		}
	}

	/** A kept connection the server still answers on, or a new one. */
	private Transport connection() {
		Kept kept;
		while ((kept = this.idle.pollFirst()) != null) {
			if (!kept.expired() && kept.transport().isConnected()) {
				return kept.transport();
			}
			close(kept.transport());
		}
		try {
			Transport transport = this.sender.getSession().getTransport(protocol());
			transport.connect(this.sender.getHost(), this.sender.getPort(), blankAsNull(this.sender.getUsername()),
					blankAsNull(this.sender.getPassword()));
			return transport;
		}
		catch (MessagingException ex) {
			throw new MailSendException("Cannot reach the SMTP server " + server() + ": " + ex.getMessage(), ex);
		}
	}

	private void keep(Transport transport) {
		// the most recently used is taken first: the others age and are closed here
		Kept oldest;
		while ((oldest = this.idle.peekLast()) != null && oldest.expired() && this.idle.removeLastOccurrence(oldest)) {
			close(oldest.transport());
		}
		if (this.idle.size() < KEPT) {
			this.idle.addFirst(new Kept(transport, System.nanoTime()));
		}
		else {
			close(transport);
		}
	}

	private static void close(Transport transport) {
		try {
			transport.close();
		}
		catch (MessagingException ex) {
			log.debug("Closing a connection to the SMTP server: {}", ex.getMessage());
		}
	}

	/** Closes the kept connections ({@code QUIT}) when the application stops. */
	@Override
	public void destroy() {
		Kept kept;
		while ((kept = this.idle.pollFirst()) != null) {
			close(kept.transport());
		}
	}

	private MimeMessage message(OutgoingMail mail, String messageId) {
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
			message.setSentDate(new Date());
			message.saveChanges();
			if (messageId != null) {
				// after saveChanges, which makes up a new one
				message.setHeader("Message-ID", messageId);
			}
			return message;
		}
		catch (MessagingException ex) {
			throw new MailSendException("Cannot build the message to " + mail.to(), ex);
		}
	}

	/**
	 * Whether the server's last reply was a refusal (4xx or 5xx). A broken connection is
	 * reported as a failed send as well (Angus Mail's {@code [EOF]}, code -1) although
	 * the server may have taken the message.
	 */
	private static boolean refused(Transport transport) {
		if (transport instanceof SMTPTransport smtp) {
			int code = smtp.getLastReturnCode();
			return code >= 400 && code < 600;
		}
		return false;
	}

	private String protocol() {
		return (this.sender.getProtocol() != null) ? this.sender.getProtocol() : "smtp";
	}

	private String server() {
		return this.sender.getHost() + ":" + this.sender.getPort();
	}

	private static String blankAsNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
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

	private record Kept(Transport transport, long since) {

		boolean expired() {
			return System.nanoTime() - this.since > KEEP_SECONDS * 1_000_000_000L;
		}

	}

	/**
	 * The conversation with the SMTP server broke after the message was handed over: the
	 * server may or may not have it.
	 */
	public static class DeliveryUnknownException extends MailSendException {

		DeliveryUnknownException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
