package cn.liangxin.opinions.visit;

import java.util.List;

/**
 * One employee as the roster file gives them, checked.
 *
 * @param line the file's line (CSV) or row (XLSX)
 * @param staffNo 工号, the key a re-import updates by
 * @param sex {@code M} or {@code F}
 * @param contactStaffNo 联系党员工号: the Party member the employee is paired with
 * @param leads 分管片区: the blocks a Party member takes
 */
record EmployeeRow(int line, String staffNo, String name, String sex, Integer age, String post, String block,
		String phone, boolean specialDifficulty, String difficultyNote, boolean partyMember, String contactStaffNo,
		List<String> leads) {
}
