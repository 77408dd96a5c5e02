package cn.liangxin.opinions.validation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns refused input of the application's APIs into RFC 9457 problem details whose
 * {@code errors} name each field, the rule it broke and a Chinese message.
 */
@RestControllerAdvice(basePackages = "cn.liangxin.opinions")
class InputProblems {

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException ex) {
		return problem(ex.errors());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath().get(mapping.getPath().size() - 1).getFieldName();
			String expected = (mapping instanceof InvalidFormatException format)
					? format.getTargetType().getSimpleName() : "a valid value";
			return problem(List.of(new FieldError(field, "type", field + " 的值类型不正确（应为 " + expected + "）")));
		}
		return problem(List.of(new FieldError("body", "json", "请求体不是有效的 JSON")));
	}

	private static ProblemDetail problem(List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setTitle("提交的信息有误");
		problem.setDetail(new InvalidInputException(errors).getMessage());
		problem.setProperty("errors", errors);
		return problem;
	}

}
