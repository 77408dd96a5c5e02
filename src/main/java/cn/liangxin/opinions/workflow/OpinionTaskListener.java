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
import cn.liangxin.opinions.opinion.Route;
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
 * variables and records them; claiming {@code departmentHandle} is the department's
 * signature of receipt (签收).
 */
@Component("opinionTaskListener")
class OpinionTaskListener implements TaskListener {

	private final OpinionRegister register;

	private final StageDeadlines deadlines;

	private final HandlingDeadlines rules;

	private final Actors actors;

	OpinionTaskListener(OpinionRegister register, StageDeadlines deadlines, HandlingDeadlines rules, Actors actors) {
		this.register = register;
		this.deadlines = deadlines;
		this.rules = rules;
		this.actors = actors;
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
		task.setVariableLocal(Vars.CURRENT_DUE_LABEL, dueLabel(stage, deadline));
		if (deadline != null) {
			task.setVariable(dueVariable(stage), deadline.dueOn().toString());
		}
		this.register.stageStarted(caseNo(task), stage, deadline, EngineClock.now());
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
			case Tasks.DEPARTMENT_HANDLE -> task.setVariable(Vars.HANDLING_RESULT, this.register
				.departmentReplied(caseNo, ProcessVariables.text(task, Vars.HANDLING_RESULT), user, now));
			case Tasks.BRANCH_REPORT_UP -> {
				task.setVariable(Vars.REPORT_TEXT,
						this.register.reportedUp(caseNo, ProcessVariables.text(task, Vars.REPORT_TEXT), user, now));
				task.setVariable(Vars.REPORT_RECEIVED_ON, EngineClock.today().toString());
			}
			case Tasks.COMMITTEE_ACCEPT -> {
				CommitteeMode mode = this.register.committeeAccepted(caseNo,
						ProcessVariables.text(task, Vars.COMMITTEE_MODE), ProcessVariables.text(task, Vars.ACCEPT_NOTE),
						user, now);
				task.setVariable(Vars.COMMITTEE_MODE, mode.name());
				task.setVariable(Vars.COMMITTEE_MODE_LABEL, mode.label());
			}
			case Tasks.COMMITTEE_HANDLE -> task.setVariable(Vars.COMMITTEE_ANSWER,
					this.register.committeeAnswered(caseNo, ProcessVariables.text(task, Vars.COMMITTEE_ANSWER),
							ProcessVariables.text(task, Vars.JOINT_DEPARTMENTS), user, now));
			case Tasks.BRANCH_FEEDBACK -> feedbackGiven(task, caseNo, user, now);
			default -> {
			}
		}
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
			task.setVariable(Vars.SLIP_CONTACT, (slip.contact() != null) ? slip.contact() : user);
			task.setVariable(Vars.SLIP_PHONE, slip.phone());
			task.setVariable(Vars.DEPARTMENT_DUE_ON, slip.deadline().dueOn().toString());
		}
		if (assessment.route() == Route.UPPER) {
			task.setVariable(Vars.REPORT_TEXT, assessment.reportText());
			task.setVariable(Vars.REPORT_UP_DUE_ON, this.rules.reportUp(start).dueOn().toString());
		}
	}

	private void feedbackGiven(DelegateTask task, String caseNo, String user, Instant now) {
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
					Vars.CLOSE_REASON, Vars.FURTHER_OPINION, Vars.DUE_ON_MOVED_TO, Vars.DUE_ON_MOVED_STAGE }) {
				task.removeVariable(name);
			}
		}
		if (outcome == FeedbackOutcome.ESCALATE) {
			task.setVariable(Vars.ROUTE, Route.UPPER.name());
			task.setVariable(Vars.ROUTE_LABEL, Route.UPPER.label());
		}
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
