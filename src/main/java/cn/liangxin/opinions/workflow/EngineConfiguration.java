package cn.liangxin.opinions.workflow;

import java.util.ArrayList;
import java.util.List;

import cn.liangxin.opinions.insight.FlowJournal;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Engine settings of this application, as a process engine plugin. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	@Bean
	ProcessEnginePlugin opinionEnginePlugin(FlowJournal flows) {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				configuration.setTenantIdProvider(new OrganizationTenantIdProvider());
				List<CommandInterceptor> interceptors = new ArrayList<>();
				if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
					interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
				}
				interceptors.add(new RefusalInterceptor());
				configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
				List<BpmnParseListener> parseListeners = new ArrayList<>();
				if (configuration.getCustomPostBPMNParseListeners() != null) {
					parseListeners.addAll(configuration.getCustomPostBPMNParseListeners());
				}
				parseListeners.add(new FlowRecording(flows));
				configuration.setCustomPostBPMNParseListeners(parseListeners);
			}
		};
	}

}
