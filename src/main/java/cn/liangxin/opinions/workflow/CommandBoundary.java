package cn.liangxin.opinions.workflow;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.liangxin.opinions.validation.ConflictException;
import cn.liangxin.opinions.validation.DatabaseUnavailable;
import cn.liangxin.opinions.validation.FieldError;
import cn.liangxin.opinions.validation.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outermost step of every engine command, before its transaction begins. For a
 * top-level command (not one that runs inside another):
 * <ul>
 * <li>a command of a person or of the application that collides with concurrent work
 * (optimistic locking in the engine or the register, a deadlock) is run again, up to
 * {@value #ATTEMPTS} times, each time in a fresh transaction; jobs are retried by the job
 * executor instead;</li>
 * <li>a refusal of the case's rules ({@link InvalidInputException}) leaves as a
 * {@link FormFieldValidationException}, which the REST API answers with 400 and Tasklist
 * shows on the form; a tenant refusal as an {@link AuthorizationException} (403); a
 * collision that retries did not resolve, or a task claimed by someone else, as a
 * {@link ConflictException} (409);</li>
 * <li>the failure is recorded for the HTTP answer ({@link CommandFailures}) and logged
 * once: refusals as one line at INFO, conflicts at WARN, anything unexpected at ERROR
 * with its stack trace and a reference that the answer quotes.</li>
 * </ul>
 * The engine's own logging of command exceptions is switched off
 * ({@code enableCmdExceptionLogging}); the job executor still logs failed jobs.
 */
class CommandBoundary extends CommandInterceptor {

	static final int ATTEMPTS = 4;

	/** The code of the engine's "belongs to no authenticated tenant" refusals. */
	static final String TENANT_CHECK_REFUSAL = "ENGINE-13034";

	private static final Logger log = LoggerFactory.getLogger(CommandBoundary.class);

	private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

	private final IdentityService identity;

	CommandBoundary(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	public <T> T execute(Command<T> command) {
		if (INSIDE.get() != null) {
			return this.next.execute(command);
		}
		INSIDE.set(Boolean.TRUE);
		CommandFailures.clear();
		try {
			return executeTopLevel(command);
		}
		finally {
			INSIDE.remove();
		}
	}

	private <T> T executeTopLevel(Command<T> command) {
		boolean retriable = isRetriable(command);
		for (int attempt = 1;; attempt++) {
			try {
				return this.next.execute(command);
			}
			catch (RuntimeException ex) {
				if (retriable && attempt < ATTEMPTS && isConflict(ex)) {
					log.debug("{} collided with concurrent work (attempt {}), running it again", name(command),
							attempt);
					pause(attempt);
					continue;
				}
				throw leaving(command, ex);
			}
		}
	}

	/**
	 * Commands of people and of the application, on their own transaction; not the job
	 * executor's (it retries jobs itself) nor an explicit job execution.
	 */
	private static boolean isRetriable(Command<?> command) {
		return Context.getJobExecutorContext() == null && !(command instanceof ExecuteJobsCmd)
				&& !TransactionSynchronizationManager.isActualTransactionActive();
	}

	static boolean isConflict(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof OptimisticLockingException) {
				return true;
			}
		}
		return ConflictException.isConflict(failure);
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The exception the command leaves with, recorded and logged. */
	private RuntimeException leaving(Command<?> command, RuntimeException ex) {
		// a job's failure is kept with the job (its stack trace in Cockpit) and retried;
		// the job executor logs it
		boolean job = Context.getJobExecutorContext() != null || command instanceof ExecuteJobsCmd;
		InvalidInputException refusal = find(ex, InvalidInputException.class);
		if (refusal != null) {
			return refused(command, 400, refusal.errors(), refusal.getMessage(),
					new FormFieldValidationException(refusal.errors(), refusal.getMessage(), refusal), job);
		}
		if (ex instanceof AuthorizationException) {
			return refused(command, 403, List.of(new FieldError(null, "forbidden", forbidden(ex))), ex.getMessage(), ex,
					job);
		}
		if (ex instanceof ProcessEngineException && ex.getMessage() != null
				&& ex.getMessage().startsWith(TENANT_CHECK_REFUSAL)) {
			return refused(command, 403, List.of(new FieldError(null, "forbidden", "该数据不属于您所在的组织，无权操作")),
					ex.getMessage(), new AuthorizationException(ex.getMessage()), job);
		}
		if (ex instanceof TaskAlreadyClaimedException claimed) {
			String message = "该任务已被" + claimed.getTaskAssignee() + "认领";
			return refused(command, 409, List.of(new FieldError(null, "alreadyClaimed", message)), message,
					new ConflictException(message, ex), job);
		}
		if (isConflict(ex)) {
			if (!job) {
				log.warn("{} by {} still collided with concurrent work after {} attempts: {}", name(command), user(),
						ATTEMPTS, ex.toString());
			}
			CommandFailures.record(new CommandFailures.Failure(409,
					List.of(new FieldError(null, "conflict", ConflictException.MESSAGE)), null));
			return (ex instanceof ConflictException) ? ex : new ConflictException(ex);
		}
		if (ex instanceof NotFoundException || (ex instanceof NullValueException && mentionsMissing(ex))) {
			return refused(command, 404, List.of(new FieldError(null, "notFound", "未找到所请求的任务、流程实例或作业")),
					ex.getMessage(), ex, job);
		}
		if (ex instanceof BadUserRequestException || ex instanceof NotValidException
				|| ex instanceof FormFieldValidationException) {
			return refused(command, 400, List.of(new FieldError(null, "badRequest", "请求无效：" + ex.getMessage())),
					ex.getMessage(), ex, job);
		}
		if (!job && DatabaseUnavailable.is(ex)) {
			log.warn("Refused {} by {} while the database is away: {}", name(command), user(), ex.toString());
			CommandFailures.record(new CommandFailures.Failure(503,
					List.of(new FieldError(null, "databaseUnavailable", DatabaseUnavailable.MESSAGE)), null));
			return ex;
		}
		String reference = UUID.randomUUID().toString().substring(0, 8);
		if (!job) {
			log.error("Unexpected failure {} of {} by {}", reference, name(command), user(), ex);
		}
		else if (Context.getJobExecutorContext() == null) {
			log.warn("A job executed by {} failed ({}); it keeps the failure and its retries: {}", user(), reference,
					ex.toString());
		}
		CommandFailures.record(new CommandFailures.Failure(500,
				List.of(new FieldError(null, "unexpected", "系统内部错误，请稍后重试；如仍出现，请将错误编号 " + reference + " 告知管理员")),
				reference));
		return ex;
	}

	private RuntimeException refused(Command<?> command, int status, List<FieldError> errors, String reason,
			RuntimeException thrown, boolean job) {
		if (!job) {
			log.info("Refused {} by {} ({}): {}", name(command), user(), status, reason);
		}
		CommandFailures.record(new CommandFailures.Failure(status, errors, null));
		return thrown;
	}

	private static String forbidden(RuntimeException ex) {
		return (ex instanceof WriteGuard.WriteRefused) ? ex.getMessage() : "您无权执行此操作";
	}

	private static boolean mentionsMissing(RuntimeException ex) {
		String message = ex.getMessage();
		return message != null && (message.contains("Cannot find") || message.contains("not found")
				|| message.contains("No ") || message.contains("does not exist"));
	}

	private String user() {
		Authentication authentication = this.identity.getCurrentAuthentication();
		return (authentication != null && authentication.getUserId() != null) ? authentication.getUserId()
				: "the application";
	}

	private static String name(Command<?> command) {
		return command.getClass().getSimpleName();
	}

	private static <E extends Throwable> E find(Throwable ex, Class<E> type) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
