package cn.liangxin.opinions.workflow;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.deadline.CalendarService;
import cn.liangxin.opinions.mail.DigestMail;
import cn.liangxin.opinions.mail.DigestMailer;
import cn.liangxin.opinions.mail.MailJournal;
import cn.liangxin.opinions.mail.MailKey;
import cn.liangxin.opinions.opinion.CaseNumber;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Person;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * 发送每日待办汇总 (process {@code opinion-digest}): on a working day, one mail to each person
 * who opted in, listing the open tasks they hold or may claim that are due within
 * {@code opinion.reminders.digest-horizon} working days or overdue, most urgent first.
 * Sent once per person and day; nothing on days off and nothing to whom has nothing due.
 */
@Component("sendDigest")
class DigestDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(DigestDelegate.class);

	private final CalendarService calendars;

	private final ReminderSettings settings;

	private final OrgDirectory directory;

	private final TaskService tasks;

	private final DigestMailer mailer;

	private final MailJournal journal;

	DigestDelegate(CalendarService calendars, ReminderSettings settings, OrgDirectory directory, TaskService tasks,
			DigestMailer mailer, MailJournal journal) {
		this.calendars = calendars;
		this.settings = settings;
		this.directory = directory;
		this.tasks = tasks;
		this.mailer = mailer;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		WorkingDayCalendar calendar = this.calendars.calendar();
		LocalDate today = EngineClock.today();
		if (!calendar.isWorkingDay(today)) {
			log.info("No digest on {}: not a working day", today);
			return;
		}
		LocalDate horizon = calendar.addWorkingDays(today, this.settings.digestHorizon());
		Date until = Date.from(horizon.plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
		int sent = 0;
		for (Person person : this.directory.people()) {
			if (!person.isDailyDigest() || person.getEmail() == null || person.getEmail().isBlank()) {
				continue;
			}
			List<DigestMail.Item> items = this.tasks.createTaskQuery()
				.or()
				.taskAssignee(person.getUsername())
				.taskCandidateUser(person.getUsername())
				.endOr()
				.dueBefore(until)
				.active()
				.list()
				.stream()
				.map((task) -> item(task, today, calendar))
				.sorted(Comparator.comparing(DigestMail.Item::dueOn).thenComparing(DigestMail.Item::caseNoDisplay))
				.toList();
			if (items.isEmpty()) {
				continue;
			}
			boolean now = this.journal.sendOnce(new MailKey("digest:" + today, "DIGEST", null, null),
					this.mailer.render(new DigestMail(person.getEmail(), person.getName(), today, items)));
			sent += now ? 1 : 0;
		}
		log.info("Daily digest of {}: {} mail(s) sent", today, sent);
	}

	private DigestMail.Item item(Task task, LocalDate today, WorkingDayCalendar calendar) {
		Map<String, Object> vars = this.tasks.getVariables(task.getId(),
				List.of(Vars.CASE_NO, Vars.ORG_NAME, Vars.SUMMARY, Vars.SLIP_MATTER));
		LocalDate dueOn = WorkingDayCalendar.dateOf(task.getDueDate().toInstant());
		String matter = ProcessVariables.matter(vars.get(Vars.SLIP_MATTER), vars.get(Vars.SUMMARY));
		return new DigestMail.Item(CaseNumber.parse((String) vars.get(Vars.CASE_NO)).display(),
				(String) vars.get(Vars.ORG_NAME), matter, task.getName(), dueOn,
				calendar.workingDaysBetween(today, dueOn), dueOn.isBefore(today), task.getId());
	}

}
