package cn.liangxin.opinions.deadline;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every node's calendar in step: every {@code opinion.calendar.refresh-interval}
 * (default one minute) it reloads the calendar if a node saved a year in the database
 * since ({@link CalendarService#refreshIfChanged()}). The node that saved it reloads at
 * once.
 */
@Component
class CalendarRefresh implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CalendarRefresh.class);

	private final CalendarService calendars;

	private final Duration interval;

	private ScheduledExecutorService executor;

	CalendarRefresh(CalendarService calendars, @Value("${opinion.calendar.refresh-interval:PT1M}") Duration interval) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException(
					"opinion.calendar.refresh-interval must be a positive duration, e.g. PT1M (was " + interval + ")");
		}
		this.calendars = calendars;
		this.interval = interval;
	}

	@EventListener(ApplicationReadyEvent.class)
	synchronized void ready() {
		if (this.executor == null) {
			this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "calendar-refresh");
				thread.setDaemon(true);
				return thread;
			});
			this.executor.scheduleWithFixedDelay(this::refresh, this.interval.toMillis(), this.interval.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	private void refresh() {
		try {
			this.calendars.refreshIfChanged();
		}
		catch (RuntimeException ex) {
			log.warn("Could not check the saved holiday arrangements; the calendar stays as it is: {}", ex.toString());
		}
	}

	@Override
	public void start() {
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
