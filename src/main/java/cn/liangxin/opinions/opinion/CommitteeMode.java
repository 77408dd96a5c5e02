package cn.liangxin.opinions.opinion;

/**
 * Whether the supervising committee answers alone (10 working days) or with other
 * departments (20).
 */
public enum CommitteeMode {

	INDEPENDENT("独立解决"), JOINT("联合其他部门解决");

	private final String label;

	CommitteeMode(String label) {
		this.label = label;
	}

	/** The Chinese label shown in forms and the register. */
	public String label() {
		return this.label;
	}

	/** The constant named by {@code code}, or {@code null} if none is. */
	public static CommitteeMode parse(String code) {
		for (CommitteeMode value : values()) {
			if (value.name().equals(code)) {
				return value;
			}
		}
		return null;
	}

}
