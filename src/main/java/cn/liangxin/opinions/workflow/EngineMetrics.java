package cn.liangxin.opinions.workflow;

import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;

import org.springframework.stereotype.Component;

/**
 * The engine's figures for monitoring ({@code /actuator/prometheus}): jobs whose retries
 * are used up (a reminder or an escalation that will not be sent without help) and open
 * incidents, across all organizations. Counted when scraped, as the system.
 */
@Component
class EngineMetrics implements MeterBinder {

	private final ManagementService management;

	private final RuntimeService runtime;

	private final IdentityService identity;

	EngineMetrics(ManagementService management, RuntimeService runtime, IdentityService identity) {
		this.management = management;
		this.runtime = runtime;
		this.identity = identity;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, "opinion.jobs.failed", "Jobs without retries left (see Cockpit's incidents)",
				() -> this.management.createJobQuery().noRetriesLeft().count());
		gauge(registry, "opinion.incidents.open", "Open incidents of the engine",
				() -> this.runtime.createIncidentQuery().count());
	}

	private void gauge(MeterRegistry registry, String name, String description, LongSupplier count) {
		Gauge.builder(name, () -> asSystem(count)).description(description).register(registry);
	}

	private long asSystem(LongSupplier count) {
		long[] value = new long[1];
		AsSystem.run(this.identity, () -> value[0] = count.getAsLong());
		return value[0];
	}

}
