package cn.liangxin.opinions.org;

import java.util.Set;

/**
 * Which organizations' cases a person sees: their own organization, their committee's
 * organizations, or all of them (district staff and admins).
 */
public record AccessScope(String username, Role role, Set<String> orgCodes, boolean everything) {

	public boolean sees(String orgCode) {
		return this.everything || this.orgCodes.contains(orgCode);
	}

	/**
	 * Whether the person may register opinions for the organization (its branch, or an
	 * admin).
	 */
	public boolean registersFor(String orgCode) {
		return this.role == Role.ADMIN || ((this.role == Role.BRANCH_SECRETARY || this.role == Role.BRANCH_MEMBER)
				&& this.orgCodes.contains(orgCode));
	}

}
