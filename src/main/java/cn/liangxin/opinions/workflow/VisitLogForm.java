package cn.liangxin.opinions.workflow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.liangxin.opinions.validation.Errors;
import cn.liangxin.opinions.validation.FieldError;
import cn.liangxin.opinions.validation.InvalidInputException;
import cn.liangxin.opinions.visit.VisitLog;

/**
 * The visit log form ({@code forms/visit-log.form}) as a {@link VisitLog}: its fields are
 * flat (form-js has no lists a start form could submit), so the household is up to
 * {@value #HOUSEHOLD_ROWS} rows ({@code household1Name}, {@code household1Sex},
 * {@code household1Age}, {@code household1Occupation} …) and the matters up to
 * {@value #MATTER_ROWS} ({@code matter1Content}, {@code matter1Handling},
 * {@code matter1Result}, {@code matter1DueOn}, {@code matter1Department},
 * {@code matter1Kind} …). A row left wholly empty is skipped. The visit's rules name rows
 * by their place in the lists ({@code household[1].age}); {@link #onFormKeys} names them
 * by the form's keys again ({@code household2Age}), so that Tasklist and REST callers
 * learn which field of the form to mend.
 */
final class VisitLogForm {

	static final int HOUSEHOLD_ROWS = 4;

	static final int MATTER_ROWS = 3;

	private static final List<String> MEMBER_FIELDS = List.of("Name", "Sex", "Age", "Occupation");

	private static final List<String> MATTER_FIELDS = List.of("Content", "Handling", "Result", "DueOn", "Department",
			"Kind");

	/**
	 * A row's field in the visit's rules: {@code household[0].age}, {@code matters[2]}.
	 */
	private static final Pattern ROW_FIELD = Pattern.compile("(household|matters)\\[(\\d+)](?:\\.(\\w+))?");

	private final VisitLog visit;

	/** The form's row number (1…) of each member in {@code visit.household()}. */
	private final List<Integer> memberRows;

	/** The form's row number (1…) of each matter in {@code visit.matters()}. */
	private final List<Integer> matterRows;

	private VisitLogForm(VisitLog visit, List<Integer> memberRows, List<Integer> matterRows) {
		this.visit = visit;
		this.memberRows = memberRows;
		this.matterRows = matterRows;
	}

	/**
	 * Reads the form's variables.
	 * @param orgCode the organization the visit is recorded for
	 * @throws InvalidInputException naming a number field whose value is no number of its
	 * kind (an age that is not whole)
	 */
	static VisitLogForm read(String orgCode, Function<String, Object> variables) {
		Errors errors = new Errors();
		List<VisitLog.HouseholdMember> household = new ArrayList<>();
		List<Integer> memberRows = new ArrayList<>();
		for (int row = 1; row <= HOUSEHOLD_ROWS; row++) {
			String prefix = "household" + row;
			if (isEmptyRow(variables, prefix, MEMBER_FIELDS)) {
				continue;
			}
			household.add(new VisitLog.HouseholdMember(text(variables, prefix + "Name"),
					text(variables, prefix + "Sex"), age(variables, prefix + "Age", "成员" + row + "年龄", errors),
					text(variables, prefix + "Occupation")));
			memberRows.add(row);
		}
		List<VisitLog.Matter> matters = new ArrayList<>();
		List<Integer> matterRows = new ArrayList<>();
		for (int row = 1; row <= MATTER_ROWS; row++) {
			String prefix = "matter" + row;
			if (isEmptyRow(variables, prefix, MATTER_FIELDS)) {
				continue;
			}
			matters.add(new VisitLog.Matter(text(variables, prefix + "Content"), text(variables, prefix + "Handling"),
					text(variables, prefix + "Result"), text(variables, prefix + "DueOn"),
					text(variables, prefix + "Department"), text(variables, prefix + "Kind")));
			matterRows.add(row);
		}
		BigDecimal income = amount(variables, "annualIncome", errors);
		errors.throwIfAny();
		VisitLog visit = new VisitLog(orgCode, text(variables, "visitorName"), text(variables, "visitorPost"),
				text(variables, "visitedOn"), text(variables, "employeeStaffNo"), text(variables, "employeeName"),
				household, text(variables, "partyMembersInHousehold"), income, text(variables, "found"),
				text(variables, "asked"), matters, text(variables, "employeeOpinion"), text(variables, "signedBy"),
				text(variables, "signedOn"));
		return new VisitLogForm(visit, memberRows, matterRows);
	}

	VisitLog visit() {
		return this.visit;
	}

	/**
	 * The visit's refusal with each row's field named by the form's key, its message
	 * preceded by the field's label ({@code 成员2年龄：…}); other fields are the form's keys
	 * already.
	 * @param labels the form's label of a key, {@code null} if there is none
	 */
	InvalidInputException onFormKeys(InvalidInputException refusal, Function<String, String> labels) {
		List<FieldError> errors = new ArrayList<>();
		for (FieldError error : refusal.errors()) {
			String key = formKey(error.field());
			if (key.equals(error.field())) {
				errors.add(error);
				continue;
			}
			String label = labels.apply(key);
			errors.add(new FieldError(key, error.rule(),
					(label != null) ? label + "：" + error.message() : error.message(), error.line()));
		}
		return new InvalidInputException(errors);
	}

	/**
	 * The form's key of a field of the visit's rules: {@code household[1].age} →
	 * {@code household2Age}, {@code matters[0].dueOn} → {@code matter1DueOn}; a field of
	 * the case a matter opens ({@code matters[0].summary}) → the matter's content.
	 */
	String formKey(String field) {
		Matcher matcher = (field != null) ? ROW_FIELD.matcher(field) : null;
		if (matcher == null || !matcher.matches()) {
			return field;
		}
		boolean member = matcher.group(1).equals("household");
		List<Integer> rows = member ? this.memberRows : this.matterRows;
		int index = Integer.parseInt(matcher.group(2));
		if (index >= rows.size()) {
			return field;
		}
		List<String> fields = member ? MEMBER_FIELDS : MATTER_FIELDS;
		String name = (matcher.group(3) != null) ? capitalized(matcher.group(3)) : fields.get(0);
		return (member ? "household" : "matter") + rows.get(index) + (fields.contains(name) ? name : fields.get(0));
	}

	/** The form's keys of the household's and the matters' rows. */
	static List<String> rowKeys() {
		List<String> keys = new ArrayList<>();
		for (int row = 1; row <= HOUSEHOLD_ROWS; row++) {
			for (String field : MEMBER_FIELDS) {
				keys.add("household" + row + field);
			}
		}
		for (int row = 1; row <= MATTER_ROWS; row++) {
			for (String field : MATTER_FIELDS) {
				keys.add("matter" + row + field);
			}
		}
		return keys;
	}

	private static boolean isEmptyRow(Function<String, Object> variables, String prefix, List<String> fields) {
		return fields.stream().allMatch((field) -> {
			Object value = variables.apply(prefix + field);
			return value == null || value.toString().isBlank();
		});
	}

	private static String text(Function<String, Object> variables, String key) {
		Object value = variables.apply(key);
		return (value != null) ? value.toString() : null;
	}

	private static Integer age(Function<String, Object> variables, String key, String label, Errors errors) {
		BigDecimal number = number(variables, key, label, errors);
		if (number == null) {
			return null;
		}
		try {
			return number.intValueExact();
		}
		catch (ArithmeticException ex) {
			errors.add(key, "wholeNumber", label + "应为整数" + Errors.received(variables.apply(key)));
			return null;
		}
	}

	private static BigDecimal amount(Function<String, Object> variables, String key, Errors errors) {
		return number(variables, key, "家庭年收入", errors);
	}

	private static BigDecimal number(Function<String, Object> variables, String key, String label, Errors errors) {
		Object value = variables.apply(key);
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.toString().strip());
		}
		catch (NumberFormatException ex) {
			errors.add(key, "type", label + "应为数字" + Errors.received(value));
			return null;
		}
	}

	private static String capitalized(String name) {
		return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

}
