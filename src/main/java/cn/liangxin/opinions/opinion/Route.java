package cn.liangxin.opinions.opinion;

/** How the branch handles an opinion after assessing it (seed 000 §二(三)). */
public enum Route {

	ON_SPOT("当场解决"), EXPLAIN("解释说明"), ENTERPRISE("交企业相关部门办理"), UPPER("上报主管党（工）委协调");

	private final String label;

	Route(String label) {
		this.label = label;
	}

	/** The Chinese label shown in forms and the register. */
	public String label() {
		return this.label;
	}

	/** The constant named by {@code code}, or {@code null} if none is. */
	public static Route parse(String code) {
		for (Route value : values()) {
			if (value.name().equals(code)) {
				return value;
			}
		}
		return null;
	}

}
