package cn.liangxin.opinions.deadline;

import cn.liangxin.opinions.calendar.CalendarDataException;

import cn.liangxin.opinions.validation.Problems;

import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets an administrator see which holiday arrangements the working-day calendar holds and
 * reload them after adding or correcting a file.
 * <p>
 * Admin endpoints: the API filter lets only Camunda admins reach {@code /api/admin/**}.
 */
@RestController
@RequestMapping(path = "/api/admin/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
class CalendarAdminController {

	private final CalendarService calendarService;

	CalendarAdminController(CalendarService calendarService) {
		this.calendarService = calendarService;
	}

	@GetMapping
	CalendarStatus status() {
		return this.calendarService.status();
	}

	@PostMapping("/reload")
	CalendarStatus reload() {
		return this.calendarService.reload();
	}

	@ExceptionHandler(CalendarDataException.class)
	ProblemDetail calendarDataRejected(CalendarDataException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ex.getSource(), "calendarData",
				"节假日安排数据有误，仍使用原有日历：" + ex.getMessage());
		problem.setProperty("source", ex.getSource());
		if (ex.getLine() > 0) {
			problem.setProperty("line", ex.getLine());
		}
		return problem;
	}

}
