package cn.liangxin.opinions.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at a fresh database of the embedded PostgreSQL, one per context
 * (contexts with other configurations live side by side in the context cache).
 */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final AtomicInteger CONTEXTS = new AtomicInteger();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var server = EmbeddedPostgres.server();
		String database = EmbeddedPostgres.createDatabase("webapp_it_" + CONTEXTS.incrementAndGet());
		TestPropertyValues
			.of("spring.datasource.url=" + server.getJdbcUrl("postgres", database),
					"spring.datasource.username=postgres", "spring.datasource.password=postgres")
			.applyTo(context);
	}

}
