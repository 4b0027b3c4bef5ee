package io.estatedesk.repair;

import static io.estatedesk.repair.WorkOrderAction.*;
import static io.estatedesk.repair.WorkOrderState.*;

import java.util.Optional;
import java.util.Set;

import io.estatedesk.shared.TransitionTable;

/**
 * The work order's one transition table (维修流程): for each state, the actions it allows and the state each one
 * leads to. A pair not in the table is refused. {@link WorkOrderAction#RESUME} leads back to the state the work order
 * was paused from, which the table records as {@link WorkOrderState#PAUSED} and the entity resolves.
 */
final class WorkOrderTransitions {

	private static final TransitionTable<WorkOrderState, WorkOrderAction> TABLE;

	private static final WorkOrderState[] OPEN = { PENDING_DISPATCH, DISPATCHED, IN_PROGRESS, REWORK,
			PENDING_ACCEPTANCE, PAUSED };

	/** The contractor is (or may start) working on it. */
	private static final WorkOrderState[] WORKABLE = { DISPATCHED, IN_PROGRESS, REWORK };

	static {
		TransitionTable.Builder<WorkOrderState, WorkOrderAction> t =
			TransitionTable.builder(WorkOrderState.class, WorkOrderAction.class, WorkOrderAction::refusal);
		t.leads(DISPATCH, PENDING_DISPATCH, DISPATCHED);
		// another unit while the first has not started
		t.leads(DISPATCH, DISPATCHED, DISPATCHED);
		t.leads(START, DISPATCHED, IN_PROGRESS);
		for (WorkOrderState s : WORKABLE) {
			t.leads(FINISH, s, PENDING_ACCEPTANCE);
		}
		t.leads(ACCEPT, PENDING_ACCEPTANCE, COMPLETED);
		t.leads(REJECT, PENDING_ACCEPTANCE, REWORK);
		// awaiting the owner's acceptance the clock has already stopped: nothing is left to pause
		for (WorkOrderState s : new WorkOrderState[] { PENDING_DISPATCH, DISPATCHED, IN_PROGRESS, REWORK }) {
			t.leads(PAUSE, s, PAUSED);
		}
		t.leads(RESUME, PAUSED, PAUSED);
		for (WorkOrderState s : OPEN) {
			t.leads(CANCEL, s, CANCELLED);
		}
		t.leads(RETURN_CALL, COMPLETED, COMPLETED);
		t.leads(REOPEN, COMPLETED, REWORK);
		t.leads(REOPEN_UNDISPATCHED, COMPLETED, PENDING_DISPATCH);
		t.stays(PROGRESS, OPEN);
		t.stays(APPOINT, OPEN);
		t.stays(ATTACH_PHOTO, OPEN);
		TABLE = t.build();
	}

	private WorkOrderTransitions() {
	}

	/** Where the action leads from the state; empty when the state does not allow it. */
	static Optional<WorkOrderState> next(WorkOrderState from, WorkOrderAction action) {
		return TABLE.next(from, action);
	}

	static boolean allows(WorkOrderState from, WorkOrderAction action) {
		return TABLE.allows(from, action);
	}

	/** Where the action leads from the state; refused with the action's message when the state does not allow it. */
	static WorkOrderState require(WorkOrderState from, WorkOrderAction action) {
		return TABLE.require(from, action);
	}

	/** Every action the state allows, whoever asks. */
	static Set<WorkOrderAction> allowed(WorkOrderState state) {
		return TABLE.allowed(state);
	}

}
