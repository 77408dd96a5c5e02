package cn.liangxin.opinions.insight;

/**
 * The managers' numbers on H2, the embedded default database; cases A and D start in the
 * summary.
 */
class InsightOnH2IT extends InsightContract {

	@Override
	java.util.Set<String> summarizedAtStart() {
		return java.util.Set.of("A", "D");
	}

}
