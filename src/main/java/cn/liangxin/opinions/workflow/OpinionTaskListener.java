package cn.liangxin.opinions.workflow;

import java.time.Instant;
import java.time.LocalDate;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.opinion.Assessment;
import cn.liangxin.opinions.opinion.AssessmentInput;
import cn.liangxin.opinions.opinion.CommitteeMode;
import cn.liangxin.opinions.opinion.FeedbackInput;
import cn.liangxin.opinions.opinion.FeedbackOutcome;
import cn.liangxin.opinions.opinion.HandlingDeadlines;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.Outcome;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.opinion.Route;
import cn.liangxin.opinions.opinion.SideRoads;
import cn.liangxin.opinions.opinion.Stage;
import cn.liangxin.opinions.validation.Errors;
import cn.liangxin.opinions.workflow.OpinionProcess.Tasks;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * The listener of every user task of {@code employee-opinion}
 * ({@code delegateExpression="${opinionTaskListener}"}): on create it shows the task's
 * deadline and records the stage in the register; on complete it checks the submitted
 * variables and records them, the side roads included (退单, 延期申请, 驳回退单, 补办;
 * {@link SideRoads}); claiming {@code departmentHandle} is the department's signature of
 * receipt (签收).
 */
@Component("opinionTaskListener")
class OpinionTaskListener implements TaskListener {

	/** {@code feedbackOutcome} when the branch sent the reply back (补办). */
	static final String SEND_BACK = "SEND_BACK";

	private final OpinionRegister register;

	private final StageDeadlines deadlines;

	private final HandlingDeadlines rules;

	private final Actors actors;

	private final SideRoads sideRoads;

	OpinionTaskListener(OpinionRegister register, StageDeadlines deadlines, HandlingDeadlines rules, Actors actors,
			SideRoads sideRoads) {
		this.register = register;
		this.deadlines = deadlines;
		this.rules = rules;
		this.actors = actors;
		this.sideRoads = sideRoads;
	}

	@Override
	public void notify(DelegateTask task) {
		switch (task.getEventName()) {
			case EVENTNAME_CREATE -> created(task);
			case EVENTNAME_ASSIGNMENT -> assigned(task);
			case EVENTNAME_COMPLETE -> completed(task);
			default -> {
			}
		}
	}

	private void created(DelegateTask task) {
		Stage stage = Stage.ofCode(task.getTaskDefinitionKey());
		Deadline deadline = this.deadlines.of(task, stage);
		task.setVariableLocal(Vars.CURRENT_DUE_ON, (deadline != null) ? deadline.dueOn().toString() : "");
		task.setVariableLocal(Vars.CURRENT_DUE_LABEL, dueLabel(stage, deadline, task));
		task.setVariableLocal(Vars.DAYS_LEFT,
				(deadline != null) ? DueLabels.daysLeft(this.rules.workingDaysLeft(deadline, EngineClock.today()),
						deadline.isOverdueAt(EngineClock.now())) : DueLabels.NO_DEADLINE);
		if (deadline != null) {
			task.setVariable(dueVariable(stage), deadline.dueOn().toString());
			reopened(task, stage);
			task.setVariableLocal(Vars.EXTENSION_RULE,
					this.sideRoads.extensionRule(deadline, ProcessVariables.count(task, extensionCounter(stage))));
		}
		if (stage == Stage.DEPARTMENT) {
			String department = ProcessVariables.text(task, Vars.DEPARTMENT);
			task.setVariableLocal(Vars.RETURN_RULE, this.sideRoads.returnRule(
					department != null && department.equals(ProcessVariables.text(task, Vars.INSISTED_DEPARTMENT))));
		}
		if (stage == Stage.FEEDBACK) {
			task.setVariableLocal(Vars.SEND_BACK_RULE,
					this.sideRoads.sendBackRule(ProcessVariables.count(task, Vars.SEND_BACK_COUNT)));
		}
		this.register.stageStarted(caseNo(task), stage, deadline, EngineClock.now());
	}

	/**
	 * A deadline task opens: the last completion's outcome does not carry over into its
	 * form; back from a request for more time, the task says how it was decided and goes
	 * straight back to whoever asked.
	 */
	private void reopened(DelegateTask task, Stage stage) {
		if (stage.code().equals(ProcessVariables.text(task, Vars.EXTENSION_STAGE))) {
			boolean approved = Boolean.TRUE.equals(ProcessVariables.bool(task, Vars.EXTENSION_APPROVED));
			String comment = ProcessVariables.text(task, Vars.EXTENSION_COMMENT);
			task.setVariableLocal(Vars.EXTENSION_NOTE,
					approved ? "延期申请已批准，期限延至" + ProcessVariables.text(task, Vars.EXTENSION_DUE_ON)
							+ ((comment != null && !comment.isBlank()) ? "。审批意见：" + comment : "")
							: "延期申请未获批准，期限仍为" + ProcessVariables.text(task, Vars.EXTENSION_FROM) + "。审批意见：" + comment);
			String asker = ProcessVariables.text(task, Vars.EXTENSION_ASKED_BY_ID);
			if (asker != null && !asker.isBlank()) {
				task.setAssignee(asker);
			}
		}
		for (String name : new String[] { Vars.OUTCOME, Vars.EXTENSION_DUE_ON, Vars.EXTENSION_REASON,
				Vars.RETURN_REASON, Vars.EXTENSION_STAGE, Vars.EXTENSION_STAGE_LABEL, Vars.EXTENSION_FROM,
				Vars.EXTENSION_ASKED_BY, Vars.EXTENSION_ASKED_BY_ID, Vars.EXTENSION_REQUESTED_ON,
				Vars.EXTENSION_APPROVED, Vars.EXTENSION_DECISION, Vars.EXTENSION_COMMENT }) {
			task.removeVariable(name);
		}
	}

	private void assigned(DelegateTask task) {
		if (Tasks.DEPARTMENT_HANDLE.equals(task.getTaskDefinitionKey()) && task.getAssignee() != null) {
			this.register.departmentSigned(caseNo(task), this.actors.display(task.getAssignee()), EngineClock.now());
		}
	}

	private void completed(DelegateTask task) {
		String caseNo = caseNo(task);
		String user = this.actors.display(this.actors.userId(task));
		Instant now = EngineClock.now();
		switch (task.getTaskDefinitionKey()) {
			case Tasks.BRANCH_ASSESS -> assessed(task, caseNo, user, now);
			case Tasks.DEPARTMENT_HANDLE, Tasks.BRANCH_REPORT_UP, Tasks.COMMITTEE_HANDLE ->
				deadlineTaskCompleted(task, Stage.ofCode(task.getTaskDefinitionKey()), caseNo, user, now);
			case Tasks.COMMITTEE_ACCEPT -> {
				CommitteeMode mode = this.register.committeeAccepted(caseNo,
						ProcessVariables.text(task, Vars.COMMITTEE_MODE), ProcessVariables.text(task, Vars.ACCEPT_NOTE),
						user, now);
				task.setVariable(Vars.COMMITTEE_MODE, mode.name());
				task.setVariable(Vars.COMMITTEE_MODE_LABEL, mode.label());
			}
			case Tasks.BRANCH_FEEDBACK -> feedbackGiven(task, caseNo, user, now);
			default -> {
			}
		}
	}

	/**
	 * A deadline task completes with its {@code outcome}: done (its result), a request
	 * for more time, or (the department) the slip returned.
	 */
	private void deadlineTaskCompleted(DelegateTask task, Stage stage, String caseNo, String user, Instant now) {
		Outcome outcome = this.sideRoads.outcome(stage, ProcessVariables.text(task, Vars.OUTCOME));
		task.setVariable(Vars.OUTCOME, outcome.name());
		switch (outcome) {
			case EXTEND -> extensionRequested(task, stage, caseNo, user, now);
			case RETURN -> slipReturned(task, caseNo, user, now);
			case DONE -> {
				done(task, stage, caseNo, user, now);
				this.sideRoads.stageDone(caseNo, stage, this.deadlines.original(task, stage),
						this.deadlines.of(task, stage), user, now, task.getId());
				for (String name : new String[] { Vars.EXTENSION_DUE_ON, Vars.EXTENSION_REASON, Vars.RETURN_REASON }) {
					task.removeVariable(name);
				}
			}
		}
	}

	private void done(DelegateTask task, Stage stage, String caseNo, String user, Instant now) {
		switch (stage) {
			case DEPARTMENT -> {
				task.setVariable(Vars.HANDLING_RESULT, this.register.departmentReplied(caseNo,
						ProcessVariables.text(task, Vars.HANDLING_RESULT), user, now));
				task.setVariable(Vars.REPLIED_STAGE, stage.code());
			}
			case REPORT_UP -> {
				task.setVariable(Vars.REPORT_TEXT,
						this.register.reportedUp(caseNo, ProcessVariables.text(task, Vars.REPORT_TEXT), user, now));
				task.setVariable(Vars.REPORT_RECEIVED_ON, EngineClock.today().toString());
			}
			default -> {
				task.setVariable(Vars.COMMITTEE_ANSWER,
						this.register.committeeAnswered(caseNo, ProcessVariables.text(task, Vars.COMMITTEE_ANSWER),
								ProcessVariables.text(task, Vars.JOINT_DEPARTMENTS), user, now));
				task.setVariable(Vars.REPLIED_STAGE, stage.code());
			}
		}
	}

	/** 延期申请: the request goes to the level above ({@code opinion-extension}). */
	private void extensionRequested(DelegateTask task, Stage stage, String caseNo, String user, Instant now) {
		String counter = extensionCounter(stage);
		int earlier = ProcessVariables.count(task, counter);
		Deadline current = this.deadlines.of(task, stage);
		LocalDate asked = this.sideRoads.extensionRequested(caseNo, stage, current,
				ProcessVariables.text(task, Vars.EXTENSION_DUE_ON), ProcessVariables.text(task, Vars.EXTENSION_REASON),
				earlier, user, now, task.getId());
		task.setVariable(counter, earlier + 1);
		task.setVariable(Vars.EXTENSION_DUE_ON, asked.toString());
		task.setVariable(Vars.EXTENSION_REASON, ProcessVariables.text(task, Vars.EXTENSION_REASON).strip());
		task.setVariable(Vars.EXTENSION_FROM, current.dueOn().toString());
		task.setVariable(Vars.EXTENSION_STAGE, stage.code());
		task.setVariable(Vars.EXTENSION_STAGE_LABEL, stage.label());
		task.setVariable(Vars.EXTENSION_ASKED_BY, user);
		task.setVariable(Vars.EXTENSION_ASKED_BY_ID, this.actors.userId(task));
		task.setVariable(Vars.EXTENSION_REQUESTED_ON, EngineClock.today().toString());
		for (String name : new String[] { Vars.EXTENSION_APPROVED, Vars.EXTENSION_DECISION, Vars.EXTENSION_COMMENT }) {
			task.removeVariable(name);
		}
	}

	/**
	 * 退单: the slip goes back to the branch, which sees who returned it, when and why.
	 */
	private void slipReturned(DelegateTask task, String caseNo, String user, Instant now) {
		String department = ProcessVariables.text(task, Vars.DEPARTMENT);
		boolean insisted = department != null
				&& department.equals(ProcessVariables.text(task, Vars.INSISTED_DEPARTMENT));
		this.sideRoads.slipReturned(caseNo, ProcessVariables.text(task, Vars.RETURN_REASON), insisted, user, now,
				task.getId());
		task.setVariable(Vars.RETURN_REASON, ProcessVariables.text(task, Vars.RETURN_REASON).strip());
		task.setVariable(Vars.RETURNED_DEPARTMENT, department);
		task.setVariable(Vars.RETURNED_DEPARTMENT_NAME, ProcessVariables.text(task, Vars.DEPARTMENT_NAME));
		task.setVariable(Vars.RETURNED_ON, EngineClock.today().toString());
		task.setVariable(Vars.RETURNED_BY, user);
	}

	/** The variable counting a stage's requests for more time in this round. */
	static String extensionCounter(Stage stage) {
		return stage.code() + "Extensions";
	}

	private void assessed(DelegateTask task, String caseNo, String user, Instant now) {
		LocalDate start = ProcessVariables.date(task, Vars.HANDLING_START_ON);
		Assessment assessment = this.register.assess(caseNo,
				new AssessmentInput(ProcessVariables.text(task, Vars.ROUTE), ProcessVariables.text(task, Vars.SCOPE),
						ProcessVariables.text(task, Vars.ASSESSMENT), ProcessVariables.text(task, Vars.DEPARTMENT),
						ProcessVariables.text(task, Vars.SLIP_MATTER), ProcessVariables.text(task, Vars.SLIP_DUE_ON),
						ProcessVariables.text(task, Vars.SLIP_CONTACT), ProcessVariables.text(task, Vars.SLIP_PHONE),
						ProcessVariables.text(task, Vars.REPORT_TEXT)),
				start, user, now);
		task.setVariable(Vars.ROUTE, assessment.route().name());
		task.setVariable(Vars.ROUTE_LABEL, assessment.route().label());
		task.setVariable(Vars.SCOPE, assessment.scope().name());
		task.setVariable(Vars.SCOPE_LABEL, assessment.scope().label());
		task.setVariable(Vars.ASSESSMENT, assessment.assessment());
		if (assessment.route() == Route.ENTERPRISE) {
			Assessment.AssignmentSlip slip = assessment.slip();
			task.setVariable(Vars.DEPARTMENT, slip.departmentCode());
			task.setVariable(Vars.DEPARTMENT_NAME, slip.departmentName());
			task.setVariable(Vars.SLIP_MATTER, slip.matter());
			task.setVariable(Vars.SLIP_DUE_ON, (slip.dueOn() != null) ? slip.dueOn().toString() : null);
			// as the printed slip says it: the contact given, else whoever issued it,
			// with
			// their phone (the register keeps it)
			RegisterEntry issued = this.register.require(caseNo);
			task.setVariable(Vars.SLIP_CONTACT, issued.getSlipContact());
			task.setVariable(Vars.SLIP_PHONE, issued.getSlipPhone());
			task.setVariable(Vars.DEPARTMENT_DUE_ON, slip.deadline().dueOn().toString());
		}
		if (assessment.route() == Route.UPPER) {
			task.setVariable(Vars.REPORT_TEXT, assessment.reportText());
			task.setVariable(Vars.REPORT_UP_DUE_ON, this.rules.reportUp(start).dueOn().toString());
		}
		returnDealtWith(task, assessment, caseNo, user, now);
	}

	/**
	 * After a slip was returned: the branch assigned another department, took another
	 * route, or gave the slip back to the same department with a note (驳回退单), which may
	 * then not return it again.
	 */
	private void returnDealtWith(DelegateTask task, Assessment assessment, String caseNo, String user, Instant now) {
		String returned = ProcessVariables.text(task, Vars.RETURNED_DEPARTMENT);
		boolean insists = returned != null && assessment.route() == Route.ENTERPRISE
				&& returned.equals(assessment.slip().departmentCode());
		if (insists) {
			task.setVariable(Vars.INSIST_NOTE, this.sideRoads.returnRefused(caseNo, assessment.slip().departmentName(),
					ProcessVariables.text(task, Vars.INSIST_NOTE), user, now));
			task.setVariable(Vars.INSISTED_DEPARTMENT, returned);
		}
		else {
			task.removeVariable(Vars.INSIST_NOTE);
			task.removeVariable(Vars.INSISTED_DEPARTMENT);
		}
		for (String name : new String[] { Vars.RETURNED_DEPARTMENT, Vars.RETURNED_DEPARTMENT_NAME, Vars.RETURNED_ON,
				Vars.RETURNED_BY, Vars.RETURN_REASON, Vars.REPLIED_STAGE }) {
			task.removeVariable(name);
		}
	}

	private void feedbackGiven(DelegateTask task, String caseNo, String user, Instant now) {
		if (Boolean.TRUE.equals(sendBack(task))) {
			sentBack(task, caseNo, user, now);
			return;
		}
		task.removeVariable(Vars.SEND_BACK);
		FeedbackOutcome outcome = this.register
			.feedbackGiven(caseNo, new FeedbackInput(ProcessVariables.text(task, Vars.FEEDBACK_METHOD),
					ProcessVariables.text(task, Vars.FEEDBACK_ON), ProcessVariables.text(task, Vars.FEEDBACK_CONTENT),
					ProcessVariables.text(task, Vars.FEEDBACK_SIGNED_BY), satisfied(task),
					ProcessVariables.text(task, Vars.DISSATISFIED_ACTION),
					ProcessVariables.text(task, Vars.CLOSE_REASON), ProcessVariables.text(task, Vars.FURTHER_OPINION),
					ProcessVariables.text(task, Vars.REMARKS)), user, now);
		task.setVariable(Vars.FEEDBACK_OUTCOME, outcome.name());
		if (outcome != FeedbackOutcome.CLOSE) {
			task.setVariable(Vars.REHANDLE_COUNT, this.register.require(caseNo).getRehandleCount());
			task.setVariable(Vars.HANDLING_START_ON, EngineClock.today().toString());
			// the next round starts afresh: a new slip, a new report
			for (String name : new String[] { Vars.SLIP_DUE_ON, Vars.SLIP_MATTER, Vars.HANDLING_RESULT,
					Vars.COMMITTEE_ANSWER, Vars.SATISFIED, Vars.SATISFACTION, Vars.DISSATISFIED_ACTION,
					Vars.CLOSE_REASON, Vars.FURTHER_OPINION, Vars.DUE_ON_MOVED_TO, Vars.DUE_ON_MOVED_STAGE,
					Vars.SEND_BACK_COUNT, Vars.SEND_BACK_REASON, Vars.REWORK_STAGE, Vars.REWORK_FROM,
					Vars.REPLIED_STAGE, Vars.INSIST_NOTE, Vars.INSISTED_DEPARTMENT, extensionCounter(Stage.DEPARTMENT),
					extensionCounter(Stage.REPORT_UP), extensionCounter(Stage.COMMITTEE) }) {
				task.removeVariable(name);
			}
		}
		if (outcome == FeedbackOutcome.ESCALATE) {
			task.setVariable(Vars.ROUTE, Route.UPPER.name());
			task.setVariable(Vars.ROUTE_LABEL, Route.UPPER.label());
		}
	}

	/**
	 * 补办: the reply goes back to the department or the committee that gave it, with a
	 * deadline of its own.
	 */
	private void sentBack(DelegateTask task, String caseNo, String user, Instant now) {
		Stage replied = Stage.ofCode(ProcessVariables.text(task, Vars.REPLIED_STAGE));
		int earlier = ProcessVariables.count(task, Vars.SEND_BACK_COUNT);
		Deadline rework = this.rules.within(EngineClock.today(), this.sideRoads.sendBackSettings().workingDays());
		String reason = this.sideRoads.sentBack(caseNo, replied, ProcessVariables.text(task, Vars.SEND_BACK_REASON),
				earlier, rework, user, now);
		task.setVariable(Vars.FEEDBACK_OUTCOME, SEND_BACK);
		task.setVariable(Vars.SEND_BACK_REASON, reason);
		task.setVariable(Vars.SEND_BACK_COUNT, earlier + 1);
		task.setVariable(Vars.REWORK_STAGE, replied.code());
		task.setVariable(Vars.REWORK_FROM, EngineClock.today().toString());
		for (String name : new String[] { Vars.SEND_BACK, Vars.DUE_ON_MOVED_TO, Vars.DUE_ON_MOVED_STAGE }) {
			task.removeVariable(name);
		}
	}

	/** {@code sendBack}: a boolean (the form's checkbox, or REST). */
	private static Boolean sendBack(DelegateTask task) {
		Object value = task.getVariable(Vars.SEND_BACK);
		if (value != null && !(value instanceof Boolean)) {
			Errors errors = new Errors();
			errors.add(Vars.SEND_BACK, "type", "是否退回补办应为布尔值 true 或 false" + Errors.received(value));
			errors.throwIfAny();
		}
		return (Boolean) value;
	}

	/**
	 * {@code satisfied} (boolean, REST) or {@code satisfaction} YES / NO (the feedback
	 * form); nothing else counts as an answer.
	 */
	private static Boolean satisfied(DelegateTask task) {
		Object value = task.getVariable(Vars.SATISFIED);
		Object answer = task.getVariable(Vars.SATISFACTION);
		Errors errors = new Errors();
		if (value != null && !(value instanceof Boolean)) {
			errors.add(Vars.SATISFIED, "type", "员工是否满意应为布尔值 true 或 false" + Errors.received(value));
		}
		Boolean answered = null;
		if ("YES".equals(answer) || "NO".equals(answer)) {
			answered = "YES".equals(answer);
		}
		else if (answer != null && !answer.toString().isEmpty()) {
			errors.add(Vars.SATISFACTION, "oneOf", "是否满意应为 YES 或 NO" + Errors.received(answer));
		}
		if (value instanceof Boolean given && answered != null && !given.equals(answered)) {
			errors.add(Vars.SATISFIED, "consistent", "satisfied 与 satisfaction 的回答不一致");
		}
		errors.throwIfAny();
		return (value instanceof Boolean given) ? given : answered;
	}

	/** What the forms show of a stage's due day, and on what it rests. */
	private static String dueLabel(Stage stage, Deadline deadline, DelegateTask task) {
		if (deadline != null && stage.code().equals(ProcessVariables.text(task, Vars.DUE_ON_MOVED_STAGE))
				&& ProcessVariables.text(task, Vars.DUE_ON_MOVED_TO) != null) {
			return deadline.dueOn() + "（期限已由上级调整或批准延期）";
		}
		if (deadline != null && stage.code().equals(ProcessVariables.text(task, Vars.REWORK_STAGE))
				&& ProcessVariables.text(task, Vars.REWORK_FROM) != null) {
			return deadline.dueOn() + "（补办期限，退回之日起" + deadline.workingDays() + "个工作日）";
		}
		return dueLabel(stage, deadline);
	}

	/** What the forms show of a stage's due day, and on what it rests. */
	static String dueLabel(Stage stage, Deadline deadline) {
		if (deadline == null) {
			return "无时限";
		}
		String basis = switch (stage) {
			case DEPARTMENT -> "交办单期限，不超过" + HandlingDeadlines.ENTERPRISE_DAYS + "个工作日";
			case REPORT_UP -> HandlingDeadlines.REPORT_UP_DAYS + "个工作日内梳理上报";
			default -> "收到上报之日起" + deadline.workingDays() + "个工作日内答复";
		};
		return deadline.dueOn() + "（" + basis + (deadline.estimated() ? "；该年度节假日安排未载入，仅按周末计算" : "") + "）";
	}

	/** The process variable that shows a stage's due day in the forms. */
	static String dueVariable(Stage stage) {
		return switch (stage) {
			case DEPARTMENT -> Vars.DEPARTMENT_DUE_ON;
			case REPORT_UP -> Vars.REPORT_UP_DUE_ON;
			default -> Vars.COMMITTEE_DUE_ON;
		};
	}

	static String caseNo(DelegateTask task) {
		return ProcessVariables.caseNo(task);
	}

}
