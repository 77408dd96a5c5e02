package cn.liangxin.opinions.access;

import org.camunda.bpm.engine.IdentityService;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the authentication filter in front of the application's API and Camunda's REST
 * API.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

	@Bean
	FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identity) {
		FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ApiAuthenticationFilter(identity));
		registration.addUrlPatterns("/api/*", "/engine-rest/*", "/actuator/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.setName("apiAuthenticationFilter");
		return registration;
	}

}
