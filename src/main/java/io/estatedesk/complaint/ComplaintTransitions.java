package io.estatedesk.complaint;

import static io.estatedesk.complaint.ComplaintAction.*;
import static io.estatedesk.complaint.ComplaintState.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.estatedesk.shared.BusinessRuleException;

/**
 * The complaint's one transition table (投诉处理流程): for each state, the actions it allows and the state each
 * one leads to. A pair not in the table is refused.
 */
final class ComplaintTransitions {

	private static final Map<ComplaintState, Map<ComplaintAction, ComplaintState>> TABLE = new EnumMap<>(
			ComplaintState.class);

	private static final ComplaintState[] OPEN = { RECEIVED, IN_PROGRESS, PENDING_INSTRUCTION, PENDING_REPLY, REPLIED,
			RETURN_VISITED };

	static {
		for (ComplaintState s : ComplaintState.values()) {
			TABLE.put(s, new EnumMap<>(ComplaintAction.class));
		}
		// the intake is corrected until the handling result is submitted
		stays(EDIT_INTAKE, RECEIVED, IN_PROGRESS);
		// the first analysis, follow-up or work order acknowledges the complaint (受理 → 处理中)
		leads(ANALYSE, RECEIVED, IN_PROGRESS);
		stays(ANALYSE, IN_PROGRESS, PENDING_REPLY);
		leads(FOLLOW_UP, RECEIVED, IN_PROGRESS);
		stays(FOLLOW_UP, IN_PROGRESS, PENDING_INSTRUCTION, PENDING_REPLY, REPLIED, RETURN_VISITED);
		leads(RAISE_WORK_ORDER, RECEIVED, IN_PROGRESS);
		stays(RAISE_WORK_ORDER, IN_PROGRESS, PENDING_INSTRUCTION, PENDING_REPLY, REPLIED, RETURN_VISITED);
		for (ComplaintState s : new ComplaintState[] { RECEIVED, IN_PROGRESS }) {
			leads(SUBMIT, s, PENDING_REPLY);
			leads(SUBMIT_FOR_INSTRUCTION, s, PENDING_INSTRUCTION);
		}
		leads(INSTRUCT, PENDING_INSTRUCTION, PENDING_REPLY);
		leads(SEND_BACK, PENDING_INSTRUCTION, IN_PROGRESS);
		leads(REPLY, PENDING_REPLY, REPLIED);
		leads(RETURN_CALL, REPLIED, RETURN_VISITED);
		leads(REOPEN, REPLIED, IN_PROGRESS);
		leads(CLOSE, RETURN_VISITED, CLOSED);
		stays(TRANSFER, OPEN);
		stays(APPOINT, OPEN);
		stays(ATTACH, OPEN);
		stays(ADD_PARTY, OPEN);
		stays(GROUP, OPEN);
		// once the owner is satisfied only the lesson learned is missing: no time limit is left to pause
		stays(PAUSE, RECEIVED, IN_PROGRESS, PENDING_INSTRUCTION, PENDING_REPLY, REPLIED);
		stays(RESUME, RECEIVED, IN_PROGRESS, PENDING_INSTRUCTION, PENDING_REPLY, REPLIED);
	}

	private static void stays(ComplaintAction action, ComplaintState... states) {
		for (ComplaintState s : states) {
			leads(action, s, s);
		}
	}

	private static void leads(ComplaintAction action, ComplaintState from, ComplaintState to) {
		if (TABLE.get(from).put(action, to) != null) {
			throw new IllegalStateException(from + " × " + action + " decided twice");
		}
	}

	private ComplaintTransitions() {
	}

	/** Where the action leads from the state; empty when the state does not allow it. */
	static Optional<ComplaintState> next(ComplaintState from, ComplaintAction action) {
		return Optional.ofNullable(TABLE.get(from).get(action));
	}

	static boolean allows(ComplaintState from, ComplaintAction action) {
		return TABLE.get(from).containsKey(action);
	}

	/** Where the action leads from the state; refused with the action's message when the state does not allow it. */
	static ComplaintState require(ComplaintState from, ComplaintAction action) {
		return next(from, action).orElseThrow(() -> new BusinessRuleException(action.refusal()));
	}

	/** Every action the state allows, whoever asks. */
	static Set<ComplaintAction> allowed(ComplaintState state) {
		Set<ComplaintAction> allowed = EnumSet.noneOf(ComplaintAction.class);
		allowed.addAll(TABLE.get(state).keySet());
		return Collections.unmodifiableSet(allowed);
	}

}
