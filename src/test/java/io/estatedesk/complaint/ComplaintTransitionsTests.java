package io.estatedesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.HistoryStep;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The complaint's transition table, pair by pair. The expected table below is written out by hand from the charter:
 * a column for every state and a row for every action, so a new state or action fails until it is decided here.
 * A cell is {@code =} (allowed, stays), {@code -} (refused) or the state the action leads to.
 */
class ComplaintTransitionsTests {

	private static final String EXPECTED = """
			action                  RECEIVED     IN_PROGRESS  PENDING_INSTRUCTION  PENDING_REPLY  REPLIED         RETURN_VISITED  CLOSED
			EDIT_INTAKE             =            =            -                    -              -               -               -
			ANALYSE                 IN_PROGRESS  =            -                    =              -               -               -
			FOLLOW_UP               IN_PROGRESS  =            =                    =              =               =               -
			SUBMIT                  PENDING_REPLY PENDING_REPLY -                  -              -               -               -
			SUBMIT_FOR_INSTRUCTION  PENDING_INSTRUCTION PENDING_INSTRUCTION -      -              -               -               -
			INSTRUCT                -            -            PENDING_REPLY        -              -               -               -
			SEND_BACK               -            -            IN_PROGRESS          -              -               -               -
			REPLY                   -            -            -                    REPLIED        -               -               -
			RETURN_CALL             -            -            -                    -              RETURN_VISITED  -               -
			REOPEN                  -            -            -                    -              IN_PROGRESS     -               -
			CLOSE                   -            -            -                    -              -               CLOSED          -
			TRANSFER                =            =            =                    =              =               =               -
			APPOINT                 =            =            =                    =              =               =               -
			PAUSE                   =            =            =                    =              =               -               -
			RESUME                  =            =            =                    =              =               -               -
			ATTACH                  =            =            =                    =              =               =               -
			ADD_PARTY               =            =            =                    =              =               =               -
			GROUP                   =            =            =                    =              =               =               -
			RAISE_WORK_ORDER        IN_PROGRESS  =            =                    =              =               =               -
			""";

	/** The expected next state per (state, action); absent for a refused pair. */
	private static final Map<ComplaintAction, Map<ComplaintState, String>> CELLS = parse();

	private static Map<ComplaintAction, Map<ComplaintState, String>> parse() {
		List<String[]> rows = EXPECTED.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")).toList();
		String[] header = rows.get(0);
		List<String> states = Arrays.asList(header).subList(1, header.length);
		assertThat(states).as("a column for every state, in order")
			.containsExactlyElementsOf(Stream.of(ComplaintState.values()).map(Enum::name).toList());
		Map<ComplaintAction, Map<ComplaintState, String>> cells = new EnumMap<>(ComplaintAction.class);
		for (String[] row : rows.subList(1, rows.size())) {
			assertThat(row).as("a cell for every state in " + row[0]).hasSize(header.length);
			Map<ComplaintState, String> byState = new EnumMap<>(ComplaintState.class);
			for (int i = 1; i < row.length; i++) {
				byState.put(ComplaintState.valueOf(header[i]), row[i]);
			}
			assertThat(cells.put(ComplaintAction.valueOf(row[0]), byState)).as("one row for " + row[0]).isNull();
		}
		return cells;
	}

	@Test
	void everyActionHasADecisionForEveryState() {
		assertThat(CELLS.keySet()).containsExactlyInAnyOrder(ComplaintAction.values());
	}

	@TestFactory
	Stream<DynamicTest> everyStateAndActionPairIsAllowedToItsNextStateOrRefused() {
		List<DynamicTest> tests = new ArrayList<>();
		for (ComplaintState from : ComplaintState.values()) {
			for (ComplaintAction action : ComplaintAction.values()) {
				String cell = CELLS.get(action).get(from);
				if (cell.equals("-")) {
					tests.add(DynamicTest.dynamicTest(from + " refuses " + action + " with its message", () -> {
						assertThat(ComplaintTransitions.allows(from, action)).isFalse();
						Complaint c = complaintIn(from);
						assertThatThrownBy(() -> c.perform(action, null)).isInstanceOf(BusinessRuleException.class)
							.hasMessage(action.refusal());
						assertThatThrownBy(() -> c.check(action)).isInstanceOf(BusinessRuleException.class)
							.hasMessage(action.refusal());
						assertThat(c.state).as("a refused action leaves the state").isEqualTo(from);
					}));
				}
				else {
					ComplaintState to = cell.equals("=") ? from : ComplaintState.valueOf(cell);
					tests.add(DynamicTest.dynamicTest(from + " × " + action + " leads to " + to, () -> {
						assertThat(ComplaintTransitions.next(from, action)).contains(to);
						Complaint c = complaintIn(from);
						c.check(action);
						assertThat(c.state).as("checking changes nothing").isEqualTo(from);
						assertThat(c.perform(action, "note")).as("the state left").isEqualTo(from);
						assertThat(c.state).isEqualTo(to);
						assertThat(c.steps.list()).as("a change of state is a step of the history, a stay is none")
							.isEqualTo(to == from ? List.of() : List.of(HistoryStep.state(from, to, "note")));
					}));
				}
			}
		}
		return tests.stream();
	}

	@Test
	void theAllowedActionsOfAStateAreExactlyItsAllowedPairs() {
		for (ComplaintState s : ComplaintState.values()) {
			List<ComplaintAction> expected = Stream.of(ComplaintAction.values())
				.filter(a -> !CELLS.get(a).get(s).equals("-"))
				.toList();
			assertThat(complaintIn(s).allowedActions()).as(s.name()).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	@Test
	void aClosedComplaintAllowsNothing() {
		assertThat(ComplaintTransitions.allowed(ComplaintState.CLOSED)).isEmpty();
	}

	@Test
	void everyOpenStateCanStillReachClosed() {
		for (ComplaintState s : ComplaintState.values()) {
			assertThat(reachesClosed(s, new java.util.HashSet<>())).as(s + " reaches 已关闭").isTrue();
		}
	}

	private static boolean reachesClosed(ComplaintState s, java.util.Set<ComplaintState> seen) {
		if (s == ComplaintState.CLOSED) {
			return true;
		}
		if (!seen.add(s)) {
			return false;
		}
		return ComplaintTransitions.allowed(s).stream()
			.map(a -> ComplaintTransitions.next(s, a).orElseThrow())
			.anyMatch(next -> reachesClosed(next, seen));
	}

	private static Complaint complaintIn(ComplaintState state) {
		Complaint c = new Complaint();
		c.state = state;
		return c;
	}

}
