package cn.liangxin.opinions.workflow;

import java.util.List;

import cn.liangxin.opinions.report.MonthlyReportSettings;
import cn.liangxin.opinions.report.MonthlyReports;
import cn.liangxin.opinions.report.MonthlyReports.Report;
import cn.liangxin.opinions.org.OrgGroups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The daily check of {@code monthly-report-schedule} ({@code ${monthlyReportStarter}}):
 * on and after a month's first working day, makes the previous month's report of every
 * committee that has none and starts its review ({@code monthly-report}, business key
 * {@code cmt1-2026-09}). The job runs once across nodes, and a report is made once.
 */
@Component("monthlyReportStarter")
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
class MonthlyReportStarter implements JavaDelegate, ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MonthlyReportStarter.class);

	private final MonthlyReports reports;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final MonthlyReportSettings settings;

	private final AuthorizationService authorizations;

	MonthlyReportStarter(MonthlyReports reports, RuntimeService runtime, IdentityService identity,
			MonthlyReportSettings settings, AuthorizationService authorizations) {
		this.authorizations = authorizations;
		this.reports = reports;
		this.runtime = runtime;
		this.identity = identity;
		this.settings = settings;
	}

	@Override
	public void execute(DelegateExecution execution) {
		if (this.settings.enabled()) {
			makeMissing();
		}
	}

	/**
	 * At start-up, catches up: a node that was down on a month's first working day makes
	 * its reports now. Another node doing the same at the same moment makes them once
	 * (the second one's insert is refused, and it leaves them to the first).
	 */
	@Override
	public void run(ApplicationArguments args) {
		if (!this.settings.enabled()) {
			return;
		}
		try {
			AsSystem.call(this.identity, this::makeMissing);
		}
		catch (DataIntegrityViolationException ex) {
			log.info("Another node is making this month's reports");
		}
	}

	/** Makes and starts the reports due today. */
	List<Report> makeMissing() {
		return this.reports.makeMissing(EngineClock.today(), EngineClock.now(), this::start);
	}

	/**
	 * Starts the report's review, which has no tenant: its committee's staff read it
	 * through a grant on the instance (the task through its candidate group), the
	 * district through its grant on the process; nobody else.
	 */
	private String start(Report report) {
		String instanceId = this.runtime.createProcessInstanceByKey(ReportProcess.PROCESS_ID)
			.businessKey(report.committeeCode() + "-" + report.month())
			.setVariables(Variables.createVariables()
				.putValue(ReportProcess.Vars.COMMITTEE_CODE, report.committeeCode())
				.putValue(ReportProcess.Vars.COMMITTEE_NAME, report.committeeName())
				.putValue(ReportProcess.Vars.REPORT_MONTH, report.month())
				.putValue(ReportProcess.Vars.CREATED_ON, report.createdOn().toString())
				.putValue(ReportProcess.Vars.DUE_ON, report.dueOn().toString())
				.putValue(ReportProcess.Vars.FIGURES, report.figures().markdown()))
			.execute()
			.getId();
		Authorization read = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		read.setGroupId(OrgGroups.committee(report.committeeCode()));
		read.setResource(Resources.PROCESS_INSTANCE);
		read.setResourceId(instanceId);
		read.addPermission(Permissions.READ);
		this.authorizations.saveAuthorization(read);
		return instanceId;
	}

}
