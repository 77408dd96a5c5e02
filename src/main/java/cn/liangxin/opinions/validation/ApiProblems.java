package cn.liangxin.opinions.validation;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the application's APIs in {@link Problems}' shape: refused input (400
 * naming each field), and Spring MVC's own refusals (404, 405, 406, 415, unreadable
 * bodies) with Chinese messages. Conflicts with concurrent work answer 409; anything
 * unexpected answers 500 with a reference to the log, never the exception's text.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Object> invalid(InvalidInputException ex, WebRequest request) {
		log.info("Refused input on {}: {}", path(request), ex.getMessage());
		return respond(Problems.of(HttpStatus.BAD_REQUEST, ex.errors()));
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<Object> conflict(ConflictException ex, WebRequest request) {
		log.warn("Conflict on {}: {}", path(request), ex.getMessage());
		return respond(Problems.of(HttpStatus.CONFLICT, null, "conflict", ex.getMessage()));
	}

	/** A multipart request that cannot be read (cut off, no boundary). */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> multipart(MultipartException ex, WebRequest request) {
		if (ex instanceof MaxUploadSizeExceededException tooLarge) {
			return handleExceptionInternal(tooLarge, null, new HttpHeaders(), HttpStatus.PAYLOAD_TOO_LARGE, request);
		}
		return invalid(new InvalidInputException("file", "multipart", "请求应以表单上传文件（multipart/form-data），但收到的内容不完整或格式不对"),
				request);
	}

	/**
	 * The last resort: logged with its stack trace under a reference the user can quote.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof InvalidInputException refusal) {
				// refused inside the engine, which wraps it
				return invalid(refusal, request);
			}
		}
		if (ConflictException.isConflict(ex)) {
			return conflict(new ConflictException(ex), request);
		}
		if (DatabaseUnavailable.is(ex)) {
			log.warn("Refused {} while the database is away: {}", path(request), ex.toString());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, null, "databaseUnavailable",
						DatabaseUnavailable.MESSAGE));
		}
		String reference = UUID.randomUUID().toString().substring(0, 8);
		log.error("Unexpected error {} on {}", reference, path(request), ex);
		return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, null, "unexpected",
				"系统内部错误，请稍后重试；如仍出现，请将错误编号 " + reference + " 告知管理员"));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		FieldError error = describe(ex, status);
		if (status.is5xxServerError()) {
			log.error("Error {} on {}", status.value(), path(request), ex);
		}
		else {
			log.info("Refused {} on {}: {}", status.value(), path(request), error.message());
		}
		return super.handleExceptionInternal(ex, Problems.of(status, List.of(error)), headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		Object problem = (body instanceof ProblemDetail) ? body
				: Problems.of(status, null, "status", Problems.title(status.value()));
		HttpHeaders withType = new HttpHeaders();
		withType.putAll(headers);
		withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(problem, withType, status);
	}

	/**
	 * The answer, as {@code application/problem+json} whatever the request accepts (a
	 * refusal for its {@code Accept} header included).
	 */
	private static ResponseEntity<Object> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** What Spring MVC refused, as one field error in Chinese. */
	private static FieldError describe(Exception ex, HttpStatusCode status) {
		if (ex instanceof HttpMessageNotReadableException unreadable) {
			return unreadable(unreadable);
		}
		if (ex instanceof HttpRequestMethodNotSupportedException method) {
			return new FieldError("method", "methodNotAllowed",
					"该地址不支持 " + Errors.quote(method.getMethod()) + " 请求" + ((method.getSupportedHttpMethods() != null)
							? "（可用：" + method.getSupportedHttpMethods() + "）" : ""));
		}
		if (ex instanceof HttpMediaTypeNotSupportedException type) {
			boolean upload = type.getSupportedMediaTypes().contains(MediaType.MULTIPART_FORM_DATA);
			return new FieldError("Content-Type", "contentType",
					(upload ? "请求应以表单上传文件（Content-Type: multipart/form-data）"
							: "请求体应为 JSON（Content-Type: application/json）")
							+ ((type.getContentType() != null) ? Errors.received(type.getContentType()) : ""));
		}
		if (ex instanceof MissingServletRequestPartException part) {
			return new FieldError(part.getRequestPartName(), "required",
					"缺少上传的文件（表单字段 " + part.getRequestPartName() + "）");
		}
		if (ex instanceof MaxUploadSizeExceededException) {
			return new FieldError("file", "maxSize", "上传的文件太大（spring.servlet.multipart.max-file-size）");
		}

		if (ex instanceof HttpMediaTypeNotAcceptableException) {
			return new FieldError("Accept", "accept", "该地址只能返回 JSON（Accept: application/json）");
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return new FieldError(missing.getParameterName(), "required", "缺少参数 " + missing.getParameterName());
		}
		if (ex instanceof TypeMismatchException mismatch) {
			String name = (mismatch.getPropertyName() != null) ? mismatch.getPropertyName() : "parameter";
			return new FieldError(name, "type", "参数 " + name + " 的值类型不正确" + Errors.received(mismatch.getValue()));
		}
		if (ex instanceof NoResourceFoundException) {
			return new FieldError("path", "notFound", "没有这个地址");
		}
		if (ex instanceof ResponseStatusException refused && refused.getReason() != null) {
			return new FieldError(null, Problems.rule(status.value()), refused.getReason());
		}
		return new FieldError(null, Problems.rule(status.value()), Problems.title(status.value()));
	}

	private static FieldError unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof JsonParseException parse && parse.getMessage() != null
				&& parse.getMessage().startsWith("Duplicate field")) {
			return new FieldError("body", "duplicateField", "请求体中有重复的字段");
		}
		if (cause instanceof MismatchedInputException mismatched && mismatched.getMessage() != null
				&& mismatched.getMessage().startsWith("Trailing token")) {
			return new FieldError("body", "json", "请求体只能是一个 JSON 对象，其后不能有其他内容");
		}
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = path(mapping.getPath());
			Class<?> target = (mapping instanceof MismatchedInputException mismatched) ? mismatched.getTargetType()
					: null;
			return new FieldError(field, "type", field + " 的值类型不正确（应为" + expected(target) + "）");
		}
		if (cause == null && ex.getMessage() != null && ex.getMessage().startsWith("Required request body")) {
			return new FieldError("body", "required", "缺少请求体（JSON）");
		}
		return new FieldError("body", "json", "请求体不是有效的 JSON");
	}

	/** The field's path in the body, as the rules name it: {@code matters[0].dueOn}. */
	private static String path(List<JsonMappingException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : references) {
			if (reference.getFieldName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getFieldName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/** What a value of the type is called, in Chinese (never a Java class name). */
	static String expected(Class<?> type) {
		if (type == null) {
			return "正确类型的值";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return "整数";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return "数字";
		}
		if (type == Boolean.class || type == boolean.class) {
			return " true 或 false";
		}
		if (type == String.class) {
			return "文本";
		}
		if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
			return " yyyy-MM-dd 格式的日期";
		}
		if (type.isEnum()) {
			return "以下之一："
					+ String.join("、", java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "列表（JSON 数组）";
		}
		return "对象（JSON 对象）";
	}

	private static String path(WebRequest request) {
		return request.getDescription(false);
	}

}
