package cn.liangxin.opinions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Employee-opinion handling: Spring Boot with an embedded Camunda 7 engine, its webapps
 * (Tasklist, Cockpit, Admin) and REST API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OpinionHandlingApplication {

	public static void main(String[] args) {
		SpringApplication.run(OpinionHandlingApplication.class, args);
	}

}
