package cn.liangxin.opinions.opinion;

import cn.liangxin.opinions.support.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The register contract on a real PostgreSQL, the production database (started in the
 * test run).
 */
class RegisterOnPostgresIT extends RegisterContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry, "register_it");
	}

}
