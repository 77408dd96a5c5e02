package cn.liangxin.opinions.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of every page and answer: those the Camunda webapps send (a
 * Content-Security-Policy, {@code X-Content-Type-Options: nosniff}, no framing) also for
 * the application's own pages and {@code /api}, {@code /engine-rest} and
 * {@code /actuator}; and for all, the webapps included, {@code X-Frame-Options} and a
 * {@code Referrer-Policy} (case numbers and names stay out of other sites' logs). Under
 * {@code /camunda/} the webapps' own filter sets the policy, with its script nonces.
 */
class SecurityHeaders extends OncePerRequestFilter {

	/**
	 * The webapps' policy, without their script nonces: our pages load scripts from
	 * files.
	 */
	static final String CONTENT_SECURITY_POLICY = "base-uri 'self'; default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
			+ "object-src 'none'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/camunda/")) {
			response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			response.setHeader("X-Content-Type-Options", "nosniff");
		}
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
