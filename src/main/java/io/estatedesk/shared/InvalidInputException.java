package io.estatedesk.shared;

import java.util.Map;

import org.springframework.validation.BindingResult;

/**
 * Input that breaks the domain's rules, as field → message key (with the key's arguments where it has some, e.g. the
 * limit of a text that is too long); pages show each next to its field. {@link FieldErrors} collects them.
 */
public class InvalidInputException extends RuntimeException {

	private static final Object[] NONE = {};

	private final transient Map<String, String> errors;

	private final transient Map<String, Object[]> args;

	public InvalidInputException(Map<String, String> errors) {
		this(errors, Map.of());
	}

	public InvalidInputException(Map<String, String> errors, Map<String, Object[]> args) {
		super("invalid input " + errors.keySet());
		this.errors = Map.copyOf(errors);
		this.args = Map.copyOf(args);
	}

	public Map<String, String> errors() {
		return errors;
	}

	/** The arguments of the field's message key (none for most). */
	public Object[] args(String field) {
		return args.getOrDefault(field, NONE);
	}

	/** Adds the errors to a form's binding result so the page shows them next to the fields. */
	public void addTo(BindingResult result) {
		errors.forEach((field, key) -> {
			if (result.getTarget() != null && hasField(result, field)) {
				result.rejectValue(field, key, args(field), null);
			}
			else {
				result.reject(key, args(field), null);
			}
		});
	}

	/**
	 * Adds the errors whose field has none yet (the form's own checks stand first), under the form's name for the
	 * facade's field where {@code rename} gives one (e.g. the facade's ownerId is the form's owner picker).
	 */
	public void addMissingTo(BindingResult result, Map<String, String> rename) {
		errors.forEach((field, key) -> {
			String name = rename.getOrDefault(field, field);
			if (result.hasFieldErrors(name)) {
				return;
			}
			if (result.getTarget() != null && hasField(result, name)) {
				result.rejectValue(name, key, args(field), null);
			}
			else {
				result.reject(key, args(field), null);
			}
		});
	}

	private static boolean hasField(BindingResult result, String field) {
		try {
			result.getFieldType(field);
			return result.getFieldType(field) != null;
		}
		catch (RuntimeException e) {
			return false;
		}
	}

}
