package cn.liangxin.opinions.mail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One message the application sent, or is sending, to one recipient, kept as the journal
 * that makes sending idempotent and as the record admins look at ({@link MailJournal}).
 */
@Entity
@Table(name = "mail_sent")
public class SentMail {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "idempotency_key")
	private String idempotencyKey;

	private String recipient;

	private String kind;

	@Column(name = "case_no")
	private String caseNo;

	@Column(name = "task_id")
	private String taskId;

	private String subject;

	private String body;

	/** When it was sent, or, while {@link State#SENDING}, when it was claimed. */
	@Column(name = "sent_at")
	private Instant sentAt;

	@Enumerated(EnumType.STRING)
	private State state;

	@Column(name = "message_id")
	private String messageId;

	protected SentMail() {
	}

	/** A claim, written before the message goes to the SMTP server. */
	SentMail(MailKey key, OutgoingMail mail, String messageId, Instant claimedAt) {
		this(key, mail, claimedAt);
		this.state = State.SENDING;
		this.messageId = messageId;
	}

	private SentMail(MailKey key, OutgoingMail mail, Instant sentAt) {
		this.idempotencyKey = key.value();
		this.recipient = mail.to();
		this.kind = key.kind();
		this.caseNo = key.caseNo();
		this.taskId = key.taskId();
		this.subject = mail.subject();
		this.body = mail.text();
		this.sentAt = sentAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public String getRecipient() {
		return this.recipient;
	}

	public String getKind() {
		return this.kind;
	}

	public String getCaseNo() {
		return this.caseNo;
	}

	public String getTaskId() {
		return this.taskId;
	}

	public String getSubject() {
		return this.subject;
	}

	public String getBody() {
		return this.body;
	}

	public Instant getSentAt() {
		return this.sentAt;
	}

	public State getState() {
		return this.state;
	}

	public String getMessageId() {
		return this.messageId;
	}

	/** Where a message is between the journal and the SMTP server. */
	public enum State {

		/** Claimed, going to the SMTP server now (or the node died while it did). */
		SENDING("发送中"),
		/** The SMTP server took it. */
		SENT("已发送"),
		/**
		 * A claim a node left when it stopped while sending: the server may or may not
		 * have it. Not sent again by itself; an admin checks the mail server's log for
		 * its Message-ID and resends it if need be.
		 */
		UNKNOWN("发送结果不明");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
