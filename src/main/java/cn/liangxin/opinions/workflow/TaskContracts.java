package cn.liangxin.opinions.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liangxin.opinions.workflow.FormContract.Field;
import cn.liangxin.opinions.workflow.OpinionProcess.Tasks;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What each user task and start form of our processes lets a caller submit: the contract
 * of the Camunda Form it references ({@code camunda:formRef}), read from the same
 * {@code processes/} and {@code forms/} files that are deployed, plus the few variables
 * the REST API documents besides a form ({@code satisfied} on the feedback,
 * {@code extensionApproved} on the decision on more time).
 */
@Component
class TaskContracts {

	/** Variables a REST caller may send besides the form's fields, per task. */
	private static final Map<String, Field[]> REST_EXTRAS = Map.of(Tasks.BRANCH_FEEDBACK,
			new Field[] { Field.bool(Vars.SATISFIED, "员工是否满意") }, Tasks.APPROVE_EXTENSION,
			new Field[] { Field.bool(Vars.EXTENSION_APPROVED, "是否同意延期") });

	/** process key → activity id → contract. */
	private final Map<String, Map<String, FormContract>> contracts = new HashMap<>();

	/** process key → the start event's contract. */
	private final Map<String, FormContract> startForms = new HashMap<>();

	TaskContracts(ObjectMapper json) {
		Map<String, FormContract> forms = new HashMap<>();
		for (Resource resource : resources("forms/*.form")) {
			try (InputStream in = resource.getInputStream()) {
				FormContract form = FormContract.parse(json.readTree(in));
				forms.put(form.id(), form);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + resource, ex);
			}
		}
		for (Resource resource : resources("processes/*.bpmn")) {
			try (InputStream in = resource.getInputStream()) {
				read(Bpmn.readModelFromStream(in), forms);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + resource, ex);
			}
		}
	}

	private void read(BpmnModelInstance model, Map<String, FormContract> forms) {
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			put(processOf(task), task.getId(), task.getCamundaFormRef(), forms);
		}
		for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
			if (start.getParentElement() instanceof Process process && start.getCamundaFormRef() != null) {
				put(process, start.getId(), start.getCamundaFormRef(), forms);
				this.startForms.put(process.getId(), this.contracts.get(process.getId()).get(start.getId()));
			}
		}
		for (Process process : model.getModelElementsByType(Process.class)) {
			this.contracts.computeIfAbsent(process.getId(), (key) -> new HashMap<>());
		}
	}

	private static Process processOf(ModelElementInstance element) {
		for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent
			.getParentElement()) {
			if (parent instanceof Process process) {
				return process;
			}
		}
		throw new IllegalStateException(element + " is in no process");
	}

	private void put(Process process, String activityId, String formRef, Map<String, FormContract> forms) {
		if (formRef == null) {
			return;
		}
		FormContract form = forms.get(formRef);
		if (form == null) {
			throw new IllegalStateException(
					"Activity " + activityId + " references form " + formRef + ", which is not in forms/");
		}
		Field[] extra = REST_EXTRAS.get(activityId);
		this.contracts.computeIfAbsent(process.getId(), (key) -> new HashMap<>())
			.put(activityId, (extra != null) ? form.with(extra) : form);
	}

	/** Whether the process is one of ours (its tasks and starts are checked). */
	boolean governs(String processKey) {
		return this.contracts.containsKey(processKey);
	}

	/**
	 * The contract of a user task or a start event; empty if it has no form (nothing may
	 * be submitted).
	 */
	Optional<FormContract> of(String processKey, String activityId) {
		return Optional.ofNullable(this.contracts.getOrDefault(processKey, Map.of()).get(activityId));
	}

	/** The contract of the process's start form; empty if it has none. */
	Optional<FormContract> startForm(String processKey) {
		return Optional.ofNullable(this.startForms.get(processKey));
	}

	private static Resource[] resources(String pattern) {
		try {
			return new PathMatchingResourcePatternResolver().getResources("classpath*:" + pattern);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
