package cn.liangxin.opinions.visit;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.opinion.OpinionIntake;
import cn.liangxin.opinions.opinion.OpinionIntakeService;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.validation.Errors;
import cn.liangxin.opinions.validation.FieldError;
import cn.liangxin.opinions.validation.InvalidInputException;
import cn.liangxin.opinions.validation.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visit log (走访日志): visits recorded with their household and matters (tables
 * {@code visit}, {@code visit_household_member}, {@code visit_matter}, migration V16). A
 * matter to be handled by a deadline or passed to a department opens an employee-opinion
 * case (channel 走访) in the same transaction: the visit and its cases are stored together
 * or not at all. Callers check who may record and read ({@link VisitController}).
 */
@Service
public class Visits {

	private static final Logger log = LoggerFactory.getLogger(Visits.class);

	/** How a matter raised on a visit is handled (the visit log's 处理方式). */
	enum Handling {

		ON_SPOT("当场解决"), DEADLINE("限期解决"), EXPLAINED("解释说明"), DEPARTMENT("转交部门办理");

		final String label;

		Handling(String label) {
			this.label = label;
		}

		boolean opensCase() {
			return this == DEADLINE || this == DEPARTMENT;
		}

	}

	/** A stored visit, as the API answers it. */
	public record VisitView(long id, String orgCode, String visitorName, String visitorPost, LocalDate visitedOn,
			String employeeStaffNo, String employeeName, List<VisitLog.HouseholdMember> household,
			String partyMembersInHousehold, BigDecimal annualIncome, String found, String asked,
			List<MatterView> matters, String employeeOpinion, String signedBy, LocalDate signedOn, String recordedBy) {
	}

	/**
	 * A matter of a stored visit, with the case it opened ({@code caseNo}, or
	 * {@code null}).
	 */
	public record MatterView(String content, String handling, String handlingLabel, String result, LocalDate dueOn,
			String department, String caseNo) {
	}

	private record Employee(Long id, String name, String post, String phone) {
	}

	private final JdbcTemplate jdbc;

	private final OpinionIntakeService intake;

	public Visits(JdbcTemplate jdbc, OpinionIntakeService intake) {
		this.jdbc = jdbc;
		this.intake = intake;
	}

	/**
	 * Records the visit and opens a case for each matter handled by a deadline or passed
	 * on.
	 * @throws InvalidInputException naming every field that breaks a rule (matters and
	 * household members as {@code matters[0].content}); nothing is stored then
	 */
	@Transactional
	public VisitView record(VisitLog visit, String recordedBy) {
		LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
		Errors errors = new Errors();
		String visitor = errors.requiredText("visitorName", "走访人", visit.visitorName(), 50);
		String visitorPost = errors.text("visitorPost", "走访人职务", visit.visitorPost(), 50);
		LocalDate visitedOn = notFuture(errors, "visitedOn", "走访时间", visit.visitedOn(), today, true);
		Employee employee = employee(visit, errors);
		List<VisitLog.HouseholdMember> household = household(visit, errors);
		String partyMembers = errors.text("partyMembersInHousehold", "家庭成员中的党员", visit.partyMembersInHousehold(), 200);
		if (visit.annualIncome() != null && (visit.annualIncome().signum() < 0
				|| visit.annualIncome().compareTo(new BigDecimal("9999999999")) > 0
				|| visit.annualIncome().scale() > 2)) {
			errors.add("annualIncome", "range", "家庭年收入应为不小于 0 的金额（元，最多两位小数）");
		}
		String found = errors.text("found", "走访中发现的情况", visit.found(), 2000);
		String asked = errors.text("asked", "员工提出需解决的问题", visit.asked(), 2000);
		List<Matter> matters = matters(visit, visitedOn, today, errors);
		String opinion = errors.text("employeeOpinion", "员工意见", visit.employeeOpinion(), 500);
		String signedBy = errors.text("signedBy", "员工签名", visit.signedBy(), 50);
		LocalDate signedOn = notFuture(errors, "signedOn", "签名日期", visit.signedOn(), today, false);
		if (signedOn != null && visitedOn != null && signedOn.isBefore(visitedOn)) {
			errors.add("signedOn", "notBeforeVisit", "签名日期不能早于走访时间（" + visitedOn + "）");
		}
		if (signedOn != null && signedBy == null) {
			errors.add("signedBy", "requiredWithDate", "填写了签名日期，须填写签名人");
		}
		errors.throwIfAny();

		Coverage.changed(this.jdbc, visit.orgCode());
		long id = insertVisit(visit.orgCode(), visitor, visitorPost, visitedOn, employee, partyMembers,
				visit.annualIncome(), found, asked, opinion, signedBy, signedOn, recordedBy);
		for (int i = 0; i < household.size(); i++) {
			VisitLog.HouseholdMember m = household.get(i);
			this.jdbc.update("insert into visit_household_member (visit_id, position, name, sex, age, occupation) "
					+ "values (?, ?, ?, ?, ?, ?)", id, i, m.name(), m.sex(), m.age(), m.occupation());
		}
		for (int i = 0; i < matters.size(); i++) {
			Matter m = matters.get(i);
			String caseNo = m.handling().opensCase() ? open(visit.orgCode(), employee, visitedOn, m, i) : null;
			this.jdbc.update(
					"insert into visit_matter (visit_id, position, content, handling, result, due_on, "
							+ "department, case_no) values (?, ?, ?, ?, ?, ?, ?, ?)",
					id, i, m.content(), m.handling().name(), m.result(), m.dueOn(), m.department(), caseNo);
		}
		log.debug("Visit {} of {} on {} recorded by {}: {} matters", id, visit.orgCode(), visitedOn, recordedBy,
				matters.size());
		return find(id);
	}

	private record Matter(String content, Handling handling, String result, LocalDate dueOn, String department,
			String kind) {
	}

	/** The case a matter opens: the visited employee raised it, on the visit's day. */
	private String open(String orgCode, Employee employee, LocalDate visitedOn, Matter matter, int index) {
		String summary = matter.content() + ((matter.handling() == Handling.DEADLINE)
				? "（走访时约定于 " + matter.dueOn() + " 前解决）" : "（走访时建议转交：" + matter.department() + "）");
		try {
			RegisterEntry entry = this.intake.register(new OpinionIntake(orgCode, employee.name(), employee.post(),
					null, employee.phone(), visitedOn.toString(), "VISIT", matter.kind(), summary, false, null));
			return entry.getCaseNo();
		}
		catch (InvalidInputException ex) {
			List<FieldError> errors = new ArrayList<>();
			for (FieldError e : ex.errors()) {
				errors.add(new FieldError("matters[" + index + "]." + e.field(), e.rule(), e.message()));
			}
			throw new InvalidInputException(errors);
		}
	}

	private long insertVisit(String orgCode, String visitor, String visitorPost, LocalDate visitedOn, Employee employee,
			String partyMembers, BigDecimal income, String found, String asked, String opinion, String signedBy,
			LocalDate signedOn, String recordedBy) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement s = connection
				.prepareStatement("insert into visit (org_code, visitor_name, visitor_post, "
						+ "visited_on, employee_id, employee_name, employee_post, party_members, annual_income, found, "
						+ "asked, employee_opinion, signed_by, signed_on, recorded_by, recorded_at) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			s.setString(1, orgCode);
			s.setString(2, visitor);
			s.setString(3, visitorPost);
			s.setObject(4, visitedOn);
			s.setObject(5, employee.id(), Types.BIGINT);
			s.setString(6, employee.name());
			s.setString(7, employee.post());
			s.setString(8, partyMembers);
			s.setBigDecimal(9, income);
			s.setString(10, found);
			s.setString(11, asked);
			s.setString(12, opinion);
			s.setString(13, signedBy);
			s.setObject(14, signedOn);
			s.setString(15, recordedBy);
			s.setObject(16, OffsetDateTime.now(ZoneOffset.UTC));
			return s;
		}, key);
		return key.getKey().longValue();
	}

	/** The roster's employee by 工号, or the name given. */
	private Employee employee(VisitLog visit, Errors errors) {
		String staffNo = errors.text("employeeStaffNo", "员工工号", visit.employeeStaffNo(), 32);
		if (staffNo != null) {
			List<Employee> found = this.jdbc.query(
					"select id, name, post, phone from employee where org_code = ? and staff_no = ?",
					(rs, n) -> new Employee(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
					visit.orgCode(), staffNo);
			if (found.isEmpty()) {
				errors.add("employeeStaffNo", "onRoster", "工号 " + staffNo + " 不在本组织的员工花名册里");
				return new Employee(null, "", null, null);
			}
			return found.get(0);
		}
		String name = errors.requiredText("employeeName", "被走访员工姓名", visit.employeeName(), 50);
		return new Employee(null, name, null, null);
	}

	private static List<VisitLog.HouseholdMember> household(VisitLog visit, Errors errors) {
		List<VisitLog.HouseholdMember> members = new ArrayList<>();
		List<VisitLog.HouseholdMember> given = (visit.household() != null) ? visit.household() : List.of();
		if (given.size() > 20) {
			errors.add("household", "maxItems", "家庭成员最多填写20人");
			return members;
		}
		for (int i = 0; i < given.size(); i++) {
			VisitLog.HouseholdMember m = given.get(i);
			String at = "household[" + i + "].";
			if (m == null) {
				errors.add("household[" + i + "]", "required", "第" + (i + 1) + "名家庭成员是空的");
				continue;
			}
			String name = errors.requiredText(at + "name", "家庭成员姓名", m.name(), 50);
			String sex = switch ((m.sex() != null) ? m.sex().strip() : "") {
				case "男", "M" -> "M";
				case "女", "F" -> "F";
				case "" -> null;
				default -> {
					errors.add(at + "sex", "oneOf", "家庭成员性别只能是“男”或“女”" + Errors.received(m.sex()));
					yield null;
				}
			};
			if (m.age() != null && (m.age() < 0 || m.age() > 120)) {
				errors.add(at + "age", "range", "家庭成员年龄应在0到120之间" + Errors.received(m.age()));
			}
			String occupation = errors.text(at + "occupation", "家庭成员职业", m.occupation(), 50);
			members.add(new VisitLog.HouseholdMember(name, sex, m.age(), occupation));
		}
		return members;
	}

	private static List<Matter> matters(VisitLog visit, LocalDate visitedOn, LocalDate today, Errors errors) {
		List<Matter> matters = new ArrayList<>();
		List<VisitLog.Matter> given = (visit.matters() != null) ? visit.matters() : List.of();
		if (given.size() > 20) {
			errors.add("matters", "maxItems", "一次走访最多记录20项问题");
			return matters;
		}
		for (int i = 0; i < given.size(); i++) {
			VisitLog.Matter m = given.get(i);
			String at = "matters[" + i + "].";
			if (m == null) {
				errors.add("matters[" + i + "]", "required", "第" + (i + 1) + "项问题是空的");
				continue;
			}
			String content = errors.requiredText(at + "content", "问题内容", m.content(), 1900);
			Handling handling = null;
			try {
				handling = (m.handling() != null) ? Handling.valueOf(m.handling().strip()) : null;
			}
			catch (IllegalArgumentException ex) {
				// reported below
			}
			if (handling == null) {
				errors.add(at + "handling", (m.handling() == null) ? "required" : "oneOf",
						"处理方式应为 ON_SPOT（当场解决）、DEADLINE（限期解决）、EXPLAINED（解释说明）、DEPARTMENT（转交部门办理）之一"
								+ Errors.received(m.handling()));
			}
			String result = errors.text(at + "result", "处理结果", m.result(), 2000);
			if ((handling == Handling.ON_SPOT || handling == Handling.EXPLAINED) && result == null) {
				errors.add(at + "result", "required", "当场解决或解释说明的，须填写处理结果");
			}
			LocalDate dueOn = errors.date(at + "dueOn", "限期", m.dueOn());
			if (handling == Handling.DEADLINE && dueOn == null && (m.dueOn() == null || m.dueOn().isBlank())) {
				errors.add(at + "dueOn", "required", "限期解决的，须填写期限");
			}
			if (dueOn != null && visitedOn != null && dueOn.isBefore(visitedOn)) {
				errors.add(at + "dueOn", "notBeforeVisit", "期限不能早于走访时间（" + visitedOn + "）");
			}
			String department = errors.text(at + "department", "转交部门", m.department(), 100);
			if (handling == Handling.DEPARTMENT && department == null) {
				errors.add(at + "department", "required", "转交部门办理的，须填写部门");
			}
			String kind = (m.kind() != null && !m.kind().isBlank()) ? m.kind().strip() : "DIFFICULTY";
			if (!List.of("DIFFICULTY", "CONFLICT", "SUGGESTION").contains(kind)) {
				errors.add(at + "kind", "oneOf",
						"问题类别应为 DIFFICULTY、CONFLICT、SUGGESTION 之一" + Errors.received(m.kind()));
			}
			matters.add(new Matter(content, handling, result, dueOn, department, kind));
		}
		return matters;
	}

	private static LocalDate notFuture(Errors errors, String field, String label, String value, LocalDate today,
			boolean required) {
		if (required && (value == null || value.isBlank())) {
			errors.add(field, "required", label + "不能为空");
			return null;
		}
		LocalDate date = errors.date(field, label, value);
		if (date != null && date.isAfter(today)) {
			errors.add(field, "notFuture", label + "不能晚于今天（" + today + "）");
		}
		return date;
	}

	/** One visit with its household and matters; {@code null} if there is none. */
	@Transactional(readOnly = true)
	public VisitView find(long id) {
		List<VisitView> found = views(" where v.id = ?", id);
		return found.isEmpty() ? null : found.get(0);
	}

	/** The organization's visits of a year, newest first, a page at a time. */
	@Transactional(readOnly = true)
	public Paging.PageView<VisitView> list(String orgCode, int year, Paging paging) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = from.plusYears(1);
		long total = this.jdbc.queryForObject(
				"select count(*) from visit where org_code = ? and visited_on >= ? and visited_on < ?", Long.class,
				orgCode, from, to);
		List<VisitView> content = views(
				" where v.org_code = ? and v.visited_on >= ? and v.visited_on < ?"
						+ " order by v.visited_on desc, v.id desc offset ? rows fetch next ? rows only",
				orgCode, from, to, (long) paging.page() * paging.size(), paging.size());
		return new Paging.PageView<>(content, paging.page(), paging.size(), total,
				(int) ((total + paging.size() - 1) / paging.size()));
	}

	/** The visit a case was opened from, if any. */
	@Transactional(readOnly = true)
	public VisitView ofCase(String caseNo) {
		List<Long> ids = this.jdbc.queryForList("select visit_id from visit_matter where case_no = ?", Long.class,
				caseNo);
		return ids.isEmpty() ? null : find(ids.get(0));
	}

	private static final String SELECT = "select v.id, v.org_code, v.visitor_name, v.visitor_post, v.visited_on, "
			+ "e.staff_no, v.employee_name, v.party_members, v.annual_income, v.found, v.asked, v.employee_opinion, "
			+ "v.signed_by, v.signed_on, v.recorded_by from visit v left join employee e on e.id = v.employee_id";

	/**
	 * The visits the condition selects, with their households and matters: three queries
	 * whatever the number of visits.
	 */
	private List<VisitView> views(String condition, Object... args) {
		List<VisitView> visits = this.jdbc.query(SELECT + condition,
				(rs, n) -> new VisitView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						date(rs.getDate(5)), rs.getString(6), rs.getString(7), new ArrayList<>(), rs.getString(8),
						rs.getBigDecimal(9), rs.getString(10), rs.getString(11), new ArrayList<>(), rs.getString(12),
						rs.getString(13), date(rs.getDate(14)), rs.getString(15)),
				args);
		if (visits.isEmpty()) {
			return visits;
		}
		Map<Long, VisitView> byId = new HashMap<>();
		visits.forEach((v) -> byId.put(v.id(), v));
		MapSqlParameterSource ids = new MapSqlParameterSource("ids", byId.keySet());
		NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(this.jdbc);
		named.query(
				"select visit_id, name, sex, age, occupation from visit_household_member "
						+ "where visit_id in (:ids) order by visit_id, position",
				ids,
				(RowCallbackHandler) (r) -> byId.get(r.getLong(1))
					.household()
					.add(new VisitLog.HouseholdMember(r.getString(2), sexLabel(r.getString(3)),
							(Integer) r.getObject(4), r.getString(5))));
		named.query("select visit_id, content, handling, result, due_on, department, case_no from visit_matter "
				+ "where visit_id in (:ids) order by visit_id, position", ids, (RowCallbackHandler) (r) -> {
					Handling handling = Handling.valueOf(r.getString(3));
					byId.get(r.getLong(1))
						.matters()
						.add(new MatterView(r.getString(2), handling.name(), handling.label, r.getString(4),
								date(r.getDate(5)), r.getString(6), r.getString(7)));
				});
		return visits;
	}

	private static String sexLabel(String code) {
		return (code == null) ? null : Map.of("M", "男", "F", "女").get(code);
	}

	private static LocalDate date(java.sql.Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

}
