package cn.liangxin.opinions.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.opinion.HandlingDeadlines;
import cn.liangxin.opinions.mail.MailKey;
import cn.liangxin.opinions.mail.ReminderMail;
import cn.liangxin.opinions.reminder.ReminderKind;
import cn.liangxin.opinions.visit.Duties;
import cn.liangxin.opinions.visit.Duties.Duty;
import cn.liangxin.opinions.visit.DutyRecord;
import cn.liangxin.opinions.workflow.DutyProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The listener of the visiting duties' tasks ({@code ${dutyTaskListener}}): names them
 * after the duty; records the duty as kept from its form (opinions raised open cases) and
 * the supervisor's note; and when the supervision opens, mails its holders the overdue
 * notice, once, as for a case.
 */
@Component("dutyTaskListener")
class DutyTaskListener implements TaskListener {

	private final Duties duties;

	private final Actors actors;

	private final HolderMail mail;

	private final HandlingDeadlines rules;

	DutyTaskListener(Duties duties, Actors actors, HolderMail mail, HandlingDeadlines rules) {
		this.rules = rules;
		this.duties = duties;
		this.actors = actors;
		this.mail = mail;
	}

	@Override
	public void notify(DelegateTask task) {
		long id = ((Number) task.getVariable(Vars.DUTY_ID)).longValue();
		boolean supervise = DutyProcess.SUPERVISE.equals(task.getTaskDefinitionKey());
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			String title = ProcessVariables.text(task, Vars.DUTY_TITLE);
			if (supervise) {
				task.setName("督办：" + ProcessVariables.text(task, Vars.ORG_NAME) + title + "逾期未登记");
				task.setDueDate(new DutyTimers().due(task));
				notifyOverdue(task, title);
			}
			else {
				task.setName("登记" + title);
			}
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			String user = this.actors.display(this.actors.userId(task));
			if (supervise) {
				this.duties.supervised(id, ProcessVariables.text(task, Vars.SUPERVISION_NOTE), user, EngineClock.now());
			}
			else {
				Duty kept = this.duties.record(id, record(task), user, EngineClock.now());
				if (kept.caseNos() != null) {
					task.setVariable("dutyCaseNos", kept.caseNos());
				}
			}
		}
	}

	/** The form's fields as a record: up to three opinions, empty rows skipped. */
	private static DutyRecord record(DelegateTask task) {
		List<DutyRecord.RaisedOpinion> opinions = new ArrayList<>();
		for (int row = 1; row <= Duties.MAX_OPINIONS; row++) {
			String content = ProcessVariables.text(task, "opinion" + row + "Content");
			String employee = ProcessVariables.text(task, "opinion" + row + "Employee");
			if ((content != null && !content.isBlank()) || (employee != null && !employee.isBlank())) {
				opinions.add(new DutyRecord.RaisedOpinion(employee, content,
						ProcessVariables.text(task, "opinion" + row + "Kind")));
			}
		}
		Object attendees = task.getVariable(Vars.ATTENDEES);
		return new DutyRecord(ProcessVariables.text(task, Vars.DONE_ON), ProcessVariables.text(task, Vars.PEOPLE),
				(attendees instanceof Number n) ? n : null, ProcessVariables.text(task, Vars.SUMMARY),
				ProcessVariables.text(task, Vars.MATTERS), opinions);
	}

	private void notifyOverdue(DelegateTask task, String title) {
		String org = ProcessVariables.text(task, Vars.ORG_NAME);
		LocalDate dueOn = DutyTimers.dueOn(task);
		MailKey key = new MailKey("duty:" + task.getProcessInstanceId() + ":OVERDUE", ReminderKind.OVERDUE.name(), null,
				task.getId());
		this.mail.send((Task) task, key,
				(person) -> new ReminderMail(ReminderKind.OVERDUE, person.getEmail(), person.getName(), org,
						org + "未在期限内登记" + title, org, task.getName(), dueOn, daysLeft(dueOn), task.getId()));
	}

	private int daysLeft(LocalDate dueOn) {
		return this.rules.workingDaysLeft(new Deadline(dueOn, 0, dueOn, false), EngineClock.today());
	}

}
