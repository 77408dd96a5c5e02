package cn.liangxin.opinions.workflow;

import cn.liangxin.opinions.opinion.Stage;
import cn.liangxin.opinions.org.OrgGroups;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

import org.springframework.stereotype.Component;

/**
 * Candidate groups of the user tasks, from the case's organization and department, e.g.
 * {@code camunda:candidateGroups="${candidateGroups.branch(execution)}"}.
 */
@Component("candidateGroups")
public class CandidateGroups {

	public String branch(DelegateExecution execution) {
		return OrgGroups.branch(orgCode(execution));
	}

	public String department(DelegateExecution execution) {
		return OrgGroups.department(orgCode(execution), (String) execution.getVariable(Vars.DEPARTMENT));
	}

	public String committee(DelegateExecution execution) {
		return OrgGroups.committee((String) execution.getVariable(Vars.COMMITTEE_CODE));
	}

	/**
	 * The level above the overdue task: department → branch secretary; branch →
	 * committee; committee → district.
	 */
	public String supervisor(DelegateExecution execution) {
		Stage stage = Stage.ofCode((String) execution.getVariable(Vars.SUPERVISED_ACTIVITY));
		if (stage == null) {
			throw new IllegalStateException("Supervision without a supervised activity");
		}
		return supervisor(execution, stage);
	}

	/**
	 * Who decides on a request for more time (延期审批): the level above the stage asked
	 * about, as for supervision.
	 */
	public String extensionApprover(DelegateExecution execution) {
		Stage stage = Stage.ofCode((String) execution.getVariable(Vars.EXTENSION_STAGE));
		if (stage == null) {
			throw new IllegalStateException("A request for more time without its stage");
		}
		return supervisor(execution, stage);
	}

	String supervisor(VariableScope scope, Stage stage) {
		return switch (stage) {
			case DEPARTMENT -> OrgGroups.secretary(orgCode(scope));
			case REPORT_UP -> committeeOf(scope);
			default -> OrgGroups.DISTRICT;
		};
	}

	/**
	 * One level above the supervisor, for the second escalation: department → committee;
	 * branch → district; committee → district, the top of the tree.
	 */
	String secondEscalation(VariableScope scope, Stage stage) {
		return (stage == Stage.DEPARTMENT) ? committeeOf(scope) : OrgGroups.DISTRICT;
	}

	private static String committeeOf(VariableScope scope) {
		return OrgGroups.committee((String) scope.getVariable(Vars.COMMITTEE_CODE));
	}

	private static String orgCode(VariableScope scope) {
		return (String) scope.getVariable(Vars.ORG_CODE);
	}

}
