package cn.liangxin.opinions.access;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webapps' CSRF token for the application's own pages ({@code /calendar.html}): their
 * cookie is scoped to {@code /camunda}, so a page elsewhere asks here and sends the token
 * with a change, as {@code X-XSRF-TOKEN}. Another site's page cannot read the answer
 * (same-origin policy). {@code null} without a webapps session (HTTP Basic callers need
 * no token).
 */
@RestController
class CsrfTokenController {

	@GetMapping(path = "/api/csrf-token", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> token(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Map<String, Object> answer = new HashMap<>();
		answer.put("header", CsrfConstants.CSRF_TOKEN_HEADER_NAME);
		answer.put("token",
				(session != null) ? session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) : null);
		return answer;
	}

}
