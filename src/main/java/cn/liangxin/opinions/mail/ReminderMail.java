package cn.liangxin.opinions.mail;

import java.time.LocalDate;

import cn.liangxin.opinions.reminder.ReminderKind;

/**
 * One reminder or escalation to one person about one task.
 *
 * @param workingDaysLeft working days from today to the deadline: positive remaining, 0
 * due today, negative overdue
 */
public record ReminderMail(ReminderKind kind, String recipientEmail, String recipientName, String caseNoDisplay,
		String matter, String orgName, String taskName, LocalDate dueOn, int workingDaysLeft, String taskId) {

	/** The subject line, e.g. 【办理提醒】（2026）年第12号 部门办理交办事项 还剩3个工作日. */
	public String subject() {
		String tag = switch (this.kind) {
			case HALF_WAY, DAY_BEFORE -> "【办理提醒】";
			case DUE_DAY -> "【今日到期】";
			case OVERDUE -> "【逾期督办】";
			case SECOND_ESCALATION -> "【再次督办】";
		};
		return tag + this.caseNoDisplay + " " + this.taskName + " " + remaining();
	}

	/** 还剩3个工作日 / 今天到期 / 已逾期2个工作日 / 已超过办理期限. */
	public String remaining() {
		return remaining(this.workingDaysLeft, overdue());
	}

	/**
	 * How a deadline stands in words: 还剩3个工作日, 今天到期, 已逾期2个工作日, or 已超过办理期限 when it has
	 * passed but no working day has yet (a Saturday after a Friday deadline).
	 */
	public static String remaining(int workingDaysLeft, boolean overdue) {
		if (workingDaysLeft > 0) {
			return "还剩" + workingDaysLeft + "个工作日";
		}
		if (workingDaysLeft < 0) {
			return "已逾期" + (-workingDaysLeft) + "个工作日";
		}
		return overdue ? "已超过办理期限" : "今天到期";
	}

	public boolean overdue() {
		return this.workingDaysLeft < 0 || this.kind == ReminderKind.OVERDUE
				|| this.kind == ReminderKind.SECOND_ESCALATION;
	}

}
