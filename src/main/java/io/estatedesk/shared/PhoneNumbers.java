package io.estatedesk.shared;

import java.util.regex.Pattern;

/**
 * What the department accepts as a telephone number of an owner, caller, visitor or contact: a mainland mobile number
 * (11 digits, optionally +86), a landline with its area code and an optional extension (0571-88886666,
 * 057188886666-801, 0571-88886666 + 转 + 801), or a 400/800 service number. Spaces are ignored; anything else — 12345,
 * abc123 — is refused with {@code input.phone}.
 */
public final class PhoneNumbers {

	/** The message key of a refused number. */
	public static final String INVALID = "input.phone";

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}((-|\\u8f6c|#)\\d{1,6})?");

	private static final Pattern SERVICE = Pattern.compile("[48]00-?\\d{3}-?\\d{4}");

	private PhoneNumbers() {
	}

	/** The number as stored: stripped, spaces and a leading +86 removed; null for blank. */
	public static String normalize(String phone) {
		if (phone == null) {
			return null;
		}
		String p = phone.strip().replace(" ", "").replace("\u3000", "");
		if (p.startsWith("+86")) {
			p = p.substring(3);
			if (p.startsWith("-")) {
				p = p.substring(1);
			}
		}
		return p.isEmpty() ? null : p;
	}

	/** True when {@code phone} is blank (left to a required check) or a number of one of the accepted kinds. */
	public static boolean valid(String phone) {
		String p = normalize(phone);
		return p == null || MOBILE.matcher(p).matches() || LANDLINE.matcher(p).matches()
				|| SERVICE.matcher(p).matches();
	}

	/** {@link #INVALID} for a number that is not {@link #valid}, null otherwise. */
	public static String check(String phone) {
		return valid(phone) ? null : INVALID;
	}

}
