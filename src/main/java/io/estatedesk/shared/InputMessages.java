package io.estatedesk.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Says in the user's language what is wrong with one value that could not be read — never the Java type it was to
 * become: an unknown choice lists the choices with their Chinese names (the labels the pages show), a number, a date
 * or a yes/no says the form expected.
 */
@Component
class InputMessages {

	private final MessageSource messages;

	/** enum type → the message-key prefix of its labels ("" when it has none). */
	private final Map<Class<?>, String> labelPrefixes = new ConcurrentHashMap<>();

	InputMessages(MessageSource messages) {
		this.messages = messages;
	}

	String msg(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	String msgOf(org.springframework.context.MessageSourceResolvable error, Locale locale) {
		return messages.getMessage(error, locale);
	}

	/** What is wrong with a value that failed to convert, without the field's name. */
	String forValue(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof InputRefused r) {
				return msg(r.key(), r.args());
			}
		}
		Class<?> type = targetType(failure);
		if (type == null) {
			return msg("input.format");
		}
		if (type.isEnum()) {
			return msg("input.enum", choices(type));
		}
		if (type == Long.class || type == long.class || type == Integer.class || type == int.class || type == Short.class
				|| type == short.class || type == BigInteger.class) {
			return msg("input.wholeNumber");
		}
		if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
				|| type == float.class) {
			return msg("input.number");
		}
		if (type == LocalDate.class) {
			return msg("input.date.format");
		}
		if (type == LocalDateTime.class || type == Instant.class || type == OffsetDateTime.class) {
			return msg("input.dateTime.format");
		}
		if (type == LocalTime.class) {
			return msg("input.time.format");
		}
		if (type == Boolean.class || type == boolean.class) {
			return msg("input.boolean");
		}
		return msg("input.format");
	}

	/** "“field”：what is wrong", for answers that are not shown next to the field. */
	String forField(String field, String message) {
		return msg("input.field", field, message);
	}

	private static Class<?> targetType(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof TypeMismatchException m && m.getRequiredType() != null) {
				Class<?> type = m.getRequiredType();
				if (type.isArray()) {
					type = type.getComponentType();
				}
				// a collection of enum values (e.g. state=A&state=B) says its element type only in the message
				return type;
			}
			if (t instanceof InvalidFormatException f && f.getTargetType() != null) {
				return f.getTargetType();
			}
			if (t instanceof MismatchedInputException f && f.getTargetType() != null) {
				return f.getTargetType();
			}
		}
		return null;
	}

	/** The JSON property path of a reading failure ("intake.complaintDate", "items[2].name"), or null. */
	static String jsonPath(JacksonException e) {
		if (e.getPath() == null || e.getPath().isEmpty()) {
			return null;
		}
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference r : e.getPath()) {
			if (r.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(r.getPropertyName());
			}
			else if (r.getIndex() >= 0) {
				path.append('[').append(r.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

	/** The enum's values with their labels, e.g. "RECEIVED（受理）、IN_PROGRESS（处理中）". */
	String choices(Class<?> type) {
		Object[] constants = type.getEnumConstants();
		String prefix = labelPrefixes.computeIfAbsent(type, InputMessages::labelPrefix);
		Locale locale = LocaleContextHolder.getLocale();
		return Arrays.stream(constants).map(c -> {
			String name = ((Enum<?>) c).name();
			String label = prefix.isEmpty() ? null : messages.getMessage(prefix + "." + name, null, null, locale);
			return label == null ? name : msg("input.choice", name, label);
		}).collect(Collectors.joining(msg("input.choice.separator")));
	}

	/**
	 * The prefix under which the pages keep the enum's labels ({@code complaint.state} for ComplaintState): of the
	 * prefixes that have a label for every value, the one whose words best match the enum's (and its enclosing
	 * type's) name.
	 */
	static String labelPrefix(Class<?> type) {
		Object[] constants = type.getEnumConstants();
		if (constants == null || constants.length == 0) {
			return "";
		}
		ResourceBundle bundle;
		try {
			bundle = ResourceBundle.getBundle("messages", Locale.SIMPLIFIED_CHINESE);
		}
		catch (RuntimeException e) {
			return "";
		}
		String first = "." + ((Enum<?>) constants[0]).name();
		String name = ((type.getEnclosingClass() != null ? type.getEnclosingClass().getSimpleName() : "")
				+ type.getSimpleName()).toLowerCase(Locale.ROOT);
		String best = "";
		int bestScore = Integer.MIN_VALUE;
		for (String key : Collections.list((Enumeration<String>) bundle.getKeys())) {
			if (!key.endsWith(first)) {
				continue;
			}
			String prefix = key.substring(0, key.length() - first.length());
			boolean all = Arrays.stream(constants).allMatch(c -> bundle.containsKey(prefix + "." + ((Enum<?>) c).name()));
			if (!all) {
				continue;
			}
			int score = 0;
			for (String word : prefix.toLowerCase(Locale.ROOT).split("\\.")) {
				score += name.contains(word) ? word.length() : -word.length();
			}
			if (score > bestScore) {
				bestScore = score;
				best = prefix;
			}
		}
		return best;
	}

}
