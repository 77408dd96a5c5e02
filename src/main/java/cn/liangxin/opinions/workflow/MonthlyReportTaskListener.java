package cn.liangxin.opinions.workflow;

import cn.liangxin.opinions.mail.MailKey;
import cn.liangxin.opinions.mail.ReminderMail;
import cn.liangxin.opinions.reminder.ReminderKind;
import cn.liangxin.opinions.report.MonthlyReports;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The listener of the monthly report's tasks ({@code ${monthlyReportTaskListener}}):
 * names them after the committee and month; records the committee's submission
 * ({@code reportRemarks}); and when the district's supervision opens, mails its holders
 * the overdue notice, as for a case.
 */
@Component("monthlyReportTaskListener")
class MonthlyReportTaskListener implements TaskListener {

	private final MonthlyReports reports;

	private final MonthlyReportTimers timers;

	private final Actors actors;

	private final HolderMail mail;

	MonthlyReportTaskListener(MonthlyReports reports, MonthlyReportTimers timers, Actors actors, HolderMail mail) {
		this.reports = reports;
		this.timers = timers;
		this.actors = actors;
		this.mail = mail;
	}

	@Override
	public void notify(DelegateTask task) {
		String committee = ProcessVariables.text(task, ReportProcess.Vars.COMMITTEE_NAME);
		String month = ProcessVariables.text(task, ReportProcess.Vars.REPORT_MONTH);
		boolean review = ReportProcess.REVIEW.equals(task.getTaskDefinitionKey());
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			task.setName(review ? "审核上报" + month + "月度报告" : "督办：" + committee + month + "月度报告逾期未报");
			if (!review) {
				notifyOverdue(task, committee, month);
			}
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName()) && review) {
			this.reports.submitted(ProcessVariables.text(task, ReportProcess.Vars.COMMITTEE_CODE), month,
					ProcessVariables.text(task, ReportProcess.Vars.REMARKS), this.actors.display(task.getAssignee()),
					EngineClock.now());
		}
	}

	private void notifyOverdue(DelegateTask task, String committee, String month) {
		var deadline = this.timers.deadline(task);
		MailKey key = new MailKey("report:" + task.getProcessInstanceId() + ":OVERDUE", ReminderKind.OVERDUE.name(),
				null, task.getId());
		this.mail.send((Task) task, key,
				(person) -> new ReminderMail(ReminderKind.OVERDUE, person.getEmail(), person.getName(), month + "月度报告",
						committee + "未在期限内审核上报" + month + "月度报告", committee, task.getName(), deadline.dueOn(), 0,
						task.getId()));
	}

}
