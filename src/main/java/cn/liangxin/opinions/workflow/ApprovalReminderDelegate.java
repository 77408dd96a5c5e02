package cn.liangxin.opinions.workflow;

import java.util.Map;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.mail.MailJournal;
import cn.liangxin.opinions.mail.MailKey;
import cn.liangxin.opinions.mail.ReminderMail;
import cn.liangxin.opinions.mail.ReminderMailer;
import cn.liangxin.opinions.opinion.CaseNumber;
import cn.liangxin.opinions.opinion.HandlingDeadlines;
import cn.liangxin.opinions.org.Person;
import cn.liangxin.opinions.reminder.ReminderKind;
import cn.liangxin.opinions.workflow.OpinionProcess.Tasks;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * 发送审批提醒: on the due day of a decision on a request for more time, a reminder to whoever
 * holds {@code approveExtension} (the assignee, else its candidates), once
 * ({@link MailJournal}); an SMTP failure is thrown, so the job retries.
 */
@Component("sendApprovalReminder")
class ApprovalReminderDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(ApprovalReminderDelegate.class);

	private final ExtensionApproval approval;

	private final HandlingDeadlines rules;

	private final TaskService tasks;

	private final TaskHolders holders;

	private final ReminderMailer mailer;

	private final MailJournal journal;

	ApprovalReminderDelegate(ExtensionApproval approval, HandlingDeadlines rules, TaskService tasks,
			TaskHolders holders, ReminderMailer mailer, MailJournal journal) {
		this.approval = approval;
		this.rules = rules;
		this.tasks = tasks;
		this.holders = holders;
		this.mailer = mailer;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNo = ProcessVariables.caseNo(execution);
		Task task = this.tasks.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(Tasks.APPROVE_EXTENSION)
			.singleResult();
		if (task == null) {
			log.info("{}: the request for more time was decided, no reminder", caseNo);
			return;
		}
		Deadline deadline = this.approval.deadline(execution);
		Map<String, Person> recipients = this.holders.of(task);
		if (recipients.isEmpty()) {
			log.warn("{}: nobody with an e-mail address to remind of the request for more time", caseNo);
		}
		MailKey key = new MailKey("task:" + task.getId() + ":APPROVAL:" + deadline.dueOn(), ReminderKind.DUE_DAY.name(),
				caseNo, task.getId());
		for (Person person : recipients.values()) {
			this.journal.sendOnce(key,
					this.mailer.render(new ReminderMail(ReminderKind.DUE_DAY, person.getEmail(), person.getName(),
							CaseNumber.parse(caseNo).display(),
							ProcessVariables.matter(execution.getVariable(Vars.SLIP_MATTER),
									execution.getVariable(Vars.SUMMARY)),
							ProcessVariables.text(execution, Vars.ORG_NAME), task.getName(), deadline.dueOn(),
							this.rules.workingDaysLeft(deadline, EngineClock.today()), task.getId())));
		}
	}

}
