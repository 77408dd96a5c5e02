package cn.liangxin.opinions.access;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.liangxin.opinions.org.Committee;
import cn.liangxin.opinions.org.Department;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.OrgGroups;
import cn.liangxin.opinions.org.Organization;
import cn.liangxin.opinions.workflow.AsSystem;
import cn.liangxin.opinions.org.OrganizationChanged;
import cn.liangxin.opinions.org.Person;
import cn.liangxin.opinions.org.PersonChanged;
import cn.liangxin.opinions.workflow.OpinionProcess;
import cn.liangxin.opinions.workflow.VisitLogProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's users, groups, tenants and memberships in step with the organization
 * tree, in the transaction that changes the tree: one tenant per organization; a person's
 * groups and tenants follow their role (committee staff are members of their
 * organizations' tenants, district staff of all). Branch groups may start cases and
 * record visits.
 */
@Component
class IdentitySync {

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final OrgDirectory directory;

	IdentitySync(IdentityService identity, AuthorizationService authorizations, OrgDirectory directory) {
		this.identity = identity;
		this.authorizations = authorizations;
		this.directory = directory;
	}

	@EventListener
	void organizationChanged(OrganizationChanged event) {
		asSystem(() -> syncOrganization(event.organization()));
	}

	@EventListener
	void personChanged(PersonChanged event) {
		asSystem(() -> syncPerson(event.person(), event.password()));
	}

	/**
	 * The caller was allowed to change the tree (the org API checks that); the identity
	 * follows as a system action, whatever the caller's own Camunda permissions on users,
	 * groups and tenants.
	 */
	private void asSystem(Runnable sync) {
		AsSystem.run(this.identity, sync);
	}

	private void syncOrganization(Organization org) {
		Tenant tenant = this.identity.createTenantQuery().tenantId(org.getCode()).singleResult();
		if (tenant == null) {
			tenant = this.identity.newTenant(org.getCode());
		}
		tenant.setName(org.getName());
		this.identity.saveTenant(tenant);
		ensureGroup(OrgGroups.branch(org.getCode()), org.getName() + "党支部");
		ensureGroup(OrgGroups.secretary(org.getCode()), org.getName() + "党支部书记");
		for (Department department : this.directory.departments(org.getCode())) {
			ensureGroup(OrgGroups.department(org.getCode(), department.getCode()),
					org.getName() + department.getName());
		}
		this.directory.committee(org.getCommitteeCode())
			.ifPresent((committee) -> ensureGroup(OrgGroups.committee(committee.getCode()), committee.getName()));
		grantStart(OrgGroups.branch(org.getCode()));
		// committee and district staff follow the set of organizations
		this.directory.peopleAcrossOrganizations().forEach(this::syncMemberships);
	}

	private void syncPerson(Person person, String password) {
		User user = this.identity.createUserQuery().userId(person.getUsername()).singleResult();
		if (user == null) {
			user = this.identity.newUser(person.getUsername());
		}
		user.setFirstName(person.getName());
		user.setLastName((person.getPost() != null) ? person.getPost() : person.getRole().label());
		user.setEmail(person.getEmail());
		if (password != null) {
			user.setPassword(password);
		}
		this.identity.saveUser(user);
		syncMemberships(person);
	}

	private void syncMemberships(Person person) {
		String userId = person.getUsername();
		Set<String> groups = this.directory.groupsOf(person);
		groups.forEach((group) -> ensureGroup(group, groupName(group, person)));
		Set<String> currentGroups = new HashSet<>();
		this.identity.createGroupQuery().groupMember(userId).list().forEach((g) -> currentGroups.add(g.getId()));
		currentGroups.stream()
			.filter((g) -> !groups.contains(g))
			.forEach((g) -> this.identity.deleteMembership(userId, g));
		groups.stream()
			.filter((g) -> !currentGroups.contains(g))
			.forEach((g) -> this.identity.createMembership(userId, g));

		Set<String> tenants = this.directory.tenantsOf(person);
		Set<String> currentTenants = new HashSet<>();
		this.identity.createTenantQuery().userMember(userId).list().forEach((t) -> currentTenants.add(t.getId()));
		currentTenants.stream()
			.filter((t) -> !tenants.contains(t))
			.forEach((t) -> this.identity.deleteTenantUserMembership(t, userId));
		tenants.stream()
			.filter((t) -> !currentTenants.contains(t))
			.forEach((t) -> this.identity.createTenantUserMembership(t, userId));
	}

	private String groupName(String group, Person person) {
		return switch (person.getRole()) {
			case ADMIN -> "系统管理员";
			case DISTRICT_STAFF -> "区委\"两新\"工委";
			case COMMITTEE_STAFF ->
				this.directory.committee(person.getCommitteeCode()).map(Committee::getName).orElse(group);
			default -> group;
		};
	}

	private void ensureGroup(String id, String name) {
		Group group = this.identity.createGroupQuery().groupId(id).singleResult();
		if (group == null) {
			group = this.identity.newGroup(id);
			group.setType(OrgGroups.ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
			group.setName(name);
			this.identity.saveGroup(group);
		}
	}

	/**
	 * Every organization's branch may start its processes, also on a database whose
	 * organizations were made before a process was added (the start-up calls this).
	 * @return how many authorizations were written
	 */
	int grantStartToEveryBranch() {
		int written = 0;
		for (Organization org : this.directory.organizations()) {
			written += grantStart(OrgGroups.branch(org.getCode()));
		}
		return written;
	}

	/**
	 * The branch may register opinions and record visits: start {@code employee-opinion}
	 * and {@code visit-log} (Tasklist's 启动流程 lists both); nobody else may.
	 */
	private int grantStart(String group) {
		return grant(group, Resources.PROCESS_DEFINITION, OpinionProcess.PROCESS_ID, Permissions.CREATE_INSTANCE)
				+ grant(group, Resources.PROCESS_DEFINITION, VisitLogProcess.PROCESS_ID, Permissions.CREATE_INSTANCE)
				+ grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
	}

	/** Grants the permission unless the group has it; 1 when something was written. */
	private int grant(String group, Resources resource, String resourceId, Permissions permission) {
		List<Authorization> existing = this.authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.list();
		if (!existing.isEmpty() && existing.get(0).isPermissionGranted(permission)) {
			return 0;
		}
		Authorization authorization = existing.isEmpty()
				? this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT) : existing.get(0);
		authorization.setGroupId(group);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		authorization.addPermission(permission);
		this.authorizations.saveAuthorization(authorization);
		return 1;
	}

}
