package cn.liangxin.opinions.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.liangxin.opinions.workflow.IdentityVersion;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;

import org.springframework.stereotype.Component;

/**
 * Who a caller is, kept in memory per node: a verified password (as a salted digest,
 * never the password) and the caller's groups and tenants, each valid for the
 * {@link IdentityVersion} it was read at. Every change of people, groups, tenants or
 * memberships, on any node and through any door, raises that version in its own
 * transaction, so a request that reads the version (one short read) and finds it
 * unchanged may use what is kept; otherwise it reads afresh. A changed role or password
 * therefore applies on the next request, as before, and an authenticated call costs one
 * read instead of four. Failed passwords always go to the engine (its lockout counts
 * them). Counted as {@code opinion.identity.cache} (result=hit|miss).
 */
@Component
public class IdentityCache {

	/** A caller's groups and tenants, read at a version. */
	record Who(List<String> groups, List<String> tenants, long version) {
	}

	private record Verified(byte[] digest, long version) {
	}

	private static final String METRIC_DESCRIPTION = "Authenticated API requests: who the caller is kept in memory (hit) or read afresh (miss)";

	private final IdentityService identity;

	private final IdentityVersion versions;

	private final Map<String, Who> people = new ConcurrentHashMap<>();

	private final Map<String, Verified> passwords = new ConcurrentHashMap<>();

	private final byte[] salt = new byte[32];

	private final Counter hits;

	private final Counter misses;

	IdentityCache(IdentityService identity, IdentityVersion versions, MeterRegistry meters) {
		this.identity = identity;
		this.versions = versions;
		new SecureRandom().nextBytes(this.salt);
		this.hits = Counter.builder("opinion.identity.cache")
			.tag("result", "hit")
			.description(METRIC_DESCRIPTION)
			.register(meters);
		this.misses = Counter.builder("opinion.identity.cache")
			.tag("result", "miss")
			.description(METRIC_DESCRIPTION)
			.register(meters);
	}

	/** The current version, read once per request. */
	long version() {
		return this.versions.current();
	}

	/** Whether the password is the user's, as the engine would answer at this version. */
	boolean checkPassword(String user, String password, long version) {
		byte[] digest = digest(user, password);
		Verified verified = this.passwords.get(user);
		if (verified != null && verified.version() == version && MessageDigest.isEqual(verified.digest(), digest)) {
			return true;
		}
		if (!this.identity.checkPassword(user, password)) {
			return false;
		}
		this.passwords.put(user, new Verified(digest, version));
		return true;
	}

	/** The user's groups and tenants at this version. */
	Who who(String user, long version) {
		Who kept = this.people.get(user);
		if (kept != null && kept.version() == version) {
			this.hits.increment();
			return kept;
		}
		this.misses.increment();
		List<String> groups = new ArrayList<>();
		this.identity.createGroupQuery().groupMember(user).list().forEach((g) -> groups.add(g.getId()));
		List<String> tenants = new ArrayList<>();
		this.identity.createTenantQuery()
			.userMember(user)
			.includingGroupsOfUser(true)
			.list()
			.forEach((t) -> tenants.add(t.getId()));
		Who who = new Who(List.copyOf(groups), List.copyOf(tenants), version);
		this.people.put(user, who);
		return who;
	}

	private byte[] digest(String user, String password) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(this.salt);
			sha.update(user.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(password.getBytes(StandardCharsets.UTF_8));
			return sha.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
