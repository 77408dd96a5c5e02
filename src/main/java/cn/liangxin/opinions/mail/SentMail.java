package cn.liangxin.opinions.mail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One message the application sent to one recipient, kept as the journal that makes
 * sending idempotent and as the record admins look at.
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

	@Column(name = "sent_at")
	private Instant sentAt;

	protected SentMail() {
	}

	SentMail(MailKey key, OutgoingMail mail, Instant sentAt) {
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

}
