package cn.liangxin.opinions.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each message at most once per {@link MailKey key} and recipient, and keeps what
 * was sent.
 * <p>
 * Each sending is two short transactions of its own around the SMTP conversation, so they
 * survive when the calling job fails later (say at the next recipient) and is retried:
 * first a <em>claim</em> ({@link SentMail.State#SENDING}, unique per key and recipient)
 * is committed, then the message goes to the SMTP server, then the row is marked
 * {@link SentMail.State#SENT}. A retry skips whoever already has the message. A message
 * that was not delivered (server unreachable, or it refused the message) deletes the
 * claim and is thrown, so the retry sends it. Where the server may or may not have the
 * message — the conversation broke after it was handed over, or the node died between
 * claim and mark (killed, power lost) — it is <em>not</em> sent again: it is marked
 * {@link SentMail.State#UNKNOWN} (by the retry, for a dead node's claim), logged as a
 * warning with its {@code Message-ID}, counted as {@code opinion.mails.uncertain}, and an
 * admin checks the mail server's log and resends it if need be ({@link #resend}). Nothing
 * is sent twice by the application itself; and every message of one key and recipient
 * carries the same {@code Message-ID}, so even a copy an admin resends is recognizably
 * the same message.
 */
@Service
public class MailJournal {

	private static final Logger log = LoggerFactory.getLogger(MailJournal.class);

	private final SentMailRepository sent;

	private final MailTransport transport;

	private final TransactionTemplate ownTransaction;

	private final Counter sentMails;

	private final Counter failedMails;

	private final Counter uncertainMails;

	MailJournal(SentMailRepository sent, MailTransport transport, PlatformTransactionManager transactions,
			MeterRegistry meters) {
		this.sent = sent;
		this.transport = transport;
		this.sentMails = Counter.builder("opinion.mails.sent")
			.description("Mails the SMTP server accepted (reminders, escalations, digests)")
			.register(meters);
		this.failedMails = Counter.builder("opinion.mails.failed")
			.description("Mails the SMTP server did not take (the sending job retries them)")
			.register(meters);
		this.uncertainMails = Counter.builder("opinion.mails.uncertain")
			.description("Mails a node was sending when it stopped: not sent again, an admin checks them")
			.register(meters);
		Gauge.builder("opinion.mails.unknown", sent, (repository) -> repository.countByState(SentMail.State.UNKNOWN))
			.description("Mails whose delivery is unknown (a node stopped while sending) and no admin resent yet")
			.register(meters);
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Sends the message unless this key was already sent, or is being sent, to this
	 * recipient.
	 * @return {@code true} if sent now, {@code false} if it had been sent (or claimed)
	 * before
	 * @throws org.springframework.mail.MailException if the SMTP server cannot take it
	 */
	public boolean sendOnce(MailKey key, OutgoingMail mail) {
		Optional<SentMail> before = this.sent.findByIdempotencyKeyAndRecipient(key.value(), mail.to());
		if (before.isPresent()) {
			return notAgain(before.get());
		}
		String messageId = this.transport.messageId(key.value(), mail.to());
		Long claim;
		try {
			claim = this.ownTransaction
				.execute((status) -> this.sent.saveAndFlush(new SentMail(key, mail, messageId, Instant.now())).getId());
		}
		catch (DataIntegrityViolationException ex) {
			log.info("Not sending {} to {}: another job is sending it", key.value(), mail.to());
			return false;
		}
		try {
			this.transport.send(mail, messageId);
		}
		catch (MailTransport.DeliveryUnknownException ex) {
			this.uncertainMails.increment();
			this.ownTransaction.executeWithoutResult((status) -> this.sent.markUnknown(claim));
			log.warn("{} to {}: the SMTP server may or may not have it ({}). Not sending it again; check the mail "
					+ "server's log for Message-ID {} and resend it on the admins' page /mails.html if it is not there",
					key.value(), mail.to(), ex.getMessage(), messageId);
			return false;
		}
		catch (RuntimeException ex) {
			this.failedMails.increment();
			try {
				this.ownTransaction.executeWithoutResult((status) -> this.sent.deleteById(claim));
			}
			catch (RuntimeException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw ex;
		}
		this.sentMails.increment();
		this.ownTransaction.executeWithoutResult((status) -> this.sent.markSent(claim, Instant.now()));
		log.info("Sent {} to {}: {}", key.value(), mail.to(), mail.subject());
		return true;
	}

	private boolean notAgain(SentMail row) {
		if (row.getState() == SentMail.State.SENT) {
			log.info("Not sending {} to {} again: already sent", row.getIdempotencyKey(), row.getRecipient());
		}
		else if (row.getState() == SentMail.State.SENDING
				&& this.ownTransaction.execute((status) -> this.sent.markUnknown(row.getId())) == 1) {
			this.uncertainMails.increment();
			log.warn(
					"{} to {} was being sent (claimed {}) when a node stopped: the SMTP server may or may not have it. "
							+ "Not sending it again; check the mail server's log for Message-ID {} and resend it "
							+ "on the admins' page /mails.html if it is not there",
					row.getIdempotencyKey(), row.getRecipient(), row.getSentAt(), row.getMessageId());
		}
		else {
			log.info("Not sending {} to {} again: its delivery is unknown, an admin decides", row.getIdempotencyKey(),
					row.getRecipient());
		}
		return false;
	}

	/**
	 * Sends a message whose delivery is unknown again, as plain text with its subject,
	 * body and {@code Message-ID}, and marks it sent.
	 * @return the message, now sent
	 * @throws java.util.NoSuchElementException if there is no such message
	 * @throws IllegalStateException if its delivery is not unknown
	 * @throws org.springframework.mail.MailException if the SMTP server cannot take it
	 */
	public SentMail resend(long id, String by) {
		SentMail row = this.sent.findById(id).orElseThrow();
		if (row.getState() != SentMail.State.UNKNOWN
				|| this.ownTransaction.execute((status) -> this.sent.markResending(id)) != 1) {
			throw new IllegalStateException(this.sent.findById(id).orElseThrow().getState().label());
		}
		try {
			this.transport.send(new OutgoingMail(row.getRecipient(), row.getSubject(), row.getBody(), null),
					row.getMessageId());
		}
		catch (RuntimeException ex) {
			this.failedMails.increment();
			this.ownTransaction.executeWithoutResult((status) -> this.sent.markUnknownAgain(id));
			throw ex;
		}
		this.sentMails.increment();
		this.ownTransaction.executeWithoutResult((status) -> this.sent.markSent(row.getId(), Instant.now()));
		log.info("{} resent {} to {} (Message-ID {})", by, row.getIdempotencyKey(), row.getRecipient(),
				row.getMessageId());
		return this.sent.findById(id).orElseThrow();
	}

	/** The latest messages, newest first. */
	public List<SentMail> latest(int limit) {
		return this.sent.findByOrderBySentAtDescIdDesc(PageRequest.of(0, limit));
	}

	/**
	 * Deletes what was sent about a case whose retention period has ended (the mails name
	 * the employee and the matter).
	 * @return how many were deleted
	 */
	@Transactional
	public int forgetCase(String caseNo) {
		return this.sent.deleteByCaseNo(caseNo);
	}

	/** The messages about one case, oldest first. */
	public List<SentMail> ofCase(String caseNo) {
		return this.sent.findByCaseNoOrderBySentAtAscIdAsc(caseNo);
	}

}
