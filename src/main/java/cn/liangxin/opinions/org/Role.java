package cn.liangxin.opinions.org;

/** A person's role in the organization tree, which decides what they see and work. */
public enum Role {

	/** 系统管理员: deploys, manages users, groups and authorizations; sees everything. */
	ADMIN("系统管理员"),
	/** 区委"两新"工委: sees every organization of the district. */
	DISTRICT_STAFF("区委\"两新\"工委"),
	/** 主管党（工）委: sees the organizations the committee supervises. */
	COMMITTEE_STAFF("主管党（工）委"),
	/** 支部书记: the branch's first responsible person; supervises its departments. */
	BRANCH_SECRETARY("支部书记"),
	/** 支部委员 / 党员: works the branch's tasks. */
	BRANCH_MEMBER("支部委员"),
	/** 企业部门经办人: works the assignment slips of one department. */
	DEPARTMENT_STAFF("部门经办人");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Whether the role belongs to one organization (and needs its code). */
	public boolean inOrganization() {
		return this == BRANCH_SECRETARY || this == BRANCH_MEMBER || this == DEPARTMENT_STAFF;
	}

	public static Role parse(String code) {
		for (Role role : values()) {
			if (role.name().equals(code)) {
				return role;
			}
		}
		return null;
	}

}
