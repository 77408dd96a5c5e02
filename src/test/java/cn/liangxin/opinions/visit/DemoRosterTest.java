package cn.liangxin.opinions.visit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.liangxin.opinions.demo.DemoRoster;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo rosters are valid roster files, and the pairing check finds in them the gaps
 * they were made with.
 */
class DemoRosterTest {

	@Test
	void org1sRosterHas260EmployeesPairedTenToThirtyWithAFewGaps() {
		PairingRules.Report report = pairing(DemoRoster.org1());

		assertThat(report.employees()).isEqualTo(260);
		assertThat(report.members()).isEqualTo(14);
		assertThat(report.range()).isEqualTo(new PairingRules.Range(10, 30));
		assertThat(report.membersOutsideRange()).extracting(PairingRules.MemberLoad::paired).containsExactly(2);
		assertThat(report.withoutContact()).hasSize(4);
		assertThat(report.difficultyWithoutContact()).hasSize(1);
		assertThat(report.blocksWithoutLeader()).containsExactly("行政后勤片区");
	}

	@Test
	void org2sRosterHas85EmployeesPairedFiveToEight() {
		PairingRules.Report report = pairing(DemoRoster.org2());

		assertThat(report.employees()).isEqualTo(85);
		assertThat(report.range()).isEqualTo(new PairingRules.Range(5, 8));
		assertThat(report.membersOutsideRange()).extracting(PairingRules.MemberLoad::paired).containsExactly(2);
		assertThat(report.withoutContact()).hasSize(2);
	}

	private static PairingRules.Report pairing(byte[] file) {
		RosterRules.Checked checked = RosterRules.check(RosterTable.read("demo.csv", file), Set.of(), Set.of());
		assertThat(checked.errors()).isEmpty();
		Map<String, String> leaders = new HashMap<>();
		for (EmployeeRow row : checked.rows()) {
			row.leads().forEach((b) -> leaders.put(b, row.staffNo()));
		}
		List<PairingRules.Entry> roster = checked.rows()
			.stream()
			.map((r) -> new PairingRules.Entry(r.staffNo(), r.name(), r.partyMember(), r.contactStaffNo(),
					r.specialDifficulty(), r.block()))
			.toList();
		return PairingRules.check(roster, leaders, PairingRules.Limits.SEED);
	}

}
