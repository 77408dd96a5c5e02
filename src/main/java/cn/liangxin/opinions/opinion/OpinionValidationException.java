package cn.liangxin.opinions.opinion;

import java.util.List;
import java.util.stream.Collectors;

/** Input was refused; nothing was written. Carries every broken rule. */
public class OpinionValidationException extends RuntimeException {

	private final List<FieldError> errors;

	public OpinionValidationException(List<FieldError> errors) {
		super(errors.stream().map(FieldError::message).collect(Collectors.joining("；")));
		this.errors = List.copyOf(errors);
	}

	public OpinionValidationException(String field, String rule, String message) {
		this(List.of(new FieldError(field, rule, message)));
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
