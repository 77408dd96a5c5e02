package cn.liangxin.opinions.workflow;

import java.util.List;

import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Gives each case the tenant of its organization (one tenant per organization), so that
 * the engine's tenant checks keep organizations apart. The processes are deployed once,
 * without tenant; an instance's tenant is the {@code orgCode} it was started with, else
 * the starting user's only organization; a supervision instance inherits the tenant of
 * the case it supervises.
 */
class OrganizationTenantIdProvider implements TenantIdProvider {

	@Override
	public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
		if (ctx.getSuperExecution() != null) {
			return ctx.getSuperExecution().getTenantId();
		}
		Object orgCode = (ctx.getVariables() != null) ? ctx.getVariables().get(Vars.ORG_CODE) : null;
		if (orgCode != null && !orgCode.toString().isBlank()) {
			return orgCode.toString().strip();
		}
		Authentication authentication = (Context.getCommandContext() != null)
				? Context.getCommandContext().getAuthentication() : null;
		List<String> tenants = (authentication != null) ? authentication.getTenantIds() : null;
		return (tenants != null && tenants.size() == 1) ? tenants.get(0) : null;
	}

	@Override
	public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
		return null;
	}

	@Override
	public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
		return null;
	}

}
