package cn.liangxin.opinions.opinion;

import java.time.LocalDate;

/** An intake that passed every rule, with its values parsed and trimmed. */
public record ValidOpinion(String orgCode, String reporterName, String reporterUnit, String reporterAddress,
		String reporterPhone, LocalDate reportedOn, Channel channel, Kind kind, String summary, boolean resolvedOnSpot,
		String onSpotResult) {

}
