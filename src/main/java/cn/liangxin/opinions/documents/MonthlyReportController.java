package cn.liangxin.opinions.documents;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.org.AccessScope;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Person;
import cn.liangxin.opinions.org.Role;
import cn.liangxin.opinions.report.MonthlyReports;
import cn.liangxin.opinions.report.MonthlyReports.Report;
import cn.liangxin.opinions.validation.Errors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The monthly reports up the tree:
 * {@code GET /api/reports/monthly?committee=&month=yyyy-MM&format=json|xlsx|pdf}.
 * Committee staff read their committee's reports; the district and admins every
 * committee's, and without {@code committee} the month's reports of all committees with
 * the district-wide total. Others get 403.
 */
@RestController
@RequestMapping("/api/reports")
class MonthlyReportController {

	private final MonthlyReports reports;

	private final OrgDirectory orgs;

	private final MonthlyReportDocuments documents;

	MonthlyReportController(MonthlyReports reports, OrgDirectory orgs, MonthlyReportDocuments documents) {
		this.reports = reports;
		this.orgs = orgs;
		this.documents = documents;
	}

	/** The district's view of a month: every committee's report and the total. */
	record DistrictMonth(String month, List<Report> reports, long submitted, MonthlyReportDocuments.Total total) {
	}

	@GetMapping("/monthly")
	ResponseEntity<?> monthly(@RequestParam(required = false) String committee,
			@RequestParam(required = false) String month, @RequestParam(required = false) String format,
			Principal principal) {
		AccessScope scope = this.orgs.scopeOf(principal.getName());
		boolean district = scope.role() == Role.DISTRICT_STAFF || scope.role() == Role.ADMIN;
		String own = (scope.role() == Role.COMMITTEE_STAFF)
				? this.orgs.person(principal.getName()).map(Person::getCommitteeCode).orElse(null) : null;
		if (!district && own == null) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "月度报告由主管党（工）委和区委“两新”工委查阅");
		}
		Errors errors = new Errors();
		YearMonth chosen = month(month, errors);
		String kind = (format == null || format.isBlank()) ? "json" : format.strip();
		if (!List.of("json", "xlsx", "pdf").contains(kind)) {
			errors.add("format", "oneOf", "格式应为 json、xlsx 或 pdf 之一" + Errors.received(format));
		}
		errors.throwIfAny();
		String code = (committee == null || committee.isBlank()) ? own : committee.strip();
		if (code != null && !district && !code.equals(own)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只能查阅本党（工）委的月度报告");
		}
		if (code == null) {
			List<Report> all = this.reports.ofMonth(chosen.toString());
			DistrictMonth view = new DistrictMonth(chosen.toString(), all,
					all.stream().filter(Report::submitted).count(), MonthlyReportDocuments.total(all));
			return switch (kind) {
				case "xlsx" -> file(this.documents.districtXlsx(view.month(), all), "xlsx", "员工意见办理情况月度汇总-" + chosen);
				case "pdf" -> file(this.documents.districtPdf(view.month(), all), "pdf", "员工意见办理情况月度汇总-" + chosen);
				default -> ResponseEntity.ok(view);
			};
		}
		Report report = this.reports.find(code, chosen.toString())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					Errors.quote(code) + "尚无" + chosen + "的月度报告（每月首个工作日生成上月报告）"));
		return switch (kind) {
			case "xlsx" ->
				file(this.documents.xlsx(report), "xlsx", "员工意见办理情况月度报告-" + report.committeeName() + "-" + chosen);
			case "pdf" ->
				file(this.documents.pdf(report), "pdf", "员工意见办理情况月度报告-" + report.committeeName() + "-" + chosen);
			default -> ResponseEntity.ok(report);
		};
	}

	private static YearMonth month(String text, Errors errors) {
		YearMonth last = YearMonth.from(LocalDate.now(WorkingDayCalendar.ZONE)).minusMonths(1);
		if (text == null || text.isBlank()) {
			return last;
		}
		try {
			return YearMonth.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add("month", "format", "月份应为 yyyy-MM，如" + last + Errors.received(text));
			return last;
		}
	}

	private static ResponseEntity<byte[]> file(byte[] body, String extension, String name) {
		return ResponseEntity.ok()
			.contentType(extension.equals("pdf") ? MediaType.APPLICATION_PDF : DocumentController.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(name + "." + extension, StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(body);
	}

}
