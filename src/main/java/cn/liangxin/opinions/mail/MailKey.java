package cn.liangxin.opinions.mail;

import java.util.Objects;

/**
 * What makes a message unique, with the recipient: a reminder is sent once per task, kind
 * and deadline ({@code task:<taskId>:DUE_DAY:2026-10-23}); a digest once per person and
 * day ({@code digest:2026-10-23}).
 *
 * @param value the idempotency key
 * @param kind what kind of message, e.g. {@code HALF_WAY}, {@code OVERDUE},
 * {@code DIGEST}
 * @param caseNo the case it concerns, {@code null} for a digest
 * @param taskId the task it concerns, {@code null} for a digest
 */
public record MailKey(String value, String kind, String caseNo, String taskId) {

	public MailKey {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(kind, "kind");
	}

}
