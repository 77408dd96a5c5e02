package cn.liangxin.opinions.deadline;

import cn.liangxin.opinions.calendar.CalendarDataException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarDataFailureAnalyzerTest {

	@Test
	void givenStartUpFailedOnABrokenFileThenTheAnalysisNamesTheFileAndTheFix() {
		CalendarDataException broken = new CalendarDataException("calendar/2027.txt", 3, "bad date '2027-02-30'");
		BeanCreationException failure = new BeanCreationException("calendarService", "Instantiation failed", broken);

		FailureAnalysis analysis = new CalendarDataFailureAnalyzer().analyze(failure);

		assertThat(analysis.getDescription()).contains("calendar/2027.txt line 3: bad date '2027-02-30'");
		assertThat(analysis.getAction()).contains("Correct or remove the file");
	}

}
