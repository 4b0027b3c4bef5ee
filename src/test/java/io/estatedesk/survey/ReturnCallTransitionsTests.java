package io.estatedesk.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.HistoryStep;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The return call's transition table, every (state, action) pair: a row per action, a column per state; {@code =}
 * allowed and stays, {@code -} refused, otherwise the state it leads to.
 */
class ReturnCallTransitionsTests {

	private static final String[] STATES = { "OPEN", "DONE", "UNREACHABLE", "CLOSED" };

	private static final Map<ReturnCallAction, String[]> EXPECTED = Map.of(
			ReturnCallAction.NOT_REACHED, new String[] { "=", "-", "-", "-" },
			ReturnCallAction.LAST_NOT_REACHED, new String[] { "UNREACHABLE", "-", "-", "-" },
			ReturnCallAction.REACHED, new String[] { "DONE", "-", "-", "-" },
			ReturnCallAction.CLOSE_ON_CASE, new String[] { "CLOSED", "-", "-", "-" });

	@Test
	void theExpectedTableHasARowForEveryActionAndAColumnForEveryState() {
		assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(ReturnCallAction.values());
		assertThat(List.of(ReturnCallState.values()).stream().map(Enum::name)).containsExactly(STATES);
	}

	@TestFactory
	List<DynamicTest> everyPairIsAllowedOrRefusedAsTheTableSays() {
		List<DynamicTest> tests = new ArrayList<>();
		for (ReturnCallAction action : ReturnCallAction.values()) {
			for (int i = 0; i < STATES.length; i++) {
				ReturnCallState from = ReturnCallState.valueOf(STATES[i]);
				String cell = EXPECTED.get(action)[i];
				tests.add(DynamicTest.dynamicTest(from + " × " + action + " → " + cell, () -> {
					ReturnCall call = call(from, 0);
					if (cell.equals("-")) {
						assertThat(ReturnCallTransitions.allows(from, action)).isFalse();
						assertThat(call.allowedActions()).doesNotContain(action);
						assertThatThrownBy(() -> call.perform(action)).isInstanceOf(BusinessRuleException.class)
							.hasMessage(action.refusal());
						assertThat(call.state).as("a refused action changes nothing").isEqualTo(from);
						assertThat(call.steps.isEmpty()).isTrue();
					}
					else {
						ReturnCallState to = cell.equals("=") ? from : ReturnCallState.valueOf(cell);
						assertThat(ReturnCallTransitions.allows(from, action)).isTrue();
						assertThat(call.allowedActions()).contains(action);
						assertThat(call.perform(action)).isEqualTo(to);
						assertThat(call.state).isEqualTo(to);
						assertThat(call.steps.list()).as("a change of state is in the history")
							.isEqualTo(to == from ? List.of() : List.of(HistoryStep.state(from, to, null)));
					}
				}));
			}
		}
		return tests;
	}

	@Test
	void theLastUnansweredAttemptEndsTheCallAsNotReached() {
		ReturnCall call = call(ReturnCallState.OPEN, ReturnCalls.MAX_ATTEMPTS - 2);
		call.notReached("", "office");
		assertThat(call.state).isEqualTo(ReturnCallState.OPEN);
		assertThat(call.nextAttemptAt).isNotNull();
		call.notReached("无人接听", "office");
		assertThat(call.state).isEqualTo(ReturnCallState.UNREACHABLE);
		assertThat(call.nextAttemptAt).isNull();
		assertThat(call.doneBy).isEqualTo("office");
		assertThat(call.steps.list()).extracting(HistoryStep::kind)
			.containsExactly(HistoryKind.CALL_ATTEMPT, HistoryKind.CALL_ATTEMPT, HistoryKind.STATE);
	}

	@Test
	void aReachedCallKeepsTheAnswerAndRecordsItInTheHistory() {
		ReturnCall call = call(ReturnCallState.OPEN, 1);
		call.reached(false, "仍有异味", "office");
		assertThat(call.state).isEqualTo(ReturnCallState.DONE);
		assertThat(call.attempts).isEqualTo(2);
		assertThat(call.satisfied).isFalse();
		assertThat(call.comment).isEqualTo("仍有异味");
		assertThat(call.steps.list()).containsExactly(
				new HistoryStep(HistoryKind.CALL_ATTEMPT, "reached", null, "true", "仍有异味"),
				HistoryStep.state(ReturnCallState.OPEN, ReturnCallState.DONE, null),
				HistoryStep.field("satisfied", null, "false"));
	}

	@Test
	void aFinishedCallIsNotCalledAgain() {
		ReturnCall call = call(ReturnCallState.CLOSED, 0);
		assertThatThrownBy(() -> call.reached(true, "满意", "office")).isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(() -> call.notReached("", "office")).isInstanceOf(BusinessRuleException.class);
		assertThat(call.attempts).isZero();
		assertThat(call.steps.isEmpty()).isTrue();
	}

	private static ReturnCall call(ReturnCallState state, int attempts) {
		return new ReturnCall(1, ReturnCalls.Kind.COMPLAINT, 2, state, attempts, null, null, null,
				state == ReturnCallState.OPEN ? null : Instant.parse("2026-11-20T02:00:00Z"), null, 3);
	}

}
