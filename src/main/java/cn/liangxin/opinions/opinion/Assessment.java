package cn.liangxin.opinions.opinion;

import cn.liangxin.opinions.calendar.Deadline;

/**
 * A checked assessment. For ENTERPRISE, {@code slip} is the assignment slip sent to the
 * department.
 */
public record Assessment(Route route, Scope scope, String assessment, AssignmentSlip slip, String reportText) {

	/**
	 * The assignment slip (员工意见交办单, attachment 3).
	 *
	 * @param dueOn the date the branch wrote on the slip, {@code null} for the 15-day
	 * limit
	 */
	public record AssignmentSlip(String departmentCode, String departmentName, String matter, java.time.LocalDate dueOn,
			Deadline deadline, String contact, String phone) {

	}

}
