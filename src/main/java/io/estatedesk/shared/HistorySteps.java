package io.estatedesk.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps a case has taken since it was loaded, collected by the entity as it performs them ({@code @Transient}
 * on JPA entities) and written by {@link CaseHistory#write(long, long, String, HistorySteps)} after the save, with
 * the version the save produced. Writing empties it.
 */
public final class HistorySteps {

	private final List<HistoryStep> steps = new ArrayList<>();

	public HistorySteps add(HistoryStep step) {
		steps.add(step);
		return this;
	}

	public HistorySteps state(Enum<?> from, Enum<?> to, String note) {
		return add(HistoryStep.state(from, to, note));
	}

	/**
	 * A case moves from one state to the next its transition table gave: records the change of state (none when the
	 * action stays) and returns the state it is in now — {@code state = steps.move(state, table.require(state, a), note)}.
	 */
	public <S extends Enum<S>> S move(S from, S to, String note) {
		if (from != to) {
			state(from, to, note);
		}
		return to;
	}

	/**
	 * Records a field change if the value changed (values as shown, kept as given; null, blank and surrounding white
	 * space do not count as a change).
	 */
	public HistorySteps field(String field, String oldValue, String newValue) {
		if (!java.util.Objects.equals(Strings.blankToNull(oldValue), Strings.blankToNull(newValue))) {
			add(HistoryStep.field(field, oldValue, newValue));
		}
		return this;
	}

	/** {@link #field(String, String, String)} for a value that is not text (a date, a number): its text. */
	public HistorySteps field(String field, Object oldValue, Object newValue) {
		return field(field, oldValue == null ? null : String.valueOf(oldValue), newValue == null ? null : String.valueOf(newValue));
	}

	public boolean isEmpty() {
		return steps.isEmpty();
	}

	public List<HistoryStep> list() {
		return List.copyOf(steps);
	}

	/** The steps so far, leaving none behind. */
	public List<HistoryStep> drain() {
		List<HistoryStep> taken = List.copyOf(steps);
		steps.clear();
		return taken;
	}

}
