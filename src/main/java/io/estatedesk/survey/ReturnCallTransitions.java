package io.estatedesk.survey;

import static io.estatedesk.survey.ReturnCallAction.*;
import static io.estatedesk.survey.ReturnCallState.*;

import java.util.Set;

import io.estatedesk.shared.TransitionTable;

/** The return call's one transition table: only an open task is called; every result ends it. */
final class ReturnCallTransitions {

	private static final TransitionTable<ReturnCallState, ReturnCallAction> TABLE = TransitionTable
		.builder(ReturnCallState.class, ReturnCallAction.class, ReturnCallAction::refusal)
		.stays(NOT_REACHED, OPEN)
		.leads(LAST_NOT_REACHED, OPEN, UNREACHABLE)
		.leads(REACHED, OPEN, DONE)
		.leads(CLOSE_ON_CASE, OPEN, CLOSED)
		.build();

	private ReturnCallTransitions() {
	}

	static boolean allows(ReturnCallState from, ReturnCallAction action) {
		return TABLE.allows(from, action);
	}

	/** Where the action leads from the state; refused with the action's message when the state does not allow it. */
	static ReturnCallState require(ReturnCallState from, ReturnCallAction action) {
		return TABLE.require(from, action);
	}

	/** Every action the state allows. */
	static Set<ReturnCallAction> allowed(ReturnCallState state) {
		return TABLE.allowed(state);
	}

}
