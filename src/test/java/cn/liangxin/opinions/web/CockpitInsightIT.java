package cn.liangxin.opinions.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.opinion.OpinionIntake;
import cn.liangxin.opinions.opinion.OpinionIntakeService;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.support.Browser;
import cn.liangxin.opinions.support.WebAppTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managers' view in Cockpit (scripts/insight/), in a real headless Chromium: the
 * heatmap on the diagram shows per activity what {@code /api/insight/heatmap} counts for
 * the user, and the deadline dashboard shows the user's organizations only. Screenshots
 * are kept under {@code target/screenshots/}.
 */
@WebAppTest
class CockpitInsightIT {

	static final String PROCESS = "employee-opinion";

	static final String ORG1_NAME = "重庆渝发机械制造有限公司";

	static final By HEATMAP_DRAWN = By.cssSelector(".insight-heatmap-panel .insight-status[data-cases]");

	static final By DASHBOARD_DRAWN = By.cssSelector(".insight-deadlines .insight-tiles");

	static boolean casesCreated;

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	DemoData demo;

	@Autowired
	OpinionIntakeService intake;

	@Autowired
	TaskService tasks;

	@Autowired
	RepositoryService repository;

	@BeforeEach
	void org1HasACaseHandledByItsDepartmentAndOneAtTheCommitteeAndOrg3OneReportedUp() {
		Browser.assumeInstalled();
		this.demo.createOrganizationsAndPeople();
		if (casesCreated) {
			return;
		}
		RegisterEntry handled = anOpinionRaisedIn("org1");
		complete(handled, "branchAssess", "sec1", assessedAs("ENTERPRISE", "department", "hr"));
		complete(handled, "departmentHandle", "hr1", Map.of("handlingResult", "已调整排班"));

		RegisterEntry reported = anOpinionRaisedIn("org1");
		complete(reported, "branchAssess", "sec1", assessedAs("UPPER"));
		complete(reported, "branchReportUp", "sec1", Map.of("reportText", "请求协调加班费核算"));
		complete(reported, "committeeAccept", "cmtstaff1", Map.of("committeeMode", "INDEPENDENT"));

		RegisterEntry org3 = anOpinionRaisedIn("org3");
		complete(org3, "branchAssess", "sec3", assessedAs("UPPER"));
		casesCreated = true;
	}

	@Test
	void committeeStaffSeeOnTheDiagramHowManyCasesPassedEachActivity() {
		Map<String, Object> heatmap = heatmap("cmtstaff1");
		Map<String, Long> expected = countsOnTheDiagram(heatmap);
		assertThat(expected.get("departmentHandle")).as("cases that passed departmentHandle").isPositive();
		assertThat(expected.get("committeeHandle")).as("cases at committeeHandle").isPositive();

		try (Browser browser = Browser.open(this.port)) {
			logInToCockpit(browser, "cmtstaff1");
			openHeatmap(browser);
			Map<String, Long> shown = overlayCounts(browser);
			browser.screenshot("cockpit-heatmap-cmtstaff1");

			assertThat(shown).containsEntry("departmentHandle", expected.get("departmentHandle"))
				.containsEntry("committeeHandle", expected.get("committeeHandle"))
				.isEqualTo(expected);
			assertThat(browser.text(HEATMAP_DRAWN)).contains(String.valueOf(heatmap.get("cases")));
		}
	}

	@Test
	void committeeStaffSeeTheOpenCasesOfTheirOrganizationsOnTheDeadlineDashboard() {
		Map<String, Object> deadlines = deadlines("cmtstaff1");

		try (Browser browser = Browser.open(this.port)) {
			logInToCockpit(browser, "cmtstaff1");
			// the start page carries the dashboard too; its own page is in the top menu
			browser.click(By.cssSelector("a.insight-nav-link"));
			browser.waitFor(By.cssSelector(".insight-page .insight-tiles"));
			browser.screenshot("cockpit-dashboard-cmtstaff1");

			assertThat(openCasesShown(browser, "org1")).as("org1's open cases in the table")
				.isEqualTo(openCases(deadlines, "org1"))
				.isPositive();
			assertThat(browser.driver().findElements(By.cssSelector(".insight-open tr[data-org-code='org3']")))
				.as("org3 is not cmt1's")
				.isEmpty();
			assertThat(browser.text(By.cssSelector(".insight-tile[data-tile='open'] .insight-tile-value")))
				.isEqualTo(String.valueOf(openCases(deadlines, null)));
		}
	}

	@Test
	void aBranchOfAnotherOrganizationSeesNoneOfOrg1sNumbers() {
		Map<String, Object> sec3 = heatmap("sec3");
		assertThat(codes(sec3.get("organizations"))).containsExactly("org3");
		Map<String, Long> expected = countsOnTheDiagram(sec3);
		assertThat(expected).as("org3's case").containsKey("branchReportUp");

		try (Browser browser = Browser.open(this.port)) {
			logInToCockpit(browser, "sec3");
			openHeatmap(browser);
			Map<String, Long> shown = overlayCounts(browser);
			browser.screenshot("cockpit-heatmap-sec3");
			assertThat(shown).isEqualTo(expected).doesNotContainKey("departmentHandle");
			assertThat(optionValues(browser, ".insight-heatmap-panel .insight-filter-org")).containsExactly("", "org3");

			browser.driver().get(cockpit() + "#/insight/deadlines");
			browser.waitFor(By.cssSelector(".insight-page .insight-tiles"));
			browser.screenshot("cockpit-dashboard-sec3");
			assertThat(browser.driver().findElements(By.cssSelector(".insight-page [data-org-code='org1']"))).isEmpty();
			assertThat(optionValues(browser, ".insight-page .insight-filter-org")).containsExactly("", "org3");
			assertThat(browser.driver().getPageSource()).doesNotContain(ORG1_NAME);
		}
	}

	// ---- the browser

	private String cockpit() {
		return "http://localhost:" + this.port + "/camunda/app/cockpit/default/";
	}

	/** Logs in to Cockpit and waits for the deadline dashboard on its start page. */
	private void logInToCockpit(Browser browser, String user) {
		browser.driver().manage().deleteAllCookies();
		browser.driver().get(cockpit());
		browser.type(By.cssSelector("input[ng-model='username']"), user);
		browser.type(By.cssSelector("input[ng-model='password']"), DemoData.PASSWORD);
		browser.click(By.cssSelector("button[type='submit']"));
		browser.waitFor(DASHBOARD_DRAWN);
	}

	/** The process definition's page, once the heatmap has been drawn. */
	private void openHeatmap(Browser browser) {
		ProcessDefinition definition = latestDefinition();
		browser.driver().get(cockpit() + "#/process-definition/" + definition.getId() + "/runtime");
		browser.waitFor(HEATMAP_DRAWN);
	}

	/** Each coloured activity's count, as the overlay's data attributes carry it. */
	private static Map<String, Long> overlayCounts(Browser browser) {
		Object counts = ((JavascriptExecutor) browser.driver()).executeScript("""
				const counts = {};
				document.querySelectorAll('.insight-heat[data-activity-id]')
				  .forEach((e) => { counts[e.dataset.activityId] = Number(e.dataset.count); });
				return counts;""");
		Map<String, Long> shown = new TreeMap<>();
		((Map<?, ?>) counts).forEach((id, count) -> shown.put((String) id, ((Number) count).longValue()));
		return shown;
	}

	/** The total of an organization's row in the open cases table. */
	private static long openCasesShown(Browser browser, String org) {
		return browser.driver()
			.findElements(By.cssSelector(".insight-page .insight-open tr[data-org-code='" + org + "'] td[data-count]"))
			.stream()
			.mapToLong((cell) -> Long.parseLong(cell.getDomAttribute("data-count")))
			.sum();
	}

	/**
	 * The select's option values, read in one script call once two readings a quarter
	 * second apart agree (the page re-renders the select when its data arrive).
	 */
	@SuppressWarnings("unchecked")
	private static List<String> optionValues(Browser browser, String select) {
		String script = "return Array.from(document.querySelectorAll(arguments[0] + ' option'))"
				+ ".map(function (o) { return o.getAttribute('value') || ''; });";
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		List<String> last = null;
		for (int i = 0; i < 40; i++) {
			List<String> now = List.copyOf((List<String>) js.executeScript(script, select));
			if (!now.isEmpty() && now.equals(last)) {
				return now;
			}
			last = now;
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return last;
	}

	// ---- the API, as the user

	@SuppressWarnings("unchecked")
	private Map<String, Object> heatmap(String user) {
		return this.http.withBasicAuth(user, DemoData.PASSWORD)
			.getForObject("/api/insight/heatmap?process=" + PROCESS, Map.class);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> deadlines(String user) {
		return this.http.withBasicAuth(user, DemoData.PASSWORD).getForObject("/api/insight/deadlines", Map.class);
	}

	/**
	 * The answer's activity counts for the activities the diagram draws (flow nodes of
	 * the latest version).
	 */
	private Map<String, Long> countsOnTheDiagram(Map<String, Object> heatmap) {
		BpmnModelInstance model = this.repository.getBpmnModelInstance(latestDefinition().getId());
		Map<String, Long> counts = new TreeMap<>();
		for (Object item : (List<?>) heatmap.get("activities")) {
			Map<?, ?> activity = (Map<?, ?>) item;
			String id = (String) activity.get("activityId");
			if (model.getModelElementById(id) instanceof FlowNode) {
				counts.put(id, ((Number) activity.get("count")).longValue());
			}
		}
		return counts;
	}

	/** Open cases of one organization (all organizations for null). */
	private static long openCases(Map<String, Object> deadlines, String org) {
		return ((List<?>) deadlines.get("openByStage")).stream()
			.map((row) -> (Map<?, ?>) row)
			.filter((row) -> org == null || org.equals(row.get("orgCode")))
			.mapToLong((row) -> ((Number) row.get("count")).longValue())
			.sum();
	}

	private static List<String> codes(Object entries) {
		return ((List<?>) entries).stream().map((entry) -> (String) ((Map<?, ?>) entry).get("code")).toList();
	}

	// ---- the cases

	private ProcessDefinition latestDefinition() {
		return this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(PROCESS)
			.latestVersion()
			.list()
			.get(0);
	}

	private RegisterEntry anOpinionRaisedIn(String org) {
		return this.intake.register(new OpinionIntake(org, "郑丽", "包装车间", null, null,
				LocalDate.now(WorkingDayCalendar.ZONE).toString(), "TALK", "DIFFICULTY", "加班费核算有误", false, null));
	}

	/** The user claims the case's task and completes it with these variables. */
	private void complete(RegisterEntry entry, String taskKey, String user, Map<String, Object> variables) {
		Task task = this.tasks.createTaskQuery()
			.processInstanceId(entry.getProcessInstanceId())
			.taskDefinitionKey(taskKey)
			.singleResult();
		this.tasks.claim(task.getId(), user);
		this.tasks.complete(task.getId(), variables);
	}

	private static Map<String, Object> assessedAs(String route, String... more) {
		Map<String, Object> variables = new HashMap<>(Map.of("route", route, "scope", "INDIVIDUAL"));
		for (int i = 0; i < more.length; i += 2) {
			variables.put(more[i], more[i + 1]);
		}
		return variables;
	}

}
