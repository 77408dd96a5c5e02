package cn.liangxin.opinions.access;

import java.lang.reflect.Method;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.support.WebAppTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees and works what, through the real HTTP APIs, on PostgreSQL: for each demo user
 * the tasks, process instances, historic instances and register entries of org1, org2 and
 * org3; claims and completions; and what a branch user must not be able to do.
 */
@WebAppTest
class AccessMatrixIT {

	static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	static final Map<String, String> CASES = new HashMap<>();

	@BeforeEach
	void oneCaseInEachOrganizationAndOneWithTheHrDepartment() {
		this.demo.createOrganizationsAndPeople();
		if (!CASES.isEmpty()) {
			return;
		}
		for (String org : List.of("org1", "org2", "org3", "org1-hr")) {
			Map<String, Object> body = Map.of("orgCode", org.substring(0, 4), "reporterName", "矩阵" + org, "reportedOn",
					LocalDate.now(WorkingDayCalendar.ZONE).toString(), "channel", "VISIT", "kind", "DIFFICULTY",
					"summary", "访问控制测试");
			ResponseEntity<Map> created = as("admin").postForEntity("/api/opinions", body, Map.class);
			assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
			CASES.put(org, (String) created.getBody().get("caseNo"));
		}
		Task assess = task("org1-hr", "branchAssess");
		this.tasks.complete(assess.getId(), Map.of("route", "ENTERPRISE", "department", "hr"));
	}

	@ParameterizedTest(name = "{0} sees the cases of {1}")
	@CsvSource(delimiter = '|', value = { "sec1|org1", "mem1|org1", "hr1|org1", "sec3|org3", "cmtstaff1|org1 org2",
			"cmtstaff2|org3", "district1|*", "admin|*" })
	void eachUserSeesExactlyTheCasesOfTheirOrganizations(String user, String organizations) {
		boolean everything = organizations.equals("*");
		Set<String> expected = everything ? allOrganizationsWithCases()
				: new TreeSet<>(List.of(organizations.split(" ")));
		if (everything) {
			assertThat(expected).contains("org1", "org2", "org3");
		}

		assertThat(tenants(user, "/engine-rest/task?processDefinitionKey=employee-opinion")).isEqualTo(everything
				? tenantsOf(this.tasks.createTaskQuery().processDefinitionKey("employee-opinion").list()) : expected);
		assertThat(tenants(user, "/engine-rest/process-instance?processDefinitionKey=employee-opinion"))
			.isEqualTo(expected);
		assertThat(tenants(user, "/engine-rest/history/process-instance?processDefinitionKey=employee-opinion"))
			.isEqualTo(expected);
		assertThat(orgCodes(user, "/api/opinions")).isEqualTo(expected);
		for (String org : List.of("org1", "org2", "org3")) {
			HttpStatus read = status(as(user).getForEntity("/api/opinions/" + CASES.get(org), String.class));
			assertThat(read).as("%s reads the register entry of %s", user, org)
				.isEqualTo(expected.contains(org) ? HttpStatus.OK : HttpStatus.NOT_FOUND);
		}
	}

	/**
	 * Every organization with an open case (other tests of this context may add
	 * organizations).
	 */
	private Set<String> allOrganizationsWithCases() {
		Set<String> tenants = new TreeSet<>();
		this.runtime.createProcessInstanceQuery()
			.processDefinitionKey("employee-opinion")
			.list()
			.forEach((p) -> tenants.add(p.getTenantId()));
		return tenants;
	}

	private static Set<String> tenantsOf(List<Task> tasks) {
		Set<String> tenants = new TreeSet<>();
		tasks.forEach((t) -> tenants.add(t.getTenantId()));
		return tenants;
	}

	@Test
	void theBranchWorksItsOwnTasksOnlyAndTheDepartmentOnlyItsSlips() {
		String org1Assess = task("org1", "branchAssess").getId();
		String hrSlip = task("org1-hr", "departmentHandle").getId();
		String org3Assess = task("org3", "branchAssess").getId();

		assertThat(claim("hr1", org1Assess)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(claim("cmtstaff1", org1Assess)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(claim("sec3", org1Assess)).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		assertThat(claim("sec1", org3Assess)).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		assertThat(claim("sec1", hrSlip)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(complete("hr1", org1Assess,
				Map.of("route", Map.of("value", "EXPLAIN"), "assessment", Map.of("value", "部门越权"))))
			.isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<String> forAnother = as("sec1").postForEntity("/engine-rest/task/" + org1Assess + "/claim",
				Map.of("userId", "hr1"), String.class);
		assertThat(status(forAnother)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(forAnother.getBody()).contains("只能由本人认领");
		assertThat(this.tasks.createTaskQuery().taskId(org1Assess).singleResult().getAssignee()).isNull();

		assertThat(claim("hr1", hrSlip)).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("hr1", hrSlip, Map.of("handlingResult", Map.of("value", "已办理"))))
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(claim("mem1", org1Assess)).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("mem1", org1Assess,
				Map.of("route", Map.of("value", "EXPLAIN"), "assessment", Map.of("value", "已解释说明"))))
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	/**
	 * The engine itself checks nothing when a comment is added: another organization's
	 * branch and a department that is no candidate of the task are refused, the task's
	 * candidate may comment.
	 */
	@Test
	void onlyTheTasksCandidatesCommentOnIt() {
		String org1Task = this.tasks.createTaskQuery()
			.processDefinitionKey("employee-opinion")
			.tenantIdIn("org1")
			.taskCandidateGroup("org1-branch")
			.listPage(0, 1)
			.get(0)
			.getId();
		String path = "/engine-rest/task/" + org1Task + "/comment/create";
		Map<String, Object> comment = Map.of("message", "越权评论");
		// another organization's task: the REST layer does not find it (400), the guard
		// would refuse it
		assertThat(status(as("sec3").postForEntity(path, comment, String.class))).isIn(HttpStatus.BAD_REQUEST,
				HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		assertThat(status(as("hr1").postForEntity(path, comment, String.class))).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.tasks.getTaskComments(org1Task)).extracting("fullMessage").doesNotContain("越权评论");
		assertThat(status(as("mem1").postForEntity(path, Map.of("message", "支部成员的评论"), String.class)))
			.isEqualTo(HttpStatus.OK);
		assertThat(this.tasks.getTaskComments(org1Task)).extracting("fullMessage").contains("支部成员的评论");
	}

	@Test
	void aBranchUserCannotTouchAnotherOrganizationsCase() {
		String org3Instance = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(CASES.get("org3"))
			.singleResult()
			.getId();
		String org3Task = task("org3", "branchAssess").getId();

		assertThat(status(
				as("sec1").getForEntity("/engine-rest/process-instance/" + org3Instance + "/variables", String.class)))
			.isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
		assertThat(status(as("sec1").getForEntity("/engine-rest/task/" + org3Task + "/form-variables", String.class)))
			.isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
		assertThat(complete("sec1", org3Task,
				Map.of("route", Map.of("value", "EXPLAIN"), "assessment", Map.of("value", "已解释说明"))))
			.isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN, HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(this.tasks.createTaskQuery().taskId(org3Task).singleResult()).as("the task is still open")
			.isNotNull();
		assertThat(status(as("sec1").postForEntity("/api/opinions",
				Map.of("orgCode", "org3", "reporterName", "冒名", "reportedOn",
						LocalDate.now(WorkingDayCalendar.ZONE).toString(), "channel", "VISIT", "kind", "DIFFICULTY",
						"summary", "不应登记"),
				String.class)))
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void aBranchUserCannotDeployManageIdentitiesOrQueryWithExpressions() {
		long deployments = this.repository.createDeploymentQuery().count();
		LinkedMultiValueMap<String, Object> deployment = new LinkedMultiValueMap<>();
		deployment.add("deployment-name", "evil");
		deployment.add("data", new org.springframework.core.io.ByteArrayResource(
				"<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'/>".getBytes()) {
			@Override
			public String getFilename() {
				return "evil.bpmn";
			}
		});
		HttpHeaders multipart = new HttpHeaders();
		multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
		assertThat(status(as("sec1").postForEntity("/engine-rest/deployment/create",
				new HttpEntity<>(deployment, multipart), String.class)))
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(as("sec1").postForEntity("/engine-rest/user/create",
				Map.of("profile", Map.of("id", "mallory", "firstName", "M", "lastName", "M"), "credentials",
						Map.of("password", "mallory")),
				String.class)))
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(as("sec1").postForEntity("/engine-rest/authorization/create", Map.of("type", 1, "permissions",
				List.of("ALL"), "userId", "sec1", "resourceType", 8, "resourceId", "*"), String.class)))
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(as("sec1").getForEntity(
				URI.create(this.http.getRootUri() + "/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D"),
				String.class)))
			.isIn(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN);
		assertThat(status(as("sec1").getForEntity("/api/people", String.class))).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(as("district1").getForEntity("/api/admin/calendar", String.class)))
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(as("admin").getForEntity("/api/admin/calendar", String.class))).isEqualTo(HttpStatus.OK);
		assertThat(status(as("district1").getForEntity("/api/people", String.class))).isEqualTo(HttpStatus.OK);
		assertThat(this.repository.createDeploymentQuery().count()).as("no deployment was created")
			.isEqualTo(deployments);
	}

	@Test
	void theFirstAdminSetupIsClosedOnceAnAdminExists() {
		ResponseEntity<String> setup = this.http.postForEntity("/camunda/api/admin/setup/default/user/create",
				Map.of("profile", Map.of("id", "intruder", "firstName", "I", "lastName", "I"), "credentials",
						Map.of("password", "intruder")),
				String.class);

		assertThat(status(setup)).isIn(HttpStatus.FORBIDDEN, HttpStatus.UNAUTHORIZED);
		assertThat(status(as("admin").getForEntity("/engine-rest/user?id=intruder", String.class)))
			.isEqualTo(HttpStatus.OK);
		assertThat(as("admin").exchange("/engine-rest/user?id=intruder", HttpMethod.GET, null, LIST).getBody())
			.isEmpty();
	}

	@Autowired
	AuthorizationBootstrap bootstrap;

	@Autowired
	AuthorizationService authorizations;

	/**
	 * Databases made before the monthly report gave everyone every process's instances,
	 * history and tasks (resource {@code *}); a start narrows that to reading the
	 * definitions, and the case processes keep their own grants.
	 */
	@Test
	void anOlderDatabasesGrantOnEveryProcessIsNarrowedAtStart() {
		Authorization any = globalGrant(Authorization.ANY);
		any.addPermission(Permissions.READ_INSTANCE);
		any.addPermission(Permissions.READ_HISTORY);
		any.addPermission(Permissions.READ_TASK);
		this.authorizations.saveAuthorization(any);
		String org1Assess = this.tasks.createTaskQuery()
			.processDefinitionKey("employee-opinion")
			.tenantIdIn("org1")
			.listPage(0, 1)
			.get(0)
			.getId();
		Authorization perTask = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		perTask.setGroupId("org1-branch");
		perTask.setResource(Resources.TASK);
		perTask.setResourceId(org1Assess);
		perTask.addPermission(Permissions.READ);
		perTask.addPermission(Permissions.TASK_WORK);
		this.authorizations.saveAuthorization(perTask);

		this.bootstrap.run(null);

		assertThat(this.authorizations.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.resourceId(org1Assess)
			.count()).as("a case task's own row, made by an older version").isZero();

		Authorization narrowed = globalGrant(Authorization.ANY);
		assertThat(narrowed.isPermissionGranted(Permissions.READ)).isTrue();
		assertThat(narrowed.isPermissionGranted(Permissions.READ_INSTANCE)).isFalse();
		assertThat(narrowed.isPermissionGranted(Permissions.READ_HISTORY)).isFalse();
		assertThat(narrowed.isPermissionGranted(Permissions.READ_TASK)).isFalse();
		for (String key : List.of("employee-opinion", "opinion-supervision", "opinion-extension")) {
			assertThat(globalGrant(key).isPermissionGranted(Permissions.READ_INSTANCE)).as(key).isTrue();
			assertThat(globalGrant(key).isPermissionGranted(Permissions.READ_TASK)).as(key).isTrue();
		}
		for (String key : List.of("monthly-report", "monthly-report-schedule", "opinion-digest")) {
			assertThat(this.authorizations.createAuthorizationQuery()
				.authorizationType(Authorization.AUTH_TYPE_GLOBAL)
				.resourceType(Resources.PROCESS_DEFINITION)
				.resourceId(key)
				.count()).as(key).isZero();
		}
		assertThat(tenants("sec1", "/engine-rest/task?processDefinitionKey=employee-opinion")).containsExactly("org1");
	}

	/**
	 * A database whose organizations were made before the visit log: the next start lets
	 * their branches start it (Tasklist's 启动流程 lists it); its instances, which hold a
	 * household's personal data, get no grant for everyone.
	 */
	@Test
	void branchesMadeBeforeTheVisitLogMayStartItAfterTheNextStart() {
		String startable = "/engine-rest/process-definition?key=visit-log&latestVersion=true"
				+ "&startableInTasklist=true&startablePermissionCheck=true";
		Authorization org1Start = this.authorizations.createAuthorizationQuery()
			.groupIdIn("org1-branch")
			.resourceType(Resources.PROCESS_DEFINITION)
			.resourceId("visit-log")
			.singleResult();
		this.authorizations.deleteAuthorization(org1Start.getId());
		assertThat(as("sec1").exchange(startable, HttpMethod.GET, null, LIST).getBody()).isEmpty();

		this.bootstrap.run(null);

		assertThat(as("sec1").exchange(startable, HttpMethod.GET, null, LIST).getBody())
			.extracting((definition) -> definition.get("name"))
			.containsExactly("走访日志");
		assertThat(as("cmtstaff1").exchange(startable, HttpMethod.GET, null, LIST).getBody()).isEmpty();
		assertThat(globalGrant("visit-log")).as("no grant on the visit log for everyone").isNull();
	}

	/**
	 * Tasklist's task query joins every authorization row of the caller's groups with
	 * every task: a case's tasks must add none, whoever claims them.
	 */
	@Test
	void aCasesTasksHaveNoAuthorizationRowsOfTheirOwn() {
		Task slip = task("org1-hr", "departmentHandle");
		if (slip != null && slip.getAssignee() == null) {
			claim("hr1", slip.getId());
		}
		List<String> caseTasks = this.tasks.createTaskQuery()
			.processDefinitionKey("employee-opinion")
			.list()
			.stream()
			.map(Task::getId)
			.toList();
		assertThat(caseTasks).isNotEmpty();
		for (String taskId : caseTasks) {
			assertThat(this.authorizations.createAuthorizationQuery()
				.resourceType(Resources.TASK)
				.resourceId(taskId)
				.count()).as("authorizations of task %s", taskId).isZero();
		}
	}

	private Authorization globalGrant(String processKey) {
		return this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GLOBAL)
			.resourceType(Resources.PROCESS_DEFINITION)
			.resourceId(processKey)
			.singleResult();
	}

	@Test
	void aChangedRoleTakesEffectOnTheNextRequest() {
		assertThat(orgCodes("mem1", "/api/opinions")).containsExactly("org1");
		try {
			movePerson("mem1", "org3");
			assertThat(orgCodes("mem1", "/api/opinions")).containsExactly("org3");
			assertThat(tenants("mem1", "/engine-rest/task?processDefinitionKey=employee-opinion"))
				.containsExactly("org3");
		}
		finally {
			movePerson("mem1", "org1");
		}
		assertThat(orgCodes("mem1", "/api/opinions")).containsExactly("org1");
	}

	@Test
	void noEndpointAnswersAnAnonymousRequestWithData() {
		List<String> paths = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			mapping.getKey().getPatternValues().stream().filter((p) -> p.startsWith("/api")).forEach(paths::add);
		}
		for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
			List<Class<?>> types = new ArrayList<>(List.of(resource.getInterfaces()));
			types.add(resource);
			for (Class<?> type : types) {
				Path root = type.getAnnotation(Path.class);
				if (root == null) {
					continue;
				}
				paths.add("/engine-rest" + root.value());
				for (Method method : type.getMethods()) {
					Path sub = method.getAnnotation(Path.class);
					if (sub == null) {
						continue;
					}
					String path = "/engine-rest" + (root.value() + "/" + sub.value()).replaceAll("/+", "/");
					paths.add(path);
					// a sub-resource locator (/task, /process-instance...): its own GET
					// endpoints too
					if (!method.isAnnotationPresent(GET.class)) {
						for (Method get : method.getReturnType().getMethods()) {
							Path leaf = get.getAnnotation(Path.class);
							if (get.isAnnotationPresent(GET.class)) {
								paths.add(((leaf != null) ? path + "/" + leaf.value() : path).replaceAll("/+", "/"));
							}
						}
					}
				}
			}
		}
		paths.add("/actuator/health");
		assertThat(paths).hasSizeGreaterThan(40);

		for (String path : paths) {
			String concrete = path.replaceAll("\\{[^}]+}", "x");
			ResponseEntity<String> response = this.http.getForEntity(concrete, String.class);
			assertThat(status(response)).as("anonymous GET %s", concrete)
				.isIn(HttpStatus.UNAUTHORIZED, HttpStatus.NOT_FOUND, HttpStatus.METHOD_NOT_ALLOWED);
			if (status(response) != HttpStatus.UNAUTHORIZED) {
				assertThat(response.getBody()).as("anonymous GET %s", concrete).doesNotContain("org1");
			}
		}
		assertThat(status(this.http.withBasicAuth("nobody", "wrong").getForEntity("/api/opinions", String.class)))
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(status(this.http.getForEntity("/camunda/api/engine/engine/default/task", String.class)))
			.isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
	}

	private void movePerson(String username, String orgCode) {
		ResponseEntity<String> saved = as("admin").postForEntity("/api/people", Map.of("username", username, "name",
				"李红梅", "role", "BRANCH_MEMBER", "orgCode", orgCode, "post", "支部委员"), String.class);
		assertThat(status(saved)).isEqualTo(HttpStatus.CREATED);
	}

	private TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, DemoData.PASSWORD);
	}

	private Set<String> tenants(String user, String path) {
		ResponseEntity<List<Map<String, Object>>> response = as(user).exchange(path, HttpMethod.GET, null, LIST);
		assertThat(status(response)).as("%s GET %s", user, path).isEqualTo(HttpStatus.OK);
		Set<String> tenants = new TreeSet<>();
		response.getBody().forEach((item) -> tenants.add((String) item.get("tenantId")));
		return tenants;
	}

	/**
	 * The organizations whose register entries the user's list shows: each organization's
	 * page of the list (other tests of this context register many cases of org1).
	 */
	private Set<String> orgCodes(String user, String path) {
		Set<String> orgs = new TreeSet<>();
		for (String org : allOrganizationsWithCases()) {
			ResponseEntity<Map> page = as(user).getForEntity(path + "?size=1&orgCode=" + org, Map.class);
			assertThat(status(page)).isEqualTo(HttpStatus.OK);
			if (((Number) page.getBody().get("totalElements")).longValue() > 0) {
				assertThat((List<Map<String, Object>>) page.getBody().get("content")).singleElement()
					.satisfies((entry) -> assertThat(entry).containsEntry("orgCode", org));
				orgs.add(org);
			}
		}
		return orgs;
	}

	private HttpStatus claim(String user, String taskId) {
		return status(
				as(user).postForEntity("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user), String.class));
	}

	private HttpStatus complete(String user, String taskId, Map<String, Object> variables) {
		return status(as(user).postForEntity("/engine-rest/task/" + taskId + "/complete",
				Map.of("variables", variables), String.class));
	}

	private Task task(String caseKey, String taskKey) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(CASES.get(caseKey))
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	private static HttpStatus status(ResponseEntity<?> response) {
		return HttpStatus.valueOf(response.getStatusCode().value());
	}

}
