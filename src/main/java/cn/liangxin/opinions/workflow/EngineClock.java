package cn.liangxin.opinions.workflow;

import java.time.Instant;
import java.time.LocalDate;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's time (which process tests move with {@code ClockUtil}), and today in
 * China.
 */
final class EngineClock {

	private EngineClock() {
	}

	static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	static LocalDate today() {
		return WorkingDayCalendar.dateOf(now());
	}

}
