package io.estatedesk.estate;

import java.util.List;
import java.util.regex.Pattern;

import io.estatedesk.shared.PhoneNumbers;

/**
 * The checks every way into the archive applies alike (form, API, import); each returns a message key or null.
 */
final class OwnerRules {

	static final List<String> GENDERS = List.of("男", "女");

	static final String ID_CARD = "居民身份证";

	static final List<String> ID_TYPES = List.of(ID_CARD, "护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证",
			"外国人永久居留身份证", "统一社会信用代码", "其他");

	private static final Pattern ID_CARD_FORMAT = Pattern.compile("\\d{17}[\\dX]");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private OwnerRules() {
	}

	static String normalizePhone(String phone) {
		if (phone == null) {
			return null;
		}
		return PhoneNumbers.normalize(phone);
	}

	static String checkPhone(String phone) {
		return PhoneNumbers.valid(phone) ? null : "owner.phone.invalid";
	}

	static String checkGender(String gender) {
		return gender == null || gender.isEmpty() || GENDERS.contains(gender) ? null : "owner.gender.invalid";
	}

	static String checkIdType(String type) {
		return type == null || type.isEmpty() || ID_TYPES.contains(type) ? null : "owner.idType.invalid";
	}

	static String normalizeId(String id) {
		return id == null || id.isBlank() ? null : id.strip().toUpperCase();
	}

	/** Mainland ID cards are checked by format and check digit (GB 11643); other documents by length. */
	static String checkIdNumber(String type, String id) {
		if (id == null || id.isEmpty()) {
			return null;
		}
		if (type == null || type.isEmpty()) {
			return "owner.idType.required";
		}
		if (ID_CARD.equals(type)) {
			if (!ID_CARD_FORMAT.matcher(id).matches()) {
				return "owner.idNumber.format";
			}
			int sum = 0;
			for (int i = 0; i < 17; i++) {
				sum += (id.charAt(i) - '0') * WEIGHTS[i];
			}
			return CHECK[sum % 11] == id.charAt(17) ? null : "owner.idNumber.checksum";
		}
		return id.length() > 40 ? "owner.idNumber.tooLong" : null;
	}

	/** Adds the check digit to a 17-digit body; for generating valid demo and benchmark data. */
	static String withCheckDigit(String body17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body17.charAt(i) - '0') * WEIGHTS[i];
		}
		return body17 + CHECK[sum % 11];
	}

	static String normalizeTags(String tags) {
		if (tags == null) {
			return "";
		}
		return String.join(",", java.util.Arrays.stream(tags.split("[,，、;；\\s]+")).map(String::strip)
			.filter(t -> !t.isEmpty()).distinct().toList());
	}

}
