package cn.liangxin.opinions.org;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An enterprise department (企业相关部门) that handles assignment slips. */
@Entity
@Table(name = "department")
@IdClass(Department.Key.class)
public class Department {

	@Id
	@Column(name = "org_code")
	private String orgCode;

	@Id
	private String code;

	private String name;

	protected Department() {
	}

	public Department(String orgCode, String code, String name) {
		this.orgCode = orgCode;
		this.code = code;
		this.name = name;
	}

	public String getOrgCode() {
		return this.orgCode;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	/** Composite key (organization, department code). */
	public record Key(String orgCode, String code) implements Serializable {

		public Key() {
			this(null, null);
		}

	}

}
