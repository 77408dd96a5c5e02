package cn.liangxin.opinions.visit;

import java.math.BigDecimal;
import java.util.List;

/**
 * A visit as the visit log (走访日志, seed 000 attachment 1) records it: who visited and
 * when, the household, what was found and asked, each matter and its handling, and the
 * employee's opinion and signature. The body of {@code POST /api/visits}; docs/visits.md.
 *
 * @param employeeStaffNo the visited employee's 工号 on the roster (their name and post
 * come from there), or {@code null} with {@code employeeName} given
 * @param annualIncome the household's yearly income in yuan
 */
public record VisitLog(String orgCode, String visitorName, String visitorPost, String visitedOn, String employeeStaffNo,
		String employeeName, List<HouseholdMember> household, String partyMembersInHousehold, BigDecimal annualIncome,
		String found, String asked, List<Matter> matters, String employeeOpinion, String signedBy, String signedOn) {

	/** One member of the employee's household. */
	public record HouseholdMember(String name, String sex, Integer age, String occupation) {
	}

	/**
	 * One matter raised, and how it is handled: {@code ON_SPOT} (当场解决) and
	 * {@code EXPLAINED} (解释说明) with their {@code result}; {@code DEADLINE} (限期解决, by
	 * {@code dueOn}) and {@code DEPARTMENT} (转交部门, to {@code department}) open a case.
	 * {@code kind}: DIFFICULTY (default), CONFLICT or SUGGESTION.
	 */
	public record Matter(String content, String handling, String result, String dueOn, String department, String kind) {
	}

}
