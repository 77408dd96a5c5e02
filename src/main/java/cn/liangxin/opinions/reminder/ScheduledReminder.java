package cn.liangxin.opinions.reminder;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;

/**
 * One planned reminder or escalation of a deadline task.
 *
 * @param kind the kind
 * @param dueAt the instant it is due
 * @param key the idempotency key, {@code kind + ":" + dueOn}, for example
 * {@code "DUE_DAY:2026-10-23"}: a reminder is sent once per task, kind and deadline, and
 * a moved deadline gets new keys
 * @param late {@code true} when {@code dueAt} was already past at the instant the plan
 * was made; the caller decides whether to send it at once or skip it
 */
public record ScheduledReminder(ReminderKind kind, Instant dueAt, String key, boolean late) {

	/**
	 * Creates a planned reminder.
	 */
	public ScheduledReminder {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(dueAt, "dueAt");
		Objects.requireNonNull(key, "key");
	}

	/**
	 * Returns when the reminder is due in Asia/Shanghai.
	 * @return the local date and time in China
	 */
	public ZonedDateTime dueAtInChina() {
		return this.dueAt.atZone(WorkingDayCalendar.ZONE);
	}

}
