package cn.liangxin.opinions.validation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Collects broken rules while an input is checked; {@link #throwIfAny()} refuses it. */
public final class Errors {

	/** How much of a refused value an error message repeats. */
	static final int ECHO_MAX = 20;

	private final List<FieldError> list = new ArrayList<>();

	public void add(String field, String rule, String message) {
		this.list.add(new FieldError(field, rule, message));
	}

	/**
	 * Checks an optional text's length and characters; returns the trimmed text,
	 * {@code null} if blank.
	 */
	public String text(String field, String label, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.strip();
		if (hasControlCharacters(trimmed)) {
			add(field, "controlCharacters", label + "含有不允许的控制字符（只允许换行和制表符）");
		}
		if (trimmed.length() > maxLength) {
			add(field, "maxLength", label + "不能超过" + maxLength + "个字（现有" + trimmed.length() + "个字）");
		}
		return trimmed;
	}

	/** Checks a required text; returns the trimmed text. */
	public String requiredText(String field, String label, String value, int maxLength) {
		String text = text(field, label, value, maxLength);
		if (text == null) {
			add(field, "required", label + "不能为空");
		}
		return text;
	}

	/**
	 * Parses an optional {@code yyyy-MM-dd} date, strictly: nothing before or after it.
	 */
	public LocalDate date(String field, String label, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		LocalDate date = parseDate(value.strip());
		if (date == null) {
			add(field, "dateFormat", label + "应为 yyyy-MM-dd 格式的日期" + received(value));
		}
		return date;
	}

	/** A {@code yyyy-MM-dd} date, or {@code null} if the text is anything else. */
	public static LocalDate parseDate(String value) {
		if (value == null || value.length() != 10) {
			return null;
		}
		try {
			return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * Whether a text holds control characters other than line breaks and tabs (NUL,
	 * escape, ...), which no form can type and no database column should keep.
	 */
	public static boolean hasControlCharacters(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '\n' && c != '\r' && c != '\t' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
				return true;
			}
		}
		return false;
	}

	/**
	 * "（收到“…”）" for an error message: the refused value, shortened so that an error never
	 * repeats a long input; empty for {@code null}.
	 */
	public static String received(Object value) {
		return (value != null) ? "（收到" + quote(value) + "）" : "";
	}

	/**
	 * "“…”": a value quoted in an error message, at most {@value #ECHO_MAX} characters of
	 * it and no control characters.
	 */
	public static String quote(Object value) {
		String text = String.valueOf(value);
		StringBuilder shown = new StringBuilder();
		int count = 0;
		int i = 0;
		for (; i < text.length() && count < ECHO_MAX; i += Character.charCount(text.codePointAt(i))) {
			int cp = text.codePointAt(i);
			shown.appendCodePoint(Character.isISOControl(cp) ? '\uFFFD' : cp);
			count++;
		}
		return "“" + shown + ((i < text.length()) ? "…" : "") + "”";
	}

	public boolean isEmpty() {
		return this.list.isEmpty();
	}

	public void throwIfAny() {
		if (!this.list.isEmpty()) {
			throw new InvalidInputException(this.list);
		}
	}

}
