package cn.liangxin.opinions.node;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when the connection pool is too small for the job threads. A job that
 * sends mail holds its transaction's connection and takes a second one for a moment (the
 * mail journal commits apart, {@code mail.MailJournal}); with as many job threads as
 * connections, every thread can hold one and wait for another until the pool's timeout —
 * the benchmark found reminders stalling 30 s at a time so. The pool needs at least twice
 * the job threads plus two for requests.
 */
@Component
class ConnectionBudget {

	private static final Logger log = LoggerFactory.getLogger(ConnectionBudget.class);

	private final DataSource dataSource;

	private final CamundaBpmProperties camunda;

	ConnectionBudget(DataSource dataSource, CamundaBpmProperties camunda) {
		this.dataSource = dataSource;
		this.camunda = camunda;
	}

	/** The fewest connections for this many job threads. */
	static int needed(int jobThreads) {
		return 2 * jobThreads + 2;
	}

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		if (!this.camunda.getJobExecution().isEnabled() || !(this.dataSource instanceof HikariDataSource pool)) {
			return;
		}
		int threads = this.camunda.getJobExecution().getMaxPoolSize();
		if (pool.getMaximumPoolSize() < needed(threads)) {
			log.warn("The connection pool holds {} connections for {} job threads: a job may wait for a second "
					+ "connection that no one gives back. Set spring.datasource.hikari.maximum-pool-size to at least "
					+ "{} or lower camunda.bpm.job-execution.max-pool-size (docs/configuration.md)",
					pool.getMaximumPoolSize(), threads, needed(threads));
		}
	}

}
