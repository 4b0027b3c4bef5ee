package io.estatedesk.shared;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The one source of every word a user reads ({@code messages*.properties}). Texts that are stored once rendered —
 * notification titles and bodies, printed forms — are rendered in the department's language,
 * {@link #DEPARTMENT} (Chinese), at the point of creation: a deadline job has no request whose locale it could use.
 * The application's {@link MessageSource} bean is this same instance.
 */
public final class Texts {

	/** The language stored texts and printed forms are written in. */
	public static final Locale DEPARTMENT = Locale.SIMPLIFIED_CHINESE;

	private static final ResourceBundleMessageSource SOURCE = create();

	private Texts() {
	}

	private static ResourceBundleMessageSource create() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setDefaultLocale(DEPARTMENT);
		return source;
	}

	static MessageSource source() {
		return SOURCE;
	}

	/** The text of {@code key} in the department's language, {@code {0}}… replaced by {@code args}. */
	public static String zh(String key, Object... args) {
		return SOURCE.getMessage(key, args, DEPARTMENT);
	}

	/** The text of {@code key} in {@code locale}. */
	public static String of(Locale locale, String key, Object... args) {
		return SOURCE.getMessage(key, args, locale == null ? DEPARTMENT : locale);
	}

}
