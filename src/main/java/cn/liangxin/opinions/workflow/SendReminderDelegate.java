package cn.liangxin.opinions.workflow;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.mail.MailJournal;
import cn.liangxin.opinions.mail.MailKey;
import cn.liangxin.opinions.mail.ReminderMail;
import cn.liangxin.opinions.mail.ReminderMailer;
import cn.liangxin.opinions.opinion.CaseNumber;
import cn.liangxin.opinions.opinion.HandlingDeadlines;
import cn.liangxin.opinions.opinion.Stage;
import cn.liangxin.opinions.org.Person;
import cn.liangxin.opinions.reminder.ReminderKind;
import cn.liangxin.opinions.reminder.ScheduledReminder;
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
 * 发送提醒 / 发送督办通知: the asynchronous step after a reminder or escalation timer. The kind
 * comes from the variable {@code reminderKind} (set by the timer), the deadline task from
 * {@code reminderStage}.
 * <ul>
 * <li>Reminders before the deadline go to the task's assignee, or to every member of its
 * candidate groups while it is unclaimed; people who take the daily digest are left out.
 * A reminder the schedule drops, one overtaken by a later reminder that is also due (a
 * case registered late), or one whose moment passed while the task was closed for a
 * request for more time, sends nothing.</li>
 * <li>{@code OVERDUE} goes to whoever holds the supervision task (the level above);
 * {@code SECOND_ESCALATION} to the level above that.</li>
 * </ul>
 * Every message is sent once per task, kind, deadline and recipient
 * ({@link MailJournal}); an SMTP failure is thrown, so the job retries and finally raises
 * an incident.
 */
@Component("sendReminder")
class SendReminderDelegate implements JavaDelegate {

	static final String KIND = "reminderKind";

	static final String STAGE = "reminderStage";

	private static final Logger log = LoggerFactory.getLogger(SendReminderDelegate.class);

	private static final Set<ReminderKind> BEFORE_DEADLINE = EnumSet.of(ReminderKind.HALF_WAY, ReminderKind.DAY_BEFORE,
			ReminderKind.DUE_DAY);

	private final ReminderTimers reminders;

	private final HandlingDeadlines rules;

	private final CandidateGroups groups;

	private final TaskService tasks;

	private final TaskHolders holders;

	private final ReminderMailer mailer;

	private final MailJournal journal;

	SendReminderDelegate(ReminderTimers reminders, HandlingDeadlines rules, CandidateGroups groups, TaskService tasks,
			TaskHolders holders, ReminderMailer mailer, MailJournal journal) {
		this.reminders = reminders;
		this.rules = rules;
		this.groups = groups;
		this.tasks = tasks;
		this.holders = holders;
		this.mailer = mailer;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReminderKind kind = ReminderKind.valueOf(ProcessVariables.text(execution, KIND));
		String stageCode = ProcessVariables.text(execution, STAGE);
		Stage stage = Stage.ofCode(stageCode);
		String caseNo = ProcessVariables.caseNo(execution);
		Optional<ScheduledReminder> planned = this.reminders.planned(execution, stageCode, kind);
		if (planned.isEmpty()) {
			log.info("{}: no {} reminder on {} (the schedule leaves it out)", caseNo, kind, stageCode);
			return;
		}
		if (BEFORE_DEADLINE.contains(kind)
				&& this.reminders.deadline(execution, stageCode).isOverdueAt(EngineClock.now())) {
			log.info("{}: no {} reminder on {}, the deadline has passed (the escalation takes over)", caseNo, kind,
					stageCode);
			return;
		}
		if (BEFORE_DEADLINE.contains(kind) && overtaken(execution, stageCode, kind)) {
			log.info("{}: {} reminder on {} overtaken by a later one that is due too", caseNo, kind, stageCode);
			return;
		}
		Task deadlineTask = openTask(caseNo, stageCode);
		if (deadlineTask == null) {
			log.info("{}: {} is no longer open, no {} reminder", caseNo, stageCode, kind);
			return;
		}
		if (BEFORE_DEADLINE.contains(kind) && planned.get().dueAt().isBefore(deadlineTask.getCreateTime().toInstant())
				&& this.tasks.getVariableLocal(deadlineTask.getId(), Vars.EXTENSION_NOTE) != null) {
			log.info("{}: no {} reminder on {}, its moment passed while more time was asked for", caseNo, kind,
					stageCode);
			return;
		}
		Task linked = deadlineTask;
		Map<String, Person> recipients;
		switch (kind) {
			case OVERDUE -> {
				Task supervision = this.tasks.createTaskQuery()
					.processInstanceId(execution.getProcessInstanceId())
					.taskDefinitionKey(Tasks.SUPERVISE_OVERDUE)
					.singleResult();
				linked = (supervision != null) ? supervision : deadlineTask;
				recipients = (supervision != null) ? this.holders.of(supervision)
						: this.holders.members(this.groups.supervisor(execution, stage));
			}
			case SECOND_ESCALATION -> recipients = this.holders.members(this.groups.secondEscalation(execution, stage));
			default -> recipients = this.holders.of(deadlineTask);
		}
		if (BEFORE_DEADLINE.contains(kind)) {
			recipients.values().removeIf(Person::isDailyDigest);
		}
		Deadline deadline = this.reminders.deadline(execution, stageCode);
		int left = this.rules.workingDaysLeft(deadline, EngineClock.today());
		MailKey key = new MailKey("task:" + deadlineTask.getId() + ":" + planned.get().key(), kind.name(), caseNo,
				linked.getId());
		if (recipients.isEmpty()) {
			log.warn("{}: nobody with an e-mail address to send the {} reminder of {} to", caseNo, kind, stageCode);
		}
		for (Person person : recipients.values()) {
			this.journal.sendOnce(key, this.mailer
				.render(new ReminderMail(kind, person.getEmail(), person.getName(), CaseNumber.parse(caseNo).display(),
						ProcessVariables.matter(execution.getVariable(Vars.SLIP_MATTER),
								execution.getVariable(Vars.SUMMARY)),
						ProcessVariables.text(execution, Vars.ORG_NAME), deadlineTask.getName(), deadline.dueOn(), left,
						linked.getId())));
		}
	}

	/** A later reminder before the deadline is also due: only the latest one is sent. */
	private boolean overtaken(DelegateExecution execution, String stageCode, ReminderKind kind) {
		Instant now = EngineClock.now();
		return this.reminders.plan(execution, stageCode)
			.stream()
			.anyMatch((r) -> BEFORE_DEADLINE.contains(r.kind()) && r.kind().compareTo(kind) > 0
					&& !r.dueAt().isAfter(now));
	}

	private Task openTask(String caseNo, String taskKey) {
		List<Task> open = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey(taskKey)
			.list();
		return open.isEmpty() ? null : open.get(0);
	}

}
