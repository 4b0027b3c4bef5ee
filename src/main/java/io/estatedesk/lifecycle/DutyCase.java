package io.estatedesk.lifecycle;

import java.util.Set;

import io.estatedesk.shared.HistorySteps;

/**
 * A duty item as loaded for a change: it performs actions by {@link DutyTransitions}, refusing what the table forbids,
 * and collects the steps its history records once the change is saved.
 */
final class DutyCase {

	final long id;

	final long version;

	private DutyBoard.Status status;

	private final HistorySteps steps = new HistorySteps();

	DutyCase(long id, DutyBoard.Status status, long version) {
		this.id = id;
		this.status = status;
		this.version = version;
	}

	DutyBoard.Status status() {
		return status;
	}

	void check(DutyAction action) {
		DutyTransitions.require(status, action);
	}

	/** Takes the action's transition (refused when the table forbids it); a change of status becomes a history step. */
	DutyBoard.Status perform(DutyAction action) {
		DutyBoard.Status from = status;
		status = steps.move(from, DutyTransitions.require(status, action), null);
		return from;
	}

	/** Moves to the status chosen on the form by the move that leads there; refused when none does. */
	void moveTo(DutyBoard.Status to) {
		if (to == status) {
			return;
		}
		perform(DutyTransitions.moveTo(status, to).orElseThrow(
				() -> new io.estatedesk.shared.BusinessRuleException("status", "duty.transition.status." + to.name())));
	}

	Set<DutyAction> allowedActions() {
		return DutyTransitions.allowed(status);
	}

	HistorySteps steps() {
		return steps;
	}

}
