package io.estatedesk.community;

import java.math.BigDecimal;
import java.util.Map;

import io.estatedesk.shared.Strings;

/** Amounts and counts as staff type them on the community pages, checked once for activities, plans and care. */
final class CommunityInput {

	private CommunityInput() {
	}

	/** An amount in yuan as typed (empty is none), at most two decimals. */
	static BigDecimal amount(String s, String field, Map<String, String> errors) {
		if (Strings.blankToNull(s) == null) {
			return null;
		}
		try {
			BigDecimal b = new BigDecimal(s.strip().replace(",", "").replace("，", "").replace("元", "").replace("¥", ""));
			if (b.signum() < 0 || b.scale() > 2 || b.compareTo(new BigDecimal("9999999999")) > 0) {
				errors.put(field, "community.amount.invalid");
				return null;
			}
			return b;
		}
		catch (NumberFormatException e) {
			errors.put(field, "community.amount.invalid");
			return null;
		}
	}

	/** A whole number above zero (at most 100000), or null. */
	static Integer positive(String s) {
		try {
			int n = Integer.parseInt(s.strip());
			return n > 0 && n <= 100000 ? n : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

}
