package cn.liangxin.opinions.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who works with the system, with one role in the organization tree. */
@Entity
@Table(name = "person")
public class Person {

	@Id
	private String username;

	private String name;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "org_code")
	private String orgCode;

	@Column(name = "department_code")
	private String departmentCode;

	@Column(name = "committee_code")
	private String committeeCode;

	private String post;

	private String phone;

	private String email;

	@Column(name = "daily_digest")
	private boolean dailyDigest;

	protected Person() {
	}

	public Person(String username, String name, Role role, String orgCode, String departmentCode, String committeeCode,
			String post, String phone, String email) {
		this.username = username;
		this.name = name;
		this.role = role;
		this.orgCode = orgCode;
		this.departmentCode = departmentCode;
		this.committeeCode = committeeCode;
		this.post = post;
		this.phone = phone;
		this.email = email;
	}

	public String getUsername() {
		return this.username;
	}

	public String getName() {
		return this.name;
	}

	public Role getRole() {
		return this.role;
	}

	public String getOrgCode() {
		return this.orgCode;
	}

	public String getDepartmentCode() {
		return this.departmentCode;
	}

	public String getCommitteeCode() {
		return this.committeeCode;
	}

	public String getPost() {
		return this.post;
	}

	public String getPhone() {
		return this.phone;
	}

	public String getEmail() {
		return this.email;
	}

	/**
	 * Whether the person takes the daily digest (08:30 on working days) instead of single
	 * reminders before deadlines.
	 */
	public boolean isDailyDigest() {
		return this.dailyDigest;
	}

	/**
	 * Returns this person with the daily digest switched on or off.
	 * @param dailyDigest whether to take the digest
	 * @return this person
	 */
	public Person withDailyDigest(boolean dailyDigest) {
		this.dailyDigest = dailyDigest;
		return this;
	}

}
