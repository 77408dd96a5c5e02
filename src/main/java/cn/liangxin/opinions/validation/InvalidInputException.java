package cn.liangxin.opinions.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input was refused; nothing was written. Carries every broken rule, each naming its
 * field.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super(errors.stream().map(FieldError::message).collect(Collectors.joining("；")));
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(String field, String rule, String message) {
		this(List.of(new FieldError(field, rule, message)));
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
