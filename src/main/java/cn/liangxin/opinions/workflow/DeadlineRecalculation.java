package cn.liangxin.opinions.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.deadline.OpenDeadlines;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.Stage;
import cn.liangxin.opinions.workflow.OpinionProcess.Tasks;
import cn.liangxin.opinions.workflow.OpinionProcess.Vars;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * After a year's holiday arrangement changed: every open deadline task whose stage can
 * lie in that year gets the due day the new calendar gives (its task, the forms' due day,
 * the register), and its case's reminder and overdue timers, and those of a running
 * supervision, are computed again by the engine from the same variables. A deadline the
 * level above moved to a day stays on that day.
 */
@Component
class DeadlineRecalculation implements OpenDeadlines {

	/**
	 * A stage lasts at most 20 working days; with the longest holidays, under two months.
	 */
	static final int LONGEST_STAGE_MONTHS = 2;

	private static final Logger log = LoggerFactory.getLogger(DeadlineRecalculation.class);

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final IdentityService identity;

	private final StageDeadlines deadlines;

	private final OpinionRegister register;

	DeadlineRecalculation(TaskService tasks, RuntimeService runtime, ManagementService management,
			IdentityService identity, StageDeadlines deadlines, OpinionRegister register) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.management = management;
		this.identity = identity;
		this.deadlines = deadlines;
		this.register = register;
	}

	@Override
	public Recalculation recalculate(int year) {
		List<Moved> moved = new ArrayList<>();
		int[] counts = new int[2];
		AsSystem.run(this.identity, () -> {
			List<Task> open = this.tasks.createTaskQuery()
				.processDefinitionKey(OpinionProcess.PROCESS_ID)
				.taskDefinitionKeyIn(Tasks.DEPARTMENT_HANDLE, Tasks.BRANCH_REPORT_UP, Tasks.COMMITTEE_HANDLE)
				.list();
			Map<String, String> caseNumbers = caseNumbers(open);
			for (Task task : open) {
				counts[0]++;
				counts[1] += recalculate(task, caseNumbers.get(task.getProcessInstanceId()), year, moved);
			}
		});
		log.info("Deadlines after the {} arrangement: {} open deadlines checked, {} timers recalculated, {} due days "
				+ "moved", year, counts[0], counts[1], moved.size());
		return new Recalculation(counts[0], counts[1], moved);
	}

	/** The timers recalculated for one task, 0 if its stage does not touch the year. */
	private int recalculate(Task task, String caseNo, int year, List<Moved> moved) {
		Stage stage = Stage.ofCode(task.getTaskDefinitionKey());
		Map<String, Object> variables = this.runtime.getVariables(task.getExecutionId());
		Deadline deadline = this.deadlines.of(variables::get, stage);
		if (deadline == null) {
			return 0;
		}
		LocalDate was = (task.getDueDate() != null) ? WorkingDayCalendar.dateOf(task.getDueDate().toInstant())
				: deadline.dueOn();
		if (!touches(was, year) && !touches(deadline.dueOn(), year)) {
			return 0;
		}
		if (!deadline.dueOn().equals(was)) {
			task.setDueDate(Date.from(deadline.lastMoment()));
			this.tasks.saveTask(task);
			this.tasks.setVariablesLocal(task.getId(), Map.of(Vars.CURRENT_DUE_ON, deadline.dueOn().toString(),
					Vars.CURRENT_DUE_LABEL, OpinionTaskListener.dueLabel(stage, deadline)));
			this.runtime.setVariable(task.getProcessInstanceId(), OpinionTaskListener.dueVariable(stage),
					deadline.dueOn().toString());
			moved.add(new Moved(caseNo, stage.code(), was, deadline.dueOn()));
		}
		this.register.deadlineRecalculated(caseNo, stage, was, deadline, "节假日安排调整（" + year + "年）", EngineClock.now());
		int timers = 0;
		for (String instance : instances(task.getProcessInstanceId())) {
			for (Job timer : this.management.createJobQuery().processInstanceId(instance).timers().list()) {
				this.management.recalculateJobDuedate(timer.getId(), false);
				timers++;
			}
		}
		return timers;
	}

	/** Whether a stage ending on that day can have working days in the year. */
	private static boolean touches(LocalDate dueOn, int year) {
		return dueOn.minusMonths(LONGEST_STAGE_MONTHS).getYear() <= year && year <= dueOn.getYear();
	}

	/** The case and its running supervisions. */
	private List<String> instances(String processInstanceId) {
		List<String> instances = new ArrayList<>(List.of(processInstanceId));
		this.runtime.createProcessInstanceQuery()
			.superProcessInstanceId(processInstanceId)
			.list()
			.forEach((supervision) -> instances.add(supervision.getId()));
		return instances;
	}

	private Map<String, String> caseNumbers(List<Task> open) {
		Set<String> ids = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.runtime.createProcessInstanceQuery()
			.processInstanceIds(ids)
			.list()
			.stream()
			.collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
	}

}
