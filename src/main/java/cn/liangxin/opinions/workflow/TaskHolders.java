package cn.liangxin.opinions.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Person;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

/**
 * Who holds a task, for the mails about it: the assignee, or every member of its
 * candidate groups while it is unclaimed; people without an e-mail address are left out.
 */
@Component
class TaskHolders {

	private final TaskService tasks;

	private final IdentityService identities;

	private final OrgDirectory directory;

	TaskHolders(TaskService tasks, IdentityService identities, OrgDirectory directory) {
		this.tasks = tasks;
		this.identities = identities;
		this.directory = directory;
	}

	/** The holders of the task by user id, in a stable order. */
	Map<String, Person> of(Task task) {
		if (task.getAssignee() != null) {
			Map<String, Person> assignee = new LinkedHashMap<>();
			this.directory.person(task.getAssignee())
				.filter(TaskHolders::hasEmail)
				.ifPresent((p) -> assignee.put(p.getUsername(), p));
			return assignee;
		}
		Map<String, Person> members = new LinkedHashMap<>();
		for (IdentityLink link : this.tasks.getIdentityLinksForTask(task.getId())) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				members.putAll(members(link.getGroupId()));
			}
		}
		return members;
	}

	/** The members of a group who have an e-mail address, by user id. */
	Map<String, Person> members(String groupId) {
		Map<String, Person> members = new LinkedHashMap<>();
		for (User user : this.identities.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()) {
			this.directory.person(user.getId())
				.filter(TaskHolders::hasEmail)
				.ifPresent((p) -> members.put(p.getUsername(), p));
		}
		return members;
	}

	private static boolean hasEmail(Person person) {
		return person.getEmail() != null && !person.getEmail().isBlank();
	}

}
