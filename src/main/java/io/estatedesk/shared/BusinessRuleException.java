package io.estatedesk.shared;

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

}
