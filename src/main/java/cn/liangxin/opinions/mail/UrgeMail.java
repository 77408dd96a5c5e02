package cn.liangxin.opinions.mail;

import java.time.LocalDate;

/**
 * One urge (催办) to one holder of a deadline task: who urged, their message, and how the
 * deadline stands.
 *
 * @param workingDaysLeft working days from today to the deadline: positive remaining, 0
 * due today, negative overdue
 */
public record UrgeMail(String recipientEmail, String recipientName, String caseNoDisplay, String matter, String orgName,
		String taskName, LocalDate dueOn, int workingDaysLeft, boolean overdue, String taskId, String urgedBy,
		String message) {

	/** The subject line, e.g. 【催办】（2026）年第12号 部门办理交办事项 还剩3个工作日. */
	public String subject() {
		return "【催办】" + this.caseNoDisplay + " " + this.taskName + " " + remaining();
	}

	/** 还剩3个工作日 / 今天到期 / 已逾期2个工作日. */
	public String remaining() {
		return ReminderMail.remaining(this.workingDaysLeft, this.overdue);
	}

}
