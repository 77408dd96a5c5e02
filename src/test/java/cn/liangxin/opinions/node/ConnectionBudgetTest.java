package cn.liangxin.opinions.node;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up warning for a connection pool that job threads can exhaust between them
 * (Camunda's defaults: 10 threads, Hikari's: 10 connections — the stall the product
 * benchmark found), and none for the application's own settings.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConnectionBudgetTest {

	@Test
	void theLibrariesDefaultsAreTooFewConnectionsForTheJobThreads(CapturedOutput output) {
		check(10, 10);

		assertThat(output).contains("The connection pool holds 10 connections for 10 job threads")
			.contains("at least 22");
	}

	@Test
	void theApplicationsSettingsLeaveRoom(CapturedOutput output) {
		check(20, 4);

		assertThat(output).doesNotContain("The connection pool holds");
	}

	private static void check(int connections, int jobThreads) {
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setMaximumPoolSize(connections);
			CamundaBpmProperties camunda = new CamundaBpmProperties();
			camunda.getJobExecution().setEnabled(true);
			camunda.getJobExecution().setMaxPoolSize(jobThreads);
			new ConnectionBudget(pool, camunda).check();
		}
	}

}
