package cn.liangxin.opinions.workflow;

import java.util.List;
import java.util.Objects;

import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Organization;
import cn.liangxin.opinions.validation.InvalidInputException;
import cn.liangxin.opinions.visit.Visits;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * 记入走访日志: records the visit of the Tasklist form {@code visit-log} through the same rules
 * as {@code POST /api/visits} ({@link Visits#record}); each matter handled by a deadline
 * or passed to a department opens a case in the same transaction. A refusal names the
 * form's fields ({@link VisitLogForm#onFormKeys}) and stores nothing: the process does
 * not start. Sets {@code visitId} and {@code visitCaseNos} for Cockpit.
 */
@Component("recordVisitDelegate")
class RecordVisitDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(RecordVisitDelegate.class);

	private final Visits visits;

	private final OrgDirectory orgs;

	private final Actors actors;

	private final TaskContracts contracts;

	RecordVisitDelegate(Visits visits, OrgDirectory orgs, Actors actors, TaskContracts contracts) {
		this.visits = visits;
		this.orgs = orgs;
		this.actors = actors;
		this.contracts = contracts;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String userId = this.actors.currentUserId();
		Organization org = organization(execution);
		if (userId != null && !this.orgs.scopeOf(userId).registersFor(org.getCode())) {
			throw new WriteGuard.WriteRefused(refusal(org.getCode()));
		}
		VisitLogForm form = VisitLogForm.read(org.getCode(), execution::getVariable);
		Visits.VisitView recorded;
		try {
			recorded = this.visits.record(form.visit(), recordedBy(userId));
		}
		catch (InvalidInputException ex) {
			throw form.onFormKeys(ex, this::label);
		}
		List<String> caseNos = recorded.matters()
			.stream()
			.map(Visits.MatterView::caseNo)
			.filter(Objects::nonNull)
			.toList();
		execution.setVariable(Vars.ORG_CODE, org.getCode());
		execution.setVariable(Vars.ORG_NAME, org.getName());
		execution.setVariable(VisitLogProcess.Vars.VISIT_ID, recorded.id());
		execution.setVariable(VisitLogProcess.Vars.VISIT_CASE_NOS, String.join(",", caseNos));
		log.info("Visit {} of {} recorded by {} through the Tasklist form: {} matters, cases {}", recorded.id(),
				org.getCode(), userId, recorded.matters().size(), caseNos);
	}

	/**
	 * Why a person may not record a visit for the organization: only its branch (and
	 * admins) keep its visit log.
	 */
	static String refusal(String orgCode) {
		return "只有本组织党支部人员可以记录该组织的走访日志（组织代码 " + orgCode + "）";
	}

	/**
	 * The organization: given in the form, else the tenant (the starting user's only
	 * organization).
	 */
	private Organization organization(DelegateExecution execution) {
		String given = ProcessVariables.text(execution, Vars.ORG_CODE);
		String orgCode = (given != null && !given.isBlank()) ? given.strip() : execution.getTenantId();
		if (orgCode == null || orgCode.isBlank()) {
			throw new InvalidInputException(Vars.ORG_CODE, "required", "组织代码不能为空：请填写走访的员工所在组织的代码");
		}
		return this.orgs.organization(orgCode)
			.orElseThrow(
					() -> new InvalidInputException(Vars.ORG_CODE, "knownOrganization", "组织代码“" + orgCode + "”不存在"));
	}

	private String recordedBy(String userId) {
		String display = this.actors.display(userId);
		return (display != null) ? display : "系统";
	}

	/** The form's label of a key (e.g. 成员2年龄). */
	private String label(String key) {
		return this.contracts.startForm(VisitLogProcess.PROCESS_ID)
			.map((form) -> form.fields().get(key))
			.map(FormContract.Field::label)
			.orElse(null);
	}

}
