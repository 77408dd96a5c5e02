package cn.liangxin.opinions.workflow;

import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** 销号: the case is closed and struck off the register with today's date. */
@Component("strikeOff")
class StrikeOffDelegate implements JavaDelegate {

	private final OpinionRegister register;

	StrikeOffDelegate(OpinionRegister register) {
		this.register = register;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.register.strikeOff(ProcessVariables.caseNo(execution), EngineClock.now());
	}

}
