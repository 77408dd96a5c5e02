package cn.liangxin.opinions.opinion;

/**
 * How a deadline task ({@code departmentHandle}, {@code branchReportUp},
 * {@code committeeHandle}) is completed: variable {@code outcome}.
 */
public enum Outcome {

	/** The task's result is given (the default when {@code outcome} is absent). */
	DONE("办结"),
	/** 延期申请: more time is asked of the level above. */
	EXTEND("申请延期"),
	/** 退单: the department returns the slip to the branch (departmentHandle only). */
	RETURN("退单");

	private final String label;

	Outcome(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Whether this outcome is open to the stage. */
	public boolean allowedAt(Stage stage) {
		return this != RETURN || stage == Stage.DEPARTMENT;
	}

	/**
	 * The outcome named {@code code}; {@code DONE} when absent or blank, else
	 * {@code null}.
	 */
	public static Outcome parse(String code) {
		if (code == null || code.isBlank()) {
			return DONE;
		}
		for (Outcome outcome : values()) {
			if (outcome.name().equals(code)) {
				return outcome;
			}
		}
		return null;
	}

}
