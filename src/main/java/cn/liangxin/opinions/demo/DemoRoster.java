package cn.liangxin.opinions.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.liangxin.opinions.validation.Paging;
import cn.liangxin.opinions.visit.Roster;
import cn.liangxin.opinions.visit.VisitLog;
import cn.liangxin.opinions.visit.Visits;

import org.springframework.stereotype.Component;

/**
 * The demo organizations' rosters and this year's visits: org1's 260 and org2's 85
 * employees with generated Chinese names, their Party members, pairings and blocks —
 * imported through the same file import a branch uses, with the gaps a real roster has (a
 * few employees without a contact, one of them in special difficulty; a member with too
 * few; a block nobody leads), so that the pairing check has something to say.
 */
@Component
public class DemoRoster {

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红鹏辉建国建华志强海燕波宁春梅晨雪琳凯浩宇欣怡子涵思远文博雨桐嘉怡俊杰晓东";

	private static final String HEADER = "工号,姓名,性别,年龄,车间/岗位,片区,手机,特殊困难,困难情况,党员,联系党员工号,分管片区\n";

	private static final String[] DIFFICULTIES = { "配偶重病，家庭收入低", "独自抚养两个孩子", "本人患慢性病，长期服药", "父母年迈多病，需要照料", "家中房屋受灾" };

	private final Roster roster;

	private final Visits visits;

	DemoRoster(Roster roster, Visits visits) {
		this.roster = roster;
		this.visits = visits;
	}

	/**
	 * Imports both rosters, then records this year's visits until {@code today}: about
	 * three in four employees visited, the block without a leader far less, the employees
	 * in special difficulty mostly within the last month.
	 * @return the visits recorded
	 */
	int create(LocalDate today) {
		this.roster.importFile("org1", "渝发机械花名册.csv", org1(), true);
		this.roster.importFile("org2", "春晖物业花名册.csv", org2(), true);
		return visits("org1", today, 21L) + visits("org2", today, 22L);
	}

	private int visits(String orgCode, LocalDate today, long seed) {
		Random random = new Random(seed);
		List<Roster.EmployeeView> employees = new ArrayList<>();
		for (int page = 0;; page++) {
			Paging.PageView<Roster.EmployeeView> p = this.roster.list(orgCode, true, new Paging(page, Paging.MAX_SIZE));
			employees.addAll(p.content());
			if (page + 1 >= p.totalPages()) {
				break;
			}
		}
		Map<String, String> names = new HashMap<>();
		employees.forEach((e) -> names.put(e.staffNo(), e.name()));
		LocalDate first = today.withDayOfYear(1);
		int days = (int) (today.toEpochDay() - first.toEpochDay());
		int recorded = 0;
		for (Roster.EmployeeView e : employees) {
			boolean neglected = e.block() != null && e.block().startsWith("行政后勤");
			if (random.nextInt(100) >= (e.specialDifficulty() ? 90 : neglected ? 20 : 75)) {
				continue;
			}
			LocalDate on = e.specialDifficulty() ? today.minusDays(random.nextInt(Math.min(days, 25) + 1))
					: first.plusDays(random.nextInt(days + 1));
			String visitor = (e.contactStaffNo() != null) ? names.get(e.contactStaffNo()) : "张建国";
			this.visits.record(new VisitLog(orgCode, visitor, "党员", on.toString(), e.staffNo(), null, List.of(), "无",
					null, e.specialDifficulty() ? e.difficultyNote() : "工作和家庭情况稳定", null, List.of(), "满意", e.name(),
					on.toString()), "demo");
			recorded++;
		}
		return recorded;
	}

	/** org1's roster file: 260 employees, 14 Party members, five blocks. */
	public static byte[] org1() {
		return csv("YF", 260, 14, new String[] { "一车间片区", "二车间片区", "装配车间片区", "仓储物流片区", "行政后勤片区" }, 4, 7, 11L);
	}

	/** org2's roster file: 85 employees, 12 Party members, three blocks. */
	public static byte[] org2() {
		return csv("CH", 85, 12, new String[] { "客服片区", "保洁片区", "秩序维护片区" }, 2, 3, 12L);
	}

	/**
	 * A roster of {@code size} employees: the first {@code members} are Party members,
	 * each but the last leading one block (the last block has no leader); the other
	 * employees are dealt round the members but the last, who contacts only two (too
	 * few); the last {@code unpaired} employees have no contact, the very last of them in
	 * special difficulty, as {@code difficulty} others spread over the roster are.
	 */
	private static byte[] csv(String prefix, int size, int members, String[] blocks, int unpaired, int difficulty,
			long seed) {
		Random random = new Random(seed);
		StringBuilder csv = new StringBuilder(HEADER);
		List<String> names = new ArrayList<>();
		while (names.size() < size) {
			String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given(random);
			if (!names.contains(name)) {
				names.add(name);
			}
		}
		int others = size - members;
		int step = others / (difficulty + 1);
		for (int i = 0; i < size; i++) {
			boolean member = i < members;
			boolean leader = member && i < blocks.length - 1;
			String block = leader ? blocks[i] : blocks[i % blocks.length];
			int e = i - members;
			String contact = "";
			if (!member && e < 2) {
				contact = staffNo(prefix, members - 1);
			}
			else if (!member && e < others - unpaired) {
				contact = staffNo(prefix, (e - 2) % (members - 1));
			}
			boolean hard = !member && ((e % step == step / 2 && e / step < difficulty) || e == others - 1);
			csv.append(String.join(",", staffNo(prefix, i), names.get(i), random.nextInt(100) < 55 ? "男" : "女",
					String.valueOf(20 + random.nextInt(38)), block.replace("片区", ""), block,
					String.format("139%08d", random.nextInt(100_000_000)), hard ? "是" : "否",
					hard ? DIFFICULTIES[random.nextInt(DIFFICULTIES.length)] : "", member ? "是" : "否", contact,
					leader ? blocks[i] : ""))
				.append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String staffNo(String prefix, int index) {
		return String.format("%s%04d", prefix, index + 1);
	}

	private static String given(Random random) {
		int length = random.nextInt(100) < 30 ? 1 : 2;
		StringBuilder given = new StringBuilder();
		for (int i = 0; i < length; i++) {
			given.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
		}
		return given.toString();
	}

}
