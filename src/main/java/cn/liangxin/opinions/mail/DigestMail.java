package cn.liangxin.opinions.mail;

import java.time.LocalDate;
import java.util.List;

/**
 * The daily digest to one person: everything of theirs due within the horizon or overdue,
 * most urgent first.
 *
 * @param day the working day of the digest
 * @param items the tasks, most urgent first; never empty
 */
public record DigestMail(String recipientEmail, String recipientName, LocalDate day, List<Item> items) {

	public DigestMail {
		items = List.copyOf(items);
		if (items.isEmpty()) {
			throw new IllegalArgumentException("A digest lists at least one task");
		}
	}

	/** 【每日待办】2026-10-22 3项待办即将到期或已逾期（其中1项已逾期）. */
	public String subject() {
		long overdue = this.items.stream().filter(Item::overdue).count();
		return "【每日待办】" + this.day + " " + this.items.size() + "项待办即将到期或已逾期"
				+ ((overdue > 0) ? "（其中" + overdue + "项已逾期）" : "");
	}

	/**
	 * One task in the digest.
	 *
	 * @param workingDaysLeft working days from the digest's day to the due day: positive
	 * remaining, 0 due today, negative overdue
	 * @param taskId the task, for the link to Tasklist
	 */
	public record Item(String caseNoDisplay, String orgName, String matter, String taskName, LocalDate dueOn,
			int workingDaysLeft, boolean pastDue, String taskId) {

		/** 还剩1个工作日 / 今天到期 / 已逾期2个工作日. */
		public String remaining() {
			return ReminderMail.remaining(this.workingDaysLeft, this.pastDue);
		}

		public boolean overdue() {
			return this.pastDue || this.workingDaysLeft < 0;
		}

	}

}
