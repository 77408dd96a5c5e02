package cn.liangxin.opinions.opinion;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A register entry as the API shows it; {@code personalDataRemovedOn} is the day the
 * retention period ended and the employee's data was removed; {@code returnedCount},
 * {@code extendedCount} and {@code sentBackCount} count the slips returned (退单), the
 * deadlines extended on request (延期) and the replies sent back for more work (补办).
 */
record OpinionView(String caseNo, String caseNoDisplay, String orgCode, int serialNo, String reporterName,
		String reporterUnit, String reporterAddress, String reporterPhone, LocalDate reportedOn, Instant registeredAt,
		Channel channel, Kind kind, String summary, String handlingOpinion, String handler, Route route, Scope scope,
		String departmentCode, String departmentSignedBy, Instant departmentSignedAt, CommitteeMode committeeMode,
		String stage, String stageLabel, LocalDate dueOn, boolean dueEstimated, boolean overdue, String overdueStages,
		FeedbackMethod feedbackMethod, LocalDate feedbackOn, String feedbackSignedBy, Boolean satisfied,
		int rehandleCount, int returnedCount, int extendedCount, int sentBackCount, boolean struckOff,
		LocalDate struckOffOn, String remarks, String processInstanceId, LocalDate personalDataRemovedOn,
		LocalDate slipIssuedOn, String resultText, LocalDate resultOn) {

	static OpinionView of(RegisterEntry e) {
		Stage stage = Stage.ofCode(e.getStage());
		return new OpinionView(e.getCaseNo(), e.caseNumber().display(), e.getOrgCode(), e.getSerialNo(),
				e.getReporterName(), e.getReporterUnit(), e.getReporterAddress(), e.getReporterPhone(),
				e.getReportedOn(), e.getRegisteredAt(), e.getChannel(), e.getKind(), e.getSummary(),
				e.getHandlingOpinion(), e.getHandler(), e.getRoute(), e.getScope(), e.getDepartmentCode(),
				e.getDepartmentSignedBy(), e.getDepartmentSignedAt(), e.getCommitteeMode(), e.getStage(),
				(stage != null) ? stage.label() : null, e.getDueOn(), e.isDueEstimated(), e.isOverdue(),
				e.getOverdueStages(), e.getFeedbackMethod(), e.getFeedbackOn(), e.getFeedbackSignedBy(),
				e.getSatisfied(), e.getRehandleCount(), e.getReturnedCount(), e.getExtendedCount(),
				e.getSentBackCount(), e.isStruckOff(), e.getStruckOffOn(), e.getRemarks(), e.getProcessInstanceId(),
				e.getPersonalDataRemovedOn(), e.getSlipIssuedOn(), e.getResultText(), e.getResultOn());
	}

}
