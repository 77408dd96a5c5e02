package cn.liangxin.opinions.org;

import java.util.List;
import java.util.regex.Pattern;

import cn.liangxin.opinions.validation.Errors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How admins and district staff add and change committees, organizations and people:
 * every input checked, refused whole with named fields, or saved with the Camunda
 * identity following.
 */
@Service
public class OrgAdministration {

	private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9_-]{1,31}$");

	private static final Pattern USERNAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_-]{1,63}$");

	/** 统一社会信用代码: 18 characters of digits and capital letters (no I, O, S, V, Z). */
	private static final Pattern CREDIT_CODE = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{18}$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private final OrgDirectory directory;

	OrgAdministration(OrgDirectory directory) {
		this.directory = directory;
	}

	/** Input of a committee. */
	public record CommitteeInput(String code, String name) {
	}

	/** Input of an organization with its departments. */
	public record OrganizationInput(String code, String name, String creditCode, Integer employeeCount,
			String committeeCode, String partyName, List<DepartmentInput> departments) {
	}

	/** Input of a department. */
	public record DepartmentInput(String code, String name) {
	}

	/** Input of a person; {@code password} is required when the person is new. */
	public record PersonInput(String username, String name, String role, String orgCode, String departmentCode,
			String committeeCode, String post, String phone, String email, String password, Boolean dailyDigest) {
	}

	@Transactional
	public Committee saveCommittee(CommitteeInput input) {
		Errors errors = new Errors();
		String code = code(errors, "code", "委员会代码", input.code());
		String name = errors.requiredText("name", "名称", input.name(), 100);
		errors.throwIfAny();
		return this.directory.save(new Committee(code, name));
	}

	@Transactional
	public Organization saveOrganization(OrganizationInput input) {
		Errors errors = new Errors();
		String code = code(errors, "code", "组织代码", input.code());
		String name = errors.requiredText("name", "组织名称", input.name(), 100);
		String creditCode = errors.text("creditCode", "统一社会信用代码", input.creditCode(), 18);
		String partyName = errors.text("partyName", "党组织名称", input.partyName(), 100);
		if (creditCode != null && !CREDIT_CODE.matcher(creditCode).matches()) {
			errors.add("creditCode", "creditCode", "统一社会信用代码应为18位数字或大写字母");
		}
		if (input.employeeCount() == null || input.employeeCount() < 0) {
			errors.add("employeeCount", "required", "员工人数须为不小于0的整数");
		}
		if (input.committeeCode() == null || this.directory.committee(input.committeeCode()).isEmpty()) {
			errors.add("committeeCode", "knownCommittee", "主管党（工）委" + Errors.quote(input.committeeCode()) + "不存在");
		}
		List<DepartmentInput> departments = (input.departments() != null) ? input.departments() : List.of();
		for (int i = 0; i < departments.size(); i++) {
			code(errors, "departments[" + i + "].code", "部门代码", departments.get(i).code());
			errors.requiredText("departments[" + i + "].name", "部门名称", departments.get(i).name(), 100);
		}
		errors.throwIfAny();
		Organization saved = this.directory
			.save(new Organization(code, name, creditCode, input.employeeCount(), input.committeeCode())
				.withPartyName(partyName));
		departments.forEach((d) -> this.directory.save(new Department(code, d.code().strip(), d.name().strip())));
		return saved;
	}

	@Transactional
	public Person savePerson(PersonInput input) {
		Errors errors = new Errors();
		String username = errors.requiredText("username", "用户名", input.username(), 64);
		if (username != null && !USERNAME.matcher(username).matches()) {
			errors.add("username", "pattern", "用户名只能包含字母、数字、- 和 _，2到64个字符");
		}
		boolean isNew = username == null || this.directory.person(username).isEmpty();
		String name = errors.requiredText("name", "姓名", input.name(), 50);
		Role role = Role.parse(input.role());
		if (role == null) {
			errors.add("role", (input.role() == null) ? "required" : "oneOf",
					"角色应为 ADMIN、DISTRICT_STAFF、COMMITTEE_STAFF、BRANCH_SECRETARY、BRANCH_MEMBER、DEPARTMENT_STAFF 之一");
		}
		String orgCode = blankToNull(input.orgCode());
		String departmentCode = blankToNull(input.departmentCode());
		String committeeCode = blankToNull(input.committeeCode());
		if (role != null && role.inOrganization()) {
			if (orgCode == null || this.directory.organization(orgCode).isEmpty()) {
				errors.add("orgCode", "knownOrganization", role.label() + "须属于一个已登记的组织" + Errors.received(orgCode));
			}
			else if (role == Role.DEPARTMENT_STAFF && this.directory.department(orgCode, departmentCode).isEmpty()) {
				errors.add("departmentCode", "knownDepartment",
						"部门" + Errors.quote(departmentCode) + "不是组织" + orgCode + "的部门");
			}
		}
		if (role == Role.COMMITTEE_STAFF
				&& (committeeCode == null || this.directory.committee(committeeCode).isEmpty())) {
			errors.add("committeeCode", "knownCommittee", "主管党（工）委" + Errors.quote(committeeCode) + "不存在");
		}
		String post = errors.text("post", "职务", input.post(), 50);
		String phone = errors.text("phone", "电话", input.phone(), 30);
		String email = errors.text("email", "电子邮箱", input.email(), 100);
		if (email != null && !EMAIL.matcher(email).matches()) {
			errors.add("email", "email", "电子邮箱格式不正确");
		}
		String password = (input.password() != null && !input.password().isEmpty()) ? input.password() : null;
		if (isNew && password == null) {
			errors.add("password", "requiredForNewPerson", "新用户须设置初始密码");
		}
		else if (password != null && password.length() < 4) {
			errors.add("password", "minLength", "密码至少4个字符");
		}
		errors.throwIfAny();
		boolean dailyDigest = (input.dailyDigest() != null) ? input.dailyDigest()
				: !isNew && this.directory.person(username).map(Person::isDailyDigest).orElse(false);
		Person person = new Person(username, name, role, role.inOrganization() ? orgCode : null,
				(role == Role.DEPARTMENT_STAFF) ? departmentCode : null,
				(role == Role.COMMITTEE_STAFF) ? committeeCode : null, post, phone, email)
			.withDailyDigest(dailyDigest);
		return this.directory.save(person, password);
	}

	private static String code(Errors errors, String field, String label, String value) {
		String code = errors.requiredText(field, label, value, 32);
		if (code != null && !CODE.matcher(code).matches()) {
			errors.add(field, "pattern", label + "只能包含小写字母、数字、- 和 _，2到32个字符" + Errors.received(code));
		}
		return code;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** Refuses a caller who may not administer the organization tree. */
	public void requireAdministrator(AccessScope scope) {
		if (scope.role() != Role.ADMIN && scope.role() != Role.DISTRICT_STAFF) {
			throw new NotAllowedException("只有系统管理员和区委\"两新\"工委人员可以管理组织和人员");
		}
	}

	/** The caller may not do this (403). */
	public static class NotAllowedException extends RuntimeException {

		public NotAllowedException(String message) {
			super(message);
		}

	}

}
