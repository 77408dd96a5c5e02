package cn.liangxin.opinions.insight;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import cn.liangxin.opinions.org.AccessScope;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.validation.Errors;

/**
 * Which organizations and committees a caller may look at and filter by, and the check of
 * the filters they ask for: an unknown code is bad input (400), a known one outside their
 * scope is refused (403).
 */
record InsightScope(AccessScope access, List<Org> organizations, List<Cmt> committees) {

	/** An organization the caller may filter by. */
	public record Org(String code, String name, String committeeCode) {
	}

	/** A committee the caller may filter by. */
	public record Cmt(String code, String name) {
	}

	/** The caller asked for something outside their part of the tree. */
	static class OutOfScopeException extends RuntimeException {

		OutOfScopeException(String message) {
			super(message);
		}

	}

	static InsightScope of(AccessScope access, OrgDirectory directory) {
		List<Org> orgs = directory.organizations()
			.stream()
			.filter((o) -> access.sees(o.getCode()))
			.map((o) -> new Org(o.getCode(), o.getName(), o.getCommitteeCode()))
			.toList();
		Set<String> committeeCodes = new TreeSet<>();
		orgs.forEach((o) -> committeeCodes.add(o.committeeCode()));
		List<Cmt> committees = directory.committees()
			.stream()
			.filter((c) -> committeeCodes.contains(c.getCode()))
			.map((c) -> new Cmt(c.getCode(), c.getName()))
			.toList();
		return new InsightScope(access, orgs, committees);
	}

	/** Checks the committee and organization filters; blank means none. */
	void check(String committee, String org, OrgDirectory directory, Errors errors) {
		if (committee != null && directory.committee(committee).isEmpty()) {
			errors.add("committee", "known", "主管党（工）委" + Errors.quote(committee) + "不存在");
		}
		if (org != null && directory.organization(org).isEmpty()) {
			errors.add("org", "known", "组织" + Errors.quote(org) + "不存在");
		}
		errors.throwIfAny();
		if (committee != null && this.committees.stream().noneMatch((c) -> c.code().equals(committee))) {
			throw new OutOfScopeException("主管党（工）委" + committee + "不在您的查看范围内");
		}
		if (org != null && !this.access.sees(org)) {
			throw new OutOfScopeException("组织" + org + "不在您的查看范围内");
		}
	}

}
