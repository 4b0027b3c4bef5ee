package io.estatedesk.community;

import static io.estatedesk.community.ActivityAction.*;
import static io.estatedesk.community.Activities.State.*;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.TransitionTable;

/**
 * The activity's one transition table: planned, open for sign-up, finished or cancelled, and what each state allows.
 * A pair not in the table is refused with the action's message.
 */
final class ActivityTransitions {

	private static final TransitionTable<Activities.State, ActivityAction> TABLE = TransitionTable
		.builder(Activities.State.class, ActivityAction.class, ActivityAction::refusal)
		.stays(EDIT, PLANNED, OPEN)
		.leads(OPEN_SIGNUP, PLANNED, OPEN)
		.leads(BACK_TO_PLANNED, OPEN, PLANNED)
		.leads(FINISH, OPEN, FINISHED)
		.leads(CANCEL, PLANNED, CANCELLED)
		.leads(CANCEL, OPEN, CANCELLED)
		.stays(SIGN_UP, OPEN)
		.stays(CANCEL_SIGNUP, PLANNED, OPEN)
		// attendance is taken on the day, while sign-up is still open, and corrected afterwards
		.stays(MARK_ATTENDANCE, OPEN, FINISHED)
		.stays(RECORD_COST, FINISHED)
		.stays(ADD_PHOTO, PLANNED, OPEN, FINISHED)
		.build();

	/** The actions that change the state, in the order the page shows them. */
	static final List<ActivityAction> MOVES = List.of(OPEN_SIGNUP, FINISH, BACK_TO_PLANNED, CANCEL);

	private ActivityTransitions() {
	}

	static Optional<Activities.State> next(Activities.State from, ActivityAction action) {
		return TABLE.next(from, action);
	}

	static boolean allows(Activities.State from, ActivityAction action) {
		return TABLE.allows(from, action);
	}

	/** Where the action leads; refused next to the action's field with its message when the state does not allow it. */
	static Activities.State require(Activities.State from, ActivityAction action) {
		return TABLE.next(from, action).orElseThrow(() -> new BusinessRuleException(action.field(), action.refusal()));
	}

	static Set<ActivityAction> allowed(Activities.State state) {
		return TABLE.allowed(state);
	}

}
