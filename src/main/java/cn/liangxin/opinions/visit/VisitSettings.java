package cn.liangxin.opinions.visit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opinion.visits.*} (docs/configuration.md): the pairing ranges of seed 000 §二(一)
 * — under 200 employees 5 to 8 per Party member, from 200 on 10 to 30.
 */
@ConfigurationProperties("opinion.visits")
record VisitSettings(@DefaultValue Pairing pairing) {

	record Pairing(@DefaultValue("200") int largeFrom, @DefaultValue("5") int smallMin, @DefaultValue("8") int smallMax,
			@DefaultValue("10") int largeMin, @DefaultValue("30") int largeMax) {

		Pairing {
			if (smallMin < 0 || smallMin > smallMax || largeMin < 0 || largeMin > largeMax || largeFrom < 1) {
				throw new IllegalArgumentException("opinion.visits.pairing: each minimum must be at most its maximum "
						+ "and large-from positive, but small " + smallMin + "–" + smallMax + ", large " + largeMin
						+ "–" + largeMax + " from " + largeFrom);
			}
		}

		PairingRules.Limits limits() {
			return new PairingRules.Limits(this.largeFrom, this.smallMin, this.smallMax, this.largeMin, this.largeMax);
		}

	}

}
