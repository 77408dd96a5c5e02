package cn.liangxin.opinions.deadline;

import cn.liangxin.opinions.calendar.CalendarDataException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because a holiday arrangement file is broken.
 */
class CalendarDataFailureAnalyzer extends AbstractFailureAnalyzer<CalendarDataException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CalendarDataException cause) {
		return new FailureAnalysis(
				"A holiday arrangement file of the working-day calendar is broken: " + cause.getMessage(),
				"Correct or remove the file named above (see docs/calendar.md for the format), then start again.",
				cause);
	}

}
