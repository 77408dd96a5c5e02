package cn.liangxin.opinions.opinion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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

	/**
	 * The case's open task of a deadline stage and who holds it (the assignee, else the
	 * candidates), for an urge; empty while the stage is not open (e.g. while a request
	 * for more time is decided).
	 */
	Optional<OpenTask> openTask(String caseNo, Stage stage);

	/**
	 * Every task the case had, open or done, in its own process and in those it called
	 * (supervisions, requests for more time), oldest first.
	 */
	List<TaskStep> steps(String caseNo);

	/** The engine's current time (tests move it). */
	Instant now();

	/** An open deadline task: its id, name, the end of its deadline and its holders. */
	record OpenTask(String taskId, String name, Instant due, List<Holder> holders) {

	}

	/**
	 * A task of the case as the engine's history has it: who did it (the assignee, as the
	 * register names people), its due date, when it was created and ended, whether it was
	 * completed (rather than ended by an event), and what was written in its form's text
	 * fields on completing it (「办理情况及结果：…」).
	 */
	record TaskStep(String taskId, String key, String name, String actor, Instant created, Instant ended, Instant due,
			boolean completed, String written) {

	}

	/** Someone holding a task who has an e-mail address. */
	record Holder(String username, String name, String email) {

	}

	/** A started case: its number and process instance. */
	record StartedCase(String caseNo, String processInstanceId) {

	}

}
