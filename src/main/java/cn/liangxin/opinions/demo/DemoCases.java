package cn.liangxin.opinions.demo;

import java.time.LocalDate;
import java.util.Map;

import cn.liangxin.opinions.deadline.CalendarService;
import cn.liangxin.opinions.opinion.OpinionIntake;
import cn.liangxin.opinions.opinion.OpinionIntakeService;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.org.OrgDirectory;
import org.camunda.bpm.engine.TaskService;

import org.springframework.stereotype.Component;

/**
 * A few cases in different stages, so that every demo user has something to look at, and
 * some whose reminders and escalations are already due, so that mails arrive on
 * {@code /mails.html} in the first minutes of a demo run.
 */
@Component
class DemoCases {

	private final OpinionIntakeService intake;

	private final TaskService tasks;

	private final CalendarService calendars;

	private final OrgDirectory people;

	DemoCases(OpinionIntakeService intake, TaskService tasks, CalendarService calendars, OrgDirectory people) {
		this.intake = intake;
		this.tasks = tasks;
		this.calendars = calendars;
		this.people = people;
	}

	void create(LocalDate today) {
		// waiting for the branch's assessment
		raise("org1", "周小平", "装配车间", "VISIT", "DIFFICULTY", today.minusDays(1), "夜班结束后厂区到公交站没有路灯，下班路上不安全，希望增设照明。");
		// assigned to the HR department
		RegisterEntry hr = raise("org1", "吴海燕", "质检岗", "MAILBOX", "DIFFICULTY", today.minusDays(3),
				"孩子明年上小学，希望公司协助办理入学所需的务工证明和社保缴纳证明。");
		complete(hr, "branchAssess", "sec1", Map.of("route", "ENTERPRISE", "scope", "INDIVIDUAL", "department", "hr",
				"assessment", "属企业职责范围，交人力资源部办理。", "slipContact", "张建国", "slipPhone", "023-68830001"));
		// reported up to the supervising committee
		RegisterEntry up = raise("org1", "郑刚", "机加工车间", "FORUM", "CONFLICT", today.minusDays(4),
				"多名员工反映加班费计算基数与劳动合同约定不一致，与企业多次沟通未果。");
		complete(up, "branchAssess", "sec1",
				Map.of("route", "UPPER", "scope", "CONCENTRATED", "assessment", "涉及劳动关系，需上级党组织协调。"));
		complete(up, "branchReportUp", "sec1", Map.of("reportText", "机加工车间约30名员工反映加班费计算基数问题，已与企业人力资源部沟通两次，分歧较大，请求协调。"));
		// half of the HR department's 15 working days have passed: 过半提醒 to hr1
		RegisterEntry halfWay = raise("org1", "马丽", "包装车间", "MAILBOX", "DIFFICULTY",
				this.calendars.calendar().subtractWorkingDays(today, 9), "包装车间夏季高温，希望增加防暑降温用品并调整午休时间。");
		complete(halfWay, "branchAssess", "sec1", Map.of("route", "ENTERPRISE", "scope", "CONCENTRATED", "department",
				"hr", "assessment", "涉及车间多名员工，交人力资源部会同生产部办理。"));
		// the branch's 5 working days to report up end soon: 催办 to the branch (sec1)
		RegisterEntry reportDue = raise("org1", "孙伟", "总装车间", "FORUM", "CONFLICT",
				this.calendars.calendar().subtractWorkingDays(today, 4), "部分劳务派遣员工反映与正式员工同工不同酬。");
		complete(reportDue, "branchAssess", "sec1",
				Map.of("route", "UPPER", "scope", "CONCENTRATED", "assessment", "涉及用工政策，需上级党组织协调。"));
		// the HR department's deadline passed more than five working days ago: 逾期督办 to
		// the
		// secretary (sec1) and 再次督办 to the committee (cmtstaff1)
		RegisterEntry overdue = raise("org1", "陈志", "仓储部", "VISIT", "DIFFICULTY",
				this.calendars.calendar().subtractWorkingDays(today, 22), "仓储部叉车司机长期无人轮岗，希望增加人手。");
		complete(overdue, "branchAssess", "sec1", Map.of("route", "ENTERPRISE", "scope", "INDIVIDUAL", "department",
				"hr", "assessment", "属企业职责范围，交人力资源部办理。"));
		// mem1 takes the daily digest (08:30 on working days) instead of single reminders
		this.people.person("mem1").ifPresent((p) -> this.people.save(p.withDailyDigest(true), null));
		// explained and struck off
		RegisterEntry done = raise("org3", "黄丽", "社工岗", "TALK", "SUGGESTION", today.minusDays(6), "希望中心为一线社工购买意外伤害保险。");
		complete(done, "branchAssess", "sec3",
				Map.of("route", "EXPLAIN", "scope", "INDIVIDUAL", "assessment", "中心已于本年度为全体社工购买团体意外险，向员工出示了保单并作了说明。"));
		complete(done, "branchFeedback", "sec3", Map.of("feedbackMethod", "PHONE", "feedbackOn", today.toString(),
				"feedbackContent", "电话告知已购买团体意外险及理赔方式。", "feedbackSignedBy", "黄丽", "satisfied", true));
	}

	private RegisterEntry raise(String org, String name, String unit, String channel, String kind, LocalDate on,
			String summary) {
		return this.intake.register(new OpinionIntake(org, name, unit, null, "13800000000", on.toString(), channel,
				kind, summary, false, null));
	}

	private void complete(RegisterEntry entry, String taskKey, String user, Map<String, Object> variables) {
		DemoSteps.complete(this.tasks, entry, taskKey, user, variables);
	}

}
