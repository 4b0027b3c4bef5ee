package io.estatedesk.shared;

/**
 * One step of a case's history before it is written: its kind and, for a change, the field with its old and new
 * value; a note for what the step says in words. The version and the actor are added by {@link CaseHistory#write}.
 */
public record HistoryStep(HistoryKind kind, String field, String oldValue, String newValue, String note) {

	public HistoryStep {
		if (kind == null) {
			throw new IllegalArgumentException("a history step needs a kind");
		}
	}

	/** A step of that kind with no field and no note. */
	public static HistoryStep of(HistoryKind kind) {
		return new HistoryStep(kind, null, null, null, null);
	}

	/** A step of that kind with a note. */
	public static HistoryStep note(HistoryKind kind, String note) {
		return new HistoryStep(kind, null, null, null, note);
	}

	/** A change of state; the note (may be null) says why. */
	public static HistoryStep state(Enum<?> from, Enum<?> to, String note) {
		return new HistoryStep(HistoryKind.STATE, "state", from == null ? null : from.name(), to.name(), note);
	}

	/** A change of a field, values as shown. */
	public static HistoryStep field(String field, String oldValue, String newValue) {
		return new HistoryStep(HistoryKind.FIELD, field, oldValue, newValue, null);
	}

}
