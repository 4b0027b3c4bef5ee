package io.estatedesk.shared;

/**
 * A request breaks a rule of the department; the message key is resolved in the user's language,
 * optionally naming the form field it belongs to.
 */
public class BusinessRuleException extends RuntimeException {

	private final String field;

	private final transient Object[] args;

	public BusinessRuleException(String messageKey, Object... args) {
		this(null, messageKey, args);
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
