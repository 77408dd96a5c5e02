package cn.liangxin.opinions.workflow;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import cn.liangxin.opinions.mail.MailJournal;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.RegisterEntry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the register in step with the history's retention: Camunda's history cleanup
 * (nightly, {@link RetentionSettings}) removes a case's history five years after it ended
 * (the processes' {@code historyTimeToLive}); once a day this sweep removes the same
 * case's personal data from the register (the entry keeps its number, dates and outcome)
 * and deletes the mails sent about it. The managers' figures keep counting the case (its
 * summary holds no personal data).
 */
@Component
class RetentionSweep implements SmartLifecycle {

	/**
	 * The processes' history time to live (employee-opinion.bpmn,
	 * opinion-supervision.bpmn).
	 */
	static final int RETENTION_DAYS = 1825;

	/** Cases handled a day at the most; more wait for the next day. */
	static final int BATCH = 5000;

	private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

	private final OpinionRegister register;

	private final MailJournal mails;

	private final HistoryService history;

	private final IdentityService identity;

	private ScheduledExecutorService executor;

	RetentionSweep(OpinionRegister register, MailJournal mails, HistoryService history, IdentityService identity) {
		this.register = register;
		this.mails = mails;
		this.history = history;
		this.identity = identity;
	}

	/**
	 * Removes the personal data of struck-off cases whose history is gone.
	 * @return how many cases
	 */
	int sweep() {
		LocalDate today = EngineClock.today();
		List<RegisterEntry> candidates = this.register.struckOffBefore(today.minusDays(RETENTION_DAYS), BATCH);
		if (candidates.isEmpty()) {
			return 0;
		}
		Set<String> stillThere = new HashSet<>();
		AsSystem.run(this.identity, () -> this.history.createHistoricProcessInstanceQuery()
			.processInstanceIds(new HashSet<>(candidates.stream().map(RegisterEntry::getProcessInstanceId).toList()))
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.forEach(stillThere::add));
		int removed = 0;
		for (RegisterEntry entry : candidates) {
			if (!stillThere.contains(entry.getProcessInstanceId())) {
				this.register.forgetPersonalData(entry.getCaseNo(), today);
				this.mails.forgetCase(entry.getCaseNo());
				removed++;
			}
		}
		if (removed > 0) {
			log.info("Retention: removed the personal data of {} cases whose history was cleaned up", removed);
		}
		return removed;
	}

	@EventListener(ApplicationReadyEvent.class)
	synchronized void ready() {
		if (this.executor == null) {
			this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "retention-sweep");
				thread.setDaemon(true);
				return thread;
			});
			this.executor.scheduleWithFixedDelay(this::sweepLogged, Duration.ofMinutes(10).toMillis(),
					Duration.ofDays(1).toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void sweepLogged() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			log.warn("The retention sweep failed; it runs again tomorrow", ex);
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
