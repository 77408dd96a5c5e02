package cn.liangxin.opinions.opinion;

/** The scope of the issue, which decides how feedback is given. */
public enum Scope {

	INDIVIDUAL("个别性问题"), CONCENTRATED("集中性问题"), GENERAL("普遍性问题");

	private final String label;

	Scope(String label) {
		this.label = label;
	}

	/** The Chinese label shown in forms and the register. */
	public String label() {
		return this.label;
	}

	/** The constant named by {@code code}, or {@code null} if none is. */
	public static Scope parse(String code) {
		for (Scope value : values()) {
			if (value.name().equals(code)) {
				return value;
			}
		}
		return null;
	}

}
