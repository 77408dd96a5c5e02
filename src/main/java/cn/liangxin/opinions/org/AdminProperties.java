package cn.liangxin.opinions.org;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created on a database that has none
 * ({@link FirstAdministrator}); environment variables {@code OPINION_ADMIN_USERNAME} and
 * {@code OPINION_ADMIN_PASSWORD}.
 *
 * @param username the login (letters, digits, {@code -} and {@code _}); none by default
 * @param password the initial password, at least 8 characters; change it after the first
 * login
 * @param name the name shown in the webapps (default 系统管理员)
 * @param email where the administrator's mails go (optional)
 */
@ConfigurationProperties("opinion.admin")
public record AdminProperties(String username, String password, String name, String email) {

	public AdminProperties {
		username = (username == null || username.isBlank()) ? null : username.strip();
		if (name == null || name.isBlank()) {
			name = "系统管理员";
		}
		if (email != null && email.isBlank()) {
			email = null;
		}
	}

}
