package cn.liangxin.opinions.visit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.liangxin.opinions.validation.FieldError;

/**
 * The roster file's columns and the rules each line must keep (docs/visits.md "The roster
 * file"). Plain Java: every broken rule is reported with its line and column, and a file
 * with any is refused whole.
 */
final class RosterRules {

	/**
	 * A column of the roster file: the API's field name, the header and the headers also
	 * accepted.
	 */
	enum Column {

		STAFF_NO("staffNo", "工号", "员工编号", "编号"), NAME("name", "姓名"), SEX("sex", "性别"), AGE("age", "年龄"),
		POST("post", "车间/岗位", "车间岗位", "岗位", "车间", "部门"), BLOCK("block", "片区", "所在片区"),
		PHONE("phone", "手机", "手机号码", "联系电话", "电话"), DIFFICULTY("specialDifficulty", "特殊困难", "是否特殊困难"),
		DIFFICULTY_NOTE("difficultyNote", "困难情况"), PARTY_MEMBER("partyMember", "党员", "是否党员"),
		CONTACT("contactStaffNo", "联系党员工号", "联系党员"), LEADS("leads", "分管片区");

		final String field;

		final String header;

		final Set<String> aliases;

		Column(String field, String header, String... aliases) {
			this.field = field;
			this.header = header;
			this.aliases = Set.of(aliases);
		}

		boolean matches(String text) {
			String h = text.replace(" ", "").replace("（", "(").replace("）", ")").replaceAll("\\(.*\\)$", "");
			return h.equals(this.header) || this.aliases.contains(h) || h.equalsIgnoreCase(this.field);
		}

	}

	static final Set<Column> REQUIRED = Set.of(Column.STAFF_NO, Column.NAME, Column.SEX);

	private static final Pattern STAFF_NO = Pattern.compile("[A-Za-z0-9_\\-]{1,32}");

	private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{5,30}");

	private static final Set<String> YES = Set.of("是", "Y", "y", "1", "TRUE", "true");

	private static final Pattern LIST = Pattern.compile("[、,，;；/\\s]+");

	/** The rows, or every rule they broke. */
	record Checked(List<EmployeeRow> rows, List<FieldError> errors, List<String> ignoredColumns, Set<Column> columns) {
	}

	private RosterRules() {
	}

	/**
	 * Checks the table. A contact must be a Party member listed in the file or, for a
	 * merging import, already on the roster ({@code partyMembersOnRoster}); a block led
	 * must be some employee's block.
	 */
	static Checked check(RosterTable table, Set<String> partyMembersOnRoster, Set<String> blocksOnRoster) {
		List<FieldError> errors = new ArrayList<>();
		Map<Column, Integer> columns = new LinkedHashMap<>();
		List<String> ignored = new ArrayList<>();
		for (int i = 0; i < table.headers().size(); i++) {
			String header = table.headers().get(i);
			if (header.isEmpty()) {
				continue;
			}
			Column column = column(header);
			if (column == null) {
				ignored.add(header);
			}
			else if (columns.putIfAbsent(column, i) != null) {
				errors.add(new FieldError(column.field, "duplicateColumn",
						"表头里「" + column.header + "」出现了两次（第" + (i + 1) + "列）", 1));
			}
		}
		for (Column required : Column.values()) {
			if (REQUIRED.contains(required) && !columns.containsKey(required)) {
				errors.add(new FieldError(required.field, "requiredColumn", "表头缺少「" + required.header + "」列", 1));
			}
		}
		if (!errors.isEmpty()) {
			return new Checked(List.of(), errors, ignored, columns.keySet());
		}
		if (table.lines().isEmpty()) {
			errors.add(new FieldError(RosterTable.FIELD, "required", "文件只有表头，没有员工", 1));
		}
		List<EmployeeRow> rows = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		// every staff number the file lists, with whether it says Party member (a line
		// with
		// an error of its own still answers who is who)
		Map<String, Boolean> declared = new HashMap<>();
		// (a file without the column says nothing: the roster answers)
		for (RosterTable.Line line : table.lines()) {
			if (columns.containsKey(Column.PARTY_MEMBER)) {
				declared.putIfAbsent(text(line, columns, Column.STAFF_NO),
						YES.contains(text(line, columns, Column.PARTY_MEMBER)));
			}
		}
		for (RosterTable.Line line : table.lines()) {
			EmployeeRow row = row(line, columns, errors);
			if (row == null) {
				continue;
			}
			Integer earlier = seen.putIfAbsent(row.staffNo(), line.number());
			if (earlier != null) {
				errors.add(error(line, Column.STAFF_NO, "unique", "工号 " + row.staffNo() + " 已在第" + earlier + "行出现过"));
				continue;
			}
			rows.add(row);
		}
		references(rows, declared, partyMembersOnRoster, blocksOnRoster, errors);
		return new Checked(errors.isEmpty() ? rows : List.of(), errors, ignored, columns.keySet());
	}

	private static Column column(String header) {
		for (Column column : Column.values()) {
			if (column.matches(header)) {
				return column;
			}
		}
		return null;
	}

	private static EmployeeRow row(RosterTable.Line line, Map<Column, Integer> columns, List<FieldError> errors) {
		int before = errors.size();
		String staffNo = text(line, columns, Column.STAFF_NO);
		if (staffNo.isEmpty()) {
			errors.add(error(line, Column.STAFF_NO, "required", "工号不能为空"));
		}
		else if (!STAFF_NO.matcher(staffNo).matches()) {
			errors.add(error(line, Column.STAFF_NO, "pattern", "工号只能由字母、数字、- 和 _ 组成，最长32位"));
		}
		String name = text(line, columns, Column.NAME);
		if (name.isEmpty()) {
			errors.add(error(line, Column.NAME, "required", "姓名不能为空"));
		}
		else if (name.length() > 50) {
			errors.add(error(line, Column.NAME, "maxLength", "姓名最长50个字"));
		}
		String sexText = text(line, columns, Column.SEX);
		String sex = switch (sexText) {
			case "男", "M", "m" -> "M";
			case "女", "F", "f" -> "F";
			default -> null;
		};
		if (sex == null) {
			errors.add(error(line, Column.SEX, sexText.isEmpty() ? "required" : "oneOf", "性别只能填“男”或“女”"));
		}
		Integer age = null;
		String ageText = text(line, columns, Column.AGE);
		if (!ageText.isEmpty()) {
			try {
				age = Integer.valueOf(ageText);
			}
			catch (NumberFormatException ex) {
				age = -1;
			}
			if (age < 14 || age > 100) {
				errors.add(error(line, Column.AGE, "range", "年龄应是14到100之间的整数，而不是“" + ageText + "”"));
			}
		}
		String post = limited(line, columns, Column.POST, 50, errors);
		String block = limited(line, columns, Column.BLOCK, 50, errors);
		String phone = text(line, columns, Column.PHONE);
		if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
			errors.add(error(line, Column.PHONE, "pattern", "手机号码格式不对：“" + phone + "”"));
		}
		Boolean difficulty = yesNo(line, columns, Column.DIFFICULTY, errors);
		String note = limited(line, columns, Column.DIFFICULTY_NOTE, 200, errors);
		Boolean member = yesNo(line, columns, Column.PARTY_MEMBER, errors);
		String contact = text(line, columns, Column.CONTACT);
		if (!contact.isEmpty() && contact.equals(staffNo)) {
			errors.add(error(line, Column.CONTACT, "notSelf", "联系党员不能是本人"));
		}
		List<String> leads = new ArrayList<>();
		for (String lead : LIST.split(text(line, columns, Column.LEADS))) {
			if (!lead.isEmpty() && !leads.contains(lead)) {
				leads.add(lead);
			}
		}
		if (!leads.isEmpty() && !Boolean.TRUE.equals(member)) {
			errors.add(error(line, Column.LEADS, "partyMember", "只有党员可以分管片区（本行“党员”一栏不是“是”）"));
		}
		if (errors.size() > before) {
			return null;
		}
		return new EmployeeRow(line.number(), staffNo, name, sex, age, blankAsNull(post), blankAsNull(block),
				blankAsNull(phone), difficulty, blankAsNull(note), member, blankAsNull(contact), List.copyOf(leads));
	}

	/** Contacts are Party members; each block is led by one member and has employees. */
	private static void references(List<EmployeeRow> rows, Map<String, Boolean> declared,
			Set<String> partyMembersOnRoster, Set<String> blocksOnRoster, List<FieldError> errors) {
		Map<String, EmployeeRow> leaders = new HashMap<>();
		for (EmployeeRow row : rows) {
			if (row.contactStaffNo() != null) {
				Boolean inFile = declared.get(row.contactStaffNo());
				boolean member = (inFile != null) ? inFile : partyMembersOnRoster.contains(row.contactStaffNo());
				if (!member) {
					errors.add(new FieldError(Column.CONTACT.field, "partyMember", "第" + row.line() + "行：联系党员工号 "
							+ row.contactStaffNo() + ((inFile != null) ? " 不是党员" : " 不在花名册里"), row.line()));
				}
			}
			for (String block : row.leads()) {
				EmployeeRow other = leaders.putIfAbsent(block, row);
				if (other != null) {
					errors.add(new FieldError(Column.LEADS.field, "unique",
							"第" + row.line() + "行：片区「" + block + "」已由第" + other.line() + "行的" + other.name() + "分管",
							row.line()));
				}
				else if (rows.stream().noneMatch((r) -> block.equals(r.block())) && !blocksOnRoster.contains(block)) {
					errors.add(new FieldError(Column.LEADS.field, "exists",
							"第" + row.line() + "行：片区「" + block + "」里没有员工（“片区”一栏没有人填它）", row.line()));
				}
			}
		}
	}

	private static Boolean yesNo(RosterTable.Line line, Map<Column, Integer> columns, Column column,
			List<FieldError> errors) {
		String value = text(line, columns, column);
		return switch (value) {
			case "", "否", "N", "n", "0", "FALSE", "false" -> false;
			default -> {
				if (YES.contains(value)) {
					yield true;
				}
				errors.add(error(line, column, "oneOf", "「" + column.header + "」只能填“是”或“否”（或不填）"));
				yield false;
			}
		};
	}

	private static String limited(RosterTable.Line line, Map<Column, Integer> columns, Column column, int max,
			List<FieldError> errors) {
		String value = text(line, columns, column);
		if (value.length() > max) {
			errors.add(error(line, column, "maxLength", "「" + column.header + "」最长" + max + "个字"));
		}
		return value;
	}

	private static String text(RosterTable.Line line, Map<Column, Integer> columns, Column column) {
		Integer index = columns.get(column);
		return (index != null) ? line.cell(index) : "";
	}

	private static FieldError error(RosterTable.Line line, Column column, String rule, String message) {
		return new FieldError(column.field, rule, "第" + line.number() + "行「" + column.header + "」：" + message,
				line.number());
	}

	private static String blankAsNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
