package cn.liangxin.opinions.workflow;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.liangxin.opinions.reminder.ReminderRule;
import cn.liangxin.opinions.reminder.ReminderSchedule;
import cn.liangxin.opinions.workflow.OpinionProcess.Tasks;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code opinion.reminders.*}: when reminders, escalations and the digest go out (see
 * {@code docs/reminders.md}). Invalid rules stop the start-up with the property and the
 * reason.
 *
 * @param rules per deadline task id ({@code departmentHandle}, {@code branchReportUp},
 * {@code committeeHandle}) the reminder rules, comma-separated, e.g.
 * {@code "50%@09:00, -1d@09:00, 0d@09:00"} (the default for a task left out); an empty
 * text means no reminders before that deadline
 * @param secondEscalationAfter working days after the due day until the second escalation
 * (default 5)
 * @param retryCycle the retries of a failed sending job, as Camunda's
 * {@code failedJobRetryTimeCycle} (default {@code R5/PT5M}: 5 retries 5 minutes apart)
 * @param digestTime when the daily digest goes out on working days (default 08:30)
 * @param digestHorizon the digest lists tasks due within this many working days, and
 * those overdue (default 2)
 */
@ConfigurationProperties("opinion.reminders")
public record ReminderSettings(Map<String, String> rules, Integer secondEscalationAfter, String retryCycle,
		LocalTime digestTime, Integer digestHorizon) {

	/** The deadline tasks that have reminders. */
	public static final Set<String> DEADLINE_TASKS = Set.of(Tasks.DEPARTMENT_HANDLE, Tasks.BRANCH_REPORT_UP,
			Tasks.COMMITTEE_HANDLE);

	public ReminderSettings {
		Map<String, String> given = (rules != null) ? rules : Map.of();
		for (String task : given.keySet()) {
			if (!DEADLINE_TASKS.contains(task)) {
				throw new IllegalArgumentException("opinion.reminders.rules." + task
						+ " is not a deadline task; reminders can be set for " + DEADLINE_TASKS);
			}
		}
		Map<String, String> all = new LinkedHashMap<>();
		String defaults = String.join(", ", ReminderRule.defaults().stream().map(ReminderRule::text).toList());
		for (String task : List.of(Tasks.DEPARTMENT_HANDLE, Tasks.BRANCH_REPORT_UP, Tasks.COMMITTEE_HANDLE)) {
			String text = given.getOrDefault(task, defaults);
			all.put(task, (text != null) ? text : "");
			try {
				List<ReminderRule> parsed = parse(all.get(task));
				if (parsed.stream().map(ReminderRule::kind).distinct().count() < parsed.size()) {
					throw new IllegalArgumentException("one rule per kind (a percentage, days before, the due day), "
							+ "was \"" + all.get(task) + "\"");
				}
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("opinion.reminders.rules." + task + ": " + ex.getMessage(), ex);
			}
		}
		rules = Map.copyOf(all);
		if (secondEscalationAfter == null) {
			secondEscalationAfter = ReminderSchedule.DEFAULT_SECOND_ESCALATION_DELAY;
		}
		if (secondEscalationAfter < 1) {
			throw new IllegalArgumentException(
					"opinion.reminders.second-escalation-after must be 1 or more working days, was "
							+ secondEscalationAfter);
		}
		if (retryCycle == null || retryCycle.isBlank()) {
			retryCycle = "R5/PT5M";
		}
		if (!retryCycle.matches("R\\d+/P(T(\\d+H)?(\\d+M)?(\\d+S)?|\\d+D)")) {
			throw new IllegalArgumentException("opinion.reminders.retry-cycle must look like R5/PT5M (5 retries, "
					+ "5 minutes apart), was " + retryCycle);
		}
		if (digestTime == null) {
			digestTime = LocalTime.of(8, 30);
		}
		if (digestHorizon == null) {
			digestHorizon = 2;
		}
		if (digestHorizon < 0) {
			throw new IllegalArgumentException(
					"opinion.reminders.digest-horizon must be 0 or more working days, was " + digestHorizon);
		}
	}

	/** The rules of one deadline task. */
	public List<ReminderRule> rulesOf(String task) {
		String text = this.rules.get(task);
		if (text == null) {
			throw new IllegalArgumentException(task + " is not a deadline task");
		}
		return parse(text);
	}

	private static List<ReminderRule> parse(String text) {
		return Arrays.stream(text.split(","))
			.map(String::strip)
			.filter((t) -> !t.isEmpty())
			.map(ReminderRule::parse)
			.toList();
	}

}
