package cn.liangxin.opinions.workflow;

import java.time.LocalTime;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the daily digest's timer at {@code opinion.reminders.digest-time}: the timer
 * start event computes its cycle when the process is deployed, so after the time was
 * changed in the configuration the engine recalculates the timer at start-up.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DigestTimer implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DigestTimer.class);

	private final ManagementService management;

	private final ReminderSettings settings;

	DigestTimer(ManagementService management, ReminderSettings settings) {
		this.management = management;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		Job timer = this.management.createJobQuery()
			.processDefinitionKey(OpinionProcess.DIGEST_PROCESS_ID)
			.timers()
			.singleResult();
		if (timer == null) {
			log.warn("The daily digest has no timer: is process {} deployed?", OpinionProcess.DIGEST_PROCESS_ID);
			return;
		}
		LocalTime due = timer.getDuedate().toInstant().atZone(WorkingDayCalendar.ZONE).toLocalTime();
		if (!due.equals(this.settings.digestTime())) {
			this.management.recalculateJobDuedate(timer.getId(), false);
			log.info("Daily digest moved from {} to {} (opinion.reminders.digest-time)", due,
					this.settings.digestTime());
		}
	}

}
