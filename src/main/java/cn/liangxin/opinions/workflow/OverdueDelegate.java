package cn.liangxin.opinions.workflow;

import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.Stage;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * 标记逾期: a deadline task's overdue timer fired. Marks the case overdue in the register;
 * the supervision (督办) follows in the model. The stage comes from the service task's
 * input parameter {@code overdueStage}.
 */
@Component("markOverdue")
class OverdueDelegate implements JavaDelegate {

	private final OpinionRegister register;

	OverdueDelegate(OpinionRegister register) {
		this.register = register;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Stage stage = Stage.ofCode((String) execution.getVariable(Vars.OVERDUE_STAGE));
		if (stage == null) {
			throw new IllegalStateException("markOverdue needs the input parameter " + Vars.OVERDUE_STAGE);
		}
		this.register.overdue(ProcessVariables.caseNo(execution), stage, EngineClock.now());
	}

}
