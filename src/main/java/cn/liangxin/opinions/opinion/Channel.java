package cn.liangxin.opinions.opinion;

/** How the opinion reached the branch (反映渠道). */
public enum Channel {

	VISIT("走访"), MAILBOX("书记信箱"), FORUM("员工恳谈会"), WALL("意见墙"), TALK("谈心"), MEETING("意见征集会"), OTHER("其他");

	private final String label;

	Channel(String label) {
		this.label = label;
	}

	/** The Chinese label shown in forms and the register. */
	public String label() {
		return this.label;
	}

	/** The constant named by {@code code}, or {@code null} if none is. */
	public static Channel parse(String code) {
		for (Channel value : values()) {
			if (value.name().equals(code)) {
				return value;
			}
		}
		return null;
	}

}
