package cn.liangxin.opinions.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A "两新" organization: a private enterprise or social organization with a Party branch.
 */
@Entity
@Table(name = "organization")
public class Organization {

	@Id
	private String code;

	private String name;

	@Column(name = "credit_code")
	private String creditCode;

	@Column(name = "employee_count")
	private int employeeCount;

	@Column(name = "committee_code")
	private String committeeCode;

	/** The Party organization's own name, e.g. 中共…支部委员会; may be unknown. */
	@Column(name = "party_name")
	private String partyName;

	protected Organization() {
	}

	public Organization(String code, String name, String creditCode, int employeeCount, String committeeCode) {
		this.code = code;
		this.name = name;
		this.creditCode = creditCode;
		this.employeeCount = employeeCount;
		this.committeeCode = committeeCode;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public String getCreditCode() {
		return this.creditCode;
	}

	public int getEmployeeCount() {
		return this.employeeCount;
	}

	public String getCommitteeCode() {
		return this.committeeCode;
	}

	public String getPartyName() {
		return this.partyName;
	}

	/** This organization with its Party organization's name (blank: unknown). */
	public Organization withPartyName(String partyName) {
		this.partyName = (partyName == null || partyName.isBlank()) ? null : partyName.strip();
		return this;
	}

}
