package cn.liangxin.bare;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.session.SessionAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The bare engine the product benchmark
 * ({@code cn.liangxin.opinions.node.ProductBenchmark}) measures the application against:
 * a Camunda 7 Spring Boot application as its documentation sets one up — the webapps, the
 * REST API behind Camunda's own HTTP Basic filter, authorization on, full history — with
 * one process of the same two human steps (assess, feedback) for the group
 * {@code branch}, and none of our code. It runs in a JVM of its own, without the
 * application's classes and configuration on its class path (the libraries it shares with
 * the application and that Spring Boot would configure by themselves are switched off
 * below).
 */
@SpringBootApplication(exclude = { FlywayAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
		JpaRepositoriesAutoConfiguration.class, SessionAutoConfiguration.class, ThymeleafAutoConfiguration.class })
public class BareEngineApplication {

	/** The user the benchmark's clients log in as (password {@code bench-password}). */
	public static final String USER = "bare1";

	public static final String PASSWORD = "bench-password";

	public static void main(String[] args) {
		SpringApplication.run(BareEngineApplication.class, args);
	}

	/** Camunda's documented HTTP Basic authentication of the REST API. */
	@Bean
	FilterRegistrationBean<Filter> engineRestAuthentication() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.addUrlPatterns("/engine-rest/*");
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		return registration;
	}

	/** The process, and a branch user allowed to start it and to work its tasks. */
	@Bean
	ApplicationRunner bareSetUp(ProcessEngine engine) {
		return (args) -> {
			engine.getRepositoryService()
				.createDeployment()
				.name("bare-opinion")
				.enableDuplicateFiltering(true)
				.addClasspathResource("bare/bare-opinion.bpmn")
				.deploy();
			IdentityService identity = engine.getIdentityService();
			if (identity.createUserQuery().userId(USER).count() == 0) {
				User user = identity.newUser(USER);
				user.setPassword(PASSWORD);
				user.setFirstName("Bare");
				user.setLastName("Branch");
				identity.saveUser(user);
				Group group = identity.newGroup("branch");
				group.setName("branch");
				identity.saveGroup(group);
				identity.createMembership(USER, "branch");
				AuthorizationService authorizations = engine.getAuthorizationService();
				grant(authorizations, Resources.PROCESS_DEFINITION, "bare-opinion", Permissions.READ,
						Permissions.CREATE_INSTANCE, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
				grant(authorizations, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
			}
		};
	}

	private static void grant(AuthorizationService authorizations, Resource resource, String id,
			Permission... permissions) {
		Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setGroupId("branch");
		grant.setResource(resource);
		grant.setResourceId(id);
		for (Permission permission : permissions) {
			grant.addPermission(permission);
		}
		authorizations.saveAuthorization(grant);
	}

}
