package io.estatedesk.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.estatedesk.community.Activities.State;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.HistoryKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The activity's transition table, pair by pair, written out by hand: a column for every state and a row for every
 * action, so a new state or action fails until it is decided here. A cell is {@code =} (allowed, stays), {@code -}
 * (refused) or the state the action leads to.
 */
class ActivityTransitionsTests {

	private static final String EXPECTED = """
			action           PLANNED    OPEN       FINISHED   CANCELLED
			EDIT             =          =          -          -
			OPEN_SIGNUP      OPEN       -          -          -
			BACK_TO_PLANNED  -          PLANNED    -          -
			FINISH           -          FINISHED   -          -
			CANCEL           CANCELLED  CANCELLED  -          -
			SIGN_UP          -          =          -          -
			CANCEL_SIGNUP    =          =          -          -
			MARK_ATTENDANCE  -          =          =          -
			RECORD_COST      -          -          =          -
			ADD_PHOTO        =          =          =          -
			""";

	private static final Map<ActivityAction, Map<State, String>> CELLS = parse();

	private static Map<ActivityAction, Map<State, String>> parse() {
		List<String[]> rows = EXPECTED.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")).toList();
		String[] header = rows.get(0);
		assertThat(Arrays.asList(header).subList(1, header.length)).as("a column for every state, in order")
			.containsExactlyElementsOf(Stream.of(State.values()).map(Enum::name).toList());
		Map<ActivityAction, Map<State, String>> cells = new EnumMap<>(ActivityAction.class);
		for (String[] row : rows.subList(1, rows.size())) {
			assertThat(row).as("a cell for every state in " + row[0]).hasSize(header.length);
			Map<State, String> byState = new EnumMap<>(State.class);
			for (int i = 1; i < row.length; i++) {
				byState.put(State.valueOf(header[i]), row[i]);
			}
			assertThat(cells.put(ActivityAction.valueOf(row[0]), byState)).as("one row for " + row[0]).isNull();
		}
		return cells;
	}

	@Test
	void everyActionHasADecisionForEveryState() {
		assertThat(CELLS.keySet()).containsExactlyInAnyOrder(ActivityAction.values());
	}

	@TestFactory
	Stream<DynamicTest> everyStateAndActionPairIsAllowedToItsNextStateOrRefused() {
		List<DynamicTest> tests = new ArrayList<>();
		for (State from : State.values()) {
			for (ActivityAction action : ActivityAction.values()) {
				String cell = CELLS.get(action).get(from);
				if (cell.equals("-")) {
					tests.add(DynamicTest.dynamicTest(from + " refuses " + action + " with its message", () -> {
						assertThat(ActivityTransitions.allows(from, action)).isFalse();
						ActivityCase c = new ActivityCase(1, from, 3);
						assertThatThrownBy(() -> c.perform(action, null)).isInstanceOf(BusinessRuleException.class)
							.hasMessage(action.refusal());
						assertThatThrownBy(() -> c.check(action)).isInstanceOf(BusinessRuleException.class)
							.hasMessage(action.refusal());
						assertThat(c.state()).as("a refused action leaves the state").isEqualTo(from);
						assertThat(c.steps().isEmpty()).as("and writes no history").isTrue();
					}));
				}
				else {
					State to = cell.equals("=") ? from : State.valueOf(cell);
					tests.add(DynamicTest.dynamicTest(from + " × " + action + " leads to " + to, () -> {
						assertThat(ActivityTransitions.next(from, action)).contains(to);
						ActivityCase c = new ActivityCase(1, from, 3);
						c.check(action);
						assertThat(c.state()).as("checking changes nothing").isEqualTo(from);
						assertThat(c.perform(action, null)).as("the state left").isEqualTo(from);
						assertThat(c.state()).isEqualTo(to);
						if (to == from) {
							assertThat(c.steps().isEmpty()).isTrue();
						}
						else {
							assertThat(c.steps().list()).singleElement().satisfies(s -> {
								assertThat(s.kind()).isEqualTo(HistoryKind.STATE);
								assertThat(s.oldValue()).isEqualTo(from.name());
								assertThat(s.newValue()).isEqualTo(to.name());
							});
						}
					}));
				}
			}
		}
		return tests.stream();
	}

	@Test
	void theAllowedActionsOfAStateAreExactlyItsAllowedPairs() {
		for (State s : State.values()) {
			List<ActivityAction> expected = Stream.of(ActivityAction.values())
				.filter(a -> !CELLS.get(a).get(s).equals("-"))
				.toList();
			assertThat(new ActivityCase(1, s, 0).allowedActions()).as(s.name()).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	@Test
	void everyStateActionLeadsToTheStateItsNameSays() {
		for (State to : State.values()) {
			ActivityAction action = ActivityAction.leadingTo(to);
			assertThat(Stream.of(State.values()).map(from -> ActivityTransitions.next(from, action)))
				.as(to.name()).allSatisfy(next -> next.ifPresent(n -> assertThat(n).isEqualTo(to)));
		}
	}

	@Test
	void aRefusalIsShownNextToTheFieldOfTheAction() {
		assertThatThrownBy(() -> new ActivityCase(1, State.OPEN, 0).check(ActivityAction.RECORD_COST))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.field()).isEqualTo("actualCost"));
	}

	@Test
	void theMovesOnThePageLeaveBackToPlannedOutOnceSomeoneSignedUp() {
		Activities.Activity open = activity(State.OPEN, 0, 0);
		assertThat(ActivityPage.moves(open, ActivityTransitions.allowed(State.OPEN))).extracting(ActivityPage.Move::action)
			.containsExactly(ActivityAction.FINISH, ActivityAction.BACK_TO_PLANNED, ActivityAction.CANCEL);
		Activities.Activity signedUp = activity(State.OPEN, 1, 0);
		assertThat(ActivityPage.moves(signedUp, ActivityTransitions.allowed(State.OPEN))).extracting(ActivityPage.Move::to)
			.containsExactly(State.FINISHED, State.CANCELLED);
		assertThat(ActivityPage.moves(activity(State.FINISHED, 1, 0), ActivityTransitions.allowed(State.FINISHED))).isEmpty();
	}

	private static Activities.Activity activity(State state, long confirmed, long waiting) {
		return new Activities.Activity(1, "t", null, null, null, null, java.time.Instant.EPOCH, "p", java.math.BigDecimal.ZERO,
				10, null, null, "", state, null, 0, confirmed, confirmed, waiting);
	}

}
