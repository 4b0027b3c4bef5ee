package io.estatedesk.community;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.shared.ChangedMeanwhile;

/** What the community pages read from a posted form: dates, ids, the version, and which error is shown. */
final class CommunityForms {

	private CommunityForms() {
	}

	static LocalDate date(String s, String field, Map<String, String> errors) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(s.strip());
		}
		catch (DateTimeParseException e) {
			errors.put(field, "community.date.invalid");
			return null;
		}
	}

	static Long id(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(s.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	static long version(Map<String, String> p) {
		Long v = id(p.get("version"));
		if (v == null) {
			throw new ChangedMeanwhile(List.of());
		}
		return v;
	}

	/** Errors of the service, where the page's own parse errors (a date that is no date) take precedence. */
	static Map<String, String> merge(Map<String, String> service, Map<String, String> parse) {
		Map<String, String> all = new LinkedHashMap<>(service);
		all.putAll(parse);
		return all;
	}
}
