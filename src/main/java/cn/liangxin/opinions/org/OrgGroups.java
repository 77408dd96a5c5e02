package cn.liangxin.opinions.org;

/**
 * Names of the Camunda groups that follow the organization tree. Candidate groups of the
 * process and the demo identities use these, so the naming lives in one place.
 */
public final class OrgGroups {

	/** Camunda's administrators' group. */
	public static final String ADMIN = "camunda-admin";

	/** District staff (区委"两新"工委): sees everything in the district. */
	public static final String DISTRICT = "district";

	private OrgGroups() {
	}

	/** Every member of the organization's Party branch, secretary included. */
	public static String branch(String orgCode) {
		return orgCode + "-branch";
	}

	/** The branch secretary (书记), first responsible person of the branch. */
	public static String secretary(String orgCode) {
		return orgCode + "-secretary";
	}

	/** Staff of one enterprise department of the organization. */
	public static String department(String orgCode, String departmentCode) {
		return orgCode + "-dept-" + departmentCode;
	}

	/** Staff of a supervising committee. */
	public static String committee(String committeeCode) {
		return committeeCode + "-committee";
	}

}
