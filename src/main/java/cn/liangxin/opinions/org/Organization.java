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

}
