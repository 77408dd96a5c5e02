package cn.liangxin.opinions.visit;

/**
 * The recurring duties of the visiting system (seed 000 §二(一), §三(一)), each with the
 * period it is due in and who keeps it: the branch, its secretary, or the supervising
 * committee. Periods are calendar quarters or months; a duty is due by the last working
 * day of its period (docs/visits.md).
 */
public enum DutyKind {

	/** 员工意见征集会: at least one a quarter per branch; opinions raised open cases. */
	MEETING("员工意见征集会", true, "MEETING"),

	/** 谈心谈话: at least one a month per leader of a block (or the branch). */
	TALK("谈心谈话", false, "TALK"),

	/**
	 * 走访业主: the secretary visits the owner and passes on widespread and major matters;
	 * the seed says "regularly", this product asks it once a quarter.
	 */
	OWNER_VISIT("书记走访业主", true, null),

	/**
	 * 入企走访座谈: a committee leader visits each of the committee's organizations monthly.
	 */
	COMMITTEE_VISIT("主管党（工）委入企走访", false, null);

	private final String label;

	private final boolean quarterly;

	private final String channel;

	DutyKind(String label, boolean quarterly, String channel) {
		this.label = label;
		this.quarterly = quarterly;
		this.channel = channel;
	}

	/** The duty's name, in Chinese. */
	public String label() {
		return this.label;
	}

	/** Due once a quarter (else once a month). */
	public boolean quarterly() {
		return this.quarterly;
	}

	/**
	 * The intake channel of the opinions raised while keeping it ({@code null}: it raises
	 * no employee's opinion).
	 */
	public String channel() {
		return this.channel;
	}

	/** The committee keeps it and the district supervises it. */
	public boolean byCommittee() {
		return this == COMMITTEE_VISIT;
	}

}
