package io.estatedesk.shared;

import java.util.Map;

import org.springframework.validation.BindingResult;

/** Input that breaks the domain's rules, as field → message key; pages show each next to its field. */
public class InvalidInputException extends RuntimeException {

	private final transient Map<String, String> errors;

	public InvalidInputException(Map<String, String> errors) {
		super("invalid input " + errors.keySet());
		this.errors = Map.copyOf(errors);
	}

	public Map<String, String> errors() {
		return errors;
	}

	/** Adds the errors to a form's binding result so the page shows them next to the fields. */
	public void addTo(BindingResult result) {
		errors.forEach((field, key) -> {
			if (result.getTarget() != null && hasField(result, field)) {
				result.rejectValue(field, key);
			}
			else {
				result.reject(key);
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
