package cn.liangxin.opinions.validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Collects broken rules while an input is checked; {@link #throwIfAny()} refuses it. */
public final class Errors {

	private final List<FieldError> list = new ArrayList<>();

	public void add(String field, String rule, String message) {
		this.list.add(new FieldError(field, rule, message));
	}

	/**
	 * Checks an optional text's length; returns the trimmed text, {@code null} if blank.
	 */
	public String text(String field, String label, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.strip();
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

	/** Parses an optional {@code yyyy-MM-dd} date. */
	public LocalDate date(String field, String label, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip().length() > 10 ? value.strip().substring(0, 10) : value.strip());
		}
		catch (DateTimeParseException ex) {
			add(field, "dateFormat", label + "应为 yyyy-MM-dd 格式的日期（收到“" + value + "”）");
			return null;
		}
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
