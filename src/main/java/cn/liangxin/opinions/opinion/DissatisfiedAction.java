package cn.liangxin.opinions.opinion;

/** What the branch does when the employee is not satisfied with the result. */
public enum DissatisfiedAction {

	REHANDLE("退回重新办理"), CLOSE("说明理由后办结");

	private final String label;

	DissatisfiedAction(String label) {
		this.label = label;
	}

	/** The Chinese label shown in forms and the register. */
	public String label() {
		return this.label;
	}

	/** The constant named by {@code code}, or {@code null} if none is. */
	public static DissatisfiedAction parse(String code) {
		for (DissatisfiedAction value : values()) {
			if (value.name().equals(code)) {
				return value;
			}
		}
		return null;
	}

}
