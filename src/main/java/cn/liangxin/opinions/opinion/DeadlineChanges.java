package cn.liangxin.opinions.opinion;

import java.time.LocalDate;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.deadline.CalendarService;
import cn.liangxin.opinions.org.AccessScope;
import cn.liangxin.opinions.org.Role;
import cn.liangxin.opinions.validation.Errors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the due day of a case's open deadline (an earlier day, or an extension, 延期), by
 * the level that supervises it: the branch secretary for a department's slip, the
 * committee for the branch's report, the district for the committee's answer (admins
 * too). Only before the deadline has passed; the reminders and the overdue timer move
 * with it, and the register records who moved it and why. All in one transaction.
 */
@Service
public class DeadlineChanges {

	static final int REASON_MAX = 500;

	private final OpinionRegister register;

	private final OpinionWorkflow workflow;

	private final CalendarService calendars;

	private final SideRoads sideRoads;

	DeadlineChanges(OpinionRegister register, OpinionWorkflow workflow, CalendarService calendars,
			SideRoads sideRoads) {
		this.register = register;
		this.sideRoads = sideRoads;
		this.workflow = workflow;
		this.calendars = calendars;
	}

	/** What the caller asks: the new due day ({@code yyyy-MM-dd}) and why. */
	public record DeadlineChange(String dueOn, String reason) {
	}

	/** The caller may not move this deadline. */
	public static class NotAllowedException extends RuntimeException {

		NotAllowedException(String message) {
			super(message);
		}

	}

	/**
	 * Moves the deadline of the case's open stage.
	 * @throws cn.liangxin.opinions.validation.InvalidInputException naming the field
	 * @throws NotAllowedException if the caller does not supervise this stage
	 */
	@Transactional
	public RegisterEntry move(RegisterEntry entry, DeadlineChange change, AccessScope caller, String callerName) {
		Stage stage = Stage.ofCode(entry.getStage());
		Errors errors = new Errors();
		if (stage != Stage.DEPARTMENT && stage != Stage.REPORT_UP && stage != Stage.COMMITTEE
				|| entry.getDueOn() == null) {
			errors.add("stage", "deadlineStage",
					"该案件当前不在计时办理环节（" + ((stage != null) ? stage.label() : "无") + "），没有可调整的期限");
			errors.throwIfAny();
		}
		if (!maySupervise(caller, stage, entry.getOrgCode())) {
			throw new NotAllowedException("只有" + supervisorOf(stage) + "可以调整" + stage.label() + "的期限");
		}
		DeadlineChange asked = (change != null) ? change : new DeadlineChange(null, null);
		if (asked.dueOn() == null || asked.dueOn().isBlank()) {
			errors.add("dueOn", "required", "请填写新的办理期限（yyyy-MM-dd）");
		}
		LocalDate dueOn = errors.date("dueOn", "新的办理期限", asked.dueOn());
		String reason = errors.requiredText("reason", "调整理由", asked.reason(), REASON_MAX);
		LocalDate today = WorkingDayCalendar.dateOf(this.workflow.now());
		WorkingDayCalendar calendar = this.calendars.calendar();
		if (dueOn != null) {
			if (dueOn.isBefore(today)) {
				errors.add("dueOn", "notBeforeToday", "新的办理期限不能早于今天（" + today + "）");
			}
			else if (!calendar.isWorkingDay(dueOn)) {
				errors.add("dueOn", "workingDay", dueOn + "不是工作日，期限须落在工作日");
			}
			else if (dueOn.equals(entry.getDueOn())) {
				errors.add("dueOn", "changed", "新的办理期限与现在的期限（" + entry.getDueOn() + "）相同");
			}
		}
		if (entry.isOverdue() && entry.getOverdueStages() != null
				&& ("," + entry.getOverdueStages() + ",").contains("," + stage.code() + ",")) {
			errors.add("dueOn", "notOverdue", stage.label() + "已逾期并在督办中，期限届满后不能再调整");
		}
		errors.throwIfAny();
		LocalDate from = entry.getDueOn();
		this.workflow.moveDeadline(entry.getCaseNo(), stage, dueOn);
		this.register.deadlineMoved(entry.getCaseNo(), stage, from, dueOn, reason, callerName, this.workflow.now());
		this.sideRoads.deadlineMoved(entry, stage, from, dueOn, reason, callerName, this.workflow.now());
		return this.register.require(entry.getCaseNo());
	}

	static boolean maySupervise(AccessScope caller, Stage stage, String orgCode) {
		if (caller.role() == Role.ADMIN) {
			return true;
		}
		return switch (stage) {
			case DEPARTMENT -> caller.role() == Role.BRANCH_SECRETARY && caller.sees(orgCode);
			case REPORT_UP -> caller.role() == Role.COMMITTEE_STAFF && caller.sees(orgCode);
			case COMMITTEE -> caller.role() == Role.DISTRICT_STAFF;
			default -> false;
		};
	}

	private static String supervisorOf(Stage stage) {
		return switch (stage) {
			case DEPARTMENT -> "本组织党支部书记";
			case REPORT_UP -> "主管党（工）委";
			default -> "区委“两新”工委";
		};
	}

}
