package cn.liangxin.opinions.access;

import java.util.HashMap;
import java.util.Map;

import cn.liangxin.opinions.workflow.TaskListColumns;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every user starts with (read by everyone), created once: 我的待办
 * (claimed by me), 我的组任务 (unclaimed, for my groups), 全部待办 (all I may see, by tenant);
 * each entry shows its case number, reporter, matter, due day and working days left
 * ({@link TaskListColumns}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class TasklistFilters implements ApplicationRunner {

	private final FilterService filters;

	private final TaskService tasks;

	private final TaskListColumns columns;

	TasklistFilters(FilterService filters, TaskService tasks, TaskListColumns columns) {
		this.filters = filters;
		this.tasks = tasks;
		this.columns = columns;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.filters.createFilterQuery().count() > 0) {
			upgrade();
			return;
		}
		filter("我的待办", "已认领的任务", 1, this.tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
		filter("我的组任务", "我所在组织、部门或党（工）委的待认领任务", 2,
				this.tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
		filter("全部待办", "我能看到的全部任务", 3, this.tasks.createTaskQuery());
	}

	/**
	 * Filters made before the task list showed what each task is about get its columns,
	 * and the running cases the first words of their matter, once.
	 */
	private void upgrade() {
		boolean upgraded = false;
		for (Filter filter : this.filters.createTaskFilterQuery().list()) {
			Map<String, Object> properties = new HashMap<>(
					(filter.getProperties() != null) ? filter.getProperties() : Map.of());
			if (!properties.containsKey("variables")) {
				properties.put("variables", TaskListColumns.VARIABLES);
				filter.setProperties(properties);
				this.filters.saveFilter(filter);
				upgraded = true;
			}
		}
		if (upgraded) {
			this.columns.upgrade();
		}
	}

	private void filter(String name, String description, int priority, TaskQuery query) {
		Filter filter = this.filters.newTaskFilter(name);
		filter.setProperties(Map.of("description", description, "priority", priority, "refresh", true, "variables",
				TaskListColumns.VARIABLES));
		filter.setQuery(query);
		this.filters.saveFilter(filter);
	}

}
