package cn.liangxin.opinions.visit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 结对联系 (seed 000 §二(一)): under 200 employees each Party member contacts 5 to 8, from 200
 * on 10 to 30; everyone else has a contact, those in special difficulty first of all;
 * every block has a leader.
 */
class PairingRulesTest {

	@Test
	void at199EmployeesAMemberContactsFiveToEight() {
		PairingRules.Report report = PairingRules.check(anOrganization(199, 17), Map.of("一片区", "M01"),
				PairingRules.Limits.SEED);

		assertThat(report.employees()).isEqualTo(199);
		assertThat(report.members()).isEqualTo(17);
		assertThat(report.range()).isEqualTo(new PairingRules.Range(5, 8));
		// 182 employees over 17 members: 10 or 11 each, too many for a small organization
		assertThat(report.membersOutsideRange()).hasSize(17);
		assertThat(report.membersOutsideRange()).extracting(PairingRules.MemberLoad::paired).containsOnly(10, 11);
		assertThat(report.membersInRange()).isZero();
	}

	@Test
	void at200EmployeesAMemberContactsTenToThirty() {
		PairingRules.Report report = PairingRules.check(anOrganization(200, 17), Map.of("一片区", "M01"),
				PairingRules.Limits.SEED);

		assertThat(report.range()).isEqualTo(new PairingRules.Range(10, 30));
		assertThat(report.membersOutsideRange()).isEmpty();
		assertThat(report.membersInRange()).isEqualTo(17);
		assertThat(report.kept()).isTrue();
	}

	@Test
	void whoHasNoContactIsListedTheOnesInSpecialDifficultyApart() {
		List<PairingRules.Entry> roster = new ArrayList<>(anOrganization(40, 5));
		roster.add(new PairingRules.Entry("E900", "孤立", false, null, false, "一片区"));
		roster.add(new PairingRules.Entry("E901", "困难", false, null, true, null));

		PairingRules.Report report = PairingRules.check(roster, Map.of("一片区", "M01"), PairingRules.Limits.SEED);

		assertThat(report.withoutContact()).extracting(PairingRules.Named::staffNo).containsExactly("E900", "E901");
		assertThat(report.difficultyWithoutContact()).extracting(PairingRules.Named::staffNo).containsExactly("E901");
		assertThat(report.withoutBlock()).extracting(PairingRules.Named::staffNo).containsExactly("E901");
		assertThat(report.kept()).isFalse();
	}

	@Test
	void aBlockWithoutALeaderIsListed() {
		List<PairingRules.Entry> roster = new ArrayList<>(anOrganization(40, 5));
		roster.add(new PairingRules.Entry("E900", "二片员工", false, "M01", false, "二片区"));

		PairingRules.Report report = PairingRules.check(roster, Map.of("一片区", "M01"), PairingRules.Limits.SEED);

		assertThat(report.blocksWithoutLeader()).containsExactly("二片区");
	}

	@Test
	void theLimitsAreConfigurable() {
		PairingRules.Limits limits = new PairingRules.Limits(100, 3, 4, 6, 12);

		assertThat(limits.rangeFor(99)).isEqualTo(new PairingRules.Range(3, 4));
		assertThat(limits.rangeFor(100)).isEqualTo(new PairingRules.Range(6, 12));
	}

	@Test
	void limitsWhoseMinimumIsAboveTheirMaximumAreRefusedNamingTheSetting() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new VisitSettings.Pairing(200, 9, 8, 10, 30))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("opinion.visits.pairing");
		assertThat(new VisitSettings.Pairing(200, 5, 8, 10, 30).limits()).isEqualTo(PairingRules.Limits.SEED);
	}

	/**
	 * {@code size} employees, {@code members} of them Party members, the others dealt
	 * round them.
	 */
	static List<PairingRules.Entry> anOrganization(int size, int members) {
		List<PairingRules.Entry> roster = new ArrayList<>();
		for (int m = 1; m <= members; m++) {
			roster.add(new PairingRules.Entry(String.format("M%02d", m), "党员" + m, true, null, false, "一片区"));
		}
		for (int e = 0; e < size - members; e++) {
			roster.add(new PairingRules.Entry(String.format("E%03d", e), "员工" + e, false,
					String.format("M%02d", e % members + 1), false, "一片区"));
		}
		return roster;
	}

}
