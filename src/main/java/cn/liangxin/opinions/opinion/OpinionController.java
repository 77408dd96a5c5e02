package cn.liangxin.opinions.opinion;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import cn.liangxin.opinions.opinion.DeadlineChanges.DeadlineChange;
import cn.liangxin.opinions.org.AccessScope;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Role;
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

	private final Urges urges;

	private final SideRoads sideRoads;

	private final CaseTimeline timeline;

	private final PersonalDataReads reads;

	OpinionController(OpinionIntakeService intake, OpinionRegister register, OrgDirectory orgs,
			DeadlineChanges deadlines, Urges urges, SideRoads sideRoads, CaseTimeline timeline,
			PersonalDataReads reads) {
		this.timeline = timeline;
		this.reads = reads;
		this.intake = intake;
		this.urges = urges;
		this.sideRoads = sideRoads;
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
		RegisterEntry entry = visible(caseNo, scope);
		this.reads.read(scope, principal.getName(), entry.getOrgCode(), List.of(entry.getCaseNo()), "登记簿条目",
				Instant.now());
		return ResponseEntity.ok(OpinionView.of(entry));
	}

	/**
	 * The case file's timeline (案卷), oldest first: registered, each task opened, signed
	 * for and done (who, when, what they wrote, whether the deadline was kept), returns,
	 * extensions, moves, replies sent back, urges, the mails sent; for admins also who
	 * above the organization read the case's personal data.
	 */
	@GetMapping("/{caseNo}/timeline")
	List<TimelineEntry> timeline(@PathVariable String caseNo, Principal principal) {
		AccessScope scope = this.orgs.scopeOf(principal.getName());
		RegisterEntry entry = visible(caseNo, scope);
		this.reads.read(scope, principal.getName(), entry.getOrgCode(), List.of(entry.getCaseNo()), "案卷",
				Instant.now());
		return this.timeline.of(entry, scope.role() == Role.ADMIN);
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
		RegisterEntry entry = visible(caseNo, scope);
		String caller = callerName(principal);
		try {
			return OpinionView.of(this.deadlines.move(entry, change, scope, caller));
		}
		catch (DeadlineChanges.NotAllowedException ex) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, ex.getMessage());
		}
	}

	/** What an urge says: {@code {"message": "..."}} (optional). */
	record UrgeRequest(String message) {
	}

	/**
	 * 催办: an e-mail at once to whoever holds the case's open deadline task. 404 if the
	 * caller does not see the case, 403 if they may not urge its stage, 400 naming the
	 * field, 429 when the task was urged today already, 503 if the mail could not be sent
	 * (nothing recorded, try again).
	 */
	@PostMapping(path = "/{caseNo}/urge", consumes = MediaType.APPLICATION_JSON_VALUE)
	Urges.Urged urge(@PathVariable String caseNo, @RequestBody(required = false) UrgeRequest body,
			Principal principal) {
		AccessScope scope = this.orgs.scopeOf(principal.getName());
		RegisterEntry entry = visible(caseNo, scope);
		try {
			return this.urges.urge(entry, (body != null) ? body.message() : null, scope, callerName(principal));
		}
		catch (Urges.NotAllowedException ex) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, ex.getMessage());
		}
		catch (Urges.AlreadyUrgedException ex) {
			throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
		}
		catch (Urges.NotSentException ex) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		}
	}

	/**
	 * What happened on the case's side roads, oldest first: returns, extensions asked,
	 * granted or refused, deadlines moved, replies sent back, urges, deadline tasks done.
	 */
	@GetMapping("/{caseNo}/events")
	List<CaseEventView> events(@PathVariable String caseNo, Principal principal) {
		RegisterEntry entry = visible(caseNo, this.orgs.scopeOf(principal.getName()));
		return this.sideRoads.events(entry.getCaseNo()).stream().map(CaseEventView::of).toList();
	}

	private RegisterEntry visible(String caseNo, AccessScope scope) {
		return this.register.find(caseNo).filter((e) -> scope.sees(e.getOrgCode())).orElseThrow(() -> notFound(caseNo));
	}

	private String callerName(Principal principal) {
		return this.orgs.person(principal.getName())
			.map((p) -> p.getName() + "（" + principal.getName() + "）")
			.orElse(principal.getName());
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
