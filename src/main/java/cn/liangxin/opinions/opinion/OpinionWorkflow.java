package cn.liangxin.opinions.opinion;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The port through which the case talks to the workflow engine; the workflow package
 * implements it.
 */
public interface OpinionWorkflow {

	/**
	 * Starts the handling of a checked opinion, as the current caller; the process
	 * registers it in the same transaction.
	 */
	StartedCase start(ValidOpinion opinion);

	/**
	 * Moves the due day of the case's open deadline task: the task's due date, its
	 * reminder and overdue timers follow.
	 */
	void moveDeadline(String caseNo, Stage stage, LocalDate dueOn);

	/** The engine's current time (tests move it). */
	Instant now();

	/** A started case: its number and process instance. */
	record StartedCase(String caseNo, String processInstanceId) {

	}

}
