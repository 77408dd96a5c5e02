package cn.liangxin.opinions.org;

import java.security.Principal;
import java.util.List;

import cn.liangxin.opinions.org.OrgAdministration.CommitteeInput;
import cn.liangxin.opinions.org.OrgAdministration.NotAllowedException;
import cn.liangxin.opinions.org.OrgAdministration.OrganizationInput;
import cn.liangxin.opinions.org.OrgAdministration.PersonInput;

import cn.liangxin.opinions.validation.Paging;
import cn.liangxin.opinions.validation.Paging.PageView;
import cn.liangxin.opinions.validation.Problems;

import org.springframework.http.MediaType;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Administration of the organization tree for admins and district staff: committees,
 * organizations with their departments, and people. POST creates or updates (by code /
 * username).
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class OrgAdminController {

	private final OrgDirectory directory;

	private final OrgAdministration administration;

	OrgAdminController(OrgDirectory directory, OrgAdministration administration) {
		this.directory = directory;
		this.administration = administration;
	}

	record OrganizationView(String code, String name, String creditCode, int employeeCount, String committeeCode,
			String partyName, List<DepartmentView> departments) {
	}

	record DepartmentView(String code, String name) {
	}

	record PersonView(String username, String name, Role role, String roleLabel, String orgCode, String departmentCode,
			String committeeCode, String post, String phone, String email, boolean dailyDigest) {

		static PersonView of(Person p) {
			return new PersonView(p.getUsername(), p.getName(), p.getRole(), p.getRole().label(), p.getOrgCode(),
					p.getDepartmentCode(), p.getCommitteeCode(), p.getPost(), p.getPhone(), p.getEmail(),
					p.isDailyDigest());
		}

	}

	@GetMapping("/committees")
	List<Committee> committees(Principal principal) {
		allowed(principal);
		return this.directory.committees();
	}

	@PostMapping(path = "/committees", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Committee saveCommittee(@RequestBody CommitteeInput input, Principal principal) {
		allowed(principal);
		return this.administration.saveCommittee(input);
	}

	@GetMapping("/orgs")
	List<OrganizationView> organizations(Principal principal) {
		allowed(principal);
		return this.directory.organizations().stream().map(this::view).toList();
	}

	@PostMapping(path = "/orgs", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	OrganizationView saveOrganization(@RequestBody OrganizationInput input, Principal principal) {
		allowed(principal);
		return view(this.administration.saveOrganization(input));
	}

	/**
	 * The people, by user name, a page at a time ({@code page}, {@code size} up to 200).
	 */
	@GetMapping("/people")
	PageView<PersonView> people(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Principal principal) {
		allowed(principal);
		return PageView.of(this.directory.people(Paging.of(page, size).request(Sort.by("username"))), PersonView::of);
	}

	@PostMapping(path = "/people", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	PersonView savePerson(@RequestBody PersonInput input, Principal principal) {
		allowed(principal);
		return PersonView.of(this.administration.savePerson(input));
	}

	@ExceptionHandler(NotAllowedException.class)
	ProblemDetail notAllowed(NotAllowedException ex) {
		return Problems.of(HttpStatus.FORBIDDEN, null, "forbidden", ex.getMessage());
	}

	private void allowed(Principal principal) {
		this.administration.requireAdministrator(this.directory.scopeOf(principal.getName()));
	}

	private OrganizationView view(Organization org) {
		return new OrganizationView(org.getCode(), org.getName(), org.getCreditCode(), org.getEmployeeCount(),
				org.getCommitteeCode(), org.getPartyName(),
				this.directory.departments(org.getCode())
					.stream()
					.map((d) -> new DepartmentView(d.getCode(), d.getName()))
					.toList());
	}

}
