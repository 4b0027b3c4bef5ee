package io.estatedesk.shared;

import org.springframework.validation.BindingResult;

/**
 * A request breaks a rule of the department; the message key is resolved in the user's language with the given
 * arguments, optionally naming the form field it belongs to (null when it belongs to no field).
 */
public class BusinessRuleException extends RuntimeException {

	private final String field;

	private final transient Object[] args;

	public BusinessRuleException(String messageKey) {
		this(null, messageKey);
	}

	public BusinessRuleException(String field, String messageKey, Object... args) {
		super(messageKey);
		this.field = field;
		this.args = args;
	}

	public String field() {
		return field;
	}

	public Object[] args() {
		return args;
	}

	/**
	 * Puts the refusal on the form: next to its field when it names one the form has, else among the form's own
	 * errors (the form's alert shows those at its top).
	 */
	public void addTo(BindingResult result) {
		if (field != null && result.getTarget() != null && hasField(result, field)) {
			result.rejectValue(field, getMessage(), args, null);
		}
		else {
			result.reject(getMessage(), args, null);
		}
	}

	private static boolean hasField(BindingResult result, String name) {
		try {
			return result.getFieldType(name) != null;
		}
		catch (RuntimeException e) {
			return false;
		}
	}

}
