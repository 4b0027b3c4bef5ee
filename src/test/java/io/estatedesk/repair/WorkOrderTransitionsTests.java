package io.estatedesk.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.BusinessRuleException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The work order's transition table, pair by pair. The expected table below is written out by hand from the repair
 * process: a column for every state and a row for every action, so a new state or action fails until it is decided
 * here. A cell is {@code =} (allowed, stays), {@code -} (refused), {@code BACK} (back to the state it was paused
 * from) or the state the action leads to.
 */
class WorkOrderTransitionsTests {

	private static final String EXPECTED = """
			action               PENDING_DISPATCH  DISPATCHED          IN_PROGRESS         REWORK              PENDING_ACCEPTANCE  COMPLETED         PAUSED     CANCELLED
			DISPATCH             DISPATCHED        =                   -                   -                   -                   -                 -          -
			START                -                 IN_PROGRESS         -                   -                   -                   -                 -          -
			PROGRESS             =                 =                   =                   =                   =                   -                 =          -
			FINISH               -                 PENDING_ACCEPTANCE  PENDING_ACCEPTANCE  PENDING_ACCEPTANCE  -                   -                 -          -
			ACCEPT               -                 -                   -                   -                   COMPLETED           -                 -          -
			REJECT               -                 -                   -                   -                   REWORK              -                 -          -
			PAUSE                PAUSED            PAUSED              PAUSED              PAUSED              -                   -                 -          -
			RESUME               -                 -                   -                   -                   -                   -                 BACK       -
			CANCEL               CANCELLED         CANCELLED           CANCELLED           CANCELLED           CANCELLED           -                 CANCELLED  -
			RETURN_CALL          -                 -                   -                   -                   -                   =                 -          -
			REOPEN               -                 -                   -                   -                   -                   REWORK            -          -
			REOPEN_UNDISPATCHED  -                 -                   -                   -                   -                   PENDING_DISPATCH  -          -
			APPOINT              =                 =                   =                   =                   =                   -                 =          -
			ATTACH_PHOTO         =                 =                   =                   =                   =                   -                 =          -
			""";

	/** The expected next state per (state, action); "-" for a refused pair. */
	private static final Map<WorkOrderAction, Map<WorkOrderState, String>> CELLS = parse();

	private static Map<WorkOrderAction, Map<WorkOrderState, String>> parse() {
		List<String[]> rows = EXPECTED.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")).toList();
		String[] header = rows.get(0);
		List<String> states = Arrays.asList(header).subList(1, header.length);
		assertThat(states).as("a column for every state, in order")
			.containsExactlyElementsOf(Stream.of(WorkOrderState.values()).map(Enum::name).toList());
		Map<WorkOrderAction, Map<WorkOrderState, String>> cells = new EnumMap<>(WorkOrderAction.class);
		for (String[] row : rows.subList(1, rows.size())) {
			assertThat(row).as("a cell for every state in " + row[0]).hasSize(header.length);
			Map<WorkOrderState, String> byState = new EnumMap<>(WorkOrderState.class);
			for (int i = 1; i < row.length; i++) {
				byState.put(WorkOrderState.valueOf(header[i]), row[i]);
			}
			assertThat(cells.put(WorkOrderAction.valueOf(row[0]), byState)).as("one row for " + row[0]).isNull();
		}
		return cells;
	}

	@Test
	void everyActionHasADecisionForEveryState() {
		assertThat(CELLS.keySet()).containsExactlyInAnyOrder(WorkOrderAction.values());
	}

	@TestFactory
	Stream<DynamicTest> everyStateAndActionPairIsAllowedToItsNextStateOrRefused() {
		List<DynamicTest> tests = new ArrayList<>();
		for (WorkOrderState from : WorkOrderState.values()) {
			for (WorkOrderAction action : WorkOrderAction.values()) {
				String cell = CELLS.get(action).get(from);
				if (cell.equals("-")) {
					tests.add(DynamicTest.dynamicTest(from + " refuses " + action + " with its message", () -> {
						assertThat(WorkOrderTransitions.allows(from, action)).isFalse();
						WorkOrder w = workOrderIn(from);
						assertThatThrownBy(() -> w.perform(action)).isInstanceOf(BusinessRuleException.class)
							.hasMessage(action.refusal());
						assertThatThrownBy(() -> w.check(action)).isInstanceOf(BusinessRuleException.class)
							.hasMessage(action.refusal());
						assertThat(w.state).as("a refused action leaves the state").isEqualTo(from);
					}));
				}
				else {
					// a paused work order was paused from 维修中 here; 恢复 leads back there
					WorkOrderState to = cell.equals("=") ? from
							: cell.equals("BACK") ? WorkOrderState.IN_PROGRESS : WorkOrderState.valueOf(cell);
					tests.add(DynamicTest.dynamicTest(from + " × " + action + " leads to " + to, () -> {
						assertThat(WorkOrderTransitions.allows(from, action)).isTrue();
						WorkOrder w = workOrderIn(from);
						w.pausedFrom = WorkOrderState.IN_PROGRESS;
						w.check(action);
						assertThat(w.state).as("checking changes nothing").isEqualTo(from);
						assertThat(w.perform(action)).as("the state left").isEqualTo(from);
						assertThat(w.state).isEqualTo(to);
					}));
				}
			}
		}
		return tests.stream();
	}

	@Test
	void theAllowedActionsOfAStateAreExactlyItsAllowedPairs() {
		for (WorkOrderState s : WorkOrderState.values()) {
			List<WorkOrderAction> expected = Stream.of(WorkOrderAction.values())
				.filter(a -> !CELLS.get(a).get(s).equals("-"))
				.toList();
			assertThat(workOrderIn(s).allowedActions()).as(s.name()).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	@Test
	void aCancelledWorkOrderAllowsNothing() {
		assertThat(WorkOrderTransitions.allowed(WorkOrderState.CANCELLED)).isEmpty();
	}

	@Test
	void pausingRemembersTheStateAndResumingGoesBackToIt() {
		WorkOrder w = workOrderIn(WorkOrderState.REWORK);
		w.perform(WorkOrderAction.PAUSE);
		assertThat(w.state).isEqualTo(WorkOrderState.PAUSED);
		assertThat(w.pausedFrom).isEqualTo(WorkOrderState.REWORK);
		assertThat(w.perform(WorkOrderAction.RESUME)).isEqualTo(WorkOrderState.PAUSED);
		assertThat(w.state).isEqualTo(WorkOrderState.REWORK);
	}

	@Test
	void resumingAWorkOrderPausedFromNoKnownStateGoesBackToDispatch() {
		WorkOrder w = workOrderIn(WorkOrderState.PAUSED);
		w.perform(WorkOrderAction.RESUME);
		assertThat(w.state).isEqualTo(WorkOrderState.PENDING_DISPATCH);
	}

	@Test
	void aReturnCallAlreadyMadeIsNotMadeAgain() {
		for (WorkOrderAction a : List.of(WorkOrderAction.RETURN_CALL, WorkOrderAction.REOPEN,
				WorkOrderAction.REOPEN_UNDISPATCHED)) {
			WorkOrder w = workOrderIn(WorkOrderState.COMPLETED);
			w.returnCallAt = BusinessClock.now();
			assertThatThrownBy(() -> w.perform(a)).as(a.name()).isInstanceOf(BusinessRuleException.class)
				.hasMessage("workorder.returnCall.notDue");
			assertThat(w.state).isEqualTo(WorkOrderState.COMPLETED);
		}
	}

	@Test
	void everyOpenStateCanStillBeCompletedOrCancelled() {
		for (WorkOrderState s : WorkOrderState.values()) {
			assertThat(reachesEnd(s, new HashSet<>())).as(s + " reaches 已完成 or 已取消").isTrue();
		}
	}

	@Test
	void theOpenAndWorkableStatesAgreeWithTheTable() {
		for (WorkOrderState s : WorkOrderState.values()) {
			assertThat(WorkOrderTransitions.allows(s, WorkOrderAction.CANCEL)).as(s.name()).isEqualTo(s.open());
			assertThat(WorkOrderTransitions.allows(s, WorkOrderAction.FINISH)).as(s.name()).isEqualTo(s.workable());
		}
	}

	private static boolean reachesEnd(WorkOrderState s, Set<WorkOrderState> seen) {
		if (s == WorkOrderState.COMPLETED || s == WorkOrderState.CANCELLED) {
			return true;
		}
		if (!seen.add(s)) {
			return false;
		}
		return WorkOrderTransitions.allowed(s).stream()
			.map(a -> WorkOrderTransitions.next(s, a).orElseThrow())
			.anyMatch(next -> reachesEnd(next, seen));
	}

	private static WorkOrder workOrderIn(WorkOrderState state) {
		WorkOrder w = new WorkOrder();
		w.state = state;
		return w;
	}

}
