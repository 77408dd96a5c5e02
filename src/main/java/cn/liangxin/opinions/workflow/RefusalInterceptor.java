package cn.liangxin.opinions.workflow;

import cn.liangxin.opinions.validation.InvalidInputException;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Refused input inside the engine (a listener or delegate threw
 * {@link InvalidInputException}, which the engine wraps) leaves every engine command as a
 * {@link FormFieldValidationException}: the Camunda REST API answers it with 400 and the
 * refusal's message, and Tasklist shows that message (in Chinese) on the form. The
 * command's transaction rolls back, so nothing is kept.
 */
class RefusalInterceptor extends CommandInterceptor {

	/** The code of the engine's "belongs to no authenticated tenant" refusals. */
	static final String TENANT_CHECK_REFUSAL = "ENGINE-13034";

	@Override
	public <T> T execute(Command<T> command) {
		try {
			return this.next.execute(command);
		}
		catch (FormFieldValidationException ex) {
			throw ex;
		}
		catch (AuthorizationException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			InvalidInputException refusal = refusal(ex);
			if (refusal != null) {
				throw new FormFieldValidationException(refusal.errors(), refusal.getMessage(), refusal);
			}
			if (ex instanceof ProcessEngineException && ex.getMessage() != null
					&& ex.getMessage().startsWith(TENANT_CHECK_REFUSAL)) {
				throw new AuthorizationException(ex.getMessage());
			}
			throw ex;
		}
	}

	private static InvalidInputException refusal(Throwable ex) {
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof InvalidInputException refusal) {
				return refusal;
			}
		}
		return null;
	}

}
