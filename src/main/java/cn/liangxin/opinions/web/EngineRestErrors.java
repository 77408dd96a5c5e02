package cn.liangxin.opinions.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import cn.liangxin.opinions.validation.DatabaseUnavailable;
import cn.liangxin.opinions.validation.FieldError;
import cn.liangxin.opinions.validation.Problems;
import cn.liangxin.opinions.workflow.CommandFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The error answers of Camunda's REST APIs ({@code /engine-rest} and the webapps'
 * {@code /camunda/api}), made right: Camunda's resources answer most engine exceptions
 * with 500 and the exception's text (SQL included), whatever their cause. When the engine
 * command failed, the answer follows how it failed ({@link CommandFailures}): 400 naming
 * each refused field, 403, 404, 409 for a conflict, in Chinese; any other 5xx carries
 * only a reference to the log. Camunda's body shape ({@code type}, {@code message}),
 * which Tasklist and Cockpit show, is kept, with the problem-details fields of the
 * application's other errors beside it ({@code title}, {@code status}, {@code detail},
 * {@code errors}).
 * <p>
 * Successful answers pass straight through; only an error answer is held back until it is
 * complete.
 */
class EngineRestErrors extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

	private final ObjectMapper json;

	EngineRestErrors(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CommandFailures.clear();
		HeldErrorResponse held = new HeldErrorResponse(response);
		try {
			chain.doFilter(request, held);
		}
		finally {
			CommandFailures.Failure failure = CommandFailures.take();
			if (held.isHolding()) {
				answer(request, held, failure);
			}
		}
	}

	private void answer(HttpServletRequest request, HeldErrorResponse held, CommandFailures.Failure failure)
			throws IOException {
		int status = held.heldStatus();
		if (failure != null && (failure.status() != status || failure.status() == 400 || failure.status() == 409
				|| status >= 500)) {
			write(held, failure.status(), failure.errors(), Map.of());
		}
		else if (status >= 500) {
			String reference = UUID.randomUUID().toString().substring(0, 8);
			log.error("Error {} from Camunda's REST API on {} {}: {}", reference, request.getMethod(),
					request.getRequestURI(), held.heldBody(400));
			write(held, status,
					List.of(new FieldError(null, "unexpected", "系统内部错误，请稍后重试；如仍出现，请将错误编号 " + reference + " 告知管理员")),
					Map.of());
		}
		else {
			// refused by the REST layer itself (unreadable body, unknown resource, a
			// permission): Camunda's answer, in the same shape, its own fields kept
			Map<String, Object> camunda = camundaAnswer(held);
			String reason = String.valueOf(camunda.getOrDefault("message", "")).strip();
			String message = prefix(status) + (reason.isEmpty() ? "" : "（" + abbreviated(reason) + "）");
			write(held, status,
					List.of(new FieldError((status == 400) ? "body" : null, Problems.rule(status), message)), camunda);
		}
	}

	private void write(HeldErrorResponse held, int status, List<FieldError> errors, Map<String, Object> kept)
			throws IOException {
		String message = errors.stream().map(FieldError::message).collect(Collectors.joining("；"));
		Map<String, Object> body = new LinkedHashMap<>(kept);
		body.putIfAbsent("type", type(status));
		body.put("message", message);
		body.put("title", Problems.title(status));
		body.put("status", status);
		body.put("detail", message);
		body.put("errors", errors);
		if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
			held.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
		}
		held.replace(status, MediaType.APPLICATION_JSON_VALUE, this.json.writeValueAsBytes(body));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> camundaAnswer(HeldErrorResponse held) {
		try {
			Object parsed = this.json.readValue(held.heldBody(Integer.MAX_VALUE), Object.class);
			return (parsed instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
		}
		catch (IOException | RuntimeException ex) {
			return Map.of();
		}
	}

	private static String prefix(int status) {
		return switch (status) {
			case 400 -> "请求无效，请检查请求体和变量的格式";
			case 401 -> "需要登录";
			case 403 -> "您无权执行此操作";
			case 404 -> "未找到所请求的对象";
			case 405 -> "该地址不支持此请求方式";
			case 406 -> "无法提供所要求的格式";
			case 409 -> "操作冲突，请刷新后重试";
			case 415 -> "请求体应为 JSON（Content-Type: application/json）";
			default -> Problems.title(status);
		};
	}

	private static String abbreviated(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

	private static String type(int status) {
		return switch (status) {
			case 400 -> "InvalidInput";
			case 403 -> "Forbidden";
			case 404 -> "NotFound";
			case 409 -> "Conflict";
			default -> (status >= 500) ? "InternalError" : "RequestRefused";
		};
	}

	/**
	 * The response, except that once an error status is set, the status, body and length
	 * are held back until {@link #replace} sends the answer.
	 */
	static final class HeldErrorResponse extends HttpServletResponseWrapper {

		private int status = SC_OK;

		private ByteArrayOutputStream body;

		private ServletOutputStream stream;

		private PrintWriter writer;

		HeldErrorResponse(HttpServletResponse response) {
			super(response);
		}

		boolean isHolding() {
			return this.status >= 400;
		}

		int heldStatus() {
			return this.status;
		}

		String heldBody(int max) {
			flushWriter();
			if (this.body == null) {
				return "";
			}
			String text = this.body.toString(StandardCharsets.UTF_8);
			return (text.length() > max) ? text.substring(0, max) + "…" : text;
		}

		@Override
		public void setStatus(int sc) {
			this.status = sc;
			if (sc < 400) {
				super.setStatus(sc);
			}
		}

		@Override
		public void sendError(int sc) throws IOException {
			sendError(sc, null);
		}

		@Override
		public void sendError(int sc, String msg) throws IOException {
			if (sc < 400) {
				super.sendError(sc, msg);
				return;
			}
			this.status = sc;
		}

		@Override
		public int getStatus() {
			return this.status;
		}

		@Override
		public void setContentLength(int len) {
			if (!isHolding()) {
				super.setContentLength(len);
			}
		}

		@Override
		public void setContentLengthLong(long len) {
			if (!isHolding()) {
				super.setContentLengthLong(len);
			}
		}

		@Override
		public void setHeader(String name, String value) {
			if (!(isHolding() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, String value) {
			if (!(isHolding() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
				super.addHeader(name, value);
			}
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (!isHolding()) {
				return super.getOutputStream();
			}
			if (this.stream == null) {
				this.body = new ByteArrayOutputStream();
				this.stream = new ServletOutputStream() {
					@Override
					public boolean isReady() {
						return true;
					}

					@Override
					public void setWriteListener(WriteListener listener) {
						throw new UnsupportedOperationException();
					}

					@Override
					public void write(int b) {
						HeldErrorResponse.this.body.write(b);
					}

					@Override
					public void write(byte[] b, int off, int len) {
						HeldErrorResponse.this.body.write(b, off, len);
					}
				};
			}
			return this.stream;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (!isHolding()) {
				return super.getWriter();
			}
			if (this.writer == null) {
				this.writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
			}
			return this.writer;
		}

		@Override
		public void flushBuffer() throws IOException {
			if (!isHolding()) {
				super.flushBuffer();
			}
		}

		@Override
		public boolean isCommitted() {
			return !isHolding() && super.isCommitted();
		}

		@Override
		public void resetBuffer() {
			if (this.body != null) {
				this.body.reset();
			}
			if (!isHolding()) {
				super.resetBuffer();
			}
		}

		private void flushWriter() {
			if (this.writer != null) {
				this.writer.flush();
			}
		}

		/** Sends another answer instead of the one held back. */
		void replace(int status, String contentType, byte[] content) throws IOException {
			HttpServletResponse response = (HttpServletResponse) getResponse();
			response.setStatus(status);
			response.setContentType(contentType);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setContentLength(content.length);
			response.getOutputStream().write(content);
		}

	}

}
