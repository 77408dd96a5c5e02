package cn.liangxin.opinions.documents;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What a slip says (attachments 3 and 4 of seed 000), taken from the register: the
 * number, who raised what and when, the department and its deadline, the contact, the
 * department's signature of receipt, the result and when it was concluded.
 *
 * @param printedOn the date under the seal: the day the slip was issued (交办单) or the
 * feedback was given (反馈单)
 */
record SlipFacts(String caseNo, String number, String orgName, String partyName, String departmentName,
		String reporterName, String reporterUnit, LocalDate reportedOn, String matter, LocalDate dueOn, String contact,
		String phone, LocalDate printedOn, String signedBy, LocalDateTime signedAt, String result, LocalDate resultOn) {

	static String date(LocalDate day) {
		return (day == null) ? "    年  月  日"
				: day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
	}

	static String time(LocalDateTime at) {
		return (at == null) ? "    年  月  日"
				: date(at.toLocalDate()) + String.format(" %02d:%02d", at.getHour(), at.getMinute());
	}

	static String orBlank(String text, int width) {
		return (text == null || text.isBlank()) ? "＿".repeat(width) : text;
	}

}
