package cn.liangxin.opinions.workflow;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls as the system, without the caller's Camunda authentication, and puts
 * it back afterwards. For steps the application has already authorized by its own rules
 * (the organization tree, who supervises a deadline) that the caller's Camunda
 * permissions would not cover.
 */
public final class AsSystem {

	private AsSystem() {
	}

	public static void run(IdentityService identity, Runnable action) {
		call(identity, () -> {
			action.run();
			return null;
		});
	}

	public static <T> T call(IdentityService identity, Supplier<T> action) {
		Authentication caller = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			return action.get();
		}
		finally {
			if (caller != null) {
				identity.setAuthentication(caller);
			}
		}
	}

}
