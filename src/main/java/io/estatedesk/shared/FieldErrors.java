package io.estatedesk.shared;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.BindingResult;

/**
 * The checks a facade makes by hand on the values a form, the API or an import brings, collected field by field in
 * the order of the form (the first error of a field stands), then thrown at once as {@link InvalidInputException}:
 * every field's problem is shown next to it together, not one after another.
 */
public final class FieldErrors {

	/** A number as a clerk types it (3, 3.2, .5, -1; spaces around it allowed), or nothing: for {@code @Pattern}. */
	public static final String NUMBER = "\\s*([-+]?(\\d{1,12}(\\.\\d*)?|\\.\\d+))?\\s*";

	private final Map<String, String> keys = new LinkedHashMap<>();

	private final Map<String, Object[]> args = new LinkedHashMap<>();

	/** Records {@code key} (with its arguments) for {@code field} unless the field already has an error. */
	public FieldErrors put(String field, String key, Object... arguments) {
		if (!keys.containsKey(field)) {
			keys.put(field, key);
			if (arguments.length > 0) {
				args.put(field, arguments);
			}
		}
		return this;
	}

	/** Records "required" for a blank text. */
	public FieldErrors required(String field, String value, String key) {
		if (value == null || value.isBlank()) {
			put(field, key);
		}
		return this;
	}

	/** Records "too long, at most {@code max} characters" for a text longer than {@code max} once stripped. */
	public FieldErrors length(String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			put(field, "input.tooLongAt", max);
		}
		return this;
	}

	/** Records a number {@link PhoneNumbers} does not accept (a blank one is left to {@link #required}). */
	public FieldErrors phone(String field, String value) {
		if (!PhoneNumbers.valid(value)) {
			put(field, PhoneNumbers.INVALID);
		}
		return this;
	}

	/** The number typed, null when blank; records "请输入数字" when it is not one. */
	public BigDecimal number(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!value.matches(NUMBER)) {
			put(field, "input.numberOnly");
			return null;
		}
		return new BigDecimal(value.strip());
	}

	/**
	 * The whole number typed, from {@code min} to {@code max}, null when blank; records "请输入数字" when it is not a
	 * number and {@code key} when it is not whole or out of range (the typed text stays with the form either way).
	 */
	public Integer whole(String field, String value, int min, int max, String key) {
		BigDecimal n = number(field, value);
		if (n == null) {
			return null;
		}
		if (n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(min)) < 0
				|| n.compareTo(BigDecimal.valueOf(max)) > 0) {
			put(field, key);
			return null;
		}
		return n.intValueExact();
	}

	/** Adds what was collected to a form's binding result, under the fields that have no error yet. */
	public void addMissingTo(BindingResult result) {
		if (!keys.isEmpty()) {
			new InvalidInputException(keys, args).addMissingTo(result);
		}
	}

	public boolean has(String field) {
		return keys.containsKey(field);
	}

	public boolean isEmpty() {
		return keys.isEmpty();
	}

	/** Throws what was collected, if anything. */
	public void throwIfAny() {
		if (!keys.isEmpty()) {
			throw new InvalidInputException(keys, args);
		}
	}

}
