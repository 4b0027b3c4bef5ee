package io.estatedesk.shared;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * An import file refused because it exceeds one of the {@link ImportLimits} or cannot be read: a rule of the field
 * {@code file}, answered 422 by the API and shown next to the file field on pages.
 */
public class ImportRefused extends BusinessRuleException {

	public ImportRefused(String messageKey, Object... args) {
		super("file", messageKey, args);
	}

	/** The reason in the given language, e.g. to record it with a job that ran in the background. */
	public String describe(MessageSource messages, Locale locale) {
		return messages.getMessage(getMessage(), args(), getMessage(), locale);
	}

}
