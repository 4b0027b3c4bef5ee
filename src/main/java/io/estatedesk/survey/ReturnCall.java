package io.estatedesk.survey;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.HistoryStep;
import io.estatedesk.shared.HistorySteps;

/**
 * One return call (回访) task as it is called: it performs each result through {@link ReturnCallTransitions},
 * refusing what its state does not allow, and collects the steps for its history (处理经过), written after the save.
 */
final class ReturnCall {

	final long id;

	final ReturnCalls.Kind kind;

	final long caseId;

	ReturnCallState state;

	int attempts;

	Instant nextAttemptAt;

	Boolean satisfied;

	String comment;

	Instant doneAt;

	String doneBy;

	/** The version it was loaded with; the save checks it and counts it up. */
	long version;

	final HistorySteps steps = new HistorySteps();

	ReturnCall(long id, ReturnCalls.Kind kind, long caseId, ReturnCallState state, int attempts, Instant nextAttemptAt,
			Boolean satisfied, String comment, Instant doneAt, String doneBy, long version) {
		this.id = id;
		this.kind = kind;
		this.caseId = caseId;
		this.state = state;
		this.attempts = attempts;
		this.nextAttemptAt = nextAttemptAt;
		this.satisfied = satisfied;
		this.comment = comment;
		this.doneAt = doneAt;
		this.doneBy = doneBy;
		this.version = version;
	}

	/** Moves on as the table says, or refuses with the action's message; a change of state goes to the history. */
	ReturnCallState perform(ReturnCallAction action) {
		state = steps.move(state, ReturnCallTransitions.require(state, action), null);
		return state;
	}

	Set<ReturnCallAction> allowedActions() {
		return ReturnCallTransitions.allowed(state);
	}

	/** An attempt that did not reach the owner: tried again the next day, until the last attempt ends the task. */
	void notReached(String note, String actor) {
		boolean last = attempts + 1 >= ReturnCalls.MAX_ATTEMPTS;
		ReturnCallAction action = last ? ReturnCallAction.LAST_NOT_REACHED : ReturnCallAction.NOT_REACHED;
		ReturnCallTransitions.require(state, action);
		steps.add(attempt(false, note));
		perform(action);
		attempts++;
		nextAttemptAt = last ? null : BusinessClock.now().plus(Duration.ofDays(1));
		if (last) {
			doneAt = BusinessClock.now();
			doneBy = actor;
		}
	}

	/** The owner was reached and answered: the task ends with the answer. */
	void reached(boolean satisfied, String note, String actor) {
		ReturnCallTransitions.require(state, ReturnCallAction.REACHED);
		steps.add(attempt(true, note));
		perform(ReturnCallAction.REACHED);
		answer(satisfied, actor);
		attempts++;
		comment = note;
	}

	/** The return call was made on the case's own page: the task ends with the owner's answer there. */
	void closedOnCase(boolean satisfied, String actor) {
		perform(ReturnCallAction.CLOSE_ON_CASE);
		answer(satisfied, actor);
	}

	/** The call itself, before what it changed: reached or not, and what was said. */
	private static HistoryStep attempt(boolean reached, String note) {
		return new HistoryStep(HistoryKind.CALL_ATTEMPT, "reached", null, String.valueOf(reached),
				note == null || note.isEmpty() ? null : note);
	}

	private void answer(boolean satisfied, String actor) {
		steps.field("satisfied", this.satisfied, satisfied);
		this.satisfied = satisfied;
		doneAt = BusinessClock.now();
		doneBy = actor;
	}

}
