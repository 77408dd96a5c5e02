package cn.liangxin.opinions.workflow;

import java.util.ArrayList;
import java.util.List;

import cn.liangxin.opinions.insight.FlowJournal;
import cn.liangxin.opinions.org.OrgDirectory;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Engine settings of this application, as a process engine plugin: the tenant of each
 * case, no authorization rows per case task ({@link CaseTaskAuthorizations}), the version
 * of who is who ({@link IdentityVersion}), the command boundary (retries, refusals,
 * logging) outside each command's transaction, the write guard inside it, the checked
 * management service, the nightly history cleanup, and the flow recording of the
 * managers' view.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	@Bean
	IdentityVersion identityVersion(JdbcTemplate jdbc) {
		return new IdentityVersion(jdbc);
	}

	@Bean
	ProcessEnginePlugin opinionEnginePlugin(FlowJournal flows, TaskContracts contracts,
			ObjectProvider<OrgDirectory> orgs, RetentionSettings retention, IdentityVersion identityVersion) {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				configuration.setTenantIdProvider(new OrganizationTenantIdProvider());
				configuration.setResourceAuthorizationProvider(new CaseTaskAuthorizations());
				configuration.setCustomPreCommandInterceptorsTxRequired(
						with(configuration.getCustomPreCommandInterceptorsTxRequired(),
								new CommandBoundary(configuration.getIdentityService())));
				configuration.setCustomPostCommandInterceptorsTxRequired(
						with(with(configuration.getCustomPostCommandInterceptorsTxRequired(),
								new WriteGuard(contracts, orgs::getObject)), identityVersion.interceptor()));
				configuration.setManagementService(new CheckedManagementService(configuration));
				// history cleanup every night, China time (the engine reads the JVM's
				// zone)
				configuration.setHistoryCleanupBatchWindowStartTime(retention.startInJvmZone());
				configuration.setHistoryCleanupBatchWindowEndTime(retention.endInJvmZone());
				// CommandBoundary logs each failed command once, at the level it deserves
				configuration.setEnableCmdExceptionLogging(false);
				List<BpmnParseListener> parseListeners = new ArrayList<>();
				if (configuration.getCustomPostBPMNParseListeners() != null) {
					parseListeners.addAll(configuration.getCustomPostBPMNParseListeners());
				}
				parseListeners.add(new FlowRecording(flows));
				configuration.setCustomPostBPMNParseListeners(parseListeners);
			}
		};
	}

	private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor added) {
		List<CommandInterceptor> interceptors = new ArrayList<>();
		if (existing != null) {
			interceptors.addAll(existing);
		}
		interceptors.add(added);
		return interceptors;
	}

}
