package cn.liangxin.opinions.web;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters in front of everything the application serves, outermost first: the
 * start-up gate, the security headers, and the error answers of Camunda's REST APIs
 * (after the authentication of {@code access}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	FilterRegistrationBean<StartupGate> startupGate(ApplicationAvailability availability, ObjectMapper json) {
		FilterRegistrationBean<StartupGate> registration = new FilterRegistrationBean<>(
				new StartupGate(availability, json));
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<SecurityHeaders> securityHeaders() {
		FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<EngineRestErrors> engineRestErrors(ObjectMapper json) {
		FilterRegistrationBean<EngineRestErrors> registration = new FilterRegistrationBean<>(
				new EngineRestErrors(json));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

}
