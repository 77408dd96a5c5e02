package cn.liangxin.opinions.visit;

import java.util.List;

/**
 * What keeping a duty is recorded with (the duty's task form in Tasklist; texts on
 * purpose, so a bad value is named instead of failing to bind): when, who took part, what
 * was said, the matters passed on, and the opinions raised, each of which opens a case.
 *
 * @param doneOn the day it was held, {@code yyyy-MM-dd}
 * @param people who took part: the attendees of a meeting, the employee of a talk, the
 * owner, the visiting committee leader
 * @param attendees how many attended a meeting: a whole number (the form submits any
 * number; 12.5 is refused, not rounded)
 * @param matters the matters passed on (to the owner) or found (by the committee)
 */
public record DutyRecord(String doneOn, String people, Number attendees, String summary, String matters,
		List<RaisedOpinion> opinions) {

	/** An opinion raised at a meeting or in a talk: it opens an employee-opinion case. */
	public record RaisedOpinion(String employeeName, String content, String kind) {
	}

}
