package cn.liangxin.opinions.opinion;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Intake rules that operators may tune.
 *
 * @param maxAge how far back {@code reportedOn} may lie (default two years)
 */
@ConfigurationProperties("opinion.intake")
public record IntakeProperties(Period maxAge) {

	public IntakeProperties {
		if (maxAge == null) {
			maxAge = Period.ofYears(2);
		}
	}

}
