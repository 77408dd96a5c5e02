package cn.liangxin.opinions.org;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A supervising Party (working) committee (主管党（工）委). */
@Entity
@Table(name = "committee")
public class Committee {

	@Id
	private String code;

	private String name;

	protected Committee() {
	}

	public Committee(String code, String name) {
		this.code = code;
		this.name = name;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

}
