package io.estatedesk.handover;

import static io.estatedesk.handover.HandoverAction.*;
import static io.estatedesk.handover.HandoverState.*;

import java.util.Optional;
import java.util.Set;

import io.estatedesk.shared.TransitionTable;

/**
 * The handover unit's one transition table (交房流程): for each state, the actions it allows and the state each one
 * leads to. A pair not in the table is refused.
 */
final class HandoverTransitions {

	private static final TransitionTable<HandoverState, HandoverAction> TABLE = TransitionTable
		.builder(HandoverState.class, HandoverAction.class, HandoverAction::refusal)
		.leads(BOOK, ADDED, BOOKED)
		// another slot for a booked owner; a refusal may be followed by a new appointment
		.stays(BOOK, BOOKED)
		.leads(BOOK, REFUSED, BOOKED)
		.leads(INSPECT, BOOKED, INSPECTED)
		// an inspection is completed or corrected until the home is handed over
		.stays(INSPECT, INSPECTED)
		.leads(ACCEPT, INSPECTED, ACCEPTED)
		.leads(REFUSE, BOOKED, REFUSED)
		.leads(REFUSE, INSPECTED, REFUSED)
		.leads(READD, REFUSED, ADDED)
		.build();

	private HandoverTransitions() {
	}

	/** Where the action leads from the state; empty when the state does not allow it. */
	static Optional<HandoverState> next(HandoverState from, HandoverAction action) {
		return TABLE.next(from, action);
	}

	static boolean allows(HandoverState from, HandoverAction action) {
		return TABLE.allows(from, action);
	}

	/** Where the action leads from the state; refused with the action's message when the state does not allow it. */
	static HandoverState require(HandoverState from, HandoverAction action) {
		return TABLE.require(from, action);
	}

	/** Every action the state allows, whoever asks. */
	static Set<HandoverAction> allowed(HandoverState state) {
		return TABLE.allowed(state);
	}

}
