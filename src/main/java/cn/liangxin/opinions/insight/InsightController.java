package cn.liangxin.opinions.insight;

import java.security.Principal;
import java.time.LocalDate;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.opinion.OpinionWorkflow;
import cn.liangxin.opinions.org.OrgDirectory;

import cn.liangxin.opinions.validation.Problems;

import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data of the Cockpit plugins, for any signed-in user within their part of the tree:
 * {@code GET /api/insight/heatmap} and {@code GET /api/insight/deadlines}. Parameters are
 * optional strings, checked by the service (400 naming the parameter; 403 for a filter
 * outside the caller's scope).
 */
@RestController
@RequestMapping(path = "/api/insight", produces = MediaType.APPLICATION_JSON_VALUE)
class InsightController {

	private final InsightService insight;

	private final OrgDirectory directory;

	private final OpinionWorkflow workflow;

	InsightController(InsightService insight, OrgDirectory directory, OpinionWorkflow workflow) {
		this.insight = insight;
		this.directory = directory;
		this.workflow = workflow;
	}

	@GetMapping("/heatmap")
	Heatmap heatmap(@RequestParam(required = false) String process, @RequestParam(required = false) String view,
			@RequestParam(required = false) String committee, @RequestParam(required = false) String org,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Principal principal) {
		return this.insight.heatmap(this.directory.scopeOf(principal.getName()), process, view, committee, org, from,
				to, today());
	}

	@GetMapping("/deadlines")
	DeadlineDashboard deadlines(@RequestParam(required = false) String committee,
			@RequestParam(required = false) String org, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Principal principal) {
		return this.insight.deadlines(this.directory.scopeOf(principal.getName()), committee, org, from, to, today());
	}

	@ExceptionHandler(InsightScope.OutOfScopeException.class)
	ProblemDetail outOfScope(InsightScope.OutOfScopeException ex) {
		return Problems.of(HttpStatus.FORBIDDEN, null, "forbidden", ex.getMessage());
	}

	/** Today in China by the engine's clock (which the process tests move). */
	private LocalDate today() {
		return WorkingDayCalendar.dateOf(this.workflow.now());
	}

}
