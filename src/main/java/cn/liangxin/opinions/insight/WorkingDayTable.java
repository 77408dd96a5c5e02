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
import org.springframework.transaction.TransactionDefinition;
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

	/** What the table holds, for the summary: the first day and each day's idx. */
	private volatile Days days = new Days(LocalDate.of(FIRST_YEAR, 1, 1), new int[0], new boolean[0]);

	WorkingDayTable(CalendarService calendars, JdbcTemplate jdbc, TransactionTemplate transaction) {
		this.calendars = calendars;
		this.jdbc = jdbc;
		// its own transaction: the refill may be asked for inside a read-only one (a
		// dashboard's query right after the calendar changed)
		this.transaction = new TransactionTemplate(transaction.getTransactionManager());
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
	 * What the table holds now (refilled first if the calendar was reloaded): one
	 * snapshot, so that everything counted with it agrees.
	 */
	Days days() {
		ensureCurrent();
		return this.days;
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
		LocalDate first = LocalDate.of(FIRST_YEAR, 1, 1);
		int length = (int) (LocalDate.of(lastYear + 1, 1, 1).toEpochDay() - first.toEpochDay());
		int[] indexes = new int[length];
		boolean[] workingDays = new boolean[length];
		int index = 0;
		for (int i = 0; i < length; i++) {
			LocalDate day = first.plusDays(i);
			boolean working = known.contains(day.getYear()) ? calendar.isWorkingDay(day)
					: day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
			index += working ? 1 : 0;
			indexes[i] = index;
			workingDays[i] = working;
			rows.add(new Object[] { Date.valueOf(day), working, index });
		}
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.update("delete from working_day");
			this.jdbc.batchUpdate("insert into working_day (calendar_day, working, idx) values (?, ?, ?)", rows);
		});
		this.days = new Days(first, indexes, workingDays);
		log.info("Working-day table filled for {}-{} ({} days)", FIRST_YEAR, lastYear, rows.size());
	}

	/**
	 * The table's content: from its first day, each day's running count of working days
	 * ({@code working_day.idx}) and whether it is a working day.
	 */
	record Days(LocalDate first, int[] idx, boolean[] working) {

		/**
		 * The running count of working days up to and including the day, as
		 * {@code working_day.idx}, or {@code null} for a day outside the table.
		 */
		Integer index(LocalDate day) {
			long offset = day.toEpochDay() - this.first.toEpochDay();
			return (offset < 0 || offset >= this.idx.length) ? null : this.idx[(int) offset];
		}

		/**
		 * A fingerprint (a CRC) of which days are working days, from the first day up to
		 * and including the given one: it changes when the calendar changes for one of
		 * those days.
		 */
		String fingerprintThrough(LocalDate last) {
			long count = Math.min(this.working.length, last.toEpochDay() - this.first.toEpochDay() + 1);
			java.util.BitSet bits = new java.util.BitSet();
			for (int i = 0; i < count; i++) {
				bits.set(i, this.working[i]);
			}
			java.util.zip.CRC32 crc = new java.util.zip.CRC32();
			crc.update(bits.toByteArray());
			return count + ":" + Long.toHexString(crc.getValue());
		}

	}

}
