package cn.liangxin.opinions.deadline;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holiday arrangements administrators added in the application (table
 * {@code calendar_year}), shared by every node and kept across restarts.
 */
@Repository
class CalendarStore {

	/** One stored year: the arrangement's text, who saved it and when. */
	record StoredYear(int year, String arrangement, String updatedBy, Instant updatedAt) {

		/** Where the calendar's status says this year came from. */
		String source() {
			return "数据库（" + this.updatedBy + " 于 " + SAVED_AT.format(this.updatedAt) + " 保存）";
		}

	}

	private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(WorkingDayCalendar.ZONE);

	private final JdbcTemplate jdbc;

	CalendarStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<StoredYear> all() {
		return this.jdbc.query(
				"select calendar_year, arrangement, updated_by, updated_at from calendar_year order by calendar_year",
				(rs, i) -> new StoredYear(rs.getInt(1), rs.getString(2), rs.getString(3),
						rs.getTimestamp(4).toInstant()));
	}

	/** Inserts or replaces the year's arrangement. */
	@Transactional
	void save(int year, String arrangement, String updatedBy, Instant at) {
		int updated = this.jdbc.update(
				"update calendar_year set arrangement = ?, updated_by = ?, updated_at = ? where calendar_year = ?",
				arrangement, updatedBy, Timestamp.from(at), year);
		if (updated == 0) {
			this.jdbc.update(
					"insert into calendar_year (calendar_year, arrangement, updated_by, updated_at) values (?, ?, ?, ?)",
					year, arrangement, updatedBy, Timestamp.from(at));
		}
	}

	/**
	 * What changes when any node saves a year: the number of stored years and the latest
	 * change.
	 */
	String fingerprint() {
		return this.jdbc.queryForObject("select count(*), max(updated_at) from calendar_year",
				(rs, i) -> rs.getLong(1) + "/" + rs.getTimestamp(2));
	}

}
