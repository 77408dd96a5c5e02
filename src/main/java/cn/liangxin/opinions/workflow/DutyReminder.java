package cn.liangxin.opinions.workflow;

import java.time.LocalDate;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.opinion.HandlingDeadlines;
import cn.liangxin.opinions.mail.MailKey;
import cn.liangxin.opinions.mail.ReminderMail;
import cn.liangxin.opinions.reminder.ReminderKind;
import cn.liangxin.opinions.workflow.DutyProcess.Vars;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The duty's reminder before its due day ({@code ${dutyReminder}}): a mail to whoever
 * holds its record task (the assignee, else the keepers' group), once.
 */
@Component("dutyReminder")
class DutyReminder implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(DutyReminder.class);

	private final TaskService tasks;

	private final HolderMail mail;

	private final HandlingDeadlines rules;

	DutyReminder(TaskService tasks, HolderMail mail, HandlingDeadlines rules) {
		this.rules = rules;
		this.tasks = tasks;
		this.mail = mail;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Task task = this.tasks.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKeyIn(DutyProcess.Tasks.MEETING, DutyProcess.Tasks.TALK, DutyProcess.Tasks.OWNER_VISIT,
					DutyProcess.Tasks.COMMITTEE_VISIT)
			.singleResult();
		if (task == null) {
			return;
		}
		String title = ProcessVariables.text(execution, Vars.DUTY_TITLE);
		String org = ProcessVariables.text(execution, Vars.ORG_NAME);
		LocalDate dueOn = DutyTimers.dueOn(execution);
		MailKey key = new MailKey("duty:" + execution.getProcessInstanceId() + ":REMIND",
				ReminderKind.DAY_BEFORE.name(), null, task.getId());
		int told = this.mail.send(task, key,
				(person) -> new ReminderMail(ReminderKind.DAY_BEFORE, person.getEmail(), person.getName(), org,
						"本期" + title + "尚未登记，请按期开展并在任务中登记", org, task.getName(), dueOn, daysLeft(dueOn), task.getId()));
		if (told == 0) {
			log.warn("{}: nobody with an e-mail address to remind of the duty", execution.getBusinessKey());
		}
	}

	private int daysLeft(LocalDate dueOn) {
		return this.rules.workingDaysLeft(new Deadline(dueOn, 0, dueOn, false), EngineClock.today());
	}

}
