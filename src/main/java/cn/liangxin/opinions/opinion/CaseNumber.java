package cn.liangxin.opinions.opinion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case's number in its organization's register: serial {@code serial} of year
 * {@code year}. {@link #value()} ({@code org1-2026-12}) identifies the case everywhere
 * (business key, URLs) since serials restart per organization and year;
 * {@link #display()} is how the register and the slips print it: （2026）年第12号.
 */
public record CaseNumber(String orgCode, int year, int serial) {

	private static final Pattern VALUE = Pattern.compile("^(.+)-(\\d{4})-(\\d+)$");

	public String value() {
		return this.orgCode + "-" + this.year + "-" + this.serial;
	}

	public String display() {
		return "（" + this.year + "）年第" + this.serial + "号";
	}

	/** Parses {@link #value()}; {@code null} when {@code value} is not a case number. */
	public static CaseNumber parse(String value) {
		Matcher matcher = (value != null) ? VALUE.matcher(value) : null;
		if (matcher == null || !matcher.matches()) {
			return null;
		}
		return new CaseNumber(matcher.group(1), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
	}

	@Override
	public String toString() {
		return value();
	}

}
