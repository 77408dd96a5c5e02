package cn.liangxin.opinions.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.liangxin.opinions.validation.Problems;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Nobody is served before the application is ready: the web server accepts connections
 * while the start-up steps still run (migrations, deployment, authorizations, the demo
 * data, whose history is replayed with the engine's clock set back). Until readiness is
 * {@code ACCEPTING_TRAFFIC}, and again while the application stops, every request but the
 * health probes answers 503 with a Chinese message: problem details for the APIs, a page
 * that reloads itself for people.
 */
class StartupGate extends OncePerRequestFilter {

	static final String STARTING = "系统正在启动（载入数据、部署流程），请稍候片刻再试";

	private final ApplicationAvailability availability;

	private final ObjectMapper json;

	StartupGate(ApplicationAvailability availability, ObjectMapper json) {
		this.availability = availability;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isReady() || path(request).startsWith("/actuator/health")) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader("Retry-After", "10");
		if (isApi(path(request))) {
			Problems.write(response, this.json,
					Problems.of(HttpStatus.SERVICE_UNAVAILABLE, null, "starting", STARTING));
			return;
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
					+ "<meta http-equiv=\"refresh\" content=\"5\"><title>员工意见办理</title></head>" + "<body><p>" + STARTING
					+ "。本页每 5 秒自动刷新。</p></body></html>");
	}

	private boolean isReady() {
		return this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private static boolean isApi(String path) {
		return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest")
				|| path.startsWith("/camunda/api/") || path.startsWith("/actuator");
	}

}
