package cn.liangxin.opinions.opinion;

/**
 * Where a case stands. The codes are the BPMN user task ids of process
 * {@code employee-opinion} (a contract with reports and the REST API).
 */
public enum Stage {

	ASSESS("branchAssess", "支部研判"), DEPARTMENT("departmentHandle", "企业部门办理"), REPORT_UP("branchReportUp", "支部梳理上报"),
	COMMITTEE_ACCEPT("committeeAccept", "主管党（工）委受理"), COMMITTEE("committeeHandle", "主管党（工）委答复"),
	FEEDBACK("branchFeedback", "反馈员工"), STRUCK_OFF("struckOff", "已销号");

	private final String code;

	private final String label;

	Stage(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	/** The stage whose {@link #code()} is {@code code}, or {@code null}. */
	public static Stage ofCode(String code) {
		for (Stage stage : values()) {
			if (stage.code.equals(code)) {
				return stage;
			}
		}
		return null;
	}

}
