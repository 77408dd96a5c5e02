package cn.liangxin.opinions.workflow;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * No authorization rows for the tasks of a case. The engine's default gives each task's
 * candidate group, candidate user, assignee and owner a row of their own; Tasklist's task
 * query joins every row of the caller's groups with every task it looks at, so a branch
 * with 10,000 open tasks waited 13 seconds for a page of 50. A case's tasks carry their
 * organization's tenant: everyone reads them through one grant per process and the tenant
 * check, works them through one grant per process ({@code TASK_WORK}), and
 * {@link WriteGuard} lets only the task's candidates and assignee work a given task.
 * Tasks without a tenant (the committees' monthly report) keep the engine's rows.
 */
class CaseTaskAuthorizations extends DefaultAuthorizationProvider {

	@Override
	public AuthorizationEntity[] newTask(Task task) {
		return ofCase(task) ? null : super.newTask(task);
	}

	@Override
	public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
		return ofCase(task) ? null : super.newTaskAssignee(task, oldAssignee, newAssignee);
	}

	@Override
	public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
		return ofCase(task) ? null : super.newTaskOwner(task, oldOwner, newOwner);
	}

	@Override
	public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
		return ofCase(task) ? null : super.newTaskUserIdentityLink(task, userId, type);
	}

	@Override
	public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
		return ofCase(task) ? null : super.newTaskGroupIdentityLink(task, groupId, type);
	}

	/** A task of an organization's case: it carries the organization's tenant. */
	static boolean ofCase(Task task) {
		return task.getTenantId() != null;
	}

}
