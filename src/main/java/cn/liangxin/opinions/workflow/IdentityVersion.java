package cn.liangxin.opinions.workflow;

import java.util.Set;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The version of who is who: a counter in the database ({@code identity_version}) that
 * rises, in the same transaction, with every engine command that changes a user (also a
 * password or a lock), a group, a tenant or a membership — whichever door it came through
 * (the organization API, Camunda Admin, {@code /engine-rest}) and on whichever node. What
 * a node keeps in memory about people is right as long as the version it was read at is
 * still the current one.
 */
public final class IdentityVersion {

	/** The engine's commands that change users, groups, tenants or memberships. */
	static final Set<String> CHANGES = Set.of("SaveUserCmd", "DeleteUserCmd", "UnlockUserCmd", "SaveGroupCmd",
			"DeleteGroupCmd", "SaveTenantCmd", "DeleteTenantCmd", "CreateMembershipCmd", "DeleteMembershipCmd",
			"CreateTenantUserMembershipCmd", "CreateTenantGroupMembershipCmd", "DeleteTenantUserMembershipCmd",
			"DeleteTenantGroupMembershipCmd", "SetUserPictureCmd", "DeleteUserPictureCmd");

	private final JdbcTemplate jdbc;

	public IdentityVersion(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The current version: one short read. */
	public long current() {
		Long version = this.jdbc.queryForObject("select version from identity_version where id = 1", Long.class);
		return (version != null) ? version : 0;
	}

	void raise() {
		this.jdbc.update("update identity_version set version = version + 1 where id = 1");
	}

	/**
	 * Raises the version after each identity command, inside its transaction (a command
	 * that fails raises nothing).
	 */
	CommandInterceptor interceptor() {
		return new CommandInterceptor() {
			@Override
			public <T> T execute(Command<T> command) {
				T result = this.next.execute(command);
				if (CHANGES.contains(command.getClass().getSimpleName())) {
					raise();
				}
				return result;
			}
		};
	}

}
