package cn.liangxin.opinions.validation;

/**
 * One rule one input broke.
 *
 * @param field the input's name as the API and the forms know it (e.g.
 * {@code reporterName})
 * @param rule a short code of the rule ({@code required}, {@code maxLength},
 * {@code notFuture}...)
 * @param message what is wrong, in Chinese, naming the field
 */
public record FieldError(String field, String rule, String message) {

}
