package cn.liangxin.opinions.opinion;

/** What kind of matter the employee raised. */
public enum Kind {

	DIFFICULTY("困难"), CONFLICT("矛盾"), SUGGESTION("意见建议");

	private final String label;

	Kind(String label) {
		this.label = label;
	}

	/** The Chinese label shown in forms and the register. */
	public String label() {
		return this.label;
	}

	/** The constant named by {@code code}, or {@code null} if none is. */
	public static Kind parse(String code) {
		for (Kind value : values()) {
			if (value.name().equals(code)) {
				return value;
			}
		}
		return null;
	}

}
