package cn.liangxin.opinions.opinion;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rules of the side roads of handling that operators may tune (docs/process.md,
 * docs/configuration.md): returning a slip (退单), asking for more time (延期申请), sending a
 * reply back for more work (补办).
 */
public final class SideRoadSettings {

	private SideRoadSettings() {
	}

	/**
	 * 延期申请.
	 *
	 * @param maxWorkingDays how far past the current due day the new one may lie (default
	 * 10 working days)
	 * @param maxRequests requests per deadline stage and handling round (default 2)
	 * @param approvalWorkingDays the working days the level above has to decide (default
	 * 2)
	 */
	@ConfigurationProperties("opinion.extension")
	public record Extension(Integer maxWorkingDays, Integer maxRequests, Integer approvalWorkingDays) {

		public Extension {
			maxWorkingDays = atLeastOne("opinion.extension.max-working-days", maxWorkingDays, 10);
			maxRequests = atLeastOne("opinion.extension.max-requests", maxRequests, 2);
			approvalWorkingDays = atLeastOne("opinion.extension.approval-working-days", approvalWorkingDays, 2);
		}

	}

	/**
	 * 退单.
	 *
	 * @param windowWorkingDays the working days after signing within which a department
	 * may still return a slip (default 2)
	 */
	@ConfigurationProperties("opinion.return")
	public record Return(Integer windowWorkingDays) {

		public Return {
			windowWorkingDays = atLeastZero("opinion.return.window-working-days", windowWorkingDays, 2);
		}

	}

	/**
	 * 补办.
	 *
	 * @param maxTimes how often the branch may send a reply back in one handling round
	 * (default 2)
	 * @param workingDays the working days the department or committee has for the rework,
	 * from the day it was sent back (default 5)
	 */
	@ConfigurationProperties("opinion.send-back")
	public record SendBack(Integer maxTimes, Integer workingDays) {

		public SendBack {
			maxTimes = atLeastOne("opinion.send-back.max-times", maxTimes, 2);
			workingDays = atLeastOne("opinion.send-back.working-days", workingDays, 5);
		}

	}

	private static int atLeastOne(String property, Integer value, int fallback) {
		int given = (value != null) ? value : fallback;
		if (given < 1) {
			throw new IllegalArgumentException(property + " must be at least 1 (was " + given + ")");
		}
		return given;
	}

	private static int atLeastZero(String property, Integer value, int fallback) {
		int given = (value != null) ? value : fallback;
		if (given < 0) {
			throw new IllegalArgumentException(property + " must be 0 or more (was " + given + ")");
		}
		return given;
	}

}
