package cn.liangxin.opinions.mail;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
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
 * The journal row is written in its own transaction right after the SMTP server accepted
 * the message, so it survives when the calling job fails later (say at the next
 * recipient) and is retried: the retry skips whoever already has the message. A failure
 * to send is thrown and nothing is written, so the retry sends it. Only a crash between
 * the server's acceptance and the journal's commit can send twice.
 */
@Service
public class MailJournal {

	private static final Logger log = LoggerFactory.getLogger(MailJournal.class);

	private final SentMailRepository sent;

	private final MailTransport transport;

	private final TransactionTemplate ownTransaction;

	private final Counter sentMails;

	private final Counter failedMails;

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
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Sends the message unless this key was already sent to this recipient.
	 * @return {@code true} if sent now, {@code false} if it had been sent before
	 * @throws org.springframework.mail.MailException if the SMTP server cannot take it
	 */
	public boolean sendOnce(MailKey key, OutgoingMail mail) {
		if (this.sent.existsByIdempotencyKeyAndRecipient(key.value(), mail.to())) {
			log.info("Not sending {} to {} again: already sent", key.value(), mail.to());
			return false;
		}
		try {
			this.transport.send(mail);
		}
		catch (RuntimeException ex) {
			this.failedMails.increment();
			throw ex;
		}
		this.sentMails.increment();
		try {
			this.ownTransaction
				.executeWithoutResult((status) -> this.sent.save(new SentMail(key, mail, Instant.now())));
		}
		catch (DataIntegrityViolationException ex) {
			log.warn("{} to {} was sent concurrently by another job; the recipient may have it twice", key.value(),
					mail.to());
			return false;
		}
		log.info("Sent {} to {}: {}", key.value(), mail.to(), mail.subject());
		return true;
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
