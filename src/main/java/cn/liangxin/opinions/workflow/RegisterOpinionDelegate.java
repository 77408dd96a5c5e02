package cn.liangxin.opinions.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liangxin.opinions.opinion.HandlingDeadlines;
import cn.liangxin.opinions.opinion.IntakeValidator;
import cn.liangxin.opinions.opinion.OpinionIntake;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.opinion.ValidOpinion;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Organization;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;

import org.springframework.stereotype.Component;

/**
 * 登记入簿: checks the intake (from the API or the Tasklist intake form), enters the opinion
 * in the register under the next case number, sets the business key and the variables the
 * forms show.
 */
@Component("registerOpinion")
class RegisterOpinionDelegate implements JavaDelegate {

	private final IntakeValidator validator;

	private final OpinionRegister register;

	private final OrgDirectory orgs;

	private final HandlingDeadlines deadlines;

	private final Actors actors;

	private final ObjectMapper json;

	RegisterOpinionDelegate(IntakeValidator validator, OpinionRegister register, OrgDirectory orgs,
			HandlingDeadlines deadlines, Actors actors, ObjectMapper json) {
		this.validator = validator;
		this.register = register;
		this.orgs = orgs;
		this.deadlines = deadlines;
		this.actors = actors;
		this.json = json;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Instant now = EngineClock.now();
		ValidOpinion opinion = this.validator.validate(intake(execution).withOrgCode(orgCode(execution)),
				EngineClock.today());
		RegisterEntry entry = this.register.register(opinion, this.actors.display(this.actors.currentUserId()),
				execution.getProcessInstanceId(), now);
		Organization org = this.orgs.requireOrganization(opinion.orgCode());
		execution.setProcessBusinessKey(entry.getCaseNo());
		execution.setVariable(Vars.ORG_CODE, org.getCode());
		execution.setVariable(Vars.ORG_NAME, org.getName());
		execution.setVariable(Vars.COMMITTEE_CODE, org.getCommitteeCode());
		execution.setVariable(Vars.CASE_NO, entry.getCaseNo());
		execution.setVariable(Vars.CASE_NO_DISPLAY, entry.caseNumber().display());
		execution.setVariable(Vars.SUMMARY_SHORT, TaskListColumns.shortened(opinion.summary()));
		execution.setVariable(Vars.CASE_LABEL,
				TaskListColumns.caseLabel(entry.caseNumber().display(), opinion.reporterName()));
		execution.setVariable(Vars.REPORTED_ON, opinion.reportedOn().toString());
		execution.setVariable(Vars.CHANNEL_LABEL, opinion.channel().label());
		execution.setVariable(Vars.KIND_LABEL, opinion.kind().label());
		execution.setVariable(Vars.RESOLVED_ON_SPOT, opinion.resolvedOnSpot());
		execution.setVariable(Vars.HANDLING_START_ON, opinion.reportedOn().toString());
		execution.setVariable(Vars.ENTERPRISE_DUE_ON,
				this.deadlines.enterprise(opinion.reportedOn()).dueOn().toString());
		execution.setVariable(Vars.REPORT_UP_DUE_ON, this.deadlines.reportUp(opinion.reportedOn()).dueOn().toString());
		execution.setVariable(Vars.REHANDLE_COUNT, 0);
		execution.setVariable(Vars.DEPARTMENT_OPTIONS, departmentOptions(org.getCode()));
	}

	/**
	 * The organization: given in the intake, else the tenant (the starting user's
	 * organization).
	 */
	private static String orgCode(DelegateExecution execution) {
		Object given = execution.getVariable(Vars.ORG_CODE);
		if (given != null && !given.toString().isBlank()) {
			return given.toString();
		}
		return execution.getTenantId();
	}

	private static OpinionIntake intake(DelegateExecution execution) {
		return new OpinionIntake(ProcessVariables.text(execution, Vars.ORG_CODE),
				ProcessVariables.text(execution, Vars.REPORTER_NAME),
				ProcessVariables.text(execution, Vars.REPORTER_UNIT),
				ProcessVariables.text(execution, Vars.REPORTER_ADDRESS),
				ProcessVariables.text(execution, Vars.REPORTER_PHONE),
				ProcessVariables.text(execution, Vars.REPORTED_ON), ProcessVariables.text(execution, Vars.CHANNEL),
				ProcessVariables.text(execution, Vars.KIND), ProcessVariables.text(execution, Vars.SUMMARY),
				ProcessVariables.bool(execution, Vars.RESOLVED_ON_SPOT),
				ProcessVariables.text(execution, Vars.ON_SPOT_RESULT));
	}

	private Object departmentOptions(String orgCode) {
		List<Map<String, String>> options = this.orgs.departments(orgCode)
			.stream()
			.map((d) -> Map.of("label", d.getName(), "value", d.getCode()))
			.toList();
		try {
			return SpinValues.jsonValue(this.json.writeValueAsString(options)).create();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
