package io.estatedesk.complaint;

import static io.estatedesk.complaint.ComplaintAction.*;
import static io.estatedesk.complaint.ComplaintState.*;

import java.util.Optional;
import java.util.Set;

import io.estatedesk.shared.TransitionTable;

/**
 * The complaint's one transition table (投诉处理流程): for each state, the actions it allows and the state each
 * one leads to. A pair not in the table is refused.
 */
final class ComplaintTransitions {

	private static final TransitionTable<ComplaintState, ComplaintAction> TABLE;

	private static final ComplaintState[] OPEN = { RECEIVED, IN_PROGRESS, PENDING_INSTRUCTION, PENDING_REPLY, REPLIED,
			RETURN_VISITED };

	static {
		TransitionTable.Builder<ComplaintState, ComplaintAction> t =
			TransitionTable.builder(ComplaintState.class, ComplaintAction.class, ComplaintAction::refusal);
		// the intake is corrected until the handling result is submitted
		t.stays(EDIT_INTAKE, RECEIVED, IN_PROGRESS);
		// the first analysis, follow-up or work order acknowledges the complaint (受理 → 处理中)
		t.leads(ANALYSE, RECEIVED, IN_PROGRESS);
		t.stays(ANALYSE, IN_PROGRESS, PENDING_REPLY);
		t.leads(FOLLOW_UP, RECEIVED, IN_PROGRESS);
		t.stays(FOLLOW_UP, IN_PROGRESS, PENDING_INSTRUCTION, PENDING_REPLY, REPLIED, RETURN_VISITED);
		t.leads(RAISE_WORK_ORDER, RECEIVED, IN_PROGRESS);
		t.stays(RAISE_WORK_ORDER, IN_PROGRESS, PENDING_INSTRUCTION, PENDING_REPLY, REPLIED, RETURN_VISITED);
		for (ComplaintState s : new ComplaintState[] { RECEIVED, IN_PROGRESS }) {
			t.leads(SUBMIT, s, PENDING_REPLY);
			t.leads(SUBMIT_FOR_INSTRUCTION, s, PENDING_INSTRUCTION);
		}
		t.leads(INSTRUCT, PENDING_INSTRUCTION, PENDING_REPLY);
		t.leads(SEND_BACK, PENDING_INSTRUCTION, IN_PROGRESS);
		t.leads(REPLY, PENDING_REPLY, REPLIED);
		t.leads(RETURN_CALL, REPLIED, RETURN_VISITED);
		t.leads(REOPEN, REPLIED, IN_PROGRESS);
		t.leads(CLOSE, RETURN_VISITED, CLOSED);
		t.stays(TRANSFER, OPEN);
		t.stays(APPOINT, OPEN);
		t.stays(ATTACH, OPEN);
		t.stays(ADD_PARTY, OPEN);
		t.stays(GROUP, OPEN);
		// once the owner is satisfied only the lesson learned is missing: no time limit is left to pause
		t.stays(PAUSE, RECEIVED, IN_PROGRESS, PENDING_INSTRUCTION, PENDING_REPLY, REPLIED);
		t.stays(RESUME, RECEIVED, IN_PROGRESS, PENDING_INSTRUCTION, PENDING_REPLY, REPLIED);
		TABLE = t.build();
	}

	private ComplaintTransitions() {
	}

	/** Where the action leads from the state; empty when the state does not allow it. */
	static Optional<ComplaintState> next(ComplaintState from, ComplaintAction action) {
		return TABLE.next(from, action);
	}

	static boolean allows(ComplaintState from, ComplaintAction action) {
		return TABLE.allows(from, action);
	}

	/** Where the action leads from the state; refused with the action's message when the state does not allow it. */
	static ComplaintState require(ComplaintState from, ComplaintAction action) {
		return TABLE.require(from, action);
	}

	/** Every action the state allows, whoever asks. */
	static Set<ComplaintAction> allowed(ComplaintState state) {
		return TABLE.allowed(state);
	}

}
