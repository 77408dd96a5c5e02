package cn.liangxin.opinions.opinion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.mail.MailJournal;
import cn.liangxin.opinions.mail.SentMail;
import cn.liangxin.opinions.opinion.OpinionWorkflow.TaskStep;
import cn.liangxin.opinions.org.Role;
import org.springframework.stereotype.Service;

/**
 * The case file's timeline (案卷): every step of a case in order — registered, each task
 * opened, signed for and done (who, when, what they wrote in its form, whether its
 * deadline was kept), the side roads (returns, extensions, moves, replies sent back,
 * urges, with their reasons), the reminders and escalations mailed and to whom; for
 * admins also who above the organization read its personal data.
 */
@Service
public class CaseTimeline {

	private static final Map<String, String> MAIL_LABELS = Map.of("HALF_WAY", "提醒邮件（期限过半）", "DAY_BEFORE", "提醒邮件（到期前）",
			"DUE_DAY", "提醒邮件（到期当日）", "OVERDUE", "逾期督办通知", "SECOND_ESCALATION", "再次督办通知", "URGE", "催办邮件");

	private final OpinionWorkflow workflow;

	private final SideRoads sideRoads;

	private final MailJournal mails;

	private final PersonalDataReads reads;

	CaseTimeline(OpinionWorkflow workflow, SideRoads sideRoads, MailJournal mails, PersonalDataReads reads) {
		this.workflow = workflow;
		this.sideRoads = sideRoads;
		this.mails = mails;
		this.reads = reads;
	}

	/** The case's steps, oldest first; the reads of its personal data if asked for. */
	public List<TimelineEntry> of(RegisterEntry entry, boolean withReads) {
		List<TimelineEntry> timeline = new ArrayList<>();
		timeline.add(new TimelineEntry(entry.getRegisteredAt(), WorkingDayCalendar.dateOf(entry.getRegisteredAt()),
				"REGISTERED", "登记", entry.getRegisteredBy(),
				entry.getChannel().label() + "，" + entry.getKind().label() + "：" + entry.getSummary(), null, null,
				null));
		for (TaskStep step : this.workflow.steps(entry.getCaseNo())) {
			Stage stage = Stage.ofCode(step.key());
			LocalDate due = (step.due() != null) ? WorkingDayCalendar.dateOf(step.due()) : null;
			timeline.add(new TimelineEntry(step.created(), WorkingDayCalendar.dateOf(step.created()), "TASK_OPENED",
					"待办：" + step.name(), null, null, (stage != null) ? stage.code() : step.key(), due, null));
			if (step.ended() != null) {
				LocalDate endedOn = WorkingDayCalendar.dateOf(step.ended());
				String text = step.completed() ? step.written() : null;
				Boolean kept = (step.completed() && step.due() != null) ? !step.ended().isAfter(step.due()) : null;
				timeline.add(new TimelineEntry(step.ended(), endedOn, step.completed() ? "TASK_DONE" : "TASK_ENDED",
						(step.completed() ? "完成：" : "结束：") + step.name(), step.actor(), text,
						(stage != null) ? stage.code() : step.key(), due, kept));
			}
		}
		if (entry.getDepartmentSignedAt() != null) {
			timeline.add(new TimelineEntry(entry.getDepartmentSignedAt(),
					WorkingDayCalendar.dateOf(entry.getDepartmentSignedAt()), "SIGNED", "签收交办单",
					entry.getDepartmentSignedBy(), null, Stage.DEPARTMENT.code(), null, null));
		}
		for (CaseEvent event : this.sideRoads.events(entry.getCaseNo())) {
			if (event.getKind() == CaseEventKind.DONE) {
				continue;
			}
			Stage stage = (event.getStage() != null) ? Stage.ofCode(event.getStage()) : null;
			String due = (event.getDueFrom() != null && event.getDueTo() != null)
					? "（期限 " + event.getDueFrom() + " → " + event.getDueTo() + "）" : "";
			timeline.add(new TimelineEntry(event.getHappenedAt(), event.getHappenedOn(), event.getKind().name(),
					event.getKind().label() + ((stage != null) ? "：" + stage.label() : ""), event.getActor(),
					((event.getDetail() != null) ? event.getDetail() : "") + due, event.getStage(), event.getDueTo(),
					null));
		}
		for (SentMail mail : this.mails.ofCase(entry.getCaseNo())) {
			timeline.add(new TimelineEntry(mail.getSentAt(), WorkingDayCalendar.dateOf(mail.getSentAt()),
					"MAIL_" + mail.getKind(), MAIL_LABELS.getOrDefault(mail.getKind(), "邮件"),
					"发送至 " + mail.getRecipient()
							+ ((mail.getState() == SentMail.State.SENT) ? "" : "（" + mail.getState().label() + "）"),
					mail.getSubject(), null, null, null));
		}
		if (withReads) {
			for (PersonalDataReads.Read read : this.reads.of(entry.getCaseNo())) {
				timeline.add(new TimelineEntry(read.readAt(), WorkingDayCalendar.dateOf(read.readAt()), "READ",
						"查阅个人信息", roleLabel(read.role()) + " " + read.readBy(), read.what(), null, null, null));
			}
		}
		if (entry.isStruckOff() && entry.getStruckOffOn() != null) {
			timeline.add(new TimelineEntry(null, entry.getStruckOffOn(), "STRUCK_OFF", "办结销号", null, null, null, null,
					null));
		}
		timeline.sort(Comparator.comparing(TimelineEntry::on)
			.thenComparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder())));
		return timeline;
	}

	private static String roleLabel(String role) {
		try {
			return Role.valueOf(role).label();
		}
		catch (IllegalArgumentException ex) {
			return role;
		}
	}

}
