package cn.liangxin.opinions.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liangxin.opinions.validation.DatabaseUnavailable;
import cn.liangxin.opinions.validation.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request to {@code /api/**} and {@code /engine-rest/**} is authenticated: HTTP
 * Basic against the Camunda identity service, or the session of a user logged in to the
 * webapps. The engine then knows the user, their groups and tenants (kept in memory while
 * nothing about people changed, {@link IdentityCache}, so a changed role takes effect on
 * the next request) and checks authorizations and tenants; anonymous requests get 401. A
 * call that changes data with the webapps' session must carry the session's CSRF token
 * ({@code X-XSRF-TOKEN}), as the webapps send it, or it gets 403; Basic-auth callers need
 * none. The liveness and readiness probes answer without credentials.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ApiAuthenticationFilter.class);

	static final String ENGINE = "default";

	/** Administration endpoints (e.g. the working-day calendar): Camunda admins only. */
	static final String ADMIN_API = "/api/admin/";

	/** Health probes that answer without credentials. */
	static final Set<String> PROBES = Set.of("/actuator/health/liveness", "/actuator/health/readiness");

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final IdentityService identity;

	private final ObjectMapper json;

	private final IdentityCache cache;

	ApiAuthenticationFilter(IdentityService identity, IdentityCache cache, ObjectMapper json) {
		this.identity = identity;
		this.cache = cache;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isProbe(request)) {
			chain.doFilter(request, response);
			return;
		}
		try {
			authenticated(request, response, chain);
		}
		catch (RuntimeException ex) {
			if (!DatabaseUnavailable.is(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Refused {} {} while the database is away: {}", request.getMethod(), path(request), ex.toString());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
			problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "databaseUnavailable",
					DatabaseUnavailable.MESSAGE);
		}
	}

	private void authenticated(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long version = this.cache.version();
		String user = basicUser(request, version);
		if (user == null && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
			HttpSession session = request.getSession(false);
			user = sessionUser(session);
			if (user != null && changesState(request) && !hasSessionToken(request, session)) {
				log.info("Refused {} {} by {}: the session's CSRF token is missing", request.getMethod(), path(request),
						user);
				problem(response, HttpServletResponse.SC_FORBIDDEN, "csrfToken",
						"请求缺少有效的 X-XSRF-TOKEN（以登录会话修改数据时必须携带，与任务清单相同）");
				return;
			}
		}
		if (user == null) {
			refuse(request, response);
			return;
		}
		IdentityCache.Who who = this.cache.who(user, version);
		List<String> groups = who.groups();
		List<String> tenants = who.tenants();
		boolean admin = groups.contains(Groups.CAMUNDA_ADMIN);
		if (isForAdmins(request) && !admin) {
			problem(response, HttpServletResponse.SC_FORBIDDEN, "forbidden",
					"只有系统管理员可以使用 " + path(request) + "（" + ADMIN_API + " 与监控接口）");
			return;
		}
		this.identity.setAuthentication(user, groups, tenants);
		try {
			chain.doFilter(new AuthenticatedRequest(request, user, admin), response);
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	private String basicUser(HttpServletRequest request, long version) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon <= 0) {
				return null;
			}
			String user = decoded.substring(0, colon);
			return this.cache.checkPassword(user, decoded.substring(colon + 1), version) ? user : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String sessionUser(HttpSession session) {
		if (session == null) {
			return null;
		}
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		Authentication authentication = (authentications != null)
				? authentications.getAuthenticationForProcessEngine(ENGINE) : null;
		return (authentication != null) ? authentication.getName() : null;
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// pages that call the API from script (X-Requested-With) show their own login
		// hint
		// instead of the browser's password dialog
		if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"opinion-handling\", charset=\"UTF-8\"");
		}
		problem(response, HttpServletResponse.SC_UNAUTHORIZED, "authentication",
				"请使用用户名和密码（HTTP Basic）或先登录任务清单。密码输错后须稍候再试；输错次数过多时账户将暂时锁定，到时自动解锁");
	}

	private void problem(HttpServletResponse response, int status, String rule, String message) throws IOException {
		Problems.write(response, this.json, Problems.of(HttpStatusCode.valueOf(status), null, rule, message));
	}

	/**
	 * The health probes, which load balancers and orchestrators call without credentials;
	 * they answer the status only.
	 */
	private static boolean isProbe(HttpServletRequest request) {
		return HttpMethod.GET.matches(request.getMethod()) && PROBES.contains(path(request));
	}

	/**
	 * The administration API and the monitoring endpoints other than health and info
	 * (e.g. {@code /actuator/prometheus}).
	 */
	private static boolean isForAdmins(HttpServletRequest request) {
		String path = path(request);
		return path.startsWith(ADMIN_API) || (path.startsWith("/actuator/") && !path.startsWith("/actuator/health")
				&& !path.equals("/actuator/info"));
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private static boolean changesState(HttpServletRequest request) {
		return !SAFE_METHODS.contains(request.getMethod());
	}

	/**
	 * Whether a request made with the webapps' session carries the session's CSRF token,
	 * as the webapps send it: a page of another site can make the browser send the
	 * session cookie, but cannot read the token.
	 */
	private static boolean hasSessionToken(HttpServletRequest request, HttpSession session) {
		Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
		String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
		return expected != null && given != null && MessageDigest
			.isEqual(expected.toString().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The request as seen by the application: with the authenticated user as its
	 * principal, in the role {@code ADMIN} if a Camunda admin (the actuator shows health
	 * details to that role).
	 */
	private static final class AuthenticatedRequest extends HttpServletRequestWrapper {

		private final String user;

		private final boolean admin;

		AuthenticatedRequest(HttpServletRequest request, String user, boolean admin) {
			super(request);
			this.user = user;
			this.admin = admin;
		}

		@Override
		public boolean isUserInRole(String role) {
			return this.admin && ("ADMIN".equals(role) || "ROLE_ADMIN".equals(role));
		}

		@Override
		public String getRemoteUser() {
			return this.user;
		}

		@Override
		public Principal getUserPrincipal() {
			return () -> this.user;
		}

	}

}
