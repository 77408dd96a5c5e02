package cn.liangxin.opinions.visit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opinion.visits.duties.*} (docs/configuration.md).
 *
 * @param enabled make each period's duties and their tasks (default true); off, the daily
 * check does nothing
 */
@ConfigurationProperties("opinion.visits.duties")
public record DutySettings(@DefaultValue("true") boolean enabled) {

}
