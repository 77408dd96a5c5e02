package cn.liangxin.opinions.workflow;

import java.util.Map;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.mail.MailJournal;
import cn.liangxin.opinions.mail.MailKey;
import cn.liangxin.opinions.mail.ReminderMail;
import cn.liangxin.opinions.mail.ReminderMailer;
import cn.liangxin.opinions.org.Person;
import cn.liangxin.opinions.reminder.ReminderKind;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The review's reminder on its due day ({@code ${monthlyReportReminder}}): a mail to
 * whoever holds {@code reviewMonthlyReport} (the assignee, else the committee's staff),
 * once.
 */
@Component("monthlyReportReminder")
class MonthlyReportReminder implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(MonthlyReportReminder.class);

	private final MonthlyReportTimers timers;

	private final TaskService tasks;

	private final TaskHolders holders;

	private final ReminderMailer mailer;

	private final MailJournal journal;

	MonthlyReportReminder(MonthlyReportTimers timers, TaskService tasks, TaskHolders holders, ReminderMailer mailer,
			MailJournal journal) {
		this.timers = timers;
		this.tasks = tasks;
		this.holders = holders;
		this.mailer = mailer;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Task task = this.tasks.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(ReportProcess.REVIEW)
			.singleResult();
		if (task == null) {
			return;
		}
		Deadline deadline = this.timers.deadline(execution);
		String committee = ProcessVariables.text(execution, ReportProcess.Vars.COMMITTEE_NAME);
		String month = ProcessVariables.text(execution, ReportProcess.Vars.REPORT_MONTH);
		Map<String, Person> recipients = this.holders.of(task);
		if (recipients.isEmpty()) {
			log.warn("{}: nobody with an e-mail address to remind of the monthly report", execution.getBusinessKey());
		}
		MailKey key = new MailKey("report:" + execution.getProcessInstanceId() + ":DUE_DAY",
				ReminderKind.DUE_DAY.name(), null, task.getId());
		for (Person person : recipients.values()) {
			this.journal.sendOnce(key,
					this.mailer.render(new ReminderMail(ReminderKind.DUE_DAY, person.getEmail(), person.getName(),
							month + "月度报告", "审核并上报" + month + "员工意见办理情况月度报告", committee, task.getName(),
							deadline.dueOn(), 0, task.getId())));
		}
	}

}
