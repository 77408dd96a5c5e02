package cn.liangxin.opinions.mail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The SMTP server of the embedded default ({@code opinion.mail.embedded-smtp.enabled}):
 * GreenMail, listening where {@code spring.mail.host} and {@code spring.mail.port} point
 * Spring's mail sender, so that {@code ./mvnw spring-boot:run} sends reminders without
 * any set-up. What was sent is shown to admins at {@code /mails.html} (from the
 * {@link MailJournal journal}, which survives restarts; the server keeps messages in
 * memory only).
 * <p>
 * It listens as soon as the bean is initialized, and every mail sender depends on it
 * ({@link EmbeddedSmtpConfiguration}), so nothing sends before it listens; it stops when
 * the application context closes.
 */
public class EmbeddedSmtpServer implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);

	private final String host;

	private final int port;

	private final String pageUrl;

	private GreenMail greenMail;

	/**
	 * @param host the address to listen on ({@code spring.mail.host})
	 * @param port the port to listen on ({@code spring.mail.port})
	 * @param pageUrl where admins see the sent mails, for the start-up log
	 */
	EmbeddedSmtpServer(String host, int port, String pageUrl) {
		this.host = host;
		this.port = port;
		this.pageUrl = pageUrl;
	}

	@Override
	public void afterPropertiesSet() {
		checkFree();
		GreenMail server = new GreenMail(new ServerSetup(this.port, this.host, ServerSetup.PROTOCOL_SMTP));
		try {
			server.start();
		}
		catch (RuntimeException ex) {
			server.stop();
			throw cannotListen(ex.getMessage(), ex);
		}
		this.greenMail = server;
		log.info("Embedded SMTP server listening on {}:{}; sent mails at {}", this.host, this.port, this.pageUrl);
	}

	/**
	 * Fails with a message naming the properties to change, rather than GreenMail's
	 * misleading start-up timeout, when another process holds the port.
	 */
	private void checkFree() {
		try (ServerSocket probe = new ServerSocket()) {
			probe.bind(new InetSocketAddress(this.host, this.port));
		}
		catch (IOException | IllegalArgumentException | SecurityException ex) {
			throw cannotListen(ex.getMessage(), ex);
		}
	}

	private IllegalStateException cannotListen(String reason, Exception cause) {
		return new IllegalStateException("The embedded SMTP server cannot listen on " + this.host + ":" + this.port
				+ " (" + reason + "). Another program probably uses the port: set spring.mail.port to a free port "
				+ "(e.g. --spring.mail.port=2526), or set opinion.mail.embedded-smtp.enabled=false to send "
				+ "through the SMTP server at spring.mail.host and spring.mail.port instead.", cause);
	}

	@Override
	public void destroy() {
		if (this.greenMail != null) {
			this.greenMail.stop();
			this.greenMail = null;
			log.info("Embedded SMTP server on {}:{} stopped", this.host, this.port);
		}
	}

	public String getHost() {
		return this.host;
	}

	public int getPort() {
		return this.port;
	}

	public boolean isRunning() {
		return this.greenMail != null && this.greenMail.getSmtp().isRunning();
	}

	/** What the server received since it started (kept in memory only). */
	public MimeMessage[] getReceivedMessages() {
		return (this.greenMail != null) ? this.greenMail.getReceivedMessages() : new MimeMessage[0];
	}

}
