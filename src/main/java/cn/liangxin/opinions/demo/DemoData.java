package cn.liangxin.opinions.demo;

import java.util.List;
import java.util.Map;

import cn.liangxin.opinions.org.Committee;
import cn.liangxin.opinions.org.Department;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.OrgGroups;
import cn.liangxin.opinions.org.Organization;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo organization tree and identities. The account names are a contract (README,
 * tests): {@code admin}, {@code sec1}, {@code mem1}, {@code hr1}, {@code sec3},
 * {@code cmtstaff1}, {@code cmtstaff2}, {@code district1}, each with password
 * {@code demo}.
 */
@Component
public class DemoData {

	public static final String PASSWORD = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final OrgDirectory orgs;

	private final IdentityService identity;

	private final FilterService filters;

	private final TaskService tasks;

	DemoData(OrgDirectory orgs, IdentityService identity, FilterService filters, TaskService tasks) {
		this.orgs = orgs;
		this.identity = identity;
		this.filters = filters;
		this.tasks = tasks;
	}

	/**
	 * Creates the organizations and identities unless they exist; returns whether it did.
	 */
	@Transactional
	public boolean createOrganizationsAndPeople() {
		if (!this.orgs.isEmpty()) {
			return false;
		}
		this.orgs.save(new Committee("cmt1", "八桥镇\"两新\"组织党委"));
		this.orgs.save(new Committee("cmt2", "区社会组织党委"));
		this.orgs.save(new Organization("org1", "重庆渝发机械制造有限公司", "91500104MA5U7XKJ3Q", 260, "cmt1"));
		this.orgs.save(new Organization("org2", "重庆春晖物业服务有限公司", "91500104MA60B2LQ8N", 85, "cmt1"));
		this.orgs.save(new Organization("org3", "大渡口区心连心社会工作服务中心", "52500104MJP5021186", 36, "cmt2"));
		this.orgs.save(new Department("org1", "hr", "人力资源部"));
		this.orgs.save(new Department("org1", "prod", "生产部"));

		group("camunda-admin", "系统管理员", "SYSTEM");
		group(OrgGroups.DISTRICT, "区委\"两新\"工委", "WORKFLOW");
		for (String committee : List.of("cmt1", "cmt2")) {
			group(OrgGroups.committee(committee), this.orgs.committee(committee).orElseThrow().getName(), "WORKFLOW");
		}
		for (String org : List.of("org1", "org2", "org3")) {
			String name = this.orgs.requireOrganization(org).getName();
			Tenant tenant = this.identity.newTenant(org);
			tenant.setName(name);
			this.identity.saveTenant(tenant);
			group(OrgGroups.branch(org), name + "党支部", "WORKFLOW");
			group(OrgGroups.secretary(org), name + "党支部书记", "WORKFLOW");
		}
		group(OrgGroups.department("org1", "hr"), "重庆渝发机械制造有限公司人力资源部", "WORKFLOW");
		group(OrgGroups.department("org1", "prod"), "重庆渝发机械制造有限公司生产部", "WORKFLOW");

		user("admin", "系统管理员", "管理员", List.of("camunda-admin"), List.of());
		user("sec1", "张建国", "支部书记", List.of(OrgGroups.branch("org1"), OrgGroups.secretary("org1")), List.of("org1"));
		user("mem1", "李红梅", "支部委员", List.of(OrgGroups.branch("org1")), List.of("org1"));
		user("hr1", "王芳", "人力资源部", List.of(OrgGroups.department("org1", "hr")), List.of("org1"));
		user("sec3", "赵志强", "支部书记", List.of(OrgGroups.branch("org3"), OrgGroups.secretary("org3")), List.of("org3"));
		user("cmtstaff1", "陈静", "八桥镇党委", List.of(OrgGroups.committee("cmt1")), List.of("org1", "org2"));
		user("cmtstaff2", "刘洋", "区社会组织党委", List.of(OrgGroups.committee("cmt2")), List.of("org3"));
		user("district1", "孙立", "区委\"两新\"工委", List.of(OrgGroups.DISTRICT), List.of("org1", "org2", "org3"));

		filter("我的待办", "已认领的任务", 1, this.tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
		filter("我的组任务", "我所在组织、部门或党（工）委的待认领任务", 2,
				this.tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
		filter("全部待办", "我能看到的全部任务", 3, this.tasks.createTaskQuery());
		log.info("Demo organizations and users created (password '{}' for each)", PASSWORD);
		return true;
	}

	private void group(String id, String name, String type) {
		Group group = this.identity.newGroup(id);
		group.setName(name);
		group.setType(type);
		this.identity.saveGroup(group);
	}

	private void user(String id, String name, String post, List<String> groups, List<String> tenants) {
		User user = this.identity.newUser(id);
		user.setFirstName(name);
		user.setLastName(post);
		user.setPassword(PASSWORD);
		user.setEmail(id + "@example.cn");
		this.identity.saveUser(user);
		groups.forEach((group) -> this.identity.createMembership(id, group));
		tenants.forEach((tenant) -> this.identity.createTenantUserMembership(tenant, id));
	}

	private void filter(String name, String description, int priority, TaskQuery query) {
		Filter filter = this.filters.newTaskFilter(name);
		filter.setProperties(Map.of("description", description, "priority", priority, "refresh", true));
		filter.setQuery(query);
		this.filters.saveFilter(filter);
	}

}
