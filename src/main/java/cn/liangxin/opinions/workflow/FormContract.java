package cn.liangxin.opinions.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import cn.liangxin.opinions.validation.Errors;
import cn.liangxin.opinions.validation.FieldError;

/**
 * What a Camunda Form (form-js schema) lets its user submit, read from the form itself:
 * each keyed field's kind, its options and its length limit. A task completion or a
 * process start is checked against it ({@link #check}): a value whose name is not a field
 * of the form, of the wrong type, outside the options, too long or holding control
 * characters is refused. Whether a field is required, and the rules between fields (FEEL
 * conditions in the form), are the case's rules and are checked there.
 * <p>
 * Disabled fields are not submitted by form-js, and read-only ones are not the user's
 * input: neither is part of the contract (the assessment form's read-only
 * {@code assessmentMissing} only shows, empty and required, while the form cannot be
 * submitted). Forms show process data with {@code text} components.
 */
final class FormContract {

	/** The kinds of value a form field submits. */
	enum Kind {

		TEXT, CHOICE, DATE, BOOLEAN, NUMBER

	}

	/**
	 * One submittable field.
	 *
	 * @param options the allowed values of a choice with static options; empty when the
	 * options come from data (checked by the case's rules)
	 * @param maxLength the longest text, {@code 0} for no limit
	 */
	record Field(String key, String label, Kind kind, Set<String> options, int maxLength) {

		/** The same field under another label, e.g. a REST-only variable. */
		static Field bool(String key, String label) {
			return new Field(key, label, Kind.BOOLEAN, Set.of(), 0);
		}

	}

	/** A value that is no plain text, boolean or number (an object, JSON, XML, bytes). */
	static final Object NOT_PLAIN = new Object();

	private final String id;

	private final Map<String, Field> fields;

	FormContract(String id, Map<String, Field> fields) {
		this.id = id;
		this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	String id() {
		return this.id;
	}

	Map<String, Field> fields() {
		return this.fields;
	}

	/**
	 * This contract with more fields (variables the REST API documents besides the form).
	 */
	FormContract with(Field... extra) {
		Map<String, Field> all = new LinkedHashMap<>(this.fields);
		for (Field field : extra) {
			all.put(field.key(), field);
		}
		return new FormContract(this.id, all);
	}

	/** Reads the keyed input fields of a form-js schema, groups included. */
	static FormContract parse(JsonNode schema) {
		Map<String, Field> fields = new LinkedHashMap<>();
		collect(schema.path("components"), fields);
		return new FormContract(schema.path("id").asText(), fields);
	}

	private static void collect(JsonNode components, Map<String, Field> fields) {
		for (JsonNode component : components) {
			collect(component.path("components"), fields);
			String key = component.path("key").asText(null);
			Kind kind = kind(component.path("type").asText());
			if (key == null || kind == null || component.path("disabled").asBoolean(false)
					|| component.path("readonly").asBoolean(false)) {
				continue;
			}
			Set<String> options = new LinkedHashSet<>();
			component.path("values").forEach((option) -> options.add(option.path("value").asText()));
			String label = component.path("label").asText(component.path("dateLabel").asText(key));
			fields.put(key, new Field(key, label, kind, Collections.unmodifiableSet(options),
					component.path("validate").path("maxLength").asInt(0)));
		}
	}

	private static Kind kind(String type) {
		return switch (type) {
			case "textfield", "textarea" -> Kind.TEXT;
			case "select", "radio" -> Kind.CHOICE;
			case "datetime" -> Kind.DATE;
			case "checkbox" -> Kind.BOOLEAN;
			case "number" -> Kind.NUMBER;
			default -> null;
		};
	}

	/**
	 * The broken rules of a submission.
	 * @param submitted each variable's plain value: a String, Boolean or Number,
	 * {@code null}, or {@link #NOT_PLAIN}
	 */
	List<FieldError> check(Map<String, Object> submitted) {
		List<FieldError> errors = new ArrayList<>();
		for (Map.Entry<String, Object> variable : submitted.entrySet()) {
			Field field = this.fields.get(variable.getKey());
			if (field == null) {
				errors.add(new FieldError(variable.getKey(), "notAllowed", Errors.quote(variable.getKey())
						+ "不是此表单的字段，不能提交（可提交：" + String.join("、", this.fields.keySet()) + "）"));
			}
			else if (variable.getValue() != null) {
				check(field, variable.getValue(), errors);
			}
		}
		return errors;
	}

	private static void check(Field field, Object value, List<FieldError> errors) {
		String name = field.label();
		switch (field.kind()) {
			case BOOLEAN -> {
				if (!(value instanceof Boolean)) {
					errors.add(new FieldError(field.key(), "type", name + "应为布尔值 true 或 false" + received(value)));
				}
			}
			case NUMBER -> {
				if (!(value instanceof Number)) {
					errors.add(new FieldError(field.key(), "type", name + "应为数字" + received(value)));
				}
			}
			default -> {
				if (!(value instanceof String text)) {
					errors.add(new FieldError(field.key(), "type", name + "应为文本" + received(value)));
				}
				else {
					checkText(field, text, errors);
				}
			}
		}
	}

	private static void checkText(Field field, String text, List<FieldError> errors) {
		String name = field.label();
		if (Errors.hasControlCharacters(text)) {
			errors.add(new FieldError(field.key(), "controlCharacters", name + "含有不允许的控制字符（只允许换行和制表符）"));
			return;
		}
		if (field.kind() == Kind.DATE && !text.isBlank() && Errors.parseDate(text.strip()) == null) {
			errors.add(new FieldError(field.key(), "dateFormat", name + "应为 yyyy-MM-dd 格式的日期" + Errors.received(text)));
		}
		if (field.kind() == Kind.CHOICE && !field.options().isEmpty() && !text.isEmpty()
				&& !field.options().contains(text)) {
			errors.add(new FieldError(field.key(), "oneOf",
					name + "应为 " + String.join("、", field.options()) + " 之一" + Errors.received(text)));
		}
		int length = text.strip().length();
		if (field.maxLength() > 0 && length > field.maxLength()) {
			errors.add(new FieldError(field.key(), "maxLength",
					name + "不能超过" + field.maxLength() + "个字（现有" + length + "个字）"));
		}
	}

	private static String received(Object value) {
		return (value == NOT_PLAIN) ? "（收到的不是文本、布尔值或数字）" : Errors.received(value);
	}

}
