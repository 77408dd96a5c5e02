package cn.liangxin.opinions.visit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.opinion.HandlingDeadlines;
import cn.liangxin.opinions.opinion.OpinionIntake;
import cn.liangxin.opinions.opinion.OpinionIntakeService;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Organization;
import cn.liangxin.opinions.validation.Errors;
import cn.liangxin.opinions.validation.FieldError;
import cn.liangxin.opinions.validation.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recurring duties of the visiting system (table {@code visiting_duty},
 * docs/visits.md "Duties"): making each period's duties once, recording one as kept
 * (opinions raised at a meeting or in a talk open cases), and the level above's
 * supervision of one not kept in time. How a duty's task is started is the workflow's
 * business ({@link Starter}).
 */
@Service
public class Duties {

	/** The most opinions one record raises (the form's rows). */
	public static final int MAX_OPINIONS = 3;

	private static final Logger log = LoggerFactory.getLogger(Duties.class);

	private static final String COLUMNS = "id, kind, org_code, committee_code, holder, holder_name, period, "
			+ "period_start, period_end, due_on, process_instance_id, done_on, people, attendees, summary, matters, "
			+ "case_nos, recorded_by, recorded_at, supervised_by, supervised_at, supervision_note";

	private final JdbcTemplate jdbc;

	private final OrgDirectory orgs;

	private final HandlingDeadlines deadlines;

	private final OpinionIntakeService intake;

	Duties(JdbcTemplate jdbc, OrgDirectory orgs, HandlingDeadlines deadlines, OpinionIntakeService intake) {
		this.jdbc = jdbc;
		this.orgs = orgs;
		this.deadlines = deadlines;
		this.intake = intake;
	}

	/** Starts the task of a duty that was just made; answers its process instance. */
	@FunctionalInterface
	public interface Starter {

		String start(Duty duty);

	}

	/**
	 * A duty of a period.
	 *
	 * @param holder the leader a talk is due from (工号), {@code ""} for the branch or
	 * committee as a whole
	 */
	public record Duty(long id, DutyKind kind, String orgCode, String orgName, String committeeCode, String holder,
			String holderName, String period, LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn,
			String processInstanceId, LocalDate doneOn, String people, Integer attendees, String summary,
			String matters, String caseNos, String recordedBy, Instant recordedAt, String supervisedBy,
			Instant supervisedAt, String supervisionNote) {

		/** Recorded: the duty was kept (perhaps late). */
		public boolean done() {
			return this.doneOn != null;
		}

		/** How the duty's task is called, e.g. 员工意见征集会（2026-Q4）. */
		public String title() {
			String who = this.holderName != null && !this.holderName.isBlank() ? "，" + this.holderName : "";
			return this.kind.label() + "（" + this.period + who + "）";
		}

		/**
		 * The business key of its process instance, e.g. {@code MEETING-org1-2026-Q4}.
		 */
		public String businessKey() {
			return this.kind + "-" + this.orgCode + (this.holder.isEmpty() ? "" : "-" + this.holder) + "-"
					+ this.period;
		}

	}

	/** The period of a kind of duty containing the day, on the working-day calendar. */
	public DutyPeriod period(DutyKind kind, LocalDate day) {
		return DutyPeriod.of(kind, day, this.deadlines.calendar());
	}

	/** When the reminder of a period goes out. */
	public LocalDate remindOn(DutyPeriod period) {
		return period.remindOn(this.deadlines.calendar());
	}

	/** The organizations whose duties the daily check makes: all of them, by code. */
	public List<String> organizations() {
		return this.orgs.organizations().stream().map(Organization::getCode).toList();
	}

	/**
	 * The organizations that have fewer duties of the periods containing today than they
	 * should (a meeting, an owner visit and a committee visit, and a talk per block
	 * leader or one), in one query: what the catch-up at start-up goes through, so that a
	 * start of a district whose duties are made costs one query, not a few per
	 * organization. (A leader replaced by another within the month keeps the count; the
	 * daily check, which looks at every organization, makes the new leader's talk.)
	 */
	public List<String> organizationsMissingDuties(LocalDate today) {
		return this.jdbc.queryForList("""
				select o.code from organization o
				where (select count(*) from visiting_duty d where d.org_code = o.code
				       and ((d.kind in ('MEETING', 'OWNER_VISIT') and d.period = ?)
				         or (d.kind in ('TALK', 'COMMITTEE_VISIT') and d.period = ?)))
				    < 3 + greatest(1, (select count(distinct b.leader_staff_no) from visit_block b
				       join employee l on l.org_code = b.org_code and l.staff_no = b.leader_staff_no
				        and l.left_on is null
				       where b.org_code = o.code))
				order by o.code""", String.class, period(DutyKind.MEETING, today).label(),
				period(DutyKind.TALK, today).label());
	}

	/**
	 * Makes every duty of one organization due in the periods containing today that does
	 * not exist yet, and starts its task, in one transaction: its quarter's meeting and
	 * owner visit, its month's talk per block leader (or one for the branch when no block
	 * has a leader), and its committee's visit of the month. A duty is made once, however
	 * often this runs (and on two nodes: the unique key refuses the second).
	 * @return the duties made
	 */
	@Transactional
	public List<Duty> makeMissing(String orgCode, LocalDate today, Starter starter) {
		Organization org = this.orgs.requireOrganization(orgCode);
		List<Duty> made = new ArrayList<>();
		for (DutyKind kind : DutyKind.values()) {
			DutyPeriod period = period(kind, today);
			for (String[] holder : holders(kind, org.getCode())) {
				if (exists(kind, org.getCode(), holder[0], period.label())) {
					continue;
				}
				long id = insert(kind, org, holder, period);
				Duty duty = find(id).orElseThrow();
				String instance = starter.start(duty);
				this.jdbc.update("update visiting_duty set process_instance_id = ? where id = ?", instance, id);
				made.add(duty);
			}
		}
		if (!made.isEmpty()) {
			log.debug("Visiting duties of {} made for today's periods: {}", orgCode, made.size());
		}
		return made;
	}

	/**
	 * Whom a duty of this kind is due from in the organization: each block leader on the
	 * roster for a talk, {@code {"", null}} (the branch or committee as a whole)
	 * otherwise and for a talk where no block has a leader. Each as {工号, name}.
	 */
	public List<String[]> holders(DutyKind kind, String orgCode) {
		if (kind != DutyKind.TALK) {
			return List.<String[]>of(new String[] { "", null });
		}
		List<String[]> leaders = this.jdbc.query("""
				select distinct b.leader_staff_no, l.name from visit_block b
				join employee l on l.org_code = b.org_code and l.staff_no = b.leader_staff_no and l.left_on is null
				where b.org_code = ? order by b.leader_staff_no""",
				(rs, i) -> new String[] { rs.getString(1), rs.getString(2) }, orgCode);
		return leaders.isEmpty() ? List.<String[]>of(new String[] { "", null }) : leaders;
	}

	private boolean exists(DutyKind kind, String orgCode, String holder, String period) {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from visiting_duty where kind = ? and org_code = ? and holder = ? and period = ?",
				Integer.class, kind.name(), orgCode, holder, period);
		return count != null && count > 0;
	}

	private long insert(DutyKind kind, Organization org, String[] holder, DutyPeriod period) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var s = connection.prepareStatement("""
					insert into visiting_duty (kind, org_code, committee_code, holder, holder_name, period,
					    period_start, period_end, due_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] { "id" });
			s.setString(1, kind.name());
			s.setString(2, org.getCode());
			s.setString(3, org.getCommitteeCode());
			s.setString(4, holder[0]);
			s.setString(5, holder[1]);
			s.setString(6, period.label());
			s.setObject(7, period.start());
			s.setObject(8, period.end());
			s.setObject(9, period.dueOn());
			return s;
		}, key);
		return key.getKey().longValue();
	}

	/**
	 * Records the duty as kept; each opinion raised opens a case (channel 意见征集会 or 谈心) in
	 * the same transaction.
	 * @throws InvalidInputException naming every field that breaks a rule (the forms'
	 * names: {@code dutyDoneOn}, {@code opinion1Content}); nothing is stored then
	 */
	@Transactional
	public Duty record(long id, DutyRecord record, String recordedBy, Instant now) {
		Duty duty = find(id).orElseThrow(() -> new IllegalArgumentException("No visiting duty " + id));
		LocalDate today = WorkingDayCalendar.dateOf(now);
		Errors errors = new Errors();
		LocalDate doneOn = errors.date("dutyDoneOn", "日期", record.doneOn());
		if (record.doneOn() == null || record.doneOn().isBlank()) {
			errors.add("dutyDoneOn", "required", "日期不能为空");
		}
		else if (doneOn != null && doneOn.isAfter(today)) {
			errors.add("dutyDoneOn", "notFuture", "日期不能晚于今天（" + today + "）");
		}
		else if (doneOn != null && doneOn.isBefore(duty.periodStart())) {
			errors.add("dutyDoneOn", "inPeriod", "日期不能早于本期开始（" + duty.periodStart() + "）：上一期的履职请在上一期的任务中登记");
		}
		String people = (duty.kind() == DutyKind.MEETING) ? errors.text("dutyPeople", "参加人员", record.people(), 500)
				: errors.requiredText("dutyPeople", peopleLabel(duty.kind()), record.people(), 500);
		Number count = record.attendees();
		Integer attendees = (count != null && count.doubleValue() == Math.rint(count.doubleValue())
				&& Math.abs(count.doubleValue()) <= 10000) ? count.intValue() : null;
		if (duty.kind() == DutyKind.MEETING && (attendees == null || attendees < 1)) {
			errors.add("dutyAttendees", "range", "参会人数应为 1 至 10000 的整数");
		}
		String summary = errors.requiredText("dutySummary", summaryLabel(duty.kind()), record.summary(), 2000);
		String matters = (duty.kind() == DutyKind.OWNER_VISIT)
				? errors.requiredText("dutyMatters", "向业主反馈的问题", record.matters(), 2000)
				: errors.text("dutyMatters", "发现的问题", record.matters(), 2000);
		List<DutyRecord.RaisedOpinion> opinions = (record.opinions() != null) ? record.opinions() : List.of();
		if (!opinions.isEmpty() && duty.kind().channel() == null) {
			errors.add("opinion1Content", "notAllowed", duty.kind().label() + "不登记员工意见；员工反映的问题请由党组织登记");
		}
		if (opinions.size() > MAX_OPINIONS) {
			errors.add("opinions", "maxItems", "一次最多登记" + MAX_OPINIONS + "条员工意见");
		}
		errors.throwIfAny();

		List<String> caseNos = new ArrayList<>();
		for (int i = 0; i < opinions.size(); i++) {
			caseNos.add(open(duty, doneOn, opinions.get(i), i + 1));
		}
		this.jdbc.update("""
				update visiting_duty set done_on = ?, people = ?, attendees = ?, summary = ?, matters = ?,
				    case_nos = ?, recorded_by = ?, recorded_at = ? where id = ?""", doneOn, people,
				(duty.kind() == DutyKind.MEETING) ? attendees : null, summary, matters,
				caseNos.isEmpty() ? null : String.join(",", caseNos), recordedBy, Timestamp.from(now), id);
		log.debug("Visiting duty {} recorded by {} ({} cases opened)", duty.businessKey(), recordedBy, caseNos.size());
		return find(id).orElseThrow();
	}

	private String open(Duty duty, LocalDate doneOn, DutyRecord.RaisedOpinion opinion, int row) {
		String prefix = "opinion" + row;
		try {
			return this.intake
				.register(new OpinionIntake(duty.orgCode(), opinion.employeeName(), null, null, null, doneOn.toString(),
						duty.kind().channel(),
						(opinion.kind() == null || opinion.kind().isBlank()) ? "DIFFICULTY" : opinion.kind(),
						opinion.content(), false, null))
				.getCaseNo();
		}
		catch (InvalidInputException ex) {
			List<FieldError> errors = new ArrayList<>();
			for (FieldError e : ex.errors()) {
				String field = switch (e.field()) {
					case "reporterName" -> prefix + "Employee";
					case "summary" -> prefix + "Content";
					case "kind" -> prefix + "Kind";
					case "reportedOn" -> "dutyDoneOn";
					default -> prefix + "." + e.field();
				};
				errors.add(new FieldError(field, e.rule(), "第" + row + "条员工意见：" + e.message()));
			}
			throw new InvalidInputException(errors);
		}
	}

	private static String peopleLabel(DutyKind kind) {
		return switch (kind) {
			case TALK -> "谈心对象";
			case OWNER_VISIT -> "走访的业主";
			case COMMITTEE_VISIT -> "走访领导";
			default -> "参加人员";
		};
	}

	private static String summaryLabel(DutyKind kind) {
		return switch (kind) {
			case MEETING -> "会议情况";
			case TALK -> "谈心内容";
			case OWNER_VISIT -> "业主的意见和建议";
			case COMMITTEE_VISIT -> "“三项制度”落实情况";
		};
	}

	/** The level above supervised the overdue duty, with its note. */
	@Transactional
	public void supervised(long id, String note, String user, Instant now) {
		Errors errors = new Errors();
		String text = errors.requiredText("supervisionNote", "督办意见", note, 500);
		errors.throwIfAny();
		this.jdbc.update(
				"update visiting_duty set supervision_note = ?, supervised_by = ?, supervised_at = ? where id = ?",
				text, user, Timestamp.from(now), id);
	}

	public Optional<Duty> find(long id) {
		return this.jdbc.query("select " + COLUMNS + " from visiting_duty where id = ?", (rs, i) -> read(rs), id)
			.stream()
			.findFirst();
	}

	/** An organization's duties of a year, by period. */
	public List<Duty> ofOrganization(String orgCode, int year) {
		return this.jdbc.query(
				"select " + COLUMNS + " from visiting_duty where org_code = ? and period_start >= ? "
						+ "and period_start < ? order by period_start, kind, holder",
				(rs, i) -> read(rs), orgCode, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
	}

	/**
	 * A duty of a past period recorded as kept, without a task (the demo's history, an
	 * import of paper records): made and recorded at once.
	 */
	@Transactional
	public Duty recordPast(DutyKind kind, String orgCode, String holder, String holderName, LocalDate inPeriod,
			DutyRecord record, String recordedBy, Instant now) {
		Organization org = this.orgs.requireOrganization(orgCode);
		long id = insert(kind, org, new String[] { holder, holderName }, period(kind, inPeriod));
		return (record != null) ? record(id, record, recordedBy, now) : find(id).orElseThrow();
	}

	private Duty read(ResultSet rs) throws SQLException {
		String orgCode = rs.getString("org_code");
		Timestamp recorded = rs.getTimestamp("recorded_at");
		Timestamp supervised = rs.getTimestamp("supervised_at");
		java.sql.Date done = rs.getDate("done_on");
		int count = rs.getInt("attendees");
		Integer attendees = rs.wasNull() ? null : count;
		return new Duty(rs.getLong("id"), DutyKind.valueOf(rs.getString("kind")), orgCode,
				this.orgs.organization(orgCode).map(Organization::getName).orElse(orgCode),
				rs.getString("committee_code"), rs.getString("holder"), rs.getString("holder_name"),
				rs.getString("period"), rs.getDate("period_start").toLocalDate(),
				rs.getDate("period_end").toLocalDate(), rs.getDate("due_on").toLocalDate(),
				rs.getString("process_instance_id"), (done != null) ? done.toLocalDate() : null, rs.getString("people"),
				attendees, rs.getString("summary"), rs.getString("matters"), rs.getString("case_nos"),
				rs.getString("recorded_by"), (recorded != null) ? recorded.toInstant() : null,
				rs.getString("supervised_by"), (supervised != null) ? supervised.toInstant() : null,
				rs.getString("supervision_note"));
	}

}
