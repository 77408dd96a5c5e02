package cn.liangxin.opinions.visit;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.org.AccessScope;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Organization;
import cn.liangxin.opinions.org.Person;
import cn.liangxin.opinions.org.Role;
import cn.liangxin.opinions.validation.InvalidInputException;
import cn.liangxin.opinions.validation.Paging;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The visit log (走访日志) over HTTP, docs/visits.md. A visit is personal data of the
 * organization's own: its branch and admins record and read visits; committees and the
 * district get 403 (they see counts in the coverage), whoever does not see the
 * organization 404.
 */
@RestController
@RequestMapping("/api/visits")
class VisitController {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(VisitController.class);

	private final Visits visits;

	private final OrgDirectory directory;

	private final Coverage coverage;

	VisitController(Visits visits, OrgDirectory directory, Coverage coverage) {
		this.visits = visits;
		this.directory = directory;
		this.coverage = coverage;
	}

	/**
	 * Records a visit; each matter handled by a deadline or passed to a department opens
	 * a case. 201 with the visit and its cases' numbers; 400 naming each field.
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Visits.VisitView> record(@RequestBody VisitLog visit, Principal principal) {
		if (visit.orgCode() == null || visit.orgCode().isBlank()) {
			throw new InvalidInputException("orgCode", "required", "组织代码不能为空");
		}
		if (this.directory.organization(visit.orgCode()).isEmpty()) {
			throw new InvalidInputException("orgCode", "knownOrganization", "组织代码“" + visit.orgCode() + "”不存在");
		}
		ownBranch(visit.orgCode(), principal);
		Visits.VisitView recorded = this.visits.record(visit, principal.getName());
		log.info("Visit {} of {} recorded by {}: {} matters, cases {}", recorded.id(), recorded.orgCode(),
				principal.getName(), recorded.matters().size(),
				recorded.matters().stream().map(Visits.MatterView::caseNo).filter(java.util.Objects::nonNull).toList());
		return ResponseEntity.created(URI.create("/api/visits/" + recorded.id())).body(recorded);
	}

	/** The organization's visits of a year (this year by default), newest first. */
	@GetMapping
	Paging.PageView<Visits.VisitView> list(@RequestParam String orgCode, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			Principal principal) {
		ownBranch(orgCode, principal);
		return this.visits.list(orgCode, year(year), Paging.of(page, size));
	}

	private static int year(Integer year) {
		int y = (year != null) ? year : LocalDate.now(WorkingDayCalendar.ZONE).getYear();
		if (y < 2000 || y > 2100) {
			throw new InvalidInputException("year", "range", "year 应为 2000 到 2100 之间的年份");
		}
		return y;
	}

	/**
	 * The coverage of the visiting duties in a year (this year by default): for one
	 * organization ({@code orgCode}), a committee ({@code committee}) or, with neither,
	 * the caller's whole view (the district for its staff and admins, a committee's staff
	 * their committee, a branch its organization). Counts for everyone who sees the
	 * scope; names (per member, who was not visited) only for the organization's branch
	 * and admins.
	 */
	@GetMapping("/coverage")
	Coverage.View coverage(@RequestParam(required = false) String orgCode,
			@RequestParam(required = false) String committee, @RequestParam(required = false) Integer year,
			Principal principal) {
		AccessScope scope = this.directory.scopeOf(principal.getName());
		int y = year(year);
		if (orgCode != null && committee != null) {
			throw new InvalidInputException("committee", "oneScope", "orgCode 和 committee 只能给其中一个");
		}
		if (orgCode == null && committee == null && !scope.everything()) {
			if (scope.role() == Role.COMMITTEE_STAFF) {
				committee = this.directory.person(principal.getName()).map(Person::getCommitteeCode).orElse(null);
			}
			else if (scope.orgCodes().size() == 1) {
				orgCode = scope.orgCodes().iterator().next();
			}
		}
		if (orgCode != null) {
			Organization org = this.directory.organization(orgCode).filter((o) -> scope.sees(o.getCode())).orElse(null);
			if (org == null) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到组织 " + orgCode);
			}
			return this.coverage.of("organization", org.getCode(), org.getCommitteeCode(), List.of(org), y,
					scope.registersFor(org.getCode()));
		}
		if (committee != null) {
			List<Organization> orgs = this.directory.organizationsOf(committee);
			boolean sees = this.directory.committee(committee).isPresent()
					&& (scope.everything() || (scope.role() == Role.COMMITTEE_STAFF && !orgs.isEmpty()
							&& orgs.stream().allMatch((o) -> scope.sees(o.getCode()))));
			if (!sees) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到主管党（工）委 " + committee);
			}
			return this.coverage.of("committee", null, committee, orgs, y, false);
		}
		if (!scope.everything()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "全区的走访覆盖情况只有区委“两新”工委和系统管理员可以查看");
		}
		return this.coverage.of("district", null, null, this.directory.organizations(), y, false);
	}

	@GetMapping("/{id}")
	Visits.VisitView get(@PathVariable long id, Principal principal) {
		return readable(this.visits.find(id), principal);
	}

	/** The visit a case was opened from (404 if it was not opened from a visit). */
	@GetMapping("/of-case/{caseNo}")
	Visits.VisitView ofCase(@PathVariable String caseNo, Principal principal) {
		return readable(this.visits.ofCase(caseNo), principal);
	}

	private Visits.VisitView readable(Visits.VisitView visit, Principal principal) {
		if (visit == null || !this.directory.scopeOf(principal.getName()).registersFor(visit.orgCode())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到这条走访记录");
		}
		return visit;
	}

	private void ownBranch(String orgCode, Principal principal) {
		AccessScope scope = this.directory.scopeOf(principal.getName());
		if (this.directory.organization(orgCode).isEmpty() || !scope.sees(orgCode)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到组织 " + orgCode);
		}
		if (!scope.registersFor(orgCode)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "走访日志只有本组织党支部和系统管理员可以记录和查看；主管党委和区委在走访覆盖情况中看到人数");
		}
	}

}
