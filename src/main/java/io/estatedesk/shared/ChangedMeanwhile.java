package io.estatedesk.shared;

import java.util.List;

/**
 * Someone else saved the case since the user loaded it (optimistic locking); carries the history entries of what
 * they changed, so pages can show them and the API answers 409 with them.
 */
public class ChangedMeanwhile extends RuntimeException {

	private final transient List<?> changes;

	public ChangedMeanwhile(List<?> changes) {
		super("changed meanwhile");
		this.changes = changes;
	}

	public List<?> changes() {
		return changes;
	}

	/** The version an API client based its change on, from {@code If-Match} (as sent in {@code ETag}). */
	public static long ifMatch(String header) {
		if (header == null || header.isBlank()) {
			throw new BusinessRuleException("ifMatch", "api.ifMatchRequired");
		}
		try {
			return Long.parseLong(header.replace("W/", "").replace("\"", "").strip());
		}
		catch (NumberFormatException e) {
			throw new BusinessRuleException("ifMatch", "api.ifMatchRequired");
		}
	}

}
