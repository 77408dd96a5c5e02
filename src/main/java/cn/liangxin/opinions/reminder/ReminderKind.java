package cn.liangxin.opinions.reminder;

/**
 * The kinds of reminder on a deadline task, in the order they normally occur. When two
 * reminders before the deadline fall on the same day, the later kind in this order is
 * kept.
 */
public enum ReminderKind {

	/**
	 * A fraction of the working days has passed (by default half).
	 */
	HALF_WAY,

	/**
	 * Some working days before the due day (by default one).
	 */
	DAY_BEFORE,

	/**
	 * On the due day.
	 */
	DUE_DAY,

	/**
	 * The deadline has passed: first escalation, to the level above.
	 */
	OVERDUE,

	/**
	 * Still not done some working days after the due day: second escalation, one level
	 * higher.
	 */
	SECOND_ESCALATION

}
