package cn.liangxin.opinions.support;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Moves the engine's clock to a moment in China. */
public final class TestClock {

	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private TestClock() {
	}

	public static void at(LocalDate date, LocalTime time) {
		ClockUtil.setCurrentTime(Date.from(date.atTime(time).atZone(CHINA).toInstant()));
	}

	public static void at(String isoDate, String isoTime) {
		at(LocalDate.parse(isoDate), LocalTime.parse(isoTime));
	}

	public static void reset() {
		ClockUtil.reset();
	}

}
