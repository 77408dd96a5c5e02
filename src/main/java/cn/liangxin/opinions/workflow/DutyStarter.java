package cn.liangxin.opinions.workflow;

import java.util.ArrayList;
import java.util.List;

import cn.liangxin.opinions.org.OrgGroups;
import cn.liangxin.opinions.visit.Duties;
import cn.liangxin.opinions.visit.Duties.Duty;
import cn.liangxin.opinions.visit.DutySettings;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The daily check of {@code visiting-duty-schedule} ({@code ${dutyStarter}}), and the
 * same at start-up: makes each period's visiting duties that do not exist yet and starts
 * each one's task ({@code visiting-duty}, business key e.g.
 * {@code MEETING-org1-2026-Q4}). The instance carries its organization's tenant, so its
 * tasks are read and worked like a case's (one grant per process, no rows per task).
 */
@Component("dutyStarter")
@Order(Ordered.LOWEST_PRECEDENCE)
public class DutyStarter implements JavaDelegate, ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DutyStarter.class);

	private final Duties duties;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final DutySettings settings;

	DutyStarter(Duties duties, RuntimeService runtime, IdentityService identity, DutySettings settings) {
		this.duties = duties;
		this.runtime = runtime;
		this.identity = identity;
		this.settings = settings;
	}

	/**
	 * One organization of the daily check's loop ({@code dutyOrgCode}), in its own job
	 * and transaction: a failure is retried for that organization alone.
	 */
	@Override
	public void execute(DelegateExecution execution) {
		String orgCode = ProcessVariables.text(execution, DutyProcess.Vars.ORG_OF_CHECK);
		List<Duty> made = this.duties.makeMissing(orgCode, EngineClock.today(), this::start);
		if (!made.isEmpty()) {
			log.info("Visiting duties of {} made for today's periods: {}", orgCode, made.size());
		}
	}

	/**
	 * The organizations the daily check goes through (its loop's collection,
	 * {@code ${dutyStarter.organizations()}}); none while the duties are turned off.
	 */
	public List<String> organizations() {
		if (!this.settings.enabled()) {
			return List.of();
		}
		// a sequential loop asks for its collection at each turn: no log here
		return this.duties.organizations();
	}

	/**
	 * At start-up, catches up: a node that was down when a period began makes its duties
	 * now; another node doing the same at the same moment makes them once.
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
			log.info("Another node is making this period's visiting duties");
		}
	}

	/**
	 * Makes and starts the duties of the periods containing today for the organizations
	 * that miss some, one organization per transaction.
	 */
	public List<Duty> makeMissing() {
		List<Duty> made = new ArrayList<>();
		for (String orgCode : this.duties.organizationsMissingDuties(EngineClock.today())) {
			made.addAll(this.duties.makeMissing(orgCode, EngineClock.today(), this::start));
		}
		if (!made.isEmpty()) {
			log.info("Visiting duties made for today's periods: {} ({} organizations)", made.size(),
					made.stream().map(Duty::orgCode).distinct().count());
		}
		return made;
	}

	private String start(Duty duty) {
		return this.runtime.createProcessInstanceByKey(DutyProcess.PROCESS_ID)
			.businessKey(duty.businessKey())
			.setVariables(Variables.createVariables()
				.putValue(DutyProcess.Vars.DUTY_ID, duty.id())
				.putValue(DutyProcess.Vars.DUTY_KIND, duty.kind().name())
				.putValue(DutyProcess.Vars.DUTY_TITLE, duty.title())
				.putValue(DutyProcess.Vars.ORG_CODE, duty.orgCode())
				.putValue(DutyProcess.Vars.ORG_NAME, duty.orgName())
				.putValue(DutyProcess.Vars.COMMITTEE_CODE, duty.committeeCode())
				.putValue(DutyProcess.Vars.HOLDER_NAME, duty.holderName())
				.putValue(DutyProcess.Vars.PERIOD, duty.period())
				.putValue(DutyProcess.Vars.SUPERVISOR_GROUP,
						duty.kind().byCommittee() ? OrgGroups.DISTRICT : OrgGroups.committee(duty.committeeCode()))
				.putValue(DutyProcess.Vars.DUE_ON, duty.dueOn().toString())
				.putValue(DutyProcess.Vars.REMIND_ON,
						this.duties.remindOn(this.duties.period(duty.kind(), duty.periodStart())).toString()))
			.execute()
			.getId();
	}

}
