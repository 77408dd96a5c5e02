package cn.liangxin.opinions.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed logins are answered (webapps and HTTP Basic alike).
 *
 * @param maxAttempts failed logins in a row after which the account is locked (default
 * 10); before that, each failure delays the next try (3 s, doubling, at most 60 s)
 * @param lockout how long the account then stays locked (default 15 minutes); it opens
 * again by itself
 */
@ConfigurationProperties("opinion.login")
record LoginProperties(Integer maxAttempts, Duration lockout) {

	LoginProperties {
		if (maxAttempts == null) {
			maxAttempts = 10;
		}
		if (lockout == null) {
			lockout = Duration.ofMinutes(15);
		}
		if (maxAttempts < 1 || lockout.isNegative() || lockout.isZero()) {
			throw new IllegalArgumentException(
					"opinion.login.max-attempts must be at least 1 and opinion.login.lockout positive");
		}
	}

}
