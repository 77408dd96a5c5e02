package cn.liangxin.opinions.workflow;

import java.util.List;
import java.util.Map;

import cn.liangxin.opinions.opinion.Summaries;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What every entry of the task list shows of its case (Tasklist's filter variables): the
 * case number, the reporter, the first words of the matter, the due day and the working
 * days left. {@link #upgrade()} gives cases registered before the matter's first words
 * were kept ({@code summaryShort}) their value once.
 */
@Component
public class TaskListColumns {

	/** Characters of the matter the task list shows. */
	static final int SHORT = 24;

	/**
	 * The filter variables, name → label, in the order the task list shows them. Tasklist
	 * shows the first two in every entry and the rest when the entry is opened (⌄): the
	 * case number with the reporter, and the first words of the matter, come first.
	 */
	public static final List<Map<String, String>> VARIABLES = List.of(Map.of("name", Vars.CASE_LABEL, "label", "案件"),
			Map.of("name", Vars.SUMMARY_SHORT, "label", "反映事项"), Map.of("name", Vars.DAYS_LEFT, "label", "剩余时间"),
			Map.of("name", Vars.CURRENT_DUE_ON, "label", "办理期限"));

	private static final Logger log = LoggerFactory.getLogger(TaskListColumns.class);

	private final RuntimeService runtime;

	private final IdentityService identity;

	TaskListColumns(RuntimeService runtime, IdentityService identity) {
		this.runtime = runtime;
		this.identity = identity;
	}

	/** The first words of a matter, e.g. 夜班下班路上没有路灯，希望… */
	static String shortened(String summary) {
		return Summaries.firstWords(summary, SHORT);
	}

	/** 「（2026）年第12号 周小平」: the case number and who raised it. */
	static String caseLabel(String caseNoDisplay, String reporterName) {
		return (reporterName == null || reporterName.isBlank()) ? caseNoDisplay
				: caseNoDisplay + " " + reporterName.strip();
	}

	/**
	 * Sets {@code summaryShort} and {@code caseLabel} on every running case (and its
	 * supervisions and requests for more time) that lacks it.
	 * @return how many process instances got it
	 */
	public int upgrade() {
		return AsSystem.call(this.identity, () -> {
			int done = 0;
			java.util.Set<String> having = new java.util.HashSet<>();
			this.runtime.createVariableInstanceQuery()
				.variableName(Vars.CASE_LABEL)
				.list()
				.forEach((v) -> having.add(v.getProcessInstanceId()));
			for (ProcessInstance instance : this.runtime.createProcessInstanceQuery()
				.processDefinitionKeyIn(OpinionProcess.PROCESS_ID, OpinionProcess.SUPERVISION_PROCESS_ID,
						OpinionProcess.EXTENSION_PROCESS_ID)
				.list()) {
				if (!having.contains(instance.getId())) {
					Map<String, Object> known = this.runtime.getVariables(instance.getId(),
							List.of(Vars.SUMMARY, Vars.CASE_NO_DISPLAY, Vars.REPORTER_NAME));
					Object summary = known.get(Vars.SUMMARY);
					Object display = known.get(Vars.CASE_NO_DISPLAY);
					if (summary != null && display != null) {
						Object reporter = known.get(Vars.REPORTER_NAME);
						this.runtime.setVariables(instance.getId(), Map.of(Vars.SUMMARY_SHORT,
								shortened(summary.toString()), Vars.CASE_LABEL,
								caseLabel(display.toString(), (reporter != null) ? reporter.toString() : null)));
						done++;
					}
				}
			}
			if (done > 0) {
				log.info("Gave {} running cases their number, reporter and first words of the matter for the task list",
						done);
			}
			return done;
		});
	}

}
