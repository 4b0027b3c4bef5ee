package io.estatedesk.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.HistoryStep;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The handover unit's transition table, pair by pair. The expected table is written out by hand from the handover
 * process: a column for every state and a row for every action, so a new state or action fails until it is decided
 * here. A cell is {@code =} (allowed, stays), {@code -} (refused) or the state the action leads to.
 */
class HandoverTransitionsTests {

	private static final String EXPECTED = """
			action   ADDED   BOOKED     INSPECTED  ACCEPTED  REFUSED
			BOOK     BOOKED  =          -          -         BOOKED
			INSPECT  -       INSPECTED  =          -         -
			ACCEPT   -       -          ACCEPTED   -         -
			REFUSE   -       REFUSED    REFUSED    -         -
			READD    -       -          -          -         ADDED
			""";

	private static final Map<HandoverAction, Map<HandoverState, String>> CELLS = parse();

	private static Map<HandoverAction, Map<HandoverState, String>> parse() {
		List<String[]> rows = EXPECTED.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")).toList();
		String[] header = rows.get(0);
		assertThat(Arrays.asList(header).subList(1, header.length)).as("a column for every state, in order")
			.containsExactlyElementsOf(Stream.of(HandoverState.values()).map(Enum::name).toList());
		Map<HandoverAction, Map<HandoverState, String>> cells = new EnumMap<>(HandoverAction.class);
		for (String[] row : rows.subList(1, rows.size())) {
			assertThat(row).as("a cell for every state in " + row[0]).hasSize(header.length);
			Map<HandoverState, String> byState = new EnumMap<>(HandoverState.class);
			for (int i = 1; i < row.length; i++) {
				byState.put(HandoverState.valueOf(header[i]), row[i]);
			}
			assertThat(cells.put(HandoverAction.valueOf(row[0]), byState)).as("one row for " + row[0]).isNull();
		}
		return cells;
	}

	private static HandoverUnit unitIn(HandoverState state) {
		return new HandoverUnit(1, 2, 3, 4L, state, 5);
	}

	@Test
	void everyActionHasADecisionForEveryState() {
		assertThat(CELLS.keySet()).containsExactlyInAnyOrder(HandoverAction.values());
	}

	@TestFactory
	Stream<DynamicTest> everyStateAndActionPairIsAllowedToItsNextStateOrRefused() {
		List<DynamicTest> tests = new ArrayList<>();
		for (HandoverState from : HandoverState.values()) {
			for (HandoverAction action : HandoverAction.values()) {
				String cell = CELLS.get(action).get(from);
				if (cell.equals("-")) {
					tests.add(DynamicTest.dynamicTest(from + " refuses " + action + " with its message", () -> {
						assertThat(HandoverTransitions.allows(from, action)).isFalse();
						assertThat(HandoverTransitions.next(from, action)).isEmpty();
						HandoverUnit u = unitIn(from);
						assertThatThrownBy(() -> u.check(action)).isInstanceOf(BusinessRuleException.class)
							.hasMessage(action.refusal());
						assertThatThrownBy(() -> u.perform(action)).isInstanceOf(BusinessRuleException.class)
							.hasMessage(action.refusal());
						assertThat(u.state).as("a refused action leaves the state").isEqualTo(from);
					}));
				}
				else {
					HandoverState to = cell.equals("=") ? from : HandoverState.valueOf(cell);
					tests.add(DynamicTest.dynamicTest(from + " × " + action + " leads to " + to, () -> {
						assertThat(HandoverTransitions.allows(from, action)).isTrue();
						assertThat(HandoverTransitions.next(from, action)).contains(to);
						HandoverUnit u = unitIn(from);
						u.check(action);
						assertThat(u.state).as("checking changes nothing").isEqualTo(from);
						assertThat(u.perform(action)).as("the state left").isEqualTo(from);
						assertThat(u.state).isEqualTo(to);
					}));
				}
			}
		}
		return tests.stream();
	}

	@Test
	void theAllowedActionsOfAStateAreExactlyItsAllowedPairs() {
		for (HandoverState s : HandoverState.values()) {
			List<HandoverAction> expected = Stream.of(HandoverAction.values())
				.filter(a -> !CELLS.get(a).get(s).equals("-"))
				.toList();
			assertThat(unitIn(s).allowedActions()).as(s.name()).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	@Test
	void aHandedOverUnitAllowsNothing() {
		assertThat(HandoverTransitions.allowed(HandoverState.ACCEPTED)).isEmpty();
	}

	@Test
	void eachStepChangesItsFieldsAndRecordsOneStateChange() {
		Instant at = Instant.parse("2026-12-01T02:00:00Z");
		HandoverUnit u = unitIn(HandoverState.ADDED);
		u.book(7, "电话", at, "2026-12-01 10:00");
		assertThat(u.slotId).isEqualTo(7);
		assertThat(u.notifiedAt).isEqualTo(at);
		u.refuse("层高不符");
		assertThat(u.slotId).as("a refusal frees the slot").isNull();
		assertThat(u.refusedReason).isEqualTo("层高不符");
		u.book(8, null, at, "2026-12-02 10:00");
		assertThat(u.notifiedAt).as("not told yet").isNull();
		u.inspected("field", at, "检查 2 项");
		u.accept(java.time.LocalDate.of(2026, 12, 1), 3, null, null, null, "业主", at, "交房");
		assertThat(u.qualityGuarantee && u.usageManual).isTrue();
		assertThat(u.steps.drain()).containsExactly(
				new HistoryStep(HistoryKind.STATE, "state", "ADDED", "BOOKED", "2026-12-01 10:00"),
				new HistoryStep(HistoryKind.STATE, "state", "BOOKED", "REFUSED", "层高不符"),
				new HistoryStep(HistoryKind.STATE, "state", "REFUSED", "BOOKED", "2026-12-02 10:00"),
				new HistoryStep(HistoryKind.STATE, "state", "BOOKED", "INSPECTED", "检查 2 项"),
				new HistoryStep(HistoryKind.STATE, "state", "INSPECTED", "ACCEPTED", "交房"));
	}

}
