package cn.liangxin.opinions.opinion;

import cn.liangxin.opinions.validation.InvalidInputException;
import cn.liangxin.opinions.validation.Errors;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.opinion.Assessment.AssignmentSlip;
import cn.liangxin.opinions.org.AccessScope;
import cn.liangxin.opinions.org.Department;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Person;

import cn.liangxin.opinions.validation.Paging;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register (登记簿) and the rules of each handling step. Every method checks its input,
 * refuses it whole with an {@link InvalidInputException}, or records it in the case's
 * register entry.
 */
@Service
@Transactional
public class OpinionRegister {

	/**
	 * Times a dissatisfied employee's case may go back for handling before it must go up.
	 */
	public static final int MAX_REHANDLES = 2;

	static final int SLIP_MATTER_MAX = 500;

	static final int CLOSE_REASON_MAX = 1000;

	private final RegisterRepository entries;

	private final CaseNumberAllocator numbers;

	private final OrgDirectory orgs;

	private final HandlingDeadlines deadlines;

	private final CaseEventRepository events;

	OpinionRegister(RegisterRepository entries, CaseNumberAllocator numbers, OrgDirectory orgs,
			HandlingDeadlines deadlines, CaseEventRepository events) {
		this.entries = entries;
		this.events = events;
		this.numbers = numbers;
		this.orgs = orgs;
		this.deadlines = deadlines;
	}

	/**
	 * Enters a checked opinion in its organization's register under the next serial
	 * number.
	 */
	public RegisterEntry register(ValidOpinion opinion, String registeredBy, String processInstanceId, Instant now) {
		CaseNumber number = this.numbers.next(opinion.orgCode(), WorkingDayCalendar.dateOf(now).getYear());
		RegisterEntry entry = new RegisterEntry(number, opinion, now, registeredBy, processInstanceId);
		if (opinion.resolvedOnSpot()) {
			entry.assessed(Route.ON_SPOT, null, null);
			entry.recordHandling(line(now, registeredBy, "当场解决：" + opinion.onSpotResult()), registeredBy);
		}
		return this.entries.save(entry);
	}

	@Transactional(readOnly = true)
	public Optional<RegisterEntry> find(String caseNo) {
		return this.entries.findByCaseNo(caseNo);
	}

	/**
	 * One page of the register entries the scope sees, newest first, optionally of one
	 * organization.
	 */
	@Transactional(readOnly = true)
	public Page<RegisterEntry> visibleTo(AccessScope scope, String orgCode, Paging paging) {
		PageRequest newest = paging.request(Sort.by(Sort.Direction.DESC, "registeredAt", "id"));
		if (orgCode != null && !scope.sees(orgCode)) {
			return Page.empty(newest);
		}
		if (orgCode != null) {
			return this.entries.findByOrgCodeIn(List.of(orgCode), newest);
		}
		return scope.everything() ? this.entries.findAll(newest)
				: this.entries.findByOrgCodeIn(scope.orgCodes(), newest);
	}

	/**
	 * The register book (登记簿) of an organization and year, a page at a time in the order
	 * of the numbers: the entries numbered after {@code afterSerialNo}.
	 */
	@Transactional(readOnly = true)
	public List<RegisterEntry> book(String orgCode, int year, int afterSerialNo, int limit) {
		return this.entries.findByOrgCodeAndCaseYearAndSerialNoGreaterThanOrderBySerialNo(orgCode, year, afterSerialNo,
				PageRequest.of(0, limit));
	}

	@Transactional(readOnly = true)
	public RegisterEntry require(String caseNo) {
		return find(caseNo).orElseThrow(() -> new IllegalStateException("No register entry for case " + caseNo));
	}

	/**
	 * Checks and records the branch's assessment.
	 * @param handlingStart the day the handling deadlines count from (the day raised, or
	 * the day a dissatisfied case was sent back)
	 */
	public Assessment assess(String caseNo, AssessmentInput input, LocalDate handlingStart, String user, Instant now) {
		RegisterEntry entry = require(caseNo);
		Errors errors = new Errors();
		Route route = Route.parse(input.route());
		if (route == null) {
			errors.add("route", (input.route() == null) ? "required" : "oneOf",
					"处理方式应为 ON_SPOT、EXPLAIN、ENTERPRISE、UPPER 之一" + Errors.received(input.route()));
		}
		Scope scope = (input.scope() == null || input.scope().isBlank()) ? Scope.INDIVIDUAL
				: Scope.parse(input.scope());
		if (scope == null) {
			errors.add("scope", "oneOf", "问题范围应为 INDIVIDUAL、CONCENTRATED、GENERAL 之一" + Errors.received(input.scope()));
		}
		String assessment = errors.text("assessment", "处理意见", input.assessment(), IntakeValidator.TEXT_MAX);
		if (assessment == null && (route == Route.ON_SPOT || route == Route.EXPLAIN)) {
			errors.add("assessment", "requiredForRoute",
					(route == Route.ON_SPOT) ? "选择“当场解决”的，须在处理意见中填写解决的内容和结果" : "选择“解释说明”的，须在处理意见中填写向员工所作的解释说明");
		}
		String reportText = errors.text("reportText", "上报材料", input.reportText(), IntakeValidator.TEXT_MAX);
		AssignmentSlip slip = (route == Route.ENTERPRISE)
				? slip(entry, input, handlingStart, WorkingDayCalendar.dateOf(now), errors) : null;
		errors.throwIfAny();
		entry.assessed(route, scope, (slip != null) ? slip.departmentCode() : null);
		LocalDate today = WorkingDayCalendar.dateOf(now);
		if (slip != null) {
			// the slip's contact is whoever issues it, unless the form names another
			Optional<Person> issuer = this.orgs.person(Actor.username(user));
			entry.slipIssued(slip.matter(),
					(slip.contact() != null) ? slip.contact() : issuer.map(Person::getName).orElse(null),
					(slip.phone() != null) ? slip.phone() : issuer.map(Person::getPhone).orElse(null), today);
		}
		else if (route == Route.ON_SPOT || route == Route.EXPLAIN) {
			entry.concluded(assessment, today);
		}
		StringBuilder text = new StringBuilder("支部研判：").append(route.label())
			.append("（")
			.append(scope.label())
			.append("）");
		if (slip != null) {
			text.append("，交")
				.append(slip.departmentName())
				.append("办理，限")
				.append(slip.deadline().dueOn())
				.append("前办结");
		}
		if (assessment != null) {
			text.append("。").append(assessment);
		}
		entry.recordHandling(line(now, user, text.toString()), user);
		return new Assessment(route, scope, assessment, slip, reportText);
	}

	private AssignmentSlip slip(RegisterEntry entry, AssessmentInput input, LocalDate start, LocalDate today,
			Errors errors) {
		Department department = null;
		if (input.department() == null || input.department().isBlank()) {
			errors.add("department", "required", "交企业相关部门办理时，须选择承办部门");
		}
		else {
			department = this.orgs.department(entry.getOrgCode(), input.department().strip()).orElse(null);
			if (department == null) {
				errors.add("department", "knownDepartment",
						"承办部门" + Errors.quote(input.department()) + "不是本组织的部门" + departmentList(entry.getOrgCode()));
			}
		}
		Deadline latest = this.deadlines.enterprise(start);
		LocalDate slipDueOn = errors.date("slipDueOn", "办结期限", input.slipDueOn());
		if (slipDueOn != null && slipDueOn.isAfter(latest.dueOn())) {
			errors.add("slipDueOn", "notAfterDeadline",
					"办结期限不得晚于" + latest.dueOn() + "（" + start + "起" + HandlingDeadlines.ENTERPRISE_DAYS + "个工作日）");
		}
		else if (slipDueOn != null && slipDueOn.isBefore(today)) {
			errors.add("slipDueOn", "notPast", "办结期限不能早于今天（" + today + "）");
		}
		String matter = errors.text("slipMatter", "交办事项", input.slipMatter(), SLIP_MATTER_MAX);
		String contact = errors.text("slipContact", "联系人", input.slipContact(), IntakeValidator.NAME_MAX);
		String phone = errors.text("slipPhone", "联系电话", input.slipPhone(), IntakeValidator.PHONE_MAX);
		if (department == null || !errors.isEmpty()) {
			return null;
		}
		return new AssignmentSlip(department.getCode(), department.getName(),
				(matter != null) ? matter : withoutEndingPunctuation(entry.getSummary()), slipDueOn,
				this.deadlines.department(start, slipDueOn), contact, phone);
	}

	/** "…希望更换。" reads as "…希望更换" inside the slip's sentence "反映的…一事". */
	static String withoutEndingPunctuation(String text) {
		return text.replaceAll("[。．.！!？?；;，,\\s]+$", "");
	}

	private String departmentList(String orgCode) {
		StringBuilder list = new StringBuilder();
		for (Department department : this.orgs.departments(orgCode)) {
			list.append(list.isEmpty() ? "（可选：" : "、")
				.append(department.getCode())
				.append(" ")
				.append(department.getName());
		}
		return list.isEmpty() ? "（本组织尚未登记部门）" : list.append("）").toString();
	}

	/**
	 * Records that a deadline task was opened: the register shows the stage and its due
	 * date, and an opinion whose deadline has already passed (registered late) is overdue
	 * at once.
	 * @return whether the deadline has already passed
	 */
	public boolean stageStarted(String caseNo, Stage stage, Deadline deadline, Instant now) {
		RegisterEntry entry = require(caseNo);
		entry.stage(stage, (deadline != null) ? deadline.dueOn() : null, deadline != null && deadline.estimated());
		boolean late = deadline != null && deadline.isOverdueAt(now);
		if (late) {
			entry.overdue(stage);
		}
		return late;
	}

	/** The department signed for the slip (签收) by claiming its task. */
	public void departmentSigned(String caseNo, String user, Instant now) {
		RegisterEntry entry = require(caseNo);
		if (entry.departmentSigned(user, now)) {
			entry.recordHandling(line(now, user, "部门签收交办单"), null);
		}
	}

	public String departmentReplied(String caseNo, String handlingResult, String user, Instant now) {
		Errors errors = new Errors();
		String result = errors.requiredText("handlingResult", "办理情况及结果", handlingResult, IntakeValidator.TEXT_MAX);
		errors.throwIfAny();
		RegisterEntry entry = require(caseNo);
		entry.recordHandling(line(now, user, "部门办理结果：" + result), user);
		entry.concluded(result, WorkingDayCalendar.dateOf(now));
		return result;
	}

	/** The branch reported up; the report counts as received by the committee today. */
	public String reportedUp(String caseNo, String reportText, String user, Instant now) {
		Errors errors = new Errors();
		String text = errors.text("reportText", "上报材料", reportText, IntakeValidator.TEXT_MAX);
		errors.throwIfAny();
		RegisterEntry entry = require(caseNo);
		String report = (text != null) ? text : entry.getSummary();
		entry.recordHandling(line(now, user, "上报主管党（工）委：" + report), user);
		return report;
	}

	public CommitteeMode committeeAccepted(String caseNo, String mode, String note, String user, Instant now) {
		Errors errors = new Errors();
		CommitteeMode parsed = CommitteeMode.parse(mode);
		if (parsed == null) {
			errors.add("committeeMode", (mode == null) ? "required" : "oneOf",
					"办理方式应为 INDEPENDENT（10个工作日）或 JOINT（20个工作日）" + Errors.received(mode));
		}
		String text = errors.text("acceptNote", "受理意见", note, SLIP_MATTER_MAX);
		errors.throwIfAny();
		RegisterEntry entry = require(caseNo);
		entry.committeeMode(parsed);
		entry.recordHandling(line(now, user, "主管党（工）委受理：" + parsed.label() + ((text != null) ? "。" + text : "")), user);
		return parsed;
	}

	public String committeeAnswered(String caseNo, String answer, String jointDepartments, String user, Instant now) {
		Errors errors = new Errors();
		String text = errors.requiredText("committeeAnswer", "答复意见", answer, IntakeValidator.TEXT_MAX);
		String joint = errors.text("jointDepartments", "联合办理部门", jointDepartments, IntakeValidator.ADDRESS_MAX);
		errors.throwIfAny();
		RegisterEntry entry = require(caseNo);
		entry.recordHandling(line(now, user, "主管党（工）委答复：" + text + ((joint != null) ? "（联合办理：" + joint + "）" : "")),
				user);
		entry.concluded(text, WorkingDayCalendar.dateOf(now));
		return text;
	}

	/** A deadline passed: the case is marked overdue in the register (跟踪督办). */
	public void overdue(String caseNo, Stage stage, Instant now) {
		RegisterEntry entry = require(caseNo);
		entry.overdue(stage);
		entry.addRemark(line(now, null, stage.label() + "逾期，已启动督办"));
	}

	/**
	 * The level above moved the due day of the open stage; the register shows the new
	 * day.
	 */
	public void deadlineMoved(String caseNo, Stage stage, LocalDate from, LocalDate to, String reason, String user,
			Instant now) {
		RegisterEntry entry = require(caseNo);
		entry.stage(stage, to, entry.isDueEstimated());
		entry.addRemark(line(now, user, stage.label() + "期限由" + from + "调整为" + to + "：" + reason));
	}

	/**
	 * The calendar changed: the open stage's due day follows it (and is no longer an
	 * estimate once the year's arrangement is known); a moved day is noted in the
	 * remarks.
	 */
	public void deadlineRecalculated(String caseNo, Stage stage, LocalDate from, Deadline deadline, String reason,
			Instant now) {
		RegisterEntry entry = require(caseNo);
		entry.stage(stage, deadline.dueOn(), deadline.estimated());
		if (!deadline.dueOn().equals(from)) {
			entry.addRemark(line(now, null, stage.label() + "期限因" + reason + "由" + from + "调整为" + deadline.dueOn()));
		}
	}

	/** An urge (催办) was sent; the remarks record it. */
	public void urged(String caseNo, Stage stage, String to, String message, String user, Instant now) {
		require(caseNo).addRemark(line(now, user, "催办" + stage.label() + "（致" + to + "）：" + message));
	}

	public String supervised(String caseNo, Stage stage, String note, String user, Instant now) {
		Errors errors = new Errors();
		String text = errors.requiredText("supervisionNote", "督办意见", note, CLOSE_REASON_MAX);
		errors.throwIfAny();
		require(caseNo).addRemark(line(now, user, "督办（" + ((stage != null) ? stage.label() : "") + "）：" + text));
		return text;
	}

	/**
	 * Checks and records the feedback to the employee, and decides what follows.
	 */
	public FeedbackOutcome feedbackGiven(String caseNo, FeedbackInput input, String user, Instant now) {
		RegisterEntry entry = require(caseNo);
		Errors errors = new Errors();
		FeedbackMethod method = FeedbackMethod.parse(input.feedbackMethod());
		Scope scope = (entry.getScope() != null) ? entry.getScope() : Scope.INDIVIDUAL;
		if (method == null) {
			errors.add("feedbackMethod", (input.feedbackMethod() == null) ? "required" : "oneOf",
					"反馈方式应为 PUBLIC_NOTICE、MEETING、HOME_VISIT、PHONE 之一" + Errors.received(input.feedbackMethod()));
		}
		else if (!method.suits(scope)) {
			errors.add("feedbackMethod", "suitsScope",
					scope.label() + "不能采用“" + method.label() + "”反馈；应采用：" + allowedMethods(scope));
		}
		LocalDate today = WorkingDayCalendar.dateOf(now);
		LocalDate on = errors.date("feedbackOn", "反馈时间", input.feedbackOn());
		if (on != null && on.isAfter(today)) {
			errors.add("feedbackOn", "notFuture", "反馈时间不能晚于今天（" + today + "）");
		}
		if (on != null && on.isBefore(entry.getReportedOn())) {
			errors.add("feedbackOn", "notBeforeReported", "反馈时间不能早于反映时间（" + entry.getReportedOn() + "）");
		}
		String content = errors.requiredText("feedbackContent", "办理情况（反馈内容）", input.feedbackContent(),
				IntakeValidator.TEXT_MAX);
		String signedBy = errors.text("feedbackSignedBy", "《反馈单》签收人", input.feedbackSignedBy(),
				IntakeValidator.NAME_MAX);
		if (input.satisfied() == null) {
			errors.add("satisfied", "required", "须填写员工是否满意");
		}
		String closeReason = errors.text("closeReason", "办结理由", input.closeReason(), CLOSE_REASON_MAX);
		String further = errors.text("furtherOpinion", "员工的进一步意见", input.furtherOpinion(), CLOSE_REASON_MAX);
		String remarks = errors.text("remarks", "备注", input.remarks(), SLIP_MATTER_MAX);
		FeedbackOutcome outcome = FeedbackOutcome.CLOSE;
		if (Boolean.FALSE.equals(input.satisfied())) {
			DissatisfiedAction action = (input.dissatisfiedAction() == null || input.dissatisfiedAction().isBlank())
					? DissatisfiedAction.REHANDLE : DissatisfiedAction.parse(input.dissatisfiedAction());
			if (action == null) {
				errors.add("dissatisfiedAction", "oneOf",
						"不满意时的处理应为 REHANDLE 或 CLOSE" + Errors.received(input.dissatisfiedAction()));
			}
			else if (action == DissatisfiedAction.CLOSE && closeReason == null) {
				errors.add("closeReason", "requiredWhenClosing", "员工不满意而办结的，须写明办结理由");
			}
			else if (action == DissatisfiedAction.REHANDLE) {
				outcome = (entry.getRehandleCount() >= MAX_REHANDLES) ? FeedbackOutcome.ESCALATE
						: FeedbackOutcome.REHANDLE;
			}
		}
		errors.throwIfAny();
		boolean satisfied = input.satisfied();
		entry.feedback(method, (on != null) ? on : today, (signedBy != null) ? signedBy : entry.getReporterName(),
				satisfied, content);
		StringBuilder text = new StringBuilder("反馈员工（").append(method.label())
			.append("）：")
			.append(satisfied ? "满意" : "不满意");
		if (content != null) {
			text.append("。").append(content);
		}
		if (further != null) {
			text.append("。员工意见：").append(further);
		}
		switch (outcome) {
			case REHANDLE -> text.append("。退回重新办理（第").append(entry.getRehandleCount() + 1).append("次）");
			case ESCALATE -> text.append("。已重办").append(MAX_REHANDLES).append("次，上报主管党（工）委");
			case CLOSE -> {
				if (!satisfied) {
					text.append("。办结理由：").append(closeReason);
				}
			}
		}
		entry.recordHandling(line(now, user, text.toString()), null);
		if (outcome != FeedbackOutcome.CLOSE) {
			entry.rehandled();
		}
		if (remarks != null) {
			entry.addRemark(line(now, user, remarks));
		}
		return outcome;
	}

	/**
	 * Struck-off cases that ended before the day and still hold personal data: the
	 * candidates for removal once their history is gone.
	 */
	@Transactional(readOnly = true)
	public List<RegisterEntry> struckOffBefore(LocalDate day, int limit) {
		return this.entries.findByStruckOffTrueAndStruckOffOnBeforeAndPersonalDataRemovedOnIsNull(day,
				PageRequest.of(0, limit, Sort.by("struckOffOn", "id")));
	}

	/**
	 * The retention period of a case has ended (its history was removed): its personal
	 * data leaves the register.
	 */
	public void forgetPersonalData(String caseNo, LocalDate on) {
		require(caseNo).forgetPersonalData(on);
		// reasons and messages on the side roads may name the employee's matter
		this.events.forgetDetails(caseNo);
	}

	/** Closes the case: one closed, one struck off (办结一件，销号一件). */
	public void strikeOff(String caseNo, Instant now) {
		RegisterEntry entry = require(caseNo);
		entry.strikeOff(WorkingDayCalendar.dateOf(now));
		entry.recordHandling(line(now, null, "办结销号"), null);
	}

	private static String allowedMethods(Scope scope) {
		StringBuilder list = new StringBuilder();
		for (FeedbackMethod method : FeedbackMethod.values()) {
			if (method.suits(scope)) {
				list.append(list.isEmpty() ? "" : "或").append(method.name()).append(" ").append(method.label());
			}
		}
		return list.toString();
	}

	static String line(Instant now, String user, String text) {
		return "【" + WorkingDayCalendar.dateOf(now) + ((user != null) ? " " + user : "") + "】" + text;
	}

}
