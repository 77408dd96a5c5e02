package cn.liangxin.opinions.opinion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.deadline.CalendarService;
import cn.liangxin.opinions.validation.Errors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the side roads of handling (docs/process.md), each checked whole and
 * recorded in the register (its handling record or remarks, and its counts) and as a
 * {@link CaseEvent}:
 * <ul>
 * <li>退单: a department returns a slip before it signed for it or within
 * {@code opinion.return.window-working-days} of signing; not after the branch insisted
 * (驳回退单).</li>
 * <li>延期申请: a later due day, on a working day, at most
 * {@code opinion.extension.max-working-days} after the current one, at most
 * {@code opinion.extension.max-requests} requests per stage and round, only while the
 * deadline has not passed; the level above grants or refuses it.</li>
 * <li>补办: the branch sends a department's or the committee's reply back, at most
 * {@code opinion.send-back.max-times} per round.</li>
 * </ul>
 */
@Service
@Transactional
public class SideRoads {

	static final int TEXT_MAX = 500;

	private final OpinionRegister register;

	private final CaseEventRepository events;

	private final CalendarService calendars;

	private final SideRoadSettings.Extension extension;

	private final SideRoadSettings.Return returns;

	private final SideRoadSettings.SendBack sendBack;

	SideRoads(OpinionRegister register, CaseEventRepository events, CalendarService calendars,
			SideRoadSettings.Extension extension, SideRoadSettings.Return returns, SideRoadSettings.SendBack sendBack) {
		this.register = register;
		this.events = events;
		this.calendars = calendars;
		this.extension = extension;
		this.returns = returns;
		this.sendBack = sendBack;
	}

	public SideRoadSettings.Extension extensionSettings() {
		return this.extension;
	}

	public SideRoadSettings.SendBack sendBackSettings() {
		return this.sendBack;
	}

	/**
	 * What a deadline task's form says of asking for more time, e.g.
	 * 须在期限届满前申请，最多延长10个工作日（不晚于2026-11-06）；本轮已申请0次，最多2次。
	 */
	@Transactional(readOnly = true)
	public String extensionRule(Deadline current, int earlierRequests) {
		return "须在期限届满前申请，最多延长" + this.extension.maxWorkingDays() + "个工作日（不晚于"
				+ calendar().addWorkingDays(current.dueOn(), this.extension.maxWorkingDays()) + "）；本轮已申请"
				+ earlierRequests + "次，最多" + this.extension.maxRequests() + "次。";
	}

	/** What the department's form says of returning the slip. */
	@Transactional(readOnly = true)
	public String returnRule(boolean insisted) {
		return insisted ? "支部已驳回退单，本交办单不能再退回。"
				: "交办单送错或不属本部门职责的，可在签收前或签收后" + this.returns.windowWorkingDays() + "个工作日内退单；之后须办理，或申请延期。";
	}

	/** What the feedback form says of sending a reply back. */
	@Transactional(readOnly = true)
	public String sendBackRule(int earlier) {
		return "退回后承办方须在" + this.sendBack.workingDays() + "个工作日内重新答复；每轮最多退回" + this.sendBack.maxTimes() + "次，本轮已退回"
				+ earlier + "次。";
	}

	/**
	 * The outcome a deadline task is completed with: {@code DONE} when absent.
	 * @throws cn.liangxin.opinions.validation.InvalidInputException naming
	 * {@code outcome}
	 */
	@Transactional(readOnly = true)
	public Outcome outcome(Stage stage, String given) {
		Outcome outcome = Outcome.parse(given);
		if (outcome == null || !outcome.allowedAt(stage)) {
			Errors errors = new Errors();
			errors.add("outcome", "oneOf", ((stage == Stage.DEPARTMENT) ? "办理结果应为 DONE（办结）、EXTEND（申请延期）或 RETURN（退单）"
					: "办理结果应为 DONE（办结）或 EXTEND（申请延期）") + Errors.received(given));
			errors.throwIfAny();
		}
		return outcome;
	}

	/**
	 * 退单: checks and records that the department returns its slip.
	 * @param insisted whether the branch gave this department the slip back after an
	 * earlier return (驳回退单): it may not return it again
	 */
	public void slipReturned(String caseNo, String reason, boolean insisted, String user, Instant now, String taskId) {
		RegisterEntry entry = this.register.require(caseNo);
		Errors errors = new Errors();
		String text = errors.requiredText("returnReason", "退单理由", reason, TEXT_MAX);
		if (insisted) {
			errors.add("outcome", "insisted", "支部已驳回退单，须由本部门办理；确需更多时间的，可申请延期");
		}
		else if (entry.getDepartmentSignedAt() != null) {
			LocalDate signedOn = WorkingDayCalendar.dateOf(entry.getDepartmentSignedAt());
			LocalDate lastDay = calendar().addWorkingDays(signedOn, this.returns.windowWorkingDays());
			if (WorkingDayCalendar.dateOf(now).isAfter(lastDay)) {
				errors.add("outcome", "returnWindow", "交办单已于" + signedOn + "签收，签收后" + this.returns.windowWorkingDays()
						+ "个工作日内（至" + lastDay + "）才能退单；现在请办理，或申请延期");
			}
		}
		errors.throwIfAny();
		entry.returned();
		String line = OpinionRegister.line(now, user, "部门退单（第" + entry.getReturnedCount() + "次），交办单退回支部重新研判：" + text);
		entry.recordHandling(line, null);
		entry.addRemark(line);
		this.events
			.save(new CaseEvent(entry, Stage.DEPARTMENT, CaseEventKind.RETURNED, now, user).task(taskId).detail(text));
	}

	/**
	 * 驳回退单: checks the branch's note when it gives a returned slip back to the same
	 * department, and records it.
	 */
	public String returnRefused(String caseNo, String departmentName, String note, String user, Instant now) {
		Errors errors = new Errors();
		String text = errors.requiredText("insistNote", "驳回退单的说明", note, TEXT_MAX);
		errors.throwIfAny();
		RegisterEntry entry = this.register.require(caseNo);
		String line = OpinionRegister.line(now, user, "驳回退单，仍由" + departmentName + "办理：" + text);
		entry.recordHandling(line, null);
		entry.addRemark(line);
		this.events.save(new CaseEvent(entry, Stage.DEPARTMENT, CaseEventKind.RETURN_REFUSED, now, user).detail(text));
		return text;
	}

	/**
	 * 延期申请: checks and records a request for more time.
	 * @param current the stage's deadline now
	 * @param earlierRequests the requests of this stage in this round so far
	 * @return the day asked for
	 */
	public LocalDate extensionRequested(String caseNo, Stage stage, Deadline current, String dueOn, String reason,
			int earlierRequests, String user, Instant now, String taskId) {
		Errors errors = new Errors();
		if (dueOn == null || dueOn.isBlank()) {
			errors.add("extensionDueOn", "required", "请填写申请延至的日期（yyyy-MM-dd）");
		}
		LocalDate asked = errors.date("extensionDueOn", "申请延至的日期", dueOn);
		String text = errors.requiredText("extensionReason", "延期理由", reason, TEXT_MAX);
		WorkingDayCalendar calendar = calendar();
		int max = this.extension.maxWorkingDays();
		if (current.isOverdueAt(now)) {
			errors.add("outcome", "overdue", stage.label() + "已超过办理期限（" + current.dueOn() + "），不能再申请延期");
		}
		else if (earlierRequests >= this.extension.maxRequests()) {
			errors.add("outcome", "maxRequests",
					stage.label() + "本轮已申请延期" + earlierRequests + "次，最多" + this.extension.maxRequests() + "次；请在期限内办结");
		}
		if (asked != null) {
			if (!asked.isAfter(current.dueOn())) {
				errors.add("extensionDueOn", "afterDue", "申请延至的日期须晚于现在的期限（" + current.dueOn() + "）");
			}
			else if (!calendar.isWorkingDay(asked)) {
				errors.add("extensionDueOn", "workingDay", asked + "不是工作日，期限须落在工作日");
			}
			else if (calendar.workingDaysBetween(current.dueOn(), asked) > max) {
				errors.add("extensionDueOn", "maxWorkingDays",
						"最多延长" + max + "个工作日，即不晚于" + calendar.addWorkingDays(current.dueOn(), max));
			}
		}
		errors.throwIfAny();
		RegisterEntry entry = this.register.require(caseNo);
		entry.addRemark(OpinionRegister.line(now, user, stage.label() + "申请延期（第" + (earlierRequests + 1) + "次）：期限由"
				+ current.dueOn() + "延至" + asked + "，待上级审批。理由：" + text));
		this.events.save(new CaseEvent(entry, stage, CaseEventKind.EXTENSION_REQUESTED, now, user).task(taskId)
			.due(current.dueOn(), asked)
			.detail(text));
		return asked;
	}

	/**
	 * The level above decided on a request for more time; a granted one moves the
	 * register's due day.
	 * @throws cn.liangxin.opinions.validation.InvalidInputException naming
	 * {@code extensionComment} (required when refusing)
	 */
	public String extensionDecided(String caseNo, Stage stage, boolean approved, LocalDate from, LocalDate to,
			String askedBy, String comment, String user, Instant now) {
		Errors errors = new Errors();
		String text = errors.text("extensionComment", "审批意见", comment, TEXT_MAX);
		if (!approved && text == null) {
			errors.add("extensionComment", "requiredWhenRefused", "不同意延期的，须写明审批意见");
		}
		errors.throwIfAny();
		RegisterEntry entry = this.register.require(caseNo);
		String who = (askedBy != null) ? askedBy : "承办方";
		if (approved) {
			entry.stage(stage, to, entry.isDueEstimated());
			entry.extended();
			entry.addRemark(OpinionRegister.line(now, user, stage.label() + "期限由" + from + "延至" + to + "（" + who + "申请，"
					+ ((user != null) ? user : "上级") + "批准）" + ((text != null) ? "：" + text : "")));
		}
		else {
			entry.addRemark(OpinionRegister.line(now, user,
					"不同意" + who + "的延期申请（" + stage.label() + "，申请延至" + to + "），期限仍为" + from + "：" + text));
		}
		this.events
			.save(new CaseEvent(entry, stage, approved ? CaseEventKind.EXTENDED : CaseEventKind.EXTENSION_REFUSED, now,
					user)
				.due(from, to)
				.detail(text));
		return text;
	}

	/**
	 * 补办: checks and records that the branch sends the reply of {@code stage} back.
	 * @param stage the stage whose reply the branch holds ({@code null}: the branch
	 * answered itself, nothing to send back)
	 * @param earlier the replies sent back in this round so far
	 * @param rework the deadline of the rework
	 */
	public String sentBack(String caseNo, Stage stage, String reason, int earlier, Deadline rework, String user,
			Instant now) {
		Errors errors = new Errors();
		if (stage == null) {
			errors.add("sendBack", "noReply", "只有企业部门或主管党（工）委的答复可以退回补办；本案件的处理意见由支部作出");
		}
		else if (earlier >= this.sendBack.maxTimes()) {
			errors.add("sendBack", "maxTimes",
					"本轮已退回补办" + earlier + "次，最多" + this.sendBack.maxTimes() + "次；请支部据现有答复反馈员工（员工不满意的可退回重办）");
		}
		String text = errors.requiredText("sendBackReason", "补办要求", reason, TEXT_MAX);
		errors.throwIfAny();
		RegisterEntry entry = this.register.require(caseNo);
		entry.sentBack();
		String who = (stage == Stage.DEPARTMENT) ? "承办部门" : "主管党（工）委";
		String line = OpinionRegister.line(now, user,
				"答复退回" + who + "补办（第" + (earlier + 1) + "次），限" + rework.dueOn() + "前重新答复：" + text);
		entry.recordHandling(line, null);
		entry.addRemark(line);
		this.events.save(
				new CaseEvent(entry, stage, CaseEventKind.SENT_BACK, now, user).due(null, rework.dueOn()).detail(text));
		return text;
	}

	/**
	 * A deadline task was done: its original deadline (before extensions and moves) and
	 * the one it had, for the on-time rates.
	 */
	public void stageDone(String caseNo, Stage stage, Deadline original, Deadline effective, String user, Instant now,
			String taskId) {
		RegisterEntry entry = this.register.require(caseNo);
		this.events.save(new CaseEvent(entry, stage, CaseEventKind.DONE, now, user).task(taskId)
			.due(original.dueOn(), effective.dueOn())
			.originalDueAt(original.lastMoment()));
	}

	/** The level above moved the deadline on its own. */
	void deadlineMoved(RegisterEntry entry, Stage stage, LocalDate from, LocalDate to, String reason, String user,
			Instant now) {
		this.events
			.save(new CaseEvent(entry, stage, CaseEventKind.DEADLINE_MOVED, now, user).due(from, to).detail(reason));
	}

	/** What happened on the case's side roads, oldest first. */
	@Transactional(readOnly = true)
	public List<CaseEvent> events(String caseNo) {
		return this.events.findByCaseNoOrderByIdAsc(caseNo);
	}

	private WorkingDayCalendar calendar() {
		return this.calendars.calendar();
	}

}
