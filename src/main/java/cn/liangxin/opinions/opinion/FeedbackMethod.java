package cn.liangxin.opinions.opinion;

/**
 * How the result is fed back to the employee; each scope of issue has its own methods
 * (seed 000 §二(三): widespread → public notice, concentrated → meeting, individual → home
 * visit or phone).
 */
public enum FeedbackMethod {

	PUBLIC_NOTICE("公开反馈（党务公开栏、企业公示栏、宣传橱窗、网上党支部）", Scope.GENERAL), MEETING("集中反馈（专题会议通报、员工恳谈会）", Scope.CONCENTRATED),
	HOME_VISIT("登门答复", Scope.INDIVIDUAL), PHONE("电话告知", Scope.INDIVIDUAL);

	private final String label;

	private final Scope scope;

	FeedbackMethod(String label, Scope scope) {
		this.label = label;
		this.scope = scope;
	}

	public String label() {
		return this.label;
	}

	/** Whether this method is the one the rules give for issues of {@code scope}. */
	public boolean suits(Scope scope) {
		return this.scope == scope;
	}

	public static FeedbackMethod parse(String code) {
		for (FeedbackMethod value : values()) {
			if (value.name().equals(code)) {
				return value;
			}
		}
		return null;
	}

}
