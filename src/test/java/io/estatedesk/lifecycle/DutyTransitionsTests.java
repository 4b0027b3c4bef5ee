package io.estatedesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.estatedesk.lifecycle.DutyBoard.Status;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.HistoryKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The duty item's transition table, pair by pair, written out by hand: a column for every status and a row for every
 * action. A cell is {@code =} (allowed, stays), {@code -} (refused) or the status the action leads to.
 */
class DutyTransitionsTests {

	private static final String EXPECTED = """
			action    TODO         IN_PROGRESS     DONE         NOT_APPLICABLE
			EDIT      =            =               =            =
			START     IN_PROGRESS  -               -            -
			COMPLETE  DONE         DONE            -            -
			WAIVE     NOT_APPLICABLE NOT_APPLICABLE -           -
			REOPEN    -            -               IN_PROGRESS  IN_PROGRESS
			RESET     -            TODO            -            -
			RECORD    IN_PROGRESS  =               =            =
			""";

	private static final Map<DutyAction, Map<Status, String>> CELLS = parse();

	private static Map<DutyAction, Map<Status, String>> parse() {
		List<String[]> rows = EXPECTED.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")).toList();
		String[] header = rows.get(0);
		assertThat(Arrays.asList(header).subList(1, header.length)).as("a column for every status, in order")
			.containsExactlyElementsOf(Stream.of(Status.values()).map(Enum::name).toList());
		Map<DutyAction, Map<Status, String>> cells = new EnumMap<>(DutyAction.class);
		for (String[] row : rows.subList(1, rows.size())) {
			assertThat(row).as("a cell for every status in " + row[0]).hasSize(header.length);
			Map<Status, String> byStatus = new EnumMap<>(Status.class);
			for (int i = 1; i < row.length; i++) {
				byStatus.put(Status.valueOf(header[i]), row[i]);
			}
			assertThat(cells.put(DutyAction.valueOf(row[0]), byStatus)).as("one row for " + row[0]).isNull();
		}
		return cells;
	}

	@Test
	void everyActionHasADecisionForEveryStatus() {
		assertThat(CELLS.keySet()).containsExactlyInAnyOrder(DutyAction.values());
	}

	@TestFactory
	Stream<DynamicTest> everyStatusAndActionPairIsAllowedToItsNextStatusOrRefused() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Status from : Status.values()) {
			for (DutyAction action : DutyAction.values()) {
				String cell = CELLS.get(action).get(from);
				if (cell.equals("-")) {
					tests.add(DynamicTest.dynamicTest(from + " refuses " + action, () -> {
						assertThat(DutyTransitions.allows(from, action)).isFalse();
						DutyCase c = new DutyCase(1, from, 2);
						assertThatThrownBy(() -> c.perform(action)).isInstanceOf(BusinessRuleException.class)
							.hasMessage(action.refusal());
						assertThatThrownBy(() -> c.check(action)).isInstanceOf(BusinessRuleException.class)
							.hasMessage(action.refusal());
						assertThat(c.status()).isEqualTo(from);
						assertThat(c.steps().isEmpty()).isTrue();
					}));
				}
				else {
					Status to = cell.equals("=") ? from : Status.valueOf(cell);
					tests.add(DynamicTest.dynamicTest(from + " × " + action + " leads to " + to, () -> {
						assertThat(DutyTransitions.next(from, action)).contains(to);
						DutyCase c = new DutyCase(1, from, 2);
						c.check(action);
						assertThat(c.status()).isEqualTo(from);
						assertThat(c.perform(action)).isEqualTo(from);
						assertThat(c.status()).isEqualTo(to);
						assertThat(c.steps().list()).hasSize(to == from ? 0 : 1)
							.allSatisfy(s -> assertThat(s.kind()).isEqualTo(HistoryKind.STATE));
					}));
				}
			}
		}
		return tests.stream();
	}

	@Test
	void theAllowedActionsOfAStatusAreExactlyItsAllowedPairs() {
		for (Status s : Status.values()) {
			List<DutyAction> expected = Stream.of(DutyAction.values()).filter(a -> !CELLS.get(a).get(s).equals("-")).toList();
			assertThat(new DutyCase(1, s, 0).allowedActions()).as(s.name()).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	@Test
	void theStatusFieldOffersTheCurrentStatusAndWhereTheMovesLead() {
		assertThat(DutyTransitions.choices(Status.TODO)).containsExactly(Status.TODO, Status.IN_PROGRESS, Status.DONE,
				Status.NOT_APPLICABLE);
		assertThat(DutyTransitions.choices(Status.IN_PROGRESS)).containsExactly(Status.TODO, Status.IN_PROGRESS, Status.DONE,
				Status.NOT_APPLICABLE);
		assertThat(DutyTransitions.choices(Status.DONE)).containsExactly(Status.IN_PROGRESS, Status.DONE);
		assertThat(DutyTransitions.choices(Status.NOT_APPLICABLE)).containsExactly(Status.IN_PROGRESS, Status.NOT_APPLICABLE);
	}

	@Test
	void choosingAStatusNoMoveLeadsToIsRefusedWithItsMessage() {
		DutyCase done = new DutyCase(1, Status.DONE, 0);
		assertThatThrownBy(() -> done.moveTo(Status.NOT_APPLICABLE)).isInstanceOf(BusinessRuleException.class)
			.hasMessage("duty.transition.status.NOT_APPLICABLE");
		DutyCase same = new DutyCase(1, Status.DONE, 0);
		same.moveTo(Status.DONE);
		assertThat(same.steps().isEmpty()).as("the same status is no step").isTrue();
		DutyCase started = new DutyCase(1, Status.TODO, 0);
		started.moveTo(Status.DONE);
		assertThat(started.status()).isEqualTo(Status.DONE);
	}

}
