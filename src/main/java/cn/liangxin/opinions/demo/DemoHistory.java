package cn.liangxin.opinions.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.deadline.CalendarService;
import cn.liangxin.opinions.opinion.OpinionIntake;
import cn.liangxin.opinions.opinion.OpinionIntakeService;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.org.Department;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Person;
import cn.liangxin.opinions.org.Role;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Some months of history for the managers' view: a few hundred cases replayed through the
 * real process with the engine's clock set back, over the three demo organizations, every
 * route and outcome — on time and late (the overdue timers fire and the level above
 * supervises), satisfied and not (sent back once, or closed with a reason). Cases whose
 * next step would lie in the future stay open where they are. Deterministic (a fixed
 * seed), and run before the job executor starts.
 */
@Component
class DemoHistory {

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	private static final String[][] ORGS = { { "org1", "sec1" }, { "org1", "sec1" }, { "org1", "sec1" },
			{ "org2", "sec2" }, { "org2", "sec2" }, { "org3", "sec3" } };

	private static final Map<String, String[][]> DEPARTMENTS = Map.of("org1",
			new String[][] { { "hr", "hr1" }, { "prod", "prod1" } }, "org2", new String[][] { { "service", "kf2" } },
			"org3", new String[][] { { "project", "xm3" } });

	private static final Map<String, String> COMMITTEE_STAFF = Map.of("org1", "cmtstaff1", "org2", "cmtstaff1", "org3",
			"cmtstaff2");

	private static final String[] NAMES = { "周小平", "吴海燕", "郑刚", "马丽", "孙伟", "陈志", "刘芳", "黄强", "杨敏", "何军", "罗霞", "谢涛" };

	private static final String[] UNITS = { "装配车间", "质检岗", "仓储部", "包装车间", "物业客服", "保洁班组", "社工岗", "项目组" };

	private static final String[][] MATTERS = { { "DIFFICULTY", "夜班下班路上照明不足，希望增设路灯。" },
			{ "DIFFICULTY", "子女入学需要单位出具务工和社保证明。" }, { "CONFLICT", "加班费计算基数与劳动合同约定不一致。" },
			{ "CONFLICT", "劳务派遣员工反映与正式员工同工不同酬。" }, { "SUGGESTION", "建议食堂延长供餐时间并增加菜品。" },
			{ "SUGGESTION", "建议为一线员工购买意外伤害保险。" }, { "DIFFICULTY", "夏季车间高温，希望增加防暑降温用品。" },
			{ "CONFLICT", "班组排班不公平，节假日值班集中在少数人。" } };

	private static final String[] CHANNELS = { "VISIT", "MAILBOX", "FORUM", "WALL", "TALK", "MEETING" };

	private final OpinionIntakeService intake;

	private final TaskService tasks;

	private final ManagementService management;

	private final CalendarService calendars;

	private final OrgDirectory directory;

	private final Random random = new Random(2026);

	private Instant now;

	DemoHistory(OpinionIntakeService intake, TaskService tasks, ManagementService management, CalendarService calendars,
			OrgDirectory directory) {
		this.intake = intake;
		this.tasks = tasks;
		this.management = management;
		this.calendars = calendars;
		this.directory = directory;
	}

	/**
	 * Replays {@code count} cases raised over the {@code days} days before today.
	 * @return how many of them are still open
	 */
	int replay(int count, int days) {
		peopleAndDepartments();
		this.now = Instant.now();
		LocalDate today = WorkingDayCalendar.dateOf(this.now);
		int open = 0;
		try {
			for (int i = 0; i < count; i++) {
				LocalDate raised = workingDayOnOrBefore(today.minusDays(days - (long) i * days / count));
				if (!replayCase(raised)) {
					open++;
				}
				if ((i + 1) % 50 == 0) {
					log.info("Demo history: {} of {} cases replayed", i + 1, count);
				}
			}
		}
		finally {
			ClockUtil.reset();
		}
		return open;
	}

	/**
	 * @return whether the case got to the end (struck off)
	 */
	private boolean replayCase(LocalDate raised) {
		String[] org = ORGS[this.random.nextInt(ORGS.length)];
		String orgCode = org[0];
		String secretary = org[1];
		String[] matter = MATTERS[this.random.nextInt(MATTERS.length)];
		int route = this.random.nextInt(100);
		boolean onSpot = route < 10;
		if (!at(raised, LocalTime.of(9, 30))) {
			return false;
		}
		RegisterEntry entry = this.intake
			.register(new OpinionIntake(orgCode, pick(NAMES), pick(UNITS), null, "13800000000", raised.toString(),
					pick(CHANNELS), matter[0], matter[1], onSpot, onSpot ? "当场与相关负责人沟通，已解决。" : null));
		LocalDate day = raised;
		if (!onSpot) {
			day = plus(day, this.random.nextInt(2));
			if (!at(day, LocalTime.of(10, 0))) {
				return false;
			}
			if (route < 30) {
				complete(entry, "branchAssess", secretary,
						Map.of("route", "EXPLAIN", "scope", "INDIVIDUAL", "assessment", "属政策咨询，已向员工解释说明。"));
			}
			else if (route < 75) {
				day = department(entry, orgCode, secretary, day);
			}
			else {
				day = upper(entry, orgCode, secretary, day);
			}
			if (day == null) {
				return false;
			}
		}
		return feedback(entry, secretary, day, true);
	}

	private LocalDate department(RegisterEntry entry, String orgCode, String secretary, LocalDate assessed) {
		String[] department = DEPARTMENTS.get(orgCode)[this.random.nextInt(DEPARTMENTS.get(orgCode).length)];
		complete(entry, "branchAssess", secretary, Map.of("route", "ENTERPRISE", "scope", "INDIVIDUAL", "department",
				department[0], "assessment", "属企业职责范围，交相关部门办理。"));
		int took = (this.random.nextInt(100) < 20) ? 16 + this.random.nextInt(8) : 2 + this.random.nextInt(13);
		return handle(entry, "departmentHandle", "DepartmentOverdueTimer", secretary, assessed, took, 15, department[1],
				Map.of("handlingResult", "已按交办单办结，并向支部回复。"));
	}

	private LocalDate upper(RegisterEntry entry, String orgCode, String secretary, LocalDate assessed) {
		complete(entry, "branchAssess", secretary,
				Map.of("route", "UPPER", "scope", "INDIVIDUAL", "assessment", "需上级党组织协调解决。"));
		int reportTook = (this.random.nextInt(100) < 15) ? 6 + this.random.nextInt(3) : 1 + this.random.nextInt(5);
		String staff = COMMITTEE_STAFF.get(orgCode);
		LocalDate reported = handle(entry, "branchReportUp", "ReportUpOverdueTimer", staff, assessed, reportTook, 5,
				secretary, Map.of("reportText", "已梳理情况，请求主管党（工）委协调。"));
		if (reported == null) {
			return null;
		}
		LocalDate accepted = plus(reported, 1);
		if (!at(accepted, LocalTime.of(9, 0))) {
			return null;
		}
		boolean joint = this.random.nextInt(100) < 30;
		complete(entry, "committeeAccept", staff, Map.of("committeeMode", joint ? "JOINT" : "INDEPENDENT"));
		int limit = joint ? 20 : 10;
		int took = (this.random.nextInt(100) < 15) ? limit + 1 + this.random.nextInt(5)
				: 2 + this.random.nextInt(limit - 1);
		return handle(entry, "committeeHandle", "CommitteeOverdueTimer", "district1", accepted, took, limit, staff,
				Map.of("committeeAnswer", "已协调相关部门，答复如下：按规定处理。"));
	}

	/**
	 * Works a deadline task that takes some working days; when that is past its limit the
	 * overdue timer fires first and, mostly, the level above writes a supervision note.
	 * @return the day it was done, or {@code null} if that lies in the future
	 */
	private LocalDate handle(RegisterEntry entry, String task, String overdueTimer, String supervisor, LocalDate start,
			int took, int limit, String worker, Map<String, Object> result) {
		if (took > limit) {
			LocalDate overdueOn = plus(start, limit).plusDays(1);
			if (!at(overdueOn, LocalTime.of(0, 0, 1))) {
				return null;
			}
			Job timer = this.management.createJobQuery()
				.processInstanceId(entry.getProcessInstanceId())
				.activityId(overdueTimer)
				.singleResult();
			if (timer != null) {
				this.management.executeJob(timer.getId());
			}
			if (this.random.nextInt(100) < 70 && at(plus(overdueOn, 1), LocalTime.of(10, 0))) {
				Task supervision = this.tasks.createTaskQuery()
					.processInstanceBusinessKey(entry.getCaseNo())
					.taskDefinitionKey("superviseOverdue")
					.singleResult();
				if (supervision != null) {
					this.tasks.claim(supervision.getId(), supervisor);
					this.tasks.complete(supervision.getId(), Map.of("supervisionNote", "请抓紧办理，三个工作日内回复。"));
				}
			}
		}
		LocalDate done = plus(start, took);
		if (!at(done, LocalTime.of(15, 0))) {
			return null;
		}
		complete(entry, task, worker, result);
		return done;
	}

	private boolean feedback(RegisterEntry entry, String secretary, LocalDate handled, boolean mayRehandle) {
		LocalDate day = plus(handled, 1 + this.random.nextInt(2));
		if (!at(day, LocalTime.of(11, 0))) {
			return false;
		}
		int outcome = this.random.nextInt(100);
		Map<String, Object> feedback = new HashMap<>(Map.of("feedbackMethod", "PHONE", "feedbackOn", day.toString(),
				"feedbackContent", "电话告知员工办理结果。", "feedbackSignedBy", "员工本人", "satisfied", outcome >= 15));
		if (outcome < 15) {
			boolean rehandle = mayRehandle && outcome < 8;
			feedback.put("dissatisfiedAction", rehandle ? "REHANDLE" : "CLOSE");
			if (!rehandle) {
				feedback.put("closeReason", "已按政策办理，员工诉求超出企业职责范围，已作说明。");
			}
			complete(entry, "branchFeedback", secretary, feedback);
			if (rehandle) {
				LocalDate again = plus(day, 1);
				if (!at(again, LocalTime.of(10, 0))) {
					return false;
				}
				complete(entry, "branchAssess", secretary,
						Map.of("route", "EXPLAIN", "scope", "INDIVIDUAL", "assessment", "重新核实后向员工详细解释。"));
				return feedback(entry, secretary, again, false);
			}
			return true;
		}
		complete(entry, "branchFeedback", secretary, feedback);
		return true;
	}

	private void complete(RegisterEntry entry, String taskKey, String user, Map<String, Object> variables) {
		DemoSteps.complete(this.tasks, entry, taskKey, user, variables);
	}

	/** Sets the engine's clock; {@code false} if that moment is still to come. */
	private boolean at(LocalDate day, LocalTime time) {
		Instant moment = day.atTime(time).atZone(WorkingDayCalendar.ZONE).toInstant();
		if (moment.isAfter(this.now)) {
			return false;
		}
		ClockUtil.setCurrentTime(Date.from(moment));
		return true;
	}

	private LocalDate plus(LocalDate day, int workingDays) {
		return this.calendars.calendar().addWorkingDays(day, workingDays);
	}

	private LocalDate workingDayOnOrBefore(LocalDate day) {
		LocalDate result = day;
		while (!this.calendars.calendar().isWorkingDay(result)) {
			result = result.minusDays(1);
		}
		return result;
	}

	private String pick(String[] values) {
		return values[this.random.nextInt(values.length)];
	}

	/**
	 * The people and departments the replay needs beyond the contracted demo accounts.
	 */
	private void peopleAndDepartments() {
		this.directory.save(new Department("org2", "service", "客服部"));
		this.directory.save(new Department("org3", "project", "项目部"));
		person("sec2", "周敏", Role.BRANCH_SECRETARY, "org2", null, "支部书记");
		person("prod1", "钱进", Role.DEPARTMENT_STAFF, "org1", "prod", "生产部");
		person("kf2", "冯丽", Role.DEPARTMENT_STAFF, "org2", "service", "客服部");
		person("xm3", "韩雪", Role.DEPARTMENT_STAFF, "org3", "project", "项目部");
	}

	private void person(String username, String name, Role role, String org, String department, String post) {
		if (this.directory.person(username).isEmpty()) {
			this.directory.save(new Person(username, name, role, org, department, null, post, "13800000000",
					username + "@example.cn"), DemoData.PASSWORD);
		}
	}

}
