package cn.liangxin.opinions.opinion;

/**
 * An opinion as raised, before it is checked: the intake API's JSON body and the intake
 * form's fields. Texts on purpose, so that a bad value is reported by name instead of
 * failing to bind.
 */
public record OpinionIntake(String orgCode, String reporterName, String reporterUnit, String reporterAddress,
		String reporterPhone, String reportedOn, String channel, String kind, String summary, Boolean resolvedOnSpot,
		String onSpotResult) {

	/** The same intake for another organization. */
	public OpinionIntake withOrgCode(String code) {
		return new OpinionIntake(code, this.reporterName, this.reporterUnit, this.reporterAddress, this.reporterPhone,
				this.reportedOn, this.channel, this.kind, this.summary, this.resolvedOnSpot, this.onSpotResult);
	}

}
