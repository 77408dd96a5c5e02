package cn.liangxin.opinions.insight;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.calendar.YearArrangement;
import cn.liangxin.opinions.deadline.CalendarService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table {@code working_day}: the working-day calendar from {@value #FIRST_YEAR} to
 * the year after the last one with an arrangement (or after this year), with for each day
 * the running count of working days, so that SQL can count working days between two days
 * by subtraction. Years without an arrangement count weekends only, as the calendar does.
 * Filled at start-up and again whenever the calendar has been reloaded.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class WorkingDayTable implements ApplicationRunner {

	static final int FIRST_YEAR = 2020;

	private static final Logger log = LoggerFactory.getLogger(WorkingDayTable.class);

	private final CalendarService calendars;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private volatile Instant filledFrom;

	WorkingDayTable(CalendarService calendars, JdbcTemplate jdbc, TransactionTemplate transaction) {
		this.calendars = calendars;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		ensureCurrent();
	}

	/** Refills the table if the calendar was (re)loaded since it was last filled. */
	void ensureCurrent() {
		Instant loadedAt = this.calendars.status().loadedAt();
		if (!loadedAt.equals(this.filledFrom)) {
			synchronized (this) {
				if (!loadedAt.equals(this.filledFrom)) {
					fill();
					this.filledFrom = loadedAt;
				}
			}
		}
	}

	/**
	 * Seconds to add to a timestamp as the engine stores it (local time of this JVM) to
	 * get the time in China, for {@code cast(ts + ? * interval '1' second as date)}.
	 */
	static int chinaShiftSeconds() {
		int china = WorkingDayCalendar.ZONE.getRules().getOffset(Instant.now()).getTotalSeconds();
		return china - TimeZone.getDefault().getOffset(System.currentTimeMillis()) / 1000;
	}

	private void fill() {
		WorkingDayCalendar calendar = this.calendars.calendar();
		Set<Integer> known = calendar.arrangements().stream().map(YearArrangement::year).collect(Collectors.toSet());
		int lastYear = Math.max(Year.now(WorkingDayCalendar.ZONE).getValue(),
				known.stream().mapToInt(Integer::intValue).max().orElse(FIRST_YEAR)) + 1;
		List<Object[]> rows = new ArrayList<>();
		int index = 0;
		for (LocalDate day = LocalDate.of(FIRST_YEAR, 1, 1); day.getYear() <= lastYear; day = day.plusDays(1)) {
			boolean working = known.contains(day.getYear()) ? calendar.isWorkingDay(day)
					: day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
			index += working ? 1 : 0;
			rows.add(new Object[] { Date.valueOf(day), working, index });
		}
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.update("delete from working_day");
			this.jdbc.batchUpdate("insert into working_day (calendar_day, working, idx) values (?, ?, ?)", rows);
		});
		log.info("Working-day table filled for {}-{} ({} days)", FIRST_YEAR, lastYear, rows.size());
	}

}
