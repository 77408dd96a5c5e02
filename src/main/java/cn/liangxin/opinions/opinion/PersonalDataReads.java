package cn.liangxin.opinions.opinion;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import cn.liangxin.opinions.org.AccessScope;
import cn.liangxin.opinions.org.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Records who outside a case's own organization read its personal data — committee and
 * district staff and admins — with when and what (the register entry, a slip, the
 * register book, the case file), as China's personal-information law expects of sensitive
 * records (个人信息保护法). The organization's own branch and departments are not recorded: the
 * case is theirs. Admins see the record on the case file.
 */
@Service
public class PersonalDataReads {

	private final JdbcTemplate jdbc;

	PersonalDataReads(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One read, as it happened. */
	public record Read(String caseNo, String readBy, String role, Instant readAt, String what) {
	}

	/** Whether the caller's reads are recorded: anyone above the organization. */
	public static boolean recorded(AccessScope scope) {
		return scope.role() == Role.COMMITTEE_STAFF || scope.role() == Role.DISTRICT_STAFF
				|| scope.role() == Role.ADMIN;
	}

	/**
	 * Records that the caller read these cases of an organization (if they are recorded).
	 */
	public void read(AccessScope scope, String reader, String orgCode, Collection<String> caseNos, String what,
			Instant at) {
		if (!recorded(scope) || caseNos.isEmpty()) {
			return;
		}
		Timestamp when = Timestamp.from(at);
		this.jdbc.batchUpdate(
				"insert into personal_data_read (case_no, org_code, read_by, read_role, read_at, what) values (?, ?, ?, ?, ?, ?)",
				caseNos.stream()
					.map((caseNo) -> new Object[] { caseNo, orgCode, reader, scope.role().name(), when, what })
					.toList());
	}

	/** The reads of a case, oldest first. */
	public List<Read> of(String caseNo) {
		return this.jdbc.query(
				"select case_no, read_by, read_role, read_at, what from personal_data_read where case_no = ? order by id",
				(rs, i) -> new Read(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
						rs.getString(5)),
				caseNo);
	}

}
