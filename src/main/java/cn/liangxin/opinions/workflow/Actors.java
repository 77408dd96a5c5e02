package cn.liangxin.opinions.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Component;

/** Who is acting: the task's assignee or the authenticated user, shown as "张建国（sec1）". */
@Component
class Actors {

	private final IdentityService identity;

	Actors(IdentityService identity) {
		this.identity = identity;
	}

	/**
	 * The id of the user completing or claiming {@code task}, or {@code null} (system).
	 */
	String userId(DelegateTask task) {
		if (task != null && task.getAssignee() != null) {
			return task.getAssignee();
		}
		return currentUserId();
	}

	String currentUserId() {
		Authentication authentication = this.identity.getCurrentAuthentication();
		return (authentication != null) ? authentication.getUserId() : null;
	}

	/**
	 * A name for the register: the user's name and id, or {@code null} if nobody is
	 * known.
	 */
	String display(String userId) {
		if (userId == null) {
			return null;
		}
		User user = this.identity.createUserQuery().userId(userId).singleResult();
		return (user != null && user.getFirstName() != null) ? user.getFirstName() + "（" + userId + "）" : userId;
	}

}
