package cn.liangxin.opinions.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the authentication filter in front of the application's API and Camunda's REST
 * API, and the organization's rules into the engine's identity store
 * ({@link ScopedIdentityProvider}).
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

	@Bean
	ProcessEnginePlugin scopedIdentityProvider(LoginProperties login) {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				configuration.setLoginMaxAttempts(login.maxAttempts());
				configuration.setIdentityProviderSessionFactory(new SessionFactory() {
					@Override
					public Class<?> getSessionType() {
						return ScopedIdentityProvider.class;
					}

					@Override
					public Session openSession() {
						return new ScopedIdentityProvider(login.lockout());
					}
				});
			}
		};
	}

	@Bean
	FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identity,
			IdentityCache cache, ObjectMapper json) {
		FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ApiAuthenticationFilter(identity, cache, json));
		registration.addUrlPatterns("/api/*", "/engine-rest/*", "/actuator/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.setName("apiAuthenticationFilter");
		return registration;
	}

}
