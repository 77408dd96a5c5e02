package cn.liangxin.opinions.documents;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.opinion.Actor;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.opinion.Route;
import cn.liangxin.opinions.org.Department;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Organization;
import cn.liangxin.opinions.org.Person;
import org.springframework.stereotype.Service;

/**
 * The slips of a case, filled from its register entry. A slip exists once what it says
 * exists: the assignment slip (交办单) while the case is assigned to an enterprise
 * department, the feedback slip (反馈单) once the matter has a result to feed back; and
 * neither after the case's personal data was removed.
 */
@Service
public class CaseDocuments {

	private final Slips slips;

	private final OrgDirectory orgs;

	CaseDocuments(Slips slips, OrgDirectory orgs) {
		this.slips = slips;
		this.orgs = orgs;
	}

	/** The assignment slip as a PDF, if the case has one. */
	public Optional<byte[]> assignmentSlip(RegisterEntry entry) {
		return assignmentFacts(entry).map(this.slips::assignmentSlip);
	}

	/** The feedback slip as a PDF, if the case has one. */
	public Optional<byte[]> feedbackSlip(RegisterEntry entry, LocalDate today) {
		return feedbackFacts(entry, today).map(this.slips::feedbackSlip);
	}

	/**
	 * The organization tree as the slips of one document read it: each organization,
	 * department and person looked up once (a register book prints thousands of stubs).
	 */
	final class Lookups {

		private final java.util.Map<String, Organization> organizations = new java.util.HashMap<>();

		private final java.util.Map<String, String> departments = new java.util.HashMap<>();

		private final java.util.Map<String, Optional<Person>> people = new java.util.HashMap<>();

		Organization organization(String code) {
			return this.organizations.computeIfAbsent(code, CaseDocuments.this.orgs::requireOrganization);
		}

		String department(String orgCode, String code) {
			return this.departments.computeIfAbsent(orgCode + "/" + code,
					(key) -> CaseDocuments.this.orgs.department(orgCode, code).map(Department::getName).orElse(code));
		}

		Optional<Person> person(String username) {
			return (username == null) ? Optional.empty()
					: this.people.computeIfAbsent(username, CaseDocuments.this.orgs::person);
		}

	}

	Lookups lookups() {
		return new Lookups();
	}

	Optional<SlipFacts> assignmentFacts(RegisterEntry entry) {
		return assignmentFacts(entry, lookups());
	}

	Optional<SlipFacts> assignmentFacts(RegisterEntry entry, Lookups lookups) {
		if (entry.getRoute() != Route.ENTERPRISE || entry.getSlipIssuedOn() == null
				|| entry.getPersonalDataRemovedOn() != null) {
			return Optional.empty();
		}
		Organization org = lookups.organization(entry.getOrgCode());
		String department = lookups.department(entry.getOrgCode(), entry.getDepartmentCode());
		LocalDateTime signedAt = (entry.getDepartmentSignedAt() != null)
				? LocalDateTime.ofInstant(entry.getDepartmentSignedAt(), WorkingDayCalendar.ZONE) : null;
		return Optional.of(new SlipFacts(entry.getCaseNo(), entry.caseNumber().display(), org.getName(), partyName(org),
				department, entry.getReporterName(), entry.getReporterUnit(), entry.getReportedOn(),
				matter(entry, entry.getSlipMatter()), entry.getDueOn(), entry.getSlipContact(), entry.getSlipPhone(),
				entry.getSlipIssuedOn(), Actor.name(entry.getDepartmentSignedBy()), signedAt, null, null));
	}

	Optional<SlipFacts> feedbackFacts(RegisterEntry entry, LocalDate today) {
		return feedbackFacts(entry, today, lookups());
	}

	Optional<SlipFacts> feedbackFacts(RegisterEntry entry, LocalDate today, Lookups lookups) {
		if (entry.getResultOn() == null || entry.getPersonalDataRemovedOn() != null) {
			return Optional.empty();
		}
		Organization org = lookups.organization(entry.getOrgCode());
		// the branch person who took the opinion answers the employee's further questions
		Optional<Person> registrar = lookups.person(Actor.username(entry.getRegisteredBy()));
		String contact = registrar.map(Person::getName).orElse(Actor.name(entry.getRegisteredBy()));
		String phone = registrar.map(Person::getPhone).orElse(null);
		String result = (entry.getFeedbackContent() != null) ? entry.getFeedbackContent() : entry.getResultText();
		return Optional.of(new SlipFacts(entry.getCaseNo(), entry.caseNumber().display(), org.getName(), partyName(org),
				null, entry.getReporterName(), entry.getReporterUnit(), entry.getReportedOn(), matter(entry, null),
				null, contact, phone, (entry.getFeedbackOn() != null) ? entry.getFeedbackOn() : today, null, null,
				result, entry.getResultOn()));
	}

	/**
	 * The name under the seal: the Party organization's own name, or, while the
	 * organization tree does not know it, 「{organization}党支部」.
	 */
	static String partyName(Organization org) {
		return (org.getPartyName() != null) ? org.getPartyName() : org.getName() + "党支部";
	}

	/** 「反映的…一事」: the matter as the slip words it, without its closing stop. */
	private static String matter(RegisterEntry entry, String slipMatter) {
		String text = (slipMatter != null && !slipMatter.isBlank()) ? slipMatter : entry.getSummary();
		return text.strip().replaceAll("[。．.！!？?；;，,\\s]+$", "");
	}

}
