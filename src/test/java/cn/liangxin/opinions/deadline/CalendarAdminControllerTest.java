package cn.liangxin.opinions.deadline;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.liangxin.opinions.calendar.CalendarDataException;
import cn.liangxin.opinions.deadline.CalendarStatus.KnownYear;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = CalendarAdminController.class)
class CalendarAdminControllerTest {

	private static final CalendarStatus STATUS = new CalendarStatus(
			List.of(new KnownYear(2026, "classpath:calendar/2026.txt", 33, 6),
					new KnownYear(2027, "/srv/opinions/calendar/2027.txt", 1, 0)),
			Set.of(2028), "/srv/opinions/calendar", true, Instant.parse("2026-09-28T01:00:00Z"), null);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private CalendarService calendarService;

	@MockitoBean
	private OpenDeadlines deadlines;

	@Test
	void givenALoadedCalendarWhenTheStatusIsRequestedThenYearsSourcesWarningsAndDirectoryAreShown() throws Exception {
		given(this.calendarService.status()).willReturn(STATUS);

		this.mvc.perform(get("/api/admin/calendar"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.knownYears[0].year").value(2026))
			.andExpect(jsonPath("$.knownYears[0].source").value("classpath:calendar/2026.txt"))
			.andExpect(jsonPath("$.knownYears[1].year").value(2027))
			.andExpect(jsonPath("$.knownYears[1].source").value("/srv/opinions/calendar/2027.txt"))
			.andExpect(jsonPath("$.yearsWithoutData[0]").value(2028))
			.andExpect(jsonPath("$.directory").value("/srv/opinions/calendar"))
			.andExpect(jsonPath("$.loadedAt").value("2026-09-28T01:00:00Z"));
	}

	@Test
	void givenGoodFilesWhenReloadIsPostedThenTheNewStatusIsReturned() throws Exception {
		given(this.calendarService.reload()).willReturn(STATUS);

		this.mvc.perform(post("/api/admin/calendar/reload"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.knownYears[1].year").value(2027));
	}

	@Test
	void givenABrokenFileWhenReloadIsPostedThen400ProblemDetailCarriesTheParsersMessage() throws Exception {
		given(this.calendarService.reload()).willThrow(new CalendarDataException("/srv/opinions/calendar/2027.txt", 2,
				"bad date '2027-02-30' (expected YYYY-MM-DD, for example 2026-01-01)"));

		this.mvc.perform(post("/api/admin/calendar/reload"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.detail").value("节假日安排数据有误，仍使用原有日历：第2行：/srv/opinions/calendar/2027.txt line 2: "
					+ "bad date '2027-02-30' (expected YYYY-MM-DD, for example 2026-01-01)"))
			.andExpect(jsonPath("$.errors[0].field").value("line 2"))
			.andExpect(jsonPath("$.errors[0].rule").value("calendarData"))
			.andExpect(jsonPath("$.source").value("/srv/opinions/calendar/2027.txt"))
			.andExpect(jsonPath("$.line").value(2))
			.andExpect(jsonPath("$.instance").value("/api/admin/calendar/reload"));
	}

}
