package io.estatedesk.lifecycle;

import java.util.Set;

import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.HistoryStep;
import io.estatedesk.shared.HistorySteps;

/**
 * A rectification notice as loaded for its re-inspection: it performs the action by {@link NoticeTransitions},
 * refusing what the table forbids, and collects the steps its history records once the change is saved.
 */
final class NoticeCase {

	final long id;

	final long version;

	private NoticeState state;

	private final HistorySteps steps = new HistorySteps();

	NoticeCase(long id, NoticeState state, long version) {
		this.id = id;
		this.state = state;
		this.version = version;
	}

	NoticeState state() {
		return state;
	}

	void check(NoticeAction action) {
		NoticeTransitions.require(state, action);
	}

	/** Re-inspects: takes the action's transition and records it with the result as the step's note. */
	NoticeState perform(NoticeAction action, String result) {
		NoticeState from = state;
		state = NoticeTransitions.require(state, action);
		steps.add(new HistoryStep(HistoryKind.REINSPECTED, "state", from.name(), state.name(), result));
		return from;
	}

	Set<NoticeAction> allowedActions() {
		return NoticeTransitions.allowed(state);
	}

	HistorySteps steps() {
		return steps;
	}

}
