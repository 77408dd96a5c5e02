package cn.liangxin.opinions.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.deadline.CalendarService;
import cn.liangxin.opinions.mail.ReminderMail;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps what every open task with a due date says of it current: the task-local variable
 * {@code daysLeft} (还剩3个工作日 / 今天到期 / 已逾期2个工作日), which the task forms and the task list
 * show. Set when a task is created, and brought up to date every
 * {@code opinion.due-labels.refresh-interval} (default 15 minutes), so it turns at
 * midnight in China. Idempotent: several nodes may run it; a task completed meanwhile is
 * skipped.
 */
@Component
class DueLabels {

	static final String NO_DEADLINE = "无时限";

	/** Task ids per variable query (an IN list every database takes). */
	private static final int CHUNK = 500;

	private static final Logger log = LoggerFactory.getLogger(DueLabels.class);

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final CalendarService calendars;

	DueLabels(TaskService tasks, RuntimeService runtime, CalendarService calendars) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.calendars = calendars;
	}

	/** 还剩3个工作日, 今天到期, 已逾期2个工作日 or 已超过办理期限 (a weekend after the due day). */
	static String daysLeft(int workingDaysLeft, boolean overdue) {
		return ReminderMail.remaining(workingDaysLeft, overdue);
	}

	/** The label of a task due at that moment. */
	String daysLeft(Instant due, Instant now) {
		LocalDate dueOn = WorkingDayCalendar.dateOf(due);
		return daysLeft(this.calendars.calendar().workingDaysBetween(WorkingDayCalendar.dateOf(now), dueOn),
				now.isAfter(due));
	}

	@Scheduled(initialDelayString = "${opinion.due-labels.refresh-interval:PT15M}",
			fixedDelayString = "${opinion.due-labels.refresh-interval:PT15M}")
	void scheduled() {
		try {
			int changed = refresh();
			if (changed > 0) {
				log.info("Brought the working days left up to date on {} open tasks", changed);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not bring the working days left of the open tasks up to date; trying again later: {}",
					ex.toString());
		}
	}

	/**
	 * Brings every open task's label up to date.
	 * @return how many labels changed
	 */
	int refresh() {
		Instant now = EngineClock.now();
		List<Task> open = this.tasks.createTaskQuery()
			.processDefinitionKeyIn(OpinionProcess.PROCESS_ID, OpinionProcess.SUPERVISION_PROCESS_ID,
					OpinionProcess.EXTENSION_PROCESS_ID)
			.dueAfter(java.util.Date.from(Instant.EPOCH))
			.list();
		if (open.isEmpty()) {
			return 0;
		}
		Map<String, Object> current = new HashMap<>();
		for (int from = 0; from < open.size(); from += CHUNK) {
			for (VariableInstance variable : this.runtime.createVariableInstanceQuery()
				.variableName(Vars.DAYS_LEFT)
				.taskIdIn(open.subList(from, Math.min(open.size(), from + CHUNK))
					.stream()
					.map(Task::getId)
					.toArray(String[]::new))
				.list()) {
				current.put(variable.getTaskId(), variable.getValue());
			}
		}
		int changed = 0;
		for (Task task : open) {
			String label = daysLeft(task.getDueDate().toInstant(), now);
			if (!label.equals(current.get(task.getId()))) {
				try {
					this.tasks.setVariableLocal(task.getId(), Vars.DAYS_LEFT, label);
					changed++;
				}
				catch (OptimisticLockingException ex) {
					log.debug("Task {} changed meanwhile; its label waits for the next round", task.getId());
				}
				catch (ProcessEngineException ex) {
					// completed meanwhile
					log.debug("Task {} is gone: {}", task.getId(), ex.getMessage());
				}
			}
		}
		return changed;
	}

}
