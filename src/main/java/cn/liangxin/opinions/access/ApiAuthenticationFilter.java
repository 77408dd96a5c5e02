package cn.liangxin.opinions.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

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

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request to {@code /api/**} and {@code /engine-rest/**} is authenticated: HTTP
 * Basic against the Camunda identity service, or the session of a user logged in to the
 * webapps. The engine then knows the user, their groups and tenants (freshly read, so a
 * changed role takes effect on the next request) and checks authorizations and tenants;
 * anonymous requests get 401.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

	static final String ENGINE = "default";

	/** Administration endpoints (e.g. the working-day calendar): Camunda admins only. */
	static final String ADMIN_API = "/api/admin/";

	private final IdentityService identity;

	ApiAuthenticationFilter(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String user = basicUser(request);
		if (user == null && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
			user = sessionUser(request.getSession(false));
		}
		if (user == null) {
			refuse(request, response);
			return;
		}
		List<String> groups = new ArrayList<>();
		this.identity.createGroupQuery().groupMember(user).list().forEach((g) -> groups.add(g.getId()));
		List<String> tenants = new ArrayList<>();
		this.identity.createTenantQuery()
			.userMember(user)
			.includingGroupsOfUser(true)
			.list()
			.forEach((t) -> tenants.add(t.getId()));
		if (request.getRequestURI().startsWith(request.getContextPath() + ADMIN_API)
				&& !groups.contains(Groups.CAMUNDA_ADMIN)) {
			problem(response, HttpServletResponse.SC_FORBIDDEN, "无权访问", "只有系统管理员可以使用 " + ADMIN_API + " 接口");
			return;
		}
		this.identity.setAuthentication(user, groups, tenants);
		try {
			chain.doFilter(new AuthenticatedRequest(request, user), response);
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	private String basicUser(HttpServletRequest request) {
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
			return this.identity.checkPassword(user, decoded.substring(colon + 1)) ? user : null;
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

	private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// pages that call the API from script (X-Requested-With) show their own login
		// hint
		// instead of the browser's password dialog
		if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"opinion-handling\", charset=\"UTF-8\"");
		}
		problem(response, HttpServletResponse.SC_UNAUTHORIZED, "需要登录", "请使用用户名和密码（HTTP Basic）或先登录任务清单");
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}

	/**
	 * The request as seen by the application: with the authenticated user as its
	 * principal.
	 */
	private static final class AuthenticatedRequest extends HttpServletRequestWrapper {

		private final String user;

		AuthenticatedRequest(HttpServletRequest request, String user) {
			super(request);
			this.user = user;
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
