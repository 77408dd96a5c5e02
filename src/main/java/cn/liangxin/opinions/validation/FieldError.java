package cn.liangxin.opinions.validation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One rule one input broke.
 *
 * @param field the input's name as the API and the forms know it (e.g.
 * {@code reporterName})
 * @param rule a short code of the rule ({@code required}, {@code maxLength},
 * {@code notFuture}...)
 * @param message what is wrong, in Chinese, naming the field
 * @param line for an uploaded file, the line (CSV) or row (XLSX) the input is on, as the
 * user's editor numbers it; {@code null} (and left out of the JSON) otherwise
 */
public record FieldError(String field, String rule, String message,
		@JsonInclude(JsonInclude.Include.NON_NULL) Integer line) {

	public FieldError(String field, String rule, String message) {
		this(field, rule, message, null);
	}

}
