package cn.liangxin.opinions.opinion;

import java.time.Instant;

/**
 * The port through which the case talks to the workflow engine; the workflow package
 * implements it.
 */
public interface OpinionWorkflow {

	/**
	 * Starts the handling of a checked opinion; the process registers it in the same
	 * transaction.
	 * @param startedBy the user who registers it, or {@code null}
	 */
	StartedCase start(ValidOpinion opinion, String startedBy);

	/** The engine's current time (tests move it). */
	Instant now();

	/** A started case: its number and process instance. */
	record StartedCase(String caseNo, String processInstanceId) {

	}

}
