package cn.liangxin.opinions.opinion;

/** What a {@link CaseEvent} records (a contract with the figures and the API). */
public enum CaseEventKind {

	/** 退单: the department returned the slip to the branch. */
	RETURNED("退单"),
	/** 驳回退单: the branch gave the slip back to the department that returned it. */
	RETURN_REFUSED("驳回退单"),
	/** 延期申请: the holder of a deadline task asked for more time. */
	EXTENSION_REQUESTED("申请延期"),
	/** The level above granted the extension; {@code dueFrom} → {@code dueTo}. */
	EXTENDED("批准延期"),
	/** The level above refused the extension. */
	EXTENSION_REFUSED("不同意延期"),
	/** The level above moved the deadline on its own (today's deadline move). */
	DEADLINE_MOVED("调整期限"),
	/** 补办: the branch sent a reply back for more work. */
	SENT_BACK("退回补办"),
	/** 催办: the level above urged the holder of an open deadline task. */
	URGED("催办"),
	/** A deadline task was done (its result given), with its original deadline. */
	DONE("办结");

	private final String label;

	CaseEventKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
