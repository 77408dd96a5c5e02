package cn.liangxin.opinions.workflow;

import java.time.Instant;

import cn.liangxin.opinions.opinion.OpinionWorkflow;
import cn.liangxin.opinions.opinion.ValidOpinion;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

/**
 * The one adapter that starts cases in the engine: process {@code employee-opinion},
 * tenant = the organization's code (given by {@link OrganizationTenantIdProvider}),
 * business key = the case number (set by the register step).
 */
@Component
class CamundaOpinionWorkflow implements OpinionWorkflow {

	private final RuntimeService runtime;

	CamundaOpinionWorkflow(RuntimeService runtime) {
		this.runtime = runtime;
	}

	@Override
	public StartedCase start(ValidOpinion opinion) {
		VariableMap variables = Variables.createVariables()
			.putValue(Vars.ORG_CODE, opinion.orgCode())
			.putValue(Vars.REPORTER_NAME, opinion.reporterName())
			.putValue(Vars.REPORTER_UNIT, opinion.reporterUnit())
			.putValue(Vars.REPORTER_ADDRESS, opinion.reporterAddress())
			.putValue(Vars.REPORTER_PHONE, opinion.reporterPhone())
			.putValue(Vars.REPORTED_ON, opinion.reportedOn().toString())
			.putValue(Vars.CHANNEL, opinion.channel().name())
			.putValue(Vars.KIND, opinion.kind().name())
			.putValue(Vars.SUMMARY, opinion.summary())
			.putValue(Vars.RESOLVED_ON_SPOT, opinion.resolvedOnSpot())
			.putValue(Vars.ON_SPOT_RESULT, opinion.onSpotResult());
		ProcessInstanceWithVariables instance = this.runtime.createProcessInstanceByKey(OpinionProcess.PROCESS_ID)
			.setVariables(variables)
			.executeWithVariablesInReturn();
		return new StartedCase((String) instance.getVariables().get(Vars.CASE_NO), instance.getId());
	}

	@Override
	public Instant now() {
		return EngineClock.now();
	}

}
