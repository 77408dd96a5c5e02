package cn.liangxin.opinions.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Organization;
import cn.liangxin.opinions.visit.Duties;
import cn.liangxin.opinions.visit.DutyKind;
import cn.liangxin.opinions.visit.DutyPeriod;
import cn.liangxin.opinions.visit.DutyRecord;
import org.springframework.stereotype.Component;

/**
 * The demo's history of the recurring duties: every organization's meetings, owner
 * visits, talks and committee visits of this year's periods before the current one, most
 * of them kept and some not (org2 missed a quarter's meeting, the committees skipped some
 * months), so the coverage page has something to say. The current periods' duties are
 * made by the daily check at start-up, with their tasks.
 */
@Component
class DemoDuties {

	private final Duties duties;

	private final OrgDirectory orgs;

	DemoDuties(Duties duties, OrgDirectory orgs) {
		this.duties = duties;
		this.orgs = orgs;
	}

	/**
	 * @return how many duties of past periods were made (kept or not)
	 */
	int create(LocalDate today, Instant now) {
		Random random = new Random(31L);
		int made = 0;
		for (Organization org : this.orgs.organizations()) {
			if (org.getCommitteeCode() == null) {
				continue;
			}
			for (DutyKind kind : DutyKind.values()) {
				DutyPeriod current = this.duties.period(kind, today);
				for (DutyPeriod period = this.duties.period(kind, today.withDayOfYear(1)); period.start()
					.isBefore(current.start()); period = this.duties.period(kind, period.end().plusDays(1))) {
					for (String[] holder : this.duties.holders(kind, org.getCode())) {
						boolean kept = kept(org.getCode(), kind, period, random);
						LocalDate on = period.start().plusDays(5 + random.nextInt(15));
						this.duties.recordPast(kind, org.getCode(), holder[0], holder[1], period.start(),
								kept ? record(kind, on, holder[1]) : null, "demo", now);
						made++;
					}
				}
			}
		}
		return made;
	}

	/** Realistic gaps: org2 skipped its second quarter's meeting, some months go by. */
	private static boolean kept(String orgCode, DutyKind kind, DutyPeriod period, Random random) {
		if ("org2".equals(orgCode) && kind == DutyKind.MEETING && period.label().endsWith("Q2")) {
			return false;
		}
		int percent = switch (kind) {
			case MEETING -> 95;
			case OWNER_VISIT -> 70;
			case TALK -> "org1".equals(orgCode) ? 85 : 65;
			case COMMITTEE_VISIT -> 75;
		};
		return random.nextInt(100) < percent;
	}

	private static DutyRecord record(DutyKind kind, LocalDate on, String holder) {
		return switch (kind) {
			case MEETING -> new DutyRecord(on.toString(), "党支部委员、各片区员工代表", 18, "听取员工对食堂、班车和加班安排的意见", null, List.of());
			case TALK -> new DutyRecord(on.toString(), "片区员工", null,
					((holder != null) ? holder : "书记") + "与员工谈心，了解思想和家庭情况", null, List.of());
			case OWNER_VISIT ->
				new DutyRecord(on.toString(), "董事长", null, "业主支持党组织开展走访，同意改善夜班交通", "员工反映夜班后回家不便、食堂菜价上涨", List.of());
			case COMMITTEE_VISIT ->
				new DutyRecord(on.toString(), "主管党（工）委副书记", null, "三项制度按要求落实，走访日志记录完整", null, List.of());
		};
	}

}
