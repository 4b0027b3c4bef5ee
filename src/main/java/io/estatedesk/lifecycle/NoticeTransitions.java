package io.estatedesk.lifecycle;

import static io.estatedesk.lifecycle.NoticeAction.*;
import static io.estatedesk.lifecycle.NoticeState.*;

import java.util.Optional;
import java.util.Set;

import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.TransitionTable;

/** The rectification notice's one transition table: re-inspected until it passes. */
final class NoticeTransitions {

	private static final TransitionTable<NoticeState, NoticeAction> TABLE = TransitionTable
		.builder(NoticeState.class, NoticeAction.class, NoticeAction::refusal)
		.leads(PASS, OPEN, PASSED)
		.leads(PASS, FAILED, PASSED)
		.leads(FAIL, OPEN, FAILED)
		.stays(FAIL, FAILED)
		.build();

	private NoticeTransitions() {
	}

	static Optional<NoticeState> next(NoticeState from, NoticeAction action) {
		return TABLE.next(from, action);
	}

	static boolean allows(NoticeState from, NoticeAction action) {
		return TABLE.allows(from, action);
	}

	/** Where the action leads; refused with the action's message when the state does not allow it. */
	static NoticeState require(NoticeState from, NoticeAction action) {
		return TABLE.next(from, action).orElseThrow(() -> new BusinessRuleException("state", action.refusal()));
	}

	static Set<NoticeAction> allowed(NoticeState state) {
		return TABLE.allowed(state);
	}

}
