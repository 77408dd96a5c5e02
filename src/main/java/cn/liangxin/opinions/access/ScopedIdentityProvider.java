package cn.liangxin.opinions.access;

import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.liangxin.opinions.org.OrgGroups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's own identity store, with two of the organization's rules:
 * <ul>
 * <li><b>Temporary lockout.</b> Each wrong password still delays the next try (the
 * engine's growing delay, up to a minute); but when the failures reach the maximum, the
 * account is locked for {@code opinion.login.lockout} (15 minutes by default) and then
 * opens again by itself, instead of forever. Anyone who knows a user name could otherwise
 * shut that person out for good.</li>
 * <li><b>People of one's own part of the tree.</b> A signed-in person's user queries
 * (Tasklist's names of assignees, {@code /engine-rest/user}) find only the people who
 * share an organization with them (committee and district staff share their
 * organizations), and themselves; district staff and admins find everyone. Custom code
 * (listeners, delegates) and the application's own calls run without this limit, as the
 * engine runs them without authorization checks.</li>
 * </ul>
 */
class ScopedIdentityProvider extends DbIdentityServiceProvider {

	private static final Logger log = LoggerFactory.getLogger(ScopedIdentityProvider.class);

	private final Duration lockout;

	ScopedIdentityProvider(Duration lockout) {
		this.lockout = lockout;
	}

	@Override
	protected boolean isUserLocked(UserEntity user) {
		if (user.getAttempts() >= Context.getProcessEngineConfiguration().getLoginMaxAttempts()) {
			Date until = user.getLockExpirationTime();
			if (until == null || !until.after(ClockUtil.getCurrentTime())) {
				log.info("The lockout of user {} has ended", user.getId());
				unlockUser(user);
				return false;
			}
			return true;
		}
		return super.isUserLocked(user);
	}

	@Override
	protected void lockUser(UserEntity user) {
		int attempts = user.getAttempts() + 1;
		if (attempts < Context.getProcessEngineConfiguration().getLoginMaxAttempts()) {
			super.lockUser(user);
			return;
		}
		Date until = new Date(ClockUtil.getCurrentTime().getTime() + this.lockout.toMillis());
		log.warn("User {} is locked until {} after {} failed logins", user.getId(), until.toInstant(), attempts);
		getIdentityInfoManager().updateUserLock(user, attempts, until);
	}

	@Override
	public List<User> findUserByQueryCriteria(DbUserQueryImpl query) {
		return restrict(query) ? super.findUserByQueryCriteria(query) : List.of();
	}

	@Override
	public long findUserCountByQueryCriteria(DbUserQueryImpl query) {
		return restrict(query) ? super.findUserCountByQueryCriteria(query) : 0;
	}

	/**
	 * Narrows the query to the people the caller may see; {@code false} if none of those
	 * it asks for.
	 */
	private boolean restrict(DbUserQueryImpl query) {
		CommandContext context = Context.getCommandContext();
		Authentication caller = (context != null) ? context.getAuthentication() : null;
		if (caller == null || caller.getUserId() == null || !context.isAuthorizationCheckEnabled()
				|| seesEveryone(caller)) {
			return true;
		}
		Set<String> visible = visibleTo(caller);
		Set<String> asked = new LinkedHashSet<>(visible);
		if (query.getId() != null) {
			asked.retainAll(Set.of(query.getId()));
		}
		if (query.getIds() != null) {
			asked.retainAll(Arrays.asList(query.getIds()));
		}
		if (asked.isEmpty()) {
			return false;
		}
		query.userIdIn(asked.toArray(String[]::new));
		return true;
	}

	private static boolean seesEveryone(Authentication caller) {
		List<String> groups = caller.getGroupIds();
		return groups != null && (groups.contains(OrgGroups.ADMIN) || groups.contains(OrgGroups.DISTRICT));
	}

	/** The caller and everyone who is a member of one of the caller's organizations. */
	private Set<String> visibleTo(Authentication caller) {
		Set<String> visible = new LinkedHashSet<>();
		visible.add(caller.getUserId());
		List<String> tenants = caller.getTenantIds();
		if (tenants != null) {
			for (String tenant : tenants) {
				DbUserQueryImpl members = new DbUserQueryImpl();
				members.memberOfTenant(tenant);
				for (User member : super.findUserByQueryCriteria(members)) {
					visible.add(member.getId());
				}
			}
		}
		return visible;
	}

}
