package io.estatedesk.community;

import java.util.Set;

import io.estatedesk.shared.HistorySteps;

/**
 * An activity as loaded for a change (its row locked): it performs actions by {@link ActivityTransitions}, refusing
 * what the table forbids, and collects the steps its history is to record once the change is saved.
 */
final class ActivityCase {

	final long id;

	final long version;

	private Activities.State state;

	private final HistorySteps steps = new HistorySteps();

	ActivityCase(long id, Activities.State state, long version) {
		this.id = id;
		this.state = state;
		this.version = version;
	}

	Activities.State state() {
		return state;
	}

	/** Refuses, with the action's message, an action the table does not allow in the current state. */
	void check(ActivityAction action) {
		ActivityTransitions.require(state, action);
	}

	/** Takes the action's transition (refused as by {@link #check}); a change of state becomes a history step. */
	Activities.State perform(ActivityAction action, String note) {
		Activities.State from = state;
		state = steps.move(from, ActivityTransitions.require(state, action), note);
		return from;
	}

	Set<ActivityAction> allowedActions() {
		return ActivityTransitions.allowed(state);
	}

	HistorySteps steps() {
		return steps;
	}

}
