package cn.liangxin.opinions.workflow;

import java.time.LocalDate;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads process variables as the forms and the REST API leave them: texts (a blank form
 * field arrives as {@code ""}), booleans (or their text), and {@code yyyy-MM-dd} dates.
 */
final class ProcessVariables {

	private ProcessVariables() {
	}

	/**
	 * The case number of a case's (or its supervision's) execution: the business key, set
	 * by the register step and handed to supervisions, which no submitted variable can
	 * change.
	 */
	static String caseNo(DelegateExecution execution) {
		return execution.getProcessBusinessKey();
	}

	static String caseNo(DelegateTask task) {
		return caseNo(task.getExecution());
	}

	static String text(VariableScope scope, String name) {
		return text(scope::getVariable, name);
	}

	static String text(Function<String, Object> variables, String name) {
		Object value = variables.apply(name);
		return (value != null) ? value.toString() : null;
	}

	static Boolean bool(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value instanceof Boolean b) {
			return b;
		}
		return (value != null) ? Boolean.valueOf(value.toString()) : null;
	}

	/** A counter kept by the process: 0 when absent. */
	static int count(VariableScope scope, String name) {
		return (scope.getVariable(name) instanceof Number n) ? n.intValue() : 0;
	}

	/** A stored date; {@code null} when absent or blank. */
	static LocalDate date(VariableScope scope, String name) {
		return date(scope::getVariable, name);
	}

	static LocalDate date(Function<String, Object> variables, String name) {
		String value = text(variables, name);
		return (value == null || value.isBlank()) ? null : LocalDate.parse(value);
	}

	/**
	 * The matter a reminder names: the assignment slip's when there is one, else the
	 * opinion's.
	 */
	static String matter(Object slipMatter, Object summary) {
		return (slipMatter != null && !slipMatter.toString().isBlank()) ? slipMatter.toString()
				: (summary != null) ? summary.toString() : null;
	}

}
