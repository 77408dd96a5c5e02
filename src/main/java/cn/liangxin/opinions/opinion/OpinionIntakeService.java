package cn.liangxin.opinions.opinion;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers opinions that arrive through the API: checked first, then started, all or
 * nothing.
 */
@Service
public class OpinionIntakeService {

	private final IntakeValidator validator;

	private final OpinionWorkflow workflow;

	private final OpinionRegister register;

	OpinionIntakeService(IntakeValidator validator, OpinionWorkflow workflow, OpinionRegister register) {
		this.validator = validator;
		this.workflow = workflow;
		this.register = register;
	}

	@Transactional
	public RegisterEntry register(OpinionIntake intake) {
		ValidOpinion opinion = this.validator.validate(intake, WorkingDayCalendar.dateOf(this.workflow.now()));
		OpinionWorkflow.StartedCase started = this.workflow.start(opinion);
		return this.register.require(started.caseNo());
	}

}
