package cn.liangxin.opinions.opinion;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import cn.liangxin.opinions.opinion.DeadlineChanges.DeadlineChange;
import cn.liangxin.opinions.org.AccessScope;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.validation.Errors;
import cn.liangxin.opinions.validation.Paging;
import cn.liangxin.opinions.validation.Paging.PageView;

import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The intake API: register an opinion, read and list register entries — each caller only
 * those of the organizations they see (another organization's case is "not found").
 */
@RestController
@RequestMapping(path = "/api/opinions", produces = MediaType.APPLICATION_JSON_VALUE)
class OpinionController {

	private final OpinionIntakeService intake;

	private final OpinionRegister register;

	private final OrgDirectory orgs;

	private final DeadlineChanges deadlines;

	OpinionController(OpinionIntakeService intake, OpinionRegister register, OrgDirectory orgs,
			DeadlineChanges deadlines) {
		this.intake = intake;
		this.register = register;
		this.orgs = orgs;
		this.deadlines = deadlines;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<OpinionView> register(@RequestBody OpinionIntake body, Principal principal) {
		AccessScope scope = this.orgs.scopeOf(principal.getName());
		if (body.orgCode() != null && this.orgs.organization(body.orgCode()).isPresent()
				&& !scope.registersFor(body.orgCode())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有本组织党支部人员可以登记该组织的员工意见");
		}
		RegisterEntry entry = this.intake.register(body);
		return ResponseEntity.created(URI.create("/api/opinions/" + entry.getCaseNo())).body(OpinionView.of(entry));
	}

	@GetMapping("/{caseNo}")
	ResponseEntity<OpinionView> get(@PathVariable String caseNo, Principal principal) {
		AccessScope scope = this.orgs.scopeOf(principal.getName());
		return ResponseEntity.ok(this.register.find(caseNo)
			.filter((e) -> scope.sees(e.getOrgCode()))
			.map(OpinionView::of)
			.orElseThrow(() -> notFound(caseNo)));
	}

	/**
	 * Moves the due day of the case's open deadline: {@code {"dueOn": "2026-10-30",
	 * "reason": "..."}}. 404 if the caller does not see the case, 403 if they do not
	 * supervise its stage, 400 naming the field otherwise.
	 */
	@PutMapping(path = "/{caseNo}/deadline", consumes = MediaType.APPLICATION_JSON_VALUE)
	OpinionView moveDeadline(@PathVariable String caseNo, @RequestBody(required = false) DeadlineChange change,
			Principal principal) {
		AccessScope scope = this.orgs.scopeOf(principal.getName());
		RegisterEntry entry = this.register.find(caseNo)
			.filter((e) -> scope.sees(e.getOrgCode()))
			.orElseThrow(() -> notFound(caseNo));
		String caller = this.orgs.person(principal.getName()).map((p) -> p.getName()).orElse(principal.getName());
		try {
			return OpinionView.of(this.deadlines.move(entry, change, scope, caller));
		}
		catch (DeadlineChanges.NotAllowedException ex) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, ex.getMessage());
		}
	}

	private static ResponseStatusException notFound(String caseNo) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "案件" + Errors.quote(caseNo) + "不存在或不在您的范围内");
	}

	/**
	 * The register entries the caller sees, newest first, a page at a time ({@code page}
	 * from 0, {@code size} up to 200, default 50); optionally of one organization.
	 */
	@GetMapping
	PageView<OpinionView> list(@RequestParam(required = false) String orgCode,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			Principal principal) {
		AccessScope scope = this.orgs.scopeOf(principal.getName());
		return PageView.of(this.register.visibleTo(scope, orgCode, Paging.of(page, size)), OpinionView::of);
	}

}
