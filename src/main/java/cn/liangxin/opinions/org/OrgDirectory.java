package cn.liangxin.opinions.org;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up and records organizations, their departments and committees. */
@Service
@Transactional(readOnly = true)
public class OrgDirectory {

	private final CommitteeRepository committees;

	private final OrganizationRepository organizations;

	private final DepartmentRepository departments;

	private final PersonRepository people;

	private final ApplicationEventPublisher events;

	OrgDirectory(CommitteeRepository committees, OrganizationRepository organizations, DepartmentRepository departments,
			PersonRepository people, ApplicationEventPublisher events) {
		this.committees = committees;
		this.organizations = organizations;
		this.departments = departments;
		this.people = people;
		this.events = events;
	}

	public List<Committee> committees() {
		return this.committees.findAll(Sort.by("code"));
	}

	public List<Organization> organizations() {
		return this.organizations.findAll(Sort.by("code"));
	}

	public List<Person> people() {
		return this.people.findAll(Sort.by("username"));
	}

	/** One page of the people, by user name. */
	public Page<Person> people(Pageable page) {
		return this.people.findAll(page);
	}

	/** The people with the role {@code ADMIN}. */
	public List<Person> administrators() {
		return this.people.findByRoleIn(List.of(Role.ADMIN));
	}

	public Optional<Person> person(String username) {
		return (username != null) ? this.people.findById(username) : Optional.empty();
	}

	/**
	 * What the person sees: their organization, their committee's organizations, or
	 * everything (district staff, admins). Someone who is not in the directory sees
	 * nothing.
	 */
	public AccessScope scopeOf(String username) {
		Person person = person(username).orElse(null);
		if (person == null) {
			return new AccessScope(username, null, Set.of(), false);
		}
		return new AccessScope(username, person.getRole(), tenantsOf(person),
				person.getRole() == Role.ADMIN || person.getRole() == Role.DISTRICT_STAFF);
	}

	/** The organizations (Camunda tenants) whose cases the person works with. */
	public Set<String> tenantsOf(Person person) {
		return switch (person.getRole()) {
			case ADMIN -> Set.of();
			case DISTRICT_STAFF -> codes(organizations());
			case COMMITTEE_STAFF -> codes(organizationsOf(person.getCommitteeCode()));
			default -> Set.of(person.getOrgCode());
		};
	}

	/** The Camunda groups the person's role puts them in. */
	public Set<String> groupsOf(Person person) {
		return switch (person.getRole()) {
			case ADMIN -> Set.of(OrgGroups.ADMIN);
			case DISTRICT_STAFF -> Set.of(OrgGroups.DISTRICT);
			case COMMITTEE_STAFF -> Set.of(OrgGroups.committee(person.getCommitteeCode()));
			case BRANCH_SECRETARY ->
				Set.of(OrgGroups.branch(person.getOrgCode()), OrgGroups.secretary(person.getOrgCode()));
			case BRANCH_MEMBER -> Set.of(OrgGroups.branch(person.getOrgCode()));
			case DEPARTMENT_STAFF -> Set.of(OrgGroups.department(person.getOrgCode(), person.getDepartmentCode()));
		};
	}

	/**
	 * People whose tenants follow the set of organizations: district staff and committee
	 * staff.
	 */
	public List<Person> peopleAcrossOrganizations() {
		return this.people.findByRoleIn(List.of(Role.DISTRICT_STAFF, Role.COMMITTEE_STAFF));
	}

	private static Set<String> codes(List<Organization> organizations) {
		Set<String> codes = new TreeSet<>();
		organizations.forEach((org) -> codes.add(org.getCode()));
		return codes;
	}

	public Optional<Organization> organization(String code) {
		return (code != null) ? this.organizations.findById(code) : Optional.empty();
	}

	/** The organization with this code; {@link IllegalArgumentException} if unknown. */
	public Organization requireOrganization(String code) {
		return organization(code).orElseThrow(() -> new IllegalArgumentException("Unknown organization " + code));
	}

	public Optional<Committee> committee(String code) {
		return (code != null) ? this.committees.findById(code) : Optional.empty();
	}

	public List<Organization> organizationsOf(String committeeCode) {
		return this.organizations.findByCommitteeCodeOrderByCode(committeeCode);
	}

	public List<Department> departments(String orgCode) {
		return this.departments.findByOrgCodeOrderByCode(orgCode);
	}

	public Optional<Department> department(String orgCode, String departmentCode) {
		if (orgCode == null || departmentCode == null) {
			return Optional.empty();
		}
		return this.departments.findById(new Department.Key(orgCode, departmentCode));
	}

	public boolean isEmpty() {
		return this.committees.count() == 0;
	}

	@Transactional
	public Committee save(Committee committee) {
		return this.committees.save(committee);
	}

	@Transactional
	public Organization save(Organization organization) {
		Organization saved = this.organizations.save(organization);
		this.events.publishEvent(new OrganizationChanged(saved));
		return saved;
	}

	@Transactional
	public Department save(Department department) {
		Department saved = this.departments.save(department);
		this.events.publishEvent(new OrganizationChanged(requireOrganization(department.getOrgCode())));
		return saved;
	}

	/**
	 * Saves a person; the Camunda identity follows in the same transaction.
	 * @param password the initial password of a new person, {@code null} to keep the
	 * current one
	 */
	@Transactional
	public Person save(Person person, String password) {
		Person saved = this.people.save(person);
		this.events.publishEvent(new PersonChanged(saved, password));
		return saved;
	}

}
