package cn.liangxin.opinions.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opinion.monthly-report.*}: whether the monthly reports are made (by the daily
 * timer at 07:00 China time and, to catch up, at start-up).
 *
 * @param enabled make the reports (default true); off, nothing is made and the timer's
 * run does nothing
 */
@ConfigurationProperties("opinion.monthly-report")
public record MonthlyReportSettings(@DefaultValue("true") boolean enabled) {

}
