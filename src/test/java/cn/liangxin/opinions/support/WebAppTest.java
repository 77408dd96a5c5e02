package cn.liangxin.opinions.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, with the engine named {@code default} as the
 * webapps and {@code /engine-rest} address it. Every test class with this annotation
 * shares one context (and so one engine of that name): a test needing other beans adds
 * them here ({@link Collisions}, idle unless armed), not to its own context, or the
 * engine the REST API finds by name would be another context's. Metrics are exported as
 * in production ({@code /actuator/prometheus}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresInitializer.class)
@Import(Collisions.class)
@AutoConfigureObservability(tracing = false)
public @interface WebAppTest {

}
