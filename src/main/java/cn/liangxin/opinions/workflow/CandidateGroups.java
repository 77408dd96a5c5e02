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
		return switch (stage) {
			case DEPARTMENT -> OrgGroups.secretary(orgCode(execution));
			case REPORT_UP -> committee(execution);
			default -> OrgGroups.DISTRICT;
		};
	}

	private static String orgCode(VariableScope scope) {
		return (String) scope.getVariable(Vars.ORG_CODE);
	}

}
