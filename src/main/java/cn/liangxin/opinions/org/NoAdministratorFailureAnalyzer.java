package cn.liangxin.opinions.org;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a first start that stopped because no administrator can be created. */
class NoAdministratorFailureAnalyzer extends AbstractFailureAnalyzer<NoAdministratorException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoAdministratorException cause) {
		return new FailureAnalysis("系统中没有管理员（" + cause.getMessage() + "）。",
				"首次启动时请设置 OPINION_ADMIN_USERNAME 和 OPINION_ADMIN_PASSWORD（属性 opinion.admin.username / "
						+ "opinion.admin.password，密码至少8位）以创建第一位系统管理员，然后重新启动；仅试用时可设置 "
						+ "OPINION_DEMO_ENABLED=true 载入演示数据。See docs/operations.md, \"First start\".",
				cause);
	}

}
