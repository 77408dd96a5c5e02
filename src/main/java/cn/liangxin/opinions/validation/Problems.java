package cn.liangxin.opinions.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The one shape of every error the application answers: RFC 9457 problem details with a
 * Chinese {@code title} and {@code detail}, and {@code errors}, each naming the field (or
 * {@code null} when the reason is not one field), the rule and a Chinese message.
 */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(title(status.value()));
		problem.setDetail(errors.stream().map(FieldError::message).collect(Collectors.joining("；")));
		problem.setProperty("errors", List.copyOf(errors));
		return problem;
	}

	public static ProblemDetail of(HttpStatusCode status, String field, String rule, String message) {
		return of(status, List.of(new FieldError(field, rule, message)));
	}

	/**
	 * Writes a problem from outside Spring MVC (a servlet filter), with the application's
	 * {@link ObjectMapper}.
	 */
	public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
			throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		json.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * The rule of an error that is not about one field's value, after the status:
	 * {@code badRequest}, {@code forbidden}, {@code notFound}, {@code conflict}, else
	 * {@code status<code>}.
	 */
	public static String rule(int status) {
		return switch (status) {
			case 400 -> "badRequest";
			case 403 -> "forbidden";
			case 404 -> "notFound";
			case 409 -> "conflict";
			default -> "status" + status;
		};
	}

	/** The title of a status, in Chinese. */
	public static String title(int status) {
		return switch (status) {
			case 400 -> "提交的信息有误";
			case 401 -> "需要登录";
			case 403 -> "无权操作";
			case 404 -> "未找到";
			case 405 -> "不支持该请求方式";
			case 406 -> "无法提供所要求的格式";
			case 409 -> "操作冲突";
			case 413 -> "请求内容过大";
			case 415 -> "不支持的请求内容类型";
			case 429 -> "操作过于频繁";
			case 503 -> "系统暂不可用";
			default -> (status >= 500) ? "系统内部错误" : "请求未能处理";
		};
	}

}
