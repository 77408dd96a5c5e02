package cn.liangxin.opinions.insight;

import cn.liangxin.opinions.support.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The managers' numbers on a real PostgreSQL, the production database. */
class InsightOnPostgresIT extends InsightContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry, "insight_it");
	}

}
