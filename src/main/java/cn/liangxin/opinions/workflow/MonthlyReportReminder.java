package cn.liangxin.opinions.workflow;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.mail.MailKey;
import cn.liangxin.opinions.mail.ReminderMail;
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

	private final HolderMail mail;

	MonthlyReportReminder(MonthlyReportTimers timers, TaskService tasks, HolderMail mail) {
		this.timers = timers;
		this.tasks = tasks;
		this.mail = mail;
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
		MailKey key = new MailKey("report:" + execution.getProcessInstanceId() + ":DUE_DAY",
				ReminderKind.DUE_DAY.name(), null, task.getId());
		int told = this.mail.send(task, key,
				(person) -> new ReminderMail(ReminderKind.DUE_DAY, person.getEmail(), person.getName(), month + "月度报告",
						"审核并上报" + month + "员工意见办理情况月度报告", committee, task.getName(), deadline.dueOn(), 0,
						task.getId()));
		if (told == 0) {
			log.warn("{}: nobody with an e-mail address to remind of the monthly report", execution.getBusinessKey());
		}
	}

}
