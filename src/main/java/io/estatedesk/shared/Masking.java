package io.estatedesk.shared;

/**
 * Hides the middle of confidential numbers (工作制度 4–5): phones keep the first three and last four digits,
 * ID numbers the first and last four characters.
 */
public final class Masking {

	private Masking() {
	}

	public static String phone(String phone) {
		if (phone == null || phone.isBlank()) {
			return phone;
		}
		String p = phone.strip();
		if (p.length() <= 4) {
			return "*".repeat(p.length());
		}
		if (p.length() < 8) {
			return "*".repeat(p.length() - 4) + p.substring(p.length() - 4);
		}
		return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
	}

	/** True for a number as {@link #phone} shows it (digits with a run of asterisks), e.g. sent back by a form. */
	public static boolean looksMasked(String value) {
		return value != null && value.strip().matches("\\d*\\*+\\d*") && value.indexOf('*') >= 0;
	}

	public static String idNumber(String id) {
		if (id == null || id.isBlank()) {
			return id;
		}
		String v = id.strip();
		if (v.length() <= 8) {
			return "*".repeat(v.length());
		}
		return v.substring(0, 4) + "*".repeat(v.length() - 8) + v.substring(v.length() - 4);
	}

}
