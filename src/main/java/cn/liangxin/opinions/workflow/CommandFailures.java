package cn.liangxin.opinions.workflow;

import java.util.List;

import cn.liangxin.opinions.validation.FieldError;

/**
 * How the last engine command on this thread failed, as the HTTP status and errors it
 * means for the caller. {@link CommandBoundary} records it; the filter in front of the
 * engine's REST APIs ({@code web.EngineRestErrors}) answers with it, because Camunda's
 * REST resources turn most engine exceptions into 500 whatever their cause.
 */
public final class CommandFailures {

	/**
	 * A failed command.
	 *
	 * @param status the HTTP status it means: 400 refused input, 403 not allowed, 404 not
	 * found, 409 conflict, 500 unexpected
	 * @param errors what was wrong, each naming its field where there is one
	 * @param reference for 500: the reference under which the failure was logged
	 */
	public record Failure(int status, List<FieldError> errors, String reference) {
	}

	private static final ThreadLocal<Failure> LAST = new ThreadLocal<>();

	private CommandFailures() {
	}

	/** The failure recorded since {@link #clear()}, removed from the thread. */
	public static Failure take() {
		Failure failure = LAST.get();
		LAST.remove();
		return failure;
	}

	public static void clear() {
		LAST.remove();
	}

	static void record(Failure failure) {
		LAST.set(failure);
	}

}
