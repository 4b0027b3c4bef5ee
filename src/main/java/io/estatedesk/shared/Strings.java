package io.estatedesk.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The few text helpers every module needs, once. */
public final class Strings {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private Strings() {
	}

	/** The text without surrounding white space; null stays null. */
	public static String stripped(String s) {
		return s == null ? null : s.strip();
	}

	/** The text, or "" for null. */
	public static String orEmpty(String s) {
		return s == null ? "" : s;
	}

	/** The stripped text, or null when it is null or blank. */
	public static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** The first {@code max} characters of the text and "…" when it is longer; null stays null. */
	public static String abbreviate(String s, int max) {
		if (s == null || s.length() <= max) {
			return s;
		}
		return s.substring(0, max) + "…";
	}

	/** The first {@code max} characters of the text, cut without a mark (to fit a column); null stays null. */
	public static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	/** An instant as yyyy-MM-dd HH:mm in the business zone; "" for null. */
	public static String minute(Instant at) {
		return at == null ? "" : MINUTE.format(at.atZone(BusinessClock.ZONE));
	}

	/** A local time as yyyy-MM-dd HH:mm; "" for null. */
	public static String minute(LocalDateTime at) {
		return at == null ? "" : MINUTE.format(at);
	}

}
