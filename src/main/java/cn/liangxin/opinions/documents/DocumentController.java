package cn.liangxin.opinions.documents;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.PersonalDataReads;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.org.AccessScope;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Role;
import cn.liangxin.opinions.validation.Errors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The printable documents: a case's slips (for whoever sees its register entry; 404
 * before the slip exists) and an organization's register book for a year (for its branch,
 * its committee, the district and admins; not for departments). Reads by anyone above the
 * organization are recorded ({@link PersonalDataReads}).
 */
@RestController
@RequestMapping("/api")
class DocumentController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final OpinionRegister register;

	private final OrgDirectory orgs;

	private final CaseDocuments documents;

	private final RegisterBook book;

	private final PersonalDataReads reads;

	DocumentController(OpinionRegister register, OrgDirectory orgs, CaseDocuments documents, RegisterBook book,
			PersonalDataReads reads) {
		this.register = register;
		this.orgs = orgs;
		this.documents = documents;
		this.book = book;
		this.reads = reads;
	}

	@GetMapping("/opinions/{caseNo}/assignment-slip.pdf")
	ResponseEntity<byte[]> assignmentSlip(@PathVariable String caseNo, Principal principal) {
		return slip(caseNo, principal, "交办单", this.documents::assignmentSlip);
	}

	@GetMapping("/opinions/{caseNo}/feedback-slip.pdf")
	ResponseEntity<byte[]> feedbackSlip(@PathVariable String caseNo, Principal principal) {
		return slip(caseNo, principal, "反馈单",
				(entry) -> this.documents.feedbackSlip(entry, LocalDate.now(WorkingDayCalendar.ZONE)));
	}

	private ResponseEntity<byte[]> slip(String caseNo, Principal principal, String name,
			Function<RegisterEntry, Optional<byte[]>> make) {
		AccessScope scope = this.orgs.scopeOf(principal.getName());
		RegisterEntry entry = this.register.find(caseNo)
			.filter((e) -> scope.sees(e.getOrgCode()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"案件" + Errors.quote(caseNo) + "不存在或不在您的范围内"));
		byte[] pdf = make.apply(entry)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					(entry.getPersonalDataRemovedOn() != null) ? "该案件的个人信息已按保存期限删除，" + name + "不再提供"
							: "该案件尚无" + name + (name.equals("交办单") ? "（未交企业部门办理）" : "（尚无办理结果）")));
		this.reads.read(scope, principal.getName(), entry.getOrgCode(), List.of(entry.getCaseNo()), name,
				Instant.now());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition(name + "-" + entry.caseNumber().display() + ".pdf"))
			.body(pdf);
	}

	/** The register book as a workbook: {@code ?orgCode=org1&year=2026}. */
	@GetMapping("/register.xlsx")
	ResponseEntity<StreamingResponseBody> registerXlsx(@RequestParam(required = false) String orgCode,
			@RequestParam(required = false) String year, Principal principal) {
		Book book = book(orgCode, year, principal);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition("员工意见办理情况登记簿-" + book.orgName() + "-" + book.year() + ".xlsx"))
			.body((out) -> recordRead(book, principal, this.book.xlsx(book.orgCode(), book.year(), out)));
	}

	/** The register book as a PDF followed by the stubs of its slips. */
	@GetMapping("/register.pdf")
	ResponseEntity<StreamingResponseBody> registerPdf(@RequestParam(required = false) String orgCode,
			@RequestParam(required = false) String year, Principal principal) {
		Book book = book(orgCode, year, principal);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition("员工意见办理情况登记簿-" + book.orgName() + "-" + book.year() + ".pdf"))
			.body((out) -> recordRead(book, principal, this.book.pdf(book.orgCode(), book.year(), out)));
	}

	/** A register book the caller may download. */
	record BookLink(String orgCode, String orgName, int year, String xlsx, String pdf) {
	}

	/**
	 * The register books the caller may download for a year (default this year): their
	 * own organization's, or those of the organizations they oversee.
	 */
	@GetMapping(path = "/register/books", produces = MediaType.APPLICATION_JSON_VALUE)
	List<BookLink> books(@RequestParam(required = false) String year, Principal principal) {
		AccessScope scope = this.orgs.scopeOf(principal.getName());
		if (scope.role() == Role.DEPARTMENT_STAFF) {
			return List.of();
		}
		Errors errors = new Errors();
		int chosen = year(year, errors);
		errors.throwIfAny();
		return this.orgs.organizations().stream().filter((org) -> scope.sees(org.getCode())).map((org) -> {
			String query = "?orgCode=" + org.getCode() + "&year=" + chosen;
			return new BookLink(org.getCode(), org.getName(), chosen, "/api/register.xlsx" + query,
					"/api/register.pdf" + query);
		}).toList();
	}

	private record Book(AccessScope scope, String orgCode, String orgName, int year) {
	}

	private Book book(String orgCode, String yearText, Principal principal) {
		AccessScope scope = this.orgs.scopeOf(principal.getName());
		if (scope.role() == Role.DEPARTMENT_STAFF) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "登记簿由党支部和上级党组织查阅，企业部门经办人不能下载");
		}
		Errors errors = new Errors();
		String code = (orgCode == null || orgCode.isBlank()) ? null : orgCode.strip();
		if (code == null && !scope.everything() && scope.orgCodes().size() == 1) {
			code = scope.orgCodes().iterator().next();
		}
		if (code == null) {
			errors.add("orgCode", "required", "请指定组织（orgCode）");
		}
		int year = year(yearText, errors);
		errors.throwIfAny();
		String found = code;
		var org = this.orgs.organization(found)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "组织" + Errors.quote(found) + "不存在"));
		if (!scope.sees(found)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "您无权查阅" + org.getName() + "的登记簿");
		}
		return new Book(scope, found, org.getName(), year);
	}

	/** The year asked for, this year by default; an error names {@code year}. */
	private static int year(String yearText, Errors errors) {
		int thisYear = LocalDate.now(WorkingDayCalendar.ZONE).getYear();
		if (yearText == null || yearText.isBlank()) {
			return thisYear;
		}
		try {
			int year = Integer.parseInt(yearText.strip());
			if (year < 2000 || year > thisYear) {
				errors.add("year", "range", "年度应在2000至" + thisYear + "之间" + Errors.received(yearText));
			}
			return year;
		}
		catch (NumberFormatException ex) {
			errors.add("year", "type", "年度应为四位数字，如" + thisYear + Errors.received(yearText));
			return thisYear;
		}
	}

	private void recordRead(Book book, Principal principal, List<String> caseNos) {
		this.reads.read(book.scope(), principal.getName(), book.orgCode(), caseNos, "登记簿（" + book.year() + "年）",
				Instant.now());
	}

	private static String disposition(String filename) {
		return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
	}

}
