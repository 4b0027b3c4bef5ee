package io.estatedesk.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

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
		errors.forEach((field, key) -> reject(result, field, key));
	}

	/** Adds the errors whose field has none yet: the form's own checks stand first. */
	public void addMissingTo(BindingResult result) {
		errors.forEach((field, key) -> {
			if (!result.hasFieldErrors(field)) {
				reject(result, field, key);
			}
		});
	}

	/**
	 * {@link #addMissingTo(BindingResult)} under the form's name for a facade's field where {@code rename} gives one
	 * (e.g. the facade's ownerId is the form's owner picker).
	 */
	public void addMissingTo(BindingResult result, Map<String, String> rename) {
		renamed(field -> rename.getOrDefault(field, field)).addMissingTo(result);
	}

	/** The same errors (with their arguments) under the names {@code rename} gives their fields. */
	public InvalidInputException renamed(UnaryOperator<String> rename) {
		Map<String, String> keys = new LinkedHashMap<>();
		Map<String, Object[]> arguments = new LinkedHashMap<>();
		errors.forEach((field, key) -> {
			keys.putIfAbsent(rename.apply(field), key);
			if (args.containsKey(field)) {
				arguments.putIfAbsent(rename.apply(field), args.get(field));
			}
		});
		return new InvalidInputException(keys, arguments);
	}

	/** Under its field when the form has it, else at the form's top. */
	private void reject(BindingResult result, String field, String key) {
		if (result.getTarget() != null && hasField(result, field)) {
			result.rejectValue(field, key, args(field), null);
		}
		else {
			result.reject(key, args(field), null);
		}
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
