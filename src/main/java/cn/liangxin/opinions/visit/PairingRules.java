package cn.liangxin.opinions.visit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * 结对联系 and 划块分片 (seed 000 §二(一)): whom the roster leaves without a contact, which Party
 * members are paired with too few or too many employees, which blocks have no leader and
 * which employees no block. Plain Java over the roster's active employees.
 * <p>
 * The range depends on the organization's size, counted as its active employees on the
 * roster: under {@code largeFrom} (200) each member contacts {@code smallMin}–
 * {@code smallMax} (5–8) employees, from it on {@code largeMin}–{@code largeMax} (10–30).
 * Party members themselves need no contact; every other employee does, and an employee in
 * special difficulty has their contact as their dedicated contact (专人联系).
 */
final class PairingRules {

	/** The pairing ranges ({@code opinion.visits.pairing.*}). */
	record Limits(int largeFrom, int smallMin, int smallMax, int largeMin, int largeMax) {

		static final Limits SEED = new Limits(200, 5, 8, 10, 30);

		Range rangeFor(int employees) {
			return (employees >= this.largeFrom) ? new Range(this.largeMin, this.largeMax)
					: new Range(this.smallMin, this.smallMax);
		}

	}

	record Range(int min, int max) {

		boolean contains(int n) {
			return n >= this.min && n <= this.max;
		}

	}

	/** An employee of the roster as the rules need them. */
	record Entry(String staffNo, String name, boolean partyMember, String contactStaffNo, boolean specialDifficulty,
			String block) {
	}

	record Named(String staffNo, String name) {
	}

	record MemberLoad(String staffNo, String name, int paired) {
	}

	/**
	 * What the rules find. {@code employees} counts the active roster, {@code members}
	 * its Party members.
	 */
	record Report(int employees, int members, Range range, int membersInRange, List<MemberLoad> membersOutsideRange,
			List<Named> withoutContact, List<Named> difficultyWithoutContact, List<String> blocksWithoutLeader,
			List<Named> withoutBlock) {

		/** Whether nothing is out of place. */
		public boolean kept() {
			return this.membersOutsideRange.isEmpty() && this.withoutContact.isEmpty()
					&& this.blocksWithoutLeader.isEmpty() && this.withoutBlock.isEmpty();
		}

	}

	private PairingRules() {
	}

	static Report check(List<Entry> roster, Map<String, String> blockLeaders, Limits limits) {
		Range range = limits.rangeFor(roster.size());
		Map<String, Integer> paired = new HashMap<>();
		List<Named> withoutContact = new ArrayList<>();
		List<Named> difficulty = new ArrayList<>();
		List<Named> withoutBlock = new ArrayList<>();
		Set<String> blocks = new TreeSet<>();
		for (Entry e : roster) {
			if (e.block() != null) {
				blocks.add(e.block());
			}
			else {
				withoutBlock.add(new Named(e.staffNo(), e.name()));
			}
			if (e.partyMember()) {
				continue;
			}
			if (e.contactStaffNo() == null) {
				withoutContact.add(new Named(e.staffNo(), e.name()));
				if (e.specialDifficulty()) {
					difficulty.add(new Named(e.staffNo(), e.name()));
				}
			}
			else {
				paired.merge(e.contactStaffNo(), 1, Integer::sum);
			}
		}
		List<MemberLoad> outside = new ArrayList<>();
		int members = 0;
		for (Entry e : roster) {
			if (e.partyMember()) {
				members++;
				int n = paired.getOrDefault(e.staffNo(), 0);
				if (!range.contains(n)) {
					outside.add(new MemberLoad(e.staffNo(), e.name(), n));
				}
			}
		}
		outside.sort(Comparator.comparing(MemberLoad::staffNo));
		List<String> leaderless = blocks.stream().filter((b) -> blockLeaders.get(b) == null).toList();
		return new Report(roster.size(), members, range, members - outside.size(), outside, withoutContact, difficulty,
				leaderless, withoutBlock);
	}

}
