package cn.liangxin.opinions.insight;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the managers' view keeps its summary of closed cases ({@link InsightSummary},
 * docs/configuration.md).
 *
 * @param enabled whether closed cases are summarized in the background (default
 * {@code true}); without it every question reads the whole history, which is right but
 * slow on a large database
 * @param interval the pause between two rounds (default one minute): a closed case counts
 * from Camunda's history until then, with the same numbers
 * @param batchSize cases per transaction (default 2,000)
 */
@ConfigurationProperties("opinion.insight.summary")
public record InsightSummarySettings(Boolean enabled, Duration interval, Integer batchSize) {

	public InsightSummarySettings {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		interval = (interval != null) ? interval : Duration.ofMinutes(1);
		batchSize = (batchSize != null) ? batchSize : 2000;
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException(
					"opinion.insight.summary.interval must be a positive duration, e.g. PT1M (was " + interval + ")");
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException(
					"opinion.insight.summary.batch-size must be at least 1 (was " + batchSize + ")");
		}
	}

}
