package cn.liangxin.opinions.demo;

import cn.liangxin.opinions.org.Committee;
import cn.liangxin.opinions.org.Department;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Person;
import cn.liangxin.opinions.org.Role;
import cn.liangxin.opinions.org.Organization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo organization tree and people (the Camunda identity follows them). The account
 * names are a contract (README, tests): {@code admin}, {@code sec1}, {@code mem1},
 * {@code hr1}, {@code sec3}, {@code cmtstaff1}, {@code cmtstaff2}, {@code district1},
 * each with password {@code demo}.
 */
@Component
public class DemoData {

	public static final String PASSWORD = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final OrgDirectory orgs;

	DemoData(OrgDirectory orgs) {
		this.orgs = orgs;
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
		this.orgs.save(new Organization("org1", "重庆渝发机械制造有限公司", "91500104MA5U7XKJ3Q", 260, "cmt1")
			.withPartyName("中共重庆渝发机械制造有限公司支部委员会"));
		this.orgs.save(new Organization("org2", "重庆春晖物业服务有限公司", "91500104MA60B2LQ8N", 85, "cmt1")
			.withPartyName("中共重庆春晖物业服务有限公司支部委员会"));
		this.orgs.save(new Organization("org3", "大渡口区心连心社会工作服务中心", "52500104MJP5021186", 36, "cmt2")
			.withPartyName("中共大渡口区心连心社会工作服务中心支部委员会"));
		this.orgs.save(new Department("org1", "hr", "人力资源部"));
		this.orgs.save(new Department("org1", "prod", "生产部"));

		person("admin", "系统管理员", Role.ADMIN, null, null, null, "管理员");
		person("sec1", "张建国", Role.BRANCH_SECRETARY, "org1", null, null, "支部书记");
		person("mem1", "李红梅", Role.BRANCH_MEMBER, "org1", null, null, "支部委员");
		person("hr1", "王芳", Role.DEPARTMENT_STAFF, "org1", "hr", null, "人力资源部");
		person("sec3", "赵志强", Role.BRANCH_SECRETARY, "org3", null, null, "支部书记");
		person("cmtstaff1", "陈静", Role.COMMITTEE_STAFF, null, null, "cmt1", "八桥镇党委");
		person("cmtstaff2", "刘洋", Role.COMMITTEE_STAFF, null, null, "cmt2", "区社会组织党委");
		person("district1", "孙立", Role.DISTRICT_STAFF, null, null, null, "区委\"两新\"工委");

		log.info("Demo organizations and users created (password '{}' for each)", PASSWORD);
		return true;
	}

	private void person(String username, String name, Role role, String org, String department, String committee,
			String post) {
		this.orgs.save(new Person(username, name, role, org, department, committee, post, "13800000000",
				username + "@example.cn"), PASSWORD);
	}

}
