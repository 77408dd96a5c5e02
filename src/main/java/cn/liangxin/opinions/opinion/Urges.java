package cn.liangxin.opinions.opinion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.deadline.CalendarService;
import cn.liangxin.opinions.mail.MailJournal;
import cn.liangxin.opinions.mail.MailKey;
import cn.liangxin.opinions.mail.ReminderMail;
import cn.liangxin.opinions.mail.UrgeMail;
import cn.liangxin.opinions.mail.UrgeMailer;
import cn.liangxin.opinions.opinion.OpinionWorkflow.Holder;
import cn.liangxin.opinions.opinion.OpinionWorkflow.OpenTask;
import cn.liangxin.opinions.org.AccessScope;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Organization;
import cn.liangxin.opinions.org.Role;
import cn.liangxin.opinions.validation.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 催办: the level above (and the branch for its departments) urges whoever holds a case's
 * open deadline task: an e-mail at once to the assignee, else to the candidates, with the
 * message, the due day and the days left; at most once per task and day; recorded on the
 * case.
 * <p>
 * The day's slot is taken first, in its own transaction (a unique key, so two clicks or
 * two nodes cannot both urge); then the mails go out ({@link MailJournal}: once per
 * recipient); if the SMTP server refuses, the slot is given back and the caller may try
 * again; last, the register's remarks record it.
 */
@Service
public class Urges {

	static final int MESSAGE_MAX = 500;

	static final String DEFAULT_MESSAGE = "请抓紧办理，在期限内办结并回复。";

	private static final Logger log = LoggerFactory.getLogger(Urges.class);

	private final OpinionRegister register;

	private final CaseEventRepository events;

	private final OpinionWorkflow workflow;

	private final CalendarService calendars;

	private final OrgDirectory orgs;

	private final MailJournal journal;

	private final UrgeMailer mailer;

	private final TransactionTemplate transaction;

	Urges(OpinionRegister register, CaseEventRepository events, OpinionWorkflow workflow, CalendarService calendars,
			OrgDirectory orgs, MailJournal journal, UrgeMailer mailer, PlatformTransactionManager transactions) {
		this.register = register;
		this.events = events;
		this.workflow = workflow;
		this.calendars = calendars;
		this.orgs = orgs;
		this.journal = journal;
		this.mailer = mailer;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** What was sent: the task, its due day, how it stands, and to whom. */
	public record Urged(String caseNo, String taskName, LocalDate dueOn, String remaining, List<String> recipients,
			Instant urgedAt) {
	}

	/** The caller may not urge this stage. */
	public static class NotAllowedException extends RuntimeException {

		NotAllowedException(String message) {
			super(message);
		}

	}

	/** The task was urged today already. */
	public static class AlreadyUrgedException extends RuntimeException {

		AlreadyUrgedException(String message) {
			super(message);
		}

	}

	/** Nobody could be told: no holder with an address, or the SMTP server refused. */
	public static class NotSentException extends RuntimeException {

		NotSentException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/**
	 * Urges the holder of the case's open deadline task.
	 * @throws cn.liangxin.opinions.validation.InvalidInputException naming the field
	 */
	public Urged urge(RegisterEntry entry, String message, AccessScope caller, String callerName) {
		Stage stage = Stage.ofCode(entry.getStage());
		Errors errors = new Errors();
		if (stage != Stage.DEPARTMENT && stage != Stage.REPORT_UP && stage != Stage.COMMITTEE) {
			errors.add("stage", "deadlineStage",
					"该案件当前不在计时办理环节（" + ((stage != null) ? stage.label() : "无") + "），没有可催办的任务");
			errors.throwIfAny();
		}
		if (!mayUrge(caller, stage, entry.getOrgCode())) {
			throw new NotAllowedException("只有" + urgers(stage) + "可以催办" + stage.label());
		}
		String text = errors.text("message", "催办内容", message, MESSAGE_MAX);
		errors.throwIfAny();
		String said = (text != null) ? text : DEFAULT_MESSAGE;
		OpenTask task = this.workflow.openTask(entry.getCaseNo(), stage).orElse(null);
		if (task == null) {
			errors.add("stage", "open", stage.label() + "正在等待延期申请的审批，暂无可催办的任务");
			errors.throwIfAny();
		}
		if (task.holders().isEmpty()) {
			throw new NotSentException("承办人都没有登记电子邮箱，催办邮件无法发送；请系统管理员补充邮箱后再催办", null);
		}
		Instant now = this.workflow.now();
		LocalDate today = WorkingDayCalendar.dateOf(now);
		String onceKey = "URGE:" + task.taskId() + ":" + today;
		CaseEvent event = new CaseEvent(entry, stage, CaseEventKind.URGED, now, callerName).task(task.taskId())
			.once(onceKey)
			.detail(said);
		if (this.events.existsByOnceKey(onceKey) || !claim(event)) {
			throw new AlreadyUrgedException("今天已催办过该任务，每项任务每天只能催办一次；请明天再催办");
		}
		LocalDate dueOn = WorkingDayCalendar.dateOf(task.due());
		int left = this.calendars.calendar().workingDaysBetween(today, dueOn);
		boolean overdue = now.isAfter(task.due());
		String orgName = this.orgs.organization(entry.getOrgCode())
			.map(Organization::getName)
			.orElse(entry.getOrgCode());
		try {
			for (Holder holder : task.holders()) {
				this.journal.sendOnce(
						new MailKey("urge:" + task.taskId() + ":" + today, "URGE", entry.getCaseNo(), task.taskId()),
						this.mailer.render(new UrgeMail(holder.email(), holder.name(), entry.caseNumber().display(),
								entry.getSummary(), orgName, task.name(), dueOn, left, overdue, task.taskId(),
								(callerName != null) ? callerName : "上级", said)));
			}
		}
		catch (RuntimeException ex) {
			log.warn("{}: the urge of {} could not be sent, giving the day's slot back: {}", entry.getCaseNo(),
					task.name(), ex.toString());
			this.transaction.executeWithoutResult((status) -> this.events.deleteById(event.getId()));
			throw new NotSentException("催办邮件暂时无法发送（邮件服务器不可用），本次催办未生效，请稍后再试", ex);
		}
		List<String> names = task.holders().stream().map(Holder::name).toList();
		this.register.urged(entry.getCaseNo(), stage, String.join("、", names), said, callerName, now);
		return new Urged(entry.getCaseNo(), task.name(), dueOn, ReminderMail.remaining(left, overdue), names, now);
	}

	/** Takes the day's slot: {@code false} if another request took it first. */
	private boolean claim(CaseEvent event) {
		try {
			this.transaction.executeWithoutResult((status) -> this.events.saveAndFlush(event));
			return true;
		}
		catch (DataIntegrityViolationException ex) {
			return false;
		}
	}

	/**
	 * Who may urge a stage: the branch (secretary and members) its departments, the
	 * committee the branch's report, the district the committee's answer; admins all.
	 */
	static boolean mayUrge(AccessScope caller, Stage stage, String orgCode) {
		if (caller.role() == Role.ADMIN) {
			return true;
		}
		return switch (stage) {
			case DEPARTMENT ->
				(caller.role() == Role.BRANCH_SECRETARY || caller.role() == Role.BRANCH_MEMBER) && caller.sees(orgCode);
			case REPORT_UP -> caller.role() == Role.COMMITTEE_STAFF && caller.sees(orgCode);
			case COMMITTEE -> caller.role() == Role.DISTRICT_STAFF;
			default -> false;
		};
	}

	private static String urgers(Stage stage) {
		return switch (stage) {
			case DEPARTMENT -> "本组织党支部";
			case REPORT_UP -> "主管党（工）委";
			default -> "区委“两新”工委";
		};
	}

}
