package cn.liangxin.opinions.workflow;

import cn.liangxin.opinions.insight.FlowJournal;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds a listener to every sequence flow of every process as it is parsed: each flow an
 * instance takes is recorded in the {@link FlowJournal} with its root process instance
 * (the case's, for a called supervision too), for the heatmap's weighted flows.
 */
class FlowRecording extends AbstractBpmnParseListener {

	private final FlowJournal journal;

	FlowRecording(FlowJournal journal) {
		this.journal = journal;
	}

	@Override
	public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scope, TransitionImpl transition) {
		String processKey = ((ProcessDefinitionEntity) scope.getProcessDefinition()).getKey();
		String flowId = transition.getId();
		transition.addListener(ExecutionListener.EVENTNAME_TAKE, (ExecutionListener) (execution) -> this.journal
			.taken(((ExecutionEntity) execution).getRootProcessInstanceId(), processKey, flowId, EngineClock.now()));
	}

}
