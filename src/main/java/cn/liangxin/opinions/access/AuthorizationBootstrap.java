package cn.liangxin.opinions.access;

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
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What every signed-in user may do, granted once at start-up (global authorizations).
 * Which organizations' data they see is decided by the tenant check (one tenant per
 * organization); which tasks they work, by the candidate groups of each task. Nobody but
 * admins may deploy, or change users, groups, tenants or authorizations.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AuthorizationBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AuthorizationBootstrap.class);

	private final AuthorizationService authorizations;

	AuthorizationBootstrap(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		int created = grantToEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS)
				+ grantToEveryone(Resources.APPLICATION, "cockpit", Permissions.ACCESS)
				+ grantToEveryone(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
						Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK)
				+ grantToEveryone(Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ)
				+ grantToEveryone(Resources.FILTER, Authorization.ANY, Permissions.READ)
				+ grantToEveryone(Resources.USER, Authorization.ANY, Permissions.READ)
				+ grantToEveryone(Resources.GROUP, Authorization.ANY, Permissions.READ)
				+ grantToEveryone(Resources.TENANT, Authorization.ANY, Permissions.READ);
		for (Resources resource : Resources.values()) {
			created += grantToAdmins(resource);
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
		boolean exists = this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GLOBAL)
			.resourceType(resource)
			.resourceId(resourceId)
			.count() > 0;
		if (exists) {
			return 0;
		}
		Authorization authorization = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
		authorization.setUserId(Authorization.ANY);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		this.authorizations.saveAuthorization(authorization);
		return 1;
	}

}
