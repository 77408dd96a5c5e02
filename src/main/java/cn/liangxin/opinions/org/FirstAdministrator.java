package cn.liangxin.opinions.org;

import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first administrator of a real deployment: on a database without any administrator,
 * {@code opinion.admin.username} and {@code opinion.admin.password} create one — a person
 * with the role {@code ADMIN} and so a Camunda admin — who can at once create committees,
 * organizations and people. With demo data on, the demo's {@code admin} serves. Without
 * either, the start stops and says what to set: a running system nobody can administer,
 * or whose first admin anyone could claim on Camunda's setup page, is worse than none.
 * Once an administrator exists, the properties are ignored (a password is changed in the
 * webapps, see docs/operations.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class FirstAdministrator implements ApplicationRunner {

	static final int PASSWORD_MIN = 8;

	private static final Pattern USERNAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_-]{1,63}$");

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final OrgDirectory directory;

	private final AdminProperties admin;

	private final boolean demo;

	FirstAdministrator(OrgDirectory directory, AdminProperties admin,
			@Value("${opinion.demo.enabled:false}") boolean demo) {
		this.directory = directory;
		this.admin = admin;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<Person> administrators = this.directory.administrators();
		if (!administrators.isEmpty()) {
			if (this.admin.username() != null && administrators.stream()
				.noneMatch((person) -> person.getUsername().equals(this.admin.username()))) {
				log.info("opinion.admin.username is ignored: the database has administrators already ({})",
						administrators.stream().map(Person::getUsername).toList());
			}
			return;
		}
		if (this.admin.username() != null) {
			create();
			return;
		}
		if (!this.demo) {
			throw new NoAdministratorException("未设置 opinion.admin.username，也未启用演示数据");
		}
	}

	private void create() {
		if (!USERNAME.matcher(this.admin.username()).matches()) {
			throw new NoAdministratorException(
					"opinion.admin.username 只能包含字母、数字、- 和 _，2到64个字符（收到 " + this.admin.username() + "）");
		}
		if (this.admin.password() == null || this.admin.password().length() < PASSWORD_MIN) {
			throw new NoAdministratorException("opinion.admin.password 未设置或少于" + PASSWORD_MIN + "个字符");
		}
		this.directory.save(new Person(this.admin.username(), this.admin.name(), Role.ADMIN, null, null, null,
				Role.ADMIN.label(), null, this.admin.email()), this.admin.password());
		log.info("Created the first administrator '{}' (opinion.admin.username); change the password after the "
				+ "first login", this.admin.username());
	}

}
