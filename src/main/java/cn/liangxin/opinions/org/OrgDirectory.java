package cn.liangxin.opinions.org;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up and records organizations, their departments and committees. */
@Service
@Transactional(readOnly = true)
public class OrgDirectory {

	private final CommitteeRepository committees;

	private final OrganizationRepository organizations;

	private final DepartmentRepository departments;

	OrgDirectory(CommitteeRepository committees, OrganizationRepository organizations,
			DepartmentRepository departments) {
		this.committees = committees;
		this.organizations = organizations;
		this.departments = departments;
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
		return this.organizations.save(organization);
	}

	@Transactional
	public Department save(Department department) {
		return this.departments.save(department);
	}

}
