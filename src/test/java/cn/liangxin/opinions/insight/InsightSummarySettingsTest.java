package cn.liangxin.opinions.insight;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InsightSummarySettingsTest {

	@Test
	void defaultsToEveryMinuteInStepsOf2000() {
		InsightSummarySettings settings = new InsightSummarySettings(null, null, null);

		assertThat(settings.enabled()).isTrue();
		assertThat(settings.interval()).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.batchSize()).isEqualTo(2000);
	}

	@Test
	void aPauseThatIsNotPositiveOrAnEmptyStepStopsStartUpNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InsightSummarySettings(true, Duration.ZERO, 10))
			.withMessageContaining("opinion.insight.summary.interval");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InsightSummarySettings(true, Duration.ofSeconds(-5), 10))
			.withMessageContaining("opinion.insight.summary.interval");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InsightSummarySettings(true, Duration.ofMinutes(1), 0))
			.withMessageContaining("opinion.insight.summary.batch-size");
	}

}
