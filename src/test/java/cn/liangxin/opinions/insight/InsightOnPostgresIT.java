package cn.liangxin.opinions.insight;

import java.util.Set;

import cn.liangxin.opinions.support.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The managers' numbers on a real PostgreSQL, the production database; case B (overdue,
 * supervised, dissatisfied) starts in the summary.
 */
class InsightOnPostgresIT extends InsightContract {

	@Override
	Set<String> summarizedAtStart() {
		return Set.of("B");
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry, "insight_it");
	}

}
