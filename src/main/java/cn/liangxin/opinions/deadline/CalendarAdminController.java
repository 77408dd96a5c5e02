package cn.liangxin.opinions.deadline;

import java.security.Principal;

import cn.liangxin.opinions.calendar.CalendarDataException;
import cn.liangxin.opinions.validation.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets an administrator see which holiday arrangements the working-day calendar holds,
 * add or correct a year ({@code PUT /api/admin/calendar/{year}} with the arrangement in
 * the file format as a text body: stored in the database, every node follows, and the
 * open cases' deadlines and timers are recalculated), and reload the files.
 * <p>
 * Admin endpoints: the API filter lets only Camunda admins reach {@code /api/admin/**}.
 */
@RestController
@RequestMapping(path = "/api/admin/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
class CalendarAdminController {

	private final CalendarService calendarService;

	private final OpenDeadlines deadlines;

	CalendarAdminController(CalendarService calendarService, OpenDeadlines deadlines) {
		this.calendarService = calendarService;
		this.deadlines = deadlines;
	}

	/** A saved year: the calendar now, and what moved in the open cases. */
	record Saved(CalendarStatus calendar, OpenDeadlines.Recalculation deadlines) {

	}

	@GetMapping
	CalendarStatus status() {
		return this.calendarService.status();
	}

	@PutMapping(path = "/{year}", consumes = MediaType.TEXT_PLAIN_VALUE)
	Saved save(@PathVariable int year, @RequestBody String arrangement, Principal principal) {
		CalendarStatus status = this.calendarService.save(year, arrangement, principal.getName());
		return new Saved(status, this.deadlines.recalculate(year));
	}

	@PostMapping("/reload")
	CalendarStatus reload() {
		return this.calendarService.reload();
	}

	@ExceptionHandler(CalendarDataException.class)
	ProblemDetail calendarDataRejected(CalendarDataException ex) {
		String field = (ex.getLine() > 0) ? "line " + ex.getLine() : ex.getSource();
		String where = (ex.getLine() > 0) ? "第" + ex.getLine() + "行：" : "";
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, field, "calendarData",
				"节假日安排数据有误，仍使用原有日历：" + where + ex.getMessage());
		problem.setProperty("source", ex.getSource());
		if (ex.getLine() > 0) {
			problem.setProperty("line", ex.getLine());
		}
		return problem;
	}

}
