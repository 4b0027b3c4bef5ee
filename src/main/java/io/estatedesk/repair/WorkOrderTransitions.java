package io.estatedesk.repair;

import static io.estatedesk.repair.WorkOrderAction.*;
import static io.estatedesk.repair.WorkOrderState.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.estatedesk.shared.BusinessRuleException;

/**
 * The work order's one transition table (维修流程): for each state, the actions it allows and the state each one
 * leads to. A pair not in the table is refused. {@link WorkOrderAction#RESUME} leads back to the state the work order
 * was paused from, which the table records as {@link WorkOrderState#PAUSED} and the entity resolves.
 */
final class WorkOrderTransitions {

	private static final Map<WorkOrderState, Map<WorkOrderAction, WorkOrderState>> TABLE = new EnumMap<>(
			WorkOrderState.class);

	private static final WorkOrderState[] OPEN = { PENDING_DISPATCH, DISPATCHED, IN_PROGRESS, REWORK,
			PENDING_ACCEPTANCE, PAUSED };

	/** The contractor is (or may start) working on it. */
	private static final WorkOrderState[] WORKABLE = { DISPATCHED, IN_PROGRESS, REWORK };

	static {
		for (WorkOrderState s : WorkOrderState.values()) {
			TABLE.put(s, new EnumMap<>(WorkOrderAction.class));
		}
		leads(DISPATCH, PENDING_DISPATCH, DISPATCHED);
		// another unit while the first has not started
		leads(DISPATCH, DISPATCHED, DISPATCHED);
		leads(START, DISPATCHED, IN_PROGRESS);
		for (WorkOrderState s : WORKABLE) {
			leads(FINISH, s, PENDING_ACCEPTANCE);
		}
		leads(ACCEPT, PENDING_ACCEPTANCE, COMPLETED);
		leads(REJECT, PENDING_ACCEPTANCE, REWORK);
		// awaiting the owner's acceptance the clock has already stopped: nothing is left to pause
		for (WorkOrderState s : new WorkOrderState[] { PENDING_DISPATCH, DISPATCHED, IN_PROGRESS, REWORK }) {
			leads(PAUSE, s, PAUSED);
		}
		leads(RESUME, PAUSED, PAUSED);
		for (WorkOrderState s : OPEN) {
			leads(CANCEL, s, CANCELLED);
		}
		leads(RETURN_CALL, COMPLETED, COMPLETED);
		leads(REOPEN, COMPLETED, REWORK);
		leads(REOPEN_UNDISPATCHED, COMPLETED, PENDING_DISPATCH);
		stays(PROGRESS, OPEN);
		stays(APPOINT, OPEN);
		stays(ATTACH_PHOTO, OPEN);
	}

	private static void stays(WorkOrderAction action, WorkOrderState... states) {
		for (WorkOrderState s : states) {
			leads(action, s, s);
		}
	}

	private static void leads(WorkOrderAction action, WorkOrderState from, WorkOrderState to) {
		if (TABLE.get(from).put(action, to) != null) {
			throw new IllegalStateException(from + " × " + action + " decided twice");
		}
	}

	private WorkOrderTransitions() {
	}

	/** Where the action leads from the state; empty when the state does not allow it. */
	static Optional<WorkOrderState> next(WorkOrderState from, WorkOrderAction action) {
		return Optional.ofNullable(TABLE.get(from).get(action));
	}

	static boolean allows(WorkOrderState from, WorkOrderAction action) {
		return TABLE.get(from).containsKey(action);
	}

	/** Where the action leads from the state; refused with the action's message when the state does not allow it. */
	static WorkOrderState require(WorkOrderState from, WorkOrderAction action) {
		return next(from, action).orElseThrow(() -> new BusinessRuleException(action.refusal()));
	}

	/** Every action the state allows, whoever asks. */
	static Set<WorkOrderAction> allowed(WorkOrderState state) {
		Set<WorkOrderAction> allowed = EnumSet.noneOf(WorkOrderAction.class);
		allowed.addAll(TABLE.get(state).keySet());
		return Collections.unmodifiableSet(allowed);
	}

}
