package cn.liangxin.opinions.access;

import cn.liangxin.opinions.org.OrgGroups;
import cn.liangxin.opinions.workflow.DutyProcess;
import cn.liangxin.opinions.workflow.OpinionProcess;
import cn.liangxin.opinions.workflow.ReportProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What every signed-in user may do, made so at start-up (global authorizations, brought
 * to exactly these permissions on every start, so that an older database loses what it no
 * longer should have). Everyone reads the instances, history and tasks of the processes
 * that carry an organization's tenant (a case and the processes it calls), and works
 * their tasks; which organizations' data they see is then decided by the tenant check,
 * which tasks they work by the candidates of each task ({@code WriteGuard}). A case's
 * tasks have no authorization rows of their own ({@code CaseTaskAuthorizations}); rows
 * made by an older version are removed here. The processes without a tenant are not
 * readable by everyone: a committee's monthly report is read through its task's candidate
 * group and a grant on its instance (see {@code MonthlyReportStarter}), the district
 * reads all of them; the scheduling processes only admins. The visit log's instances
 * ({@code visit-log}) carry a household's personal data in their variables and are read
 * by admins only (the branch reads its visits through {@code /api/visits}). Each
 * organization's branch, and nobody else, starts cases and visit logs
 * ({@link IdentitySync#grantStartToEveryBranch}). Nobody but admins may deploy, or change
 * users, groups, tenants or authorizations.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AuthorizationBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AuthorizationBootstrap.class);

	/** Reading the instances, history and tasks of a process definition. */
	private static final Permission[] READS = { Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY,
			Permissions.READ_TASK };

	/**
	 * Reading a case process and working its tasks; which tasks a person works is decided
	 * by the write guard (candidates and assignee), whose organization by the tenant
	 * check.
	 */
	private static final Permission[] CASE_GRANTS = { Permissions.READ, Permissions.READ_INSTANCE,
			Permissions.READ_HISTORY, Permissions.READ_TASK, Permissions.TASK_WORK };

	private final AuthorizationService authorizations;

	private final JdbcTemplate jdbc;

	private final IdentitySync identities;

	AuthorizationBootstrap(AuthorizationService authorizations, JdbcTemplate jdbc, IdentitySync identities) {
		this.authorizations = authorizations;
		this.jdbc = jdbc;
		this.identities = identities;
	}

	@Override
	public void run(ApplicationArguments args) {
		int created = grantToEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS)
				+ grantToEveryone(Resources.APPLICATION, "cockpit", Permissions.ACCESS)
				+ grantToEveryone(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ)
				+ grantToEveryone(Resources.PROCESS_DEFINITION, OpinionProcess.PROCESS_ID, CASE_GRANTS)
				+ grantToEveryone(Resources.PROCESS_DEFINITION, OpinionProcess.SUPERVISION_PROCESS_ID, CASE_GRANTS)
				+ grantToEveryone(Resources.PROCESS_DEFINITION, OpinionProcess.EXTENSION_PROCESS_ID, CASE_GRANTS)
				+ grantToEveryone(Resources.PROCESS_DEFINITION, DutyProcess.PROCESS_ID, CASE_GRANTS)
				+ grantToGroup(OrgGroups.DISTRICT, Resources.PROCESS_DEFINITION, ReportProcess.PROCESS_ID, READS)
				+ grantToEveryone(Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ)
				+ grantToEveryone(Resources.FILTER, Authorization.ANY, Permissions.READ)
				+ grantToEveryone(Resources.USER, Authorization.ANY, Permissions.READ)
				+ grantToEveryone(Resources.GROUP, Authorization.ANY, Permissions.READ)
				+ grantToEveryone(Resources.TENANT, Authorization.ANY, Permissions.READ);
		for (Resources resource : Resources.values()) {
			created += grantToAdmins(resource);
		}
		// the branches start the processes added since their organization was made
		created += this.identities.grantStartToEveryBranch();
		int removed = this.jdbc.update("delete from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = ? and RESOURCE_ID_ in "
				+ "(select ID_ from ACT_RU_TASK where TENANT_ID_ is not null)", Resources.TASK.resourceType());
		if (removed > 0) {
			log.info("Removed {} authorizations of single case tasks (cases' tasks are read and worked through "
					+ "their process's grant, their organization's tenant and their candidates)", removed);
		}
		if (created > 0) {
			log.info("Granted {} global authorizations (applications, reading processes, forms and filters)", created);
		}
	}

	/**
	 * Camunda admins pass tenant checks by themselves, but need grants for everything
	 * else.
	 */
	private int grantToAdmins(Resource resource) {
		boolean exists = this.authorizations.createAuthorizationQuery()
			.groupIdIn(Groups.CAMUNDA_ADMIN)
			.resourceType(resource)
			.resourceId(Authorization.ANY)
			.count() > 0;
		if (exists) {
			return 0;
		}
		Authorization authorization = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(Groups.CAMUNDA_ADMIN);
		authorization.setResource(resource);
		authorization.setResourceId(Authorization.ANY);
		authorization.addPermission(Permissions.ALL);
		this.authorizations.saveAuthorization(authorization);
		return 1;
	}

	private int grantToEveryone(Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GLOBAL)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		return save(existing, Authorization.AUTH_TYPE_GLOBAL, Authorization.ANY, null, resource, resourceId,
				permissions);
	}

	private int grantToGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		return save(existing, Authorization.AUTH_TYPE_GRANT, null, groupId, resource, resourceId, permissions);
	}

	/**
	 * Creates the authorization, or brings an existing one to exactly these permissions;
	 * 1 when something was written.
	 */
	private int save(Authorization existing, int type, String userId, String groupId, Resource resource,
			String resourceId, Permission... permissions) {
		Authorization authorization = (existing != null) ? existing : this.authorizations.createNewAuthorization(type);
		if (existing != null && hasExactly(existing, permissions)) {
			return 0;
		}
		if (existing == null) {
			authorization.setUserId(userId);
			authorization.setGroupId(groupId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		authorization.removePermission(Permissions.ALL);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		this.authorizations.saveAuthorization(authorization);
		if (existing != null) {
			log.info("Authorization on {} {} brought to {}", resource.resourceName(), resourceId,
					java.util.Arrays.toString(permissions));
		}
		return 1;
	}

	private static boolean hasExactly(Authorization authorization, Permission... permissions) {
		return mask(authorization.getPermissions(Permissions.values())) == mask(permissions);
	}

	private static int mask(Permission... permissions) {
		int mask = 0;
		for (Permission permission : permissions) {
			mask |= permission.getValue();
		}
		return mask;
	}

}
