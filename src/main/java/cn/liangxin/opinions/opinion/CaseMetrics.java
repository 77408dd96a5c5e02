package cn.liangxin.opinions.opinion;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * The register's figures for monitoring ({@code /actuator/prometheus}): open cases (not
 * struck off) and open cases that have been overdue at some stage. Counted when scraped.
 */
@Component
class CaseMetrics implements MeterBinder {

	private final RegisterRepository entries;

	CaseMetrics(RegisterRepository entries) {
		this.entries = entries;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("opinion.cases.open", this.entries, RegisterRepository::countByStruckOffFalse)
			.description("Cases in the register not yet struck off")
			.register(registry);
		Gauge.builder("opinion.cases.overdue", this.entries, RegisterRepository::countByStruckOffFalseAndOverdueTrue)
			.description("Open cases that were overdue at some stage")
			.register(registry);
	}

}
