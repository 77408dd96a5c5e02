package cn.liangxin.opinions.workflow;

import java.util.function.Supplier;

import cn.liangxin.opinions.opinion.OpinionValidationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Refused input inside the engine becomes a {@link FormFieldValidationException}: the
 * Camunda REST API answers it with 400 and its message, and Tasklist shows that message
 * (in Chinese) on the form. The command's transaction rolls back, so nothing of the
 * refused step is kept.
 */
final class Validation {

	private Validation() {
	}

	static <T> T refuseAsFormError(Supplier<T> step) {
		try {
			return step.get();
		}
		catch (OpinionValidationException ex) {
			throw new FormFieldValidationException(ex.errors(), ex.getMessage(), ex);
		}
	}

	static void refuseAsFormError(Runnable step) {
		refuseAsFormError(() -> {
			step.run();
			return null;
		});
	}

}
