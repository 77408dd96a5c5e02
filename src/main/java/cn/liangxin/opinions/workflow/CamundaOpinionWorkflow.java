package cn.liangxin.opinions.workflow;

import java.time.Instant;

import cn.liangxin.opinions.opinion.OpinionWorkflow;
import cn.liangxin.opinions.opinion.ValidOpinion;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.IdentityService;
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

	private final IdentityService identity;

	CamundaOpinionWorkflow(RuntimeService runtime, IdentityService identity) {
		this.runtime = runtime;
		this.identity = identity;
	}

	@Override
	public StartedCase start(ValidOpinion opinion, String startedBy) {
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
		boolean authenticate = startedBy != null && this.identity.getCurrentAuthentication() == null;
		if (authenticate) {
			this.identity.setAuthenticatedUserId(startedBy);
		}
		try {
			ProcessInstanceWithVariables instance = this.runtime.createProcessInstanceByKey(OpinionProcess.PROCESS_ID)
				.setVariables(variables)
				.executeWithVariablesInReturn();
			return new StartedCase((String) instance.getVariables().get(Vars.CASE_NO), instance.getId());
		}
		finally {
			if (authenticate) {
				this.identity.clearAuthentication();
			}
		}
	}

	@Override
	public Instant now() {
		return EngineClock.now();
	}

}
