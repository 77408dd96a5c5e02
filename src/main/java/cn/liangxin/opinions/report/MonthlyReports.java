package cn.liangxin.opinions.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.opinion.HandlingDeadlines;
import cn.liangxin.opinions.org.Committee;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.validation.Errors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly reports: which month is due, making each committee's report once (its
 * figures as they stand on the first working day of the next month), the committee's
 * submission, and reading them back. How a report's task is started is the workflow's
 * business ({@link Starter}).
 */
@Service
public class MonthlyReports {

	/** Working days a committee has to review and submit its report. */
	public static final int WORKING_DAYS = 5;

	static final int REMARKS_MAX = 2000;

	private static final Logger log = LoggerFactory.getLogger(MonthlyReports.class);

	private final OrgDirectory orgs;

	private final MonthlyFigureQueries queries;

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final HandlingDeadlines deadlines;

	MonthlyReports(OrgDirectory orgs, MonthlyFigureQueries queries, JdbcTemplate jdbc, ObjectMapper json,
			HandlingDeadlines deadlines) {
		this.orgs = orgs;
		this.queries = queries;
		this.jdbc = jdbc;
		this.json = json;
		this.deadlines = deadlines;
	}

	/** Starts the review of a report that was just made; answers its process instance. */
	@FunctionalInterface
	public interface Starter {

		String start(Report report);

	}

	/** A committee's report of a month. */
	public record Report(String committeeCode, String committeeName, String month, Instant createdAt,
			LocalDate createdOn, LocalDate dueOn, MonthlyFigures figures, String remarks, String submittedBy,
			Instant submittedAt) {

		public boolean submitted() {
			return this.submittedAt != null;
		}

	}

	/**
	 * The month whose reports are due on this day: the previous month from its first
	 * working day on; before that (e.g. during the National Day holiday) the month
	 * before.
	 */
	public YearMonth monthDue(LocalDate today) {
		WorkingDayCalendar calendar = this.deadlines.calendar();
		LocalDate first = today.withDayOfMonth(1);
		while (!calendar.isWorkingDay(first)) {
			first = first.plusDays(1);
		}
		YearMonth current = YearMonth.from(today);
		return today.isBefore(first) ? current.minusMonths(2) : current.minusMonths(1);
	}

	/** The deadline of a report made on that day. */
	public Deadline deadline(LocalDate createdOn) {
		return this.deadlines.within(createdOn, WORKING_DAYS);
	}

	/**
	 * Makes the due month's report of every committee that has none yet, and starts its
	 * review. Run by the daily timer; a report is made once, however often this runs.
	 * @return the reports made
	 */
	@Transactional
	public List<Report> makeMissing(LocalDate today, Instant now, Starter starter) {
		YearMonth month = monthDue(today);
		List<Report> made = new ArrayList<>();
		for (Committee committee : this.orgs.committees()) {
			if (find(committee.getCode(), month.toString()).isPresent()) {
				continue;
			}
			MonthlyFigures figures = this.queries.count(committee, this.orgs.organizationsOf(committee.getCode()),
					month);
			LocalDate dueOn = deadline(today).dueOn();
			this.jdbc.update("""
					insert into monthly_report (committee_code, report_month, created_at, due_on, figures)
					values (?, ?, ?, ?, ?)""", committee.getCode(), month.toString(), Timestamp.from(now),
					java.sql.Date.valueOf(dueOn), write(figures));
			Report report = new Report(committee.getCode(), committee.getName(), month.toString(), now, today, dueOn,
					figures, null, null, null);
			String instance = starter.start(report);
			this.jdbc.update(
					"update monthly_report set process_instance_id = ? where committee_code = ? and report_month = ?",
					instance, committee.getCode(), month.toString());
			made.add(report);
		}
		if (!made.isEmpty()) {
			log.info("Monthly reports of {} made for {} committee(s), due {}", month, made.size(), made.get(0).dueOn());
		}
		return made;
	}

	/** The committee submitted its report with its remarks. */
	@Transactional
	public void submitted(String committeeCode, String month, String remarks, String user, Instant now) {
		Errors errors = new Errors();
		String text = errors.text("reportRemarks", "报告说明", remarks, REMARKS_MAX);
		errors.throwIfAny();
		this.jdbc.update("""
				update monthly_report set remarks = ?, submitted_by = ?, submitted_at = ?
				where committee_code = ? and report_month = ?""", text, user, Timestamp.from(now), committeeCode,
				month);
	}

	public Optional<Report> find(String committeeCode, String month) {
		return this.jdbc
			.query("""
					select committee_code, report_month, created_at, due_on, figures, remarks, submitted_by, submitted_at
					from monthly_report where committee_code = ? and report_month = ?""",
					(rs, i) -> read(rs), committeeCode, month)
			.stream()
			.findFirst();
	}

	/** Every committee's report of the month, by committee. */
	public List<Report> ofMonth(String month) {
		return this.jdbc.query("""
				select committee_code, report_month, created_at, due_on, figures, remarks, submitted_by, submitted_at
				from monthly_report where report_month = ? order by committee_code""", (rs, i) -> read(rs), month);
	}

	private Report read(java.sql.ResultSet rs) throws java.sql.SQLException {
		MonthlyFigures figures;
		try {
			figures = this.json.readValue(rs.getString("figures"), MonthlyFigures.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("The figures of a monthly report are unreadable", ex);
		}
		Timestamp submitted = rs.getTimestamp("submitted_at");
		Instant createdAt = rs.getTimestamp("created_at").toInstant();
		return new Report(rs.getString("committee_code"), figures.committeeName(), rs.getString("report_month"),
				createdAt, WorkingDayCalendar.dateOf(createdAt), rs.getDate("due_on").toLocalDate(), figures,
				rs.getString("remarks"), rs.getString("submitted_by"),
				(submitted != null) ? submitted.toInstant() : null);
	}

	private String write(MonthlyFigures figures) {
		try {
			return this.json.writeValueAsString(figures);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
