package cn.liangxin.opinions.visit;

import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.validation.InvalidInputException;
import cn.liangxin.opinions.validation.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roster of each organization's employees (tables {@code employee} and
 * {@code visit_block}, migration V15): imported from a file, listed, and checked against
 * the pairing rules. Callers check who may see names (the organization's branch and
 * admins; {@link RosterController}).
 */
@Service
public class Roster {

	private static final Logger log = LoggerFactory.getLogger(Roster.class);

	private static final String INSERT = """
			insert into employee (org_code, staff_no, name, sex, age, post, block, phone, special_difficulty,
			    difficulty_note, party_member, contact_staff_no, left_on, updated_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?)""";

	/**
	 * The columns of {@code employee} a merging import updates, each from its file
	 * column: only those the file has (a file of names and phones leaves the blocks,
	 * contacts and difficulties as they are).
	 */
	private static final Map<RosterRules.Column, String> UPDATED = new java.util.LinkedHashMap<>();

	static {
		UPDATED.put(RosterRules.Column.NAME, "name");
		UPDATED.put(RosterRules.Column.SEX, "sex");
		UPDATED.put(RosterRules.Column.AGE, "age");
		UPDATED.put(RosterRules.Column.POST, "post");
		UPDATED.put(RosterRules.Column.BLOCK, "block");
		UPDATED.put(RosterRules.Column.PHONE, "phone");
		UPDATED.put(RosterRules.Column.DIFFICULTY, "special_difficulty");
		UPDATED.put(RosterRules.Column.DIFFICULTY_NOTE, "difficulty_note");
		UPDATED.put(RosterRules.Column.PARTY_MEMBER, "party_member");
		UPDATED.put(RosterRules.Column.CONTACT, "contact_staff_no");
	}

	private static final String ACTIVE = """
			select staff_no, name, party_member, contact_staff_no, special_difficulty, block
			from employee where org_code = ? and left_on is null""";

	private final JdbcTemplate jdbc;

	private final VisitSettings settings;

	public Roster(JdbcTemplate jdbc, VisitSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** What an import did, and what the pairing rules find afterwards. */
	public record ImportResult(String orgCode, int rows, int created, int updated, int left,
			List<String> ignoredColumns, PairingRules.Report pairing) {
	}

	/** One employee as the branch sees them. */
	public record EmployeeView(String staffNo, String name, String sex, Integer age, String post, String block,
			String phone, boolean specialDifficulty, String difficultyNote, boolean partyMember, String contactStaffNo,
			LocalDate leftOn) {
	}

	/**
	 * Imports a roster file into the organization, whole or not at all. Employees are
	 * matched by 工号: new ones are added, listed ones updated (and back if they had left).
	 * With {@code replace} the file is the whole roster: employees it does not list are
	 * marked as left today (their visits keep them). Every broken rule is reported with
	 * its line, and nothing is written then.
	 * @throws InvalidInputException naming the line and column of each broken rule
	 */
	@Transactional
	public ImportResult importFile(String orgCode, String filename, byte[] content, boolean replace) {
		long started = System.nanoTime();
		RosterTable table = RosterTable.read(filename, content);
		// one import of an organization at a time: a second waits for the first's commit
		this.jdbc.queryForObject("select code from organization where code = ? for update", String.class, orgCode);
		Coverage.changed(this.jdbc, orgCode);
		Map<String, Boolean> existing = new HashMap<>();
		Set<String> members = new HashSet<>();
		Set<String> blocks = new HashSet<>();
		this.jdbc.query("select staff_no, party_member, block, left_on from employee where org_code = ?",
				(RowCallbackHandler) (rs) -> {
					existing.put(rs.getString(1), rs.getDate(4) == null);
					if (rs.getBoolean(2) && rs.getDate(4) == null) {
						members.add(rs.getString(1));
					}
					if (rs.getString(3) != null && rs.getDate(4) == null) {
						blocks.add(rs.getString(3));
					}
				}, orgCode);
		RosterRules.Checked checked = replace ? RosterRules.check(table, Set.of(), Set.of())
				: RosterRules.check(table, members, blocks);
		if (!checked.errors().isEmpty()) {
			throw new InvalidInputException(checked.errors());
		}
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		Set<String> listed = new HashSet<>();
		// a replacing import makes each row what the file says; a merging one only the
		// columns it has
		List<RosterRules.Column> updated = UPDATED.keySet()
			.stream()
			.filter((column) -> replace || checked.columns().contains(column))
			.toList();
		for (EmployeeRow r : checked.rows()) {
			listed.add(r.staffNo());
			if (existing.containsKey(r.staffNo())) {
				List<Object> values = new ArrayList<>();
				for (RosterRules.Column column : updated) {
					values.add(value(r, column));
				}
				values.addAll(List.of(now, orgCode, r.staffNo()));
				updates.add(values.toArray());
			}
			else {
				inserts.add(
						new Object[] { orgCode, r.staffNo(), r.name(), r.sex(), r.age(), r.post(), r.block(), r.phone(),
								r.specialDifficulty(), r.difficultyNote(), r.partyMember(), r.contactStaffNo(), now });
			}
		}
		int[] insertTypes = { Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR,
				Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR,
				Types.TIMESTAMP_WITH_TIMEZONE };
		int[] updateTypes = new int[updated.size() + 3];
		StringBuilder update = new StringBuilder("update employee set ");
		for (int i = 0; i < updated.size(); i++) {
			update.append(UPDATED.get(updated.get(i))).append(" = ?, ");
			updateTypes[i] = type(updated.get(i));
		}
		update.append("left_on = null, updated_at = ? where org_code = ? and staff_no = ?");
		updateTypes[updated.size()] = Types.TIMESTAMP_WITH_TIMEZONE;
		updateTypes[updated.size() + 1] = Types.VARCHAR;
		updateTypes[updated.size() + 2] = Types.VARCHAR;
		this.jdbc.batchUpdate(INSERT, inserts, insertTypes);
		this.jdbc.batchUpdate(update.toString(), updates, updateTypes);
		int left = 0;
		if (replace) {
			List<Object[]> leaving = existing.entrySet()
				.stream()
				.filter((e) -> e.getValue() && !listed.contains(e.getKey()))
				.map((e) -> new Object[] { LocalDate.now(WorkingDayCalendar.ZONE), now, orgCode, e.getKey() })
				.toList();
			this.jdbc.batchUpdate("update employee set left_on = ?, updated_at = ? where org_code = ? and staff_no = ?",
					leaving);
			left = leaving.size();
		}
		saveBlocks(orgCode, checked.rows(), replace || checked.columns().contains(RosterRules.Column.LEADS), replace);
		ImportResult result = new ImportResult(orgCode, checked.rows().size(), inserts.size(), updates.size(), left,
				checked.ignoredColumns(), pairing(orgCode));
		log.info("Roster of {} imported from {}: {} rows, {} new, {} updated, {} left, in {} ms", orgCode, filename,
				result.rows(), result.created(), result.updated(), left, (System.nanoTime() - started) / 1_000_000);
		return result;
	}

	/**
	 * The blocks the file names, with the leaders it gives. A replacing import makes the
	 * file's blocks the only ones; a merging one keeps the others.
	 */
	private void saveBlocks(String orgCode, List<EmployeeRow> rows, boolean leadsGiven, boolean replace) {
		Map<String, String> leaders = new HashMap<>();
		Set<String> named = new HashSet<>();
		for (EmployeeRow r : rows) {
			if (r.block() != null) {
				named.add(r.block());
			}
			for (String block : r.leads()) {
				leaders.put(block, r.staffNo());
				named.add(block);
			}
		}
		if (replace) {
			this.jdbc.update("delete from visit_block where org_code = ?", orgCode);
		}
		else if (leadsGiven) {
			// members the file lists lead exactly the blocks it gives them
			List<Object[]> dropped = rows.stream()
				.filter(EmployeeRow::partyMember)
				.map((r) -> new Object[] { orgCode, r.staffNo() })
				.toList();
			this.jdbc.batchUpdate(
					"update visit_block set leader_staff_no = null where org_code = ? and leader_staff_no = ?",
					dropped);
		}
		Set<String> present = new HashSet<>(
				this.jdbc.queryForList("select name from visit_block where org_code = ?", String.class, orgCode));
		for (String block : named) {
			String leader = leaders.get(block);
			if (!present.contains(block)) {
				this.jdbc.update("insert into visit_block (org_code, name, leader_staff_no) values (?, ?, ?)", orgCode,
						block, leader);
			}
			else if (leader != null) {
				this.jdbc.update("update visit_block set leader_staff_no = ? where org_code = ? and name = ?", leader,
						orgCode, block);
			}
		}
	}

	private static Object value(EmployeeRow r, RosterRules.Column column) {
		return switch (column) {
			case NAME -> r.name();
			case SEX -> r.sex();
			case AGE -> r.age();
			case POST -> r.post();
			case BLOCK -> r.block();
			case PHONE -> r.phone();
			case DIFFICULTY -> r.specialDifficulty();
			case DIFFICULTY_NOTE -> r.difficultyNote();
			case PARTY_MEMBER -> r.partyMember();
			case CONTACT -> r.contactStaffNo();
			default -> throw new IllegalArgumentException(column.name());
		};
	}

	private static int type(RosterRules.Column column) {
		return switch (column) {
			case AGE -> Types.INTEGER;
			case DIFFICULTY, PARTY_MEMBER -> Types.BOOLEAN;
			default -> Types.VARCHAR;
		};
	}

	/** The pairing rules over the organization's active roster. */
	@Transactional(readOnly = true)
	public PairingRules.Report pairing(String orgCode) {
		List<PairingRules.Entry> roster = this.jdbc.query(ACTIVE, (rs, n) -> new PairingRules.Entry(rs.getString(1),
				rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getBoolean(5), rs.getString(6)), orgCode);
		Map<String, String> leaders = new HashMap<>();
		this.jdbc.query("select name, leader_staff_no from visit_block where org_code = ?",
				(RowCallbackHandler) (rs) -> leaders.put(rs.getString(1), rs.getString(2)), orgCode);
		return PairingRules.check(roster, leaders, this.settings.pairing().limits());
	}

	/**
	 * One page of the organization's roster, by 工号; {@code active} leaves out who left.
	 */
	@Transactional(readOnly = true)
	public Paging.PageView<EmployeeView> list(String orgCode, boolean active, Paging paging) {
		String where = " from employee where org_code = ?" + (active ? " and left_on is null" : "");
		long total = this.jdbc.queryForObject("select count(*)" + where, Long.class, orgCode);
		List<EmployeeView> content = this.jdbc.query(
				"select staff_no, name, sex, age, post, block, phone, "
						+ "special_difficulty, difficulty_note, party_member, contact_staff_no, left_on" + where
						+ " order by staff_no offset ? rows fetch next ? rows only",
				(rs, n) -> new EmployeeView(rs.getString(1), rs.getString(2), rs.getString(3),
						(Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8),
						rs.getString(9), rs.getBoolean(10), rs.getString(11),
						(rs.getDate(12) != null) ? rs.getDate(12).toLocalDate() : null),
				orgCode, (long) paging.page() * paging.size(), paging.size());
		return new Paging.PageView<>(content, paging.page(), paging.size(), total,
				(int) ((total + paging.size() - 1) / paging.size()));
	}

}
