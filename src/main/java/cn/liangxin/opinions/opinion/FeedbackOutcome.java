package cn.liangxin.opinions.opinion;

/** What follows the feedback: strike-off, another round of handling, or the committee. */
public enum FeedbackOutcome {

	/** Satisfied, or closed with a written reason: the case is struck off. */
	CLOSE,
	/** Not satisfied: back to the branch's assessment for handling again. */
	REHANDLE,
	/**
	 * Not satisfied after two rounds of handling again: it must go to the supervising
	 * committee.
	 */
	ESCALATE

}
