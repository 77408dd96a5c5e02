package cn.liangxin.opinions.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP server, as its own health indicator ({@code mail}, details for admins): a mail
 * outage is reported as {@code UNREACHABLE}, which ranks after {@code UP}, so the
 * application's health and its probes stay UP — the application works, reminders wait in
 * their retried jobs. Checked at most once a minute, and an outage is logged once, as one
 * line, when it begins and when it ends.
 */
@Component("mail")
class MailHealth implements HealthIndicator {

	/** The status of an unreachable SMTP server; ranked after UP (application.yaml). */
	static final Status UNREACHABLE = new Status("UNREACHABLE", "邮件服务器无法连接，提醒邮件将在重试时发送");

	static final Duration CACHED = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(MailHealth.class);

	private final JavaMailSenderImpl sender;

	private final Clock clock;

	private Health last;

	private Instant checkedAt;

	@Autowired
	MailHealth(JavaMailSenderImpl sender) {
		this(sender, Clock.systemUTC());
	}

	MailHealth(JavaMailSenderImpl sender, Clock clock) {
		this.sender = sender;
		this.clock = clock;
	}

	@Override
	public synchronized Health health() {
		Instant now = this.clock.instant();
		if (this.last == null || this.checkedAt.plus(CACHED).isBefore(now)) {
			Health checked = check();
			if (this.last != null && !this.last.getStatus().equals(Status.UP)
					&& checked.getStatus().equals(Status.UP)) {
				log.info("The SMTP server {}:{} is reachable again", this.sender.getHost(), this.sender.getPort());
			}
			this.last = checked;
			this.checkedAt = now;
		}
		return this.last;
	}

	private Health check() {
		Health.Builder health = new Health.Builder().withDetail("server",
				this.sender.getHost() + ":" + this.sender.getPort());
		try {
			this.sender.testConnection();
			return health.up().build();
		}
		catch (MessagingException ex) {
			if (this.last == null || this.last.getStatus().equals(Status.UP)) {
				log.warn("The SMTP server {}:{} cannot be reached: {}", this.sender.getHost(), this.sender.getPort(),
						ex.getMessage());
			}
			return health.status(UNREACHABLE).withDetail("error", String.valueOf(ex.getMessage())).build();
		}
	}

}
