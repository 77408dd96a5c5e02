package cn.liangxin.opinions.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The start-up lock, taken before anything touches the database: the migrations (Flyway),
 * the JPA repositories and the process engine wait for it.
 */
@Configuration(proxyBeanMethods = false)
class NodeConfiguration {

	static final String STARTUP_LOCK = "startupLock";

	@Bean(STARTUP_LOCK)
	StartupLock startupLock(DataSource dataSource) throws java.sql.SQLException {
		return new StartupLock(dataSource);
	}

	@Bean
	static BeanFactoryPostProcessor waitForTheStartupLock() {
		return (factory) -> {
			for (String name : factory.getBeanDefinitionNames()) {
				if (name.equals("flywayInitializer") || name.equals("entityManagerFactory")
						|| name.equals("processEngineFactoryBean") || name.equals("processEngine")) {
					BeanDefinition definition = factory.getBeanDefinition(name);
					List<String> dependsOn = new ArrayList<>(
							(definition.getDependsOn() != null) ? Arrays.asList(definition.getDependsOn()) : List.of());
					dependsOn.add(STARTUP_LOCK);
					definition.setDependsOn(dependsOn.toArray(String[]::new));
				}
			}
		};
	}

}
