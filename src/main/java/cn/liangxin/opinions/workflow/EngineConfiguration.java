package cn.liangxin.opinions.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Engine settings of this application, as a process engine plugin. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	@Bean
	ProcessEnginePlugin opinionEnginePlugin() {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				configuration.setTenantIdProvider(new OrganizationTenantIdProvider());
			}
		};
	}

}
