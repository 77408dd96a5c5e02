package cn.liangxin.opinions.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at a fresh database of the embedded PostgreSQL. */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var server = EmbeddedPostgres.server();
		String database = EmbeddedPostgres.createDatabase("webapp_it");
		TestPropertyValues
			.of("spring.datasource.url=" + server.getJdbcUrl("postgres", database),
					"spring.datasource.username=postgres", "spring.datasource.password=postgres")
			.applyTo(context);
	}

}
