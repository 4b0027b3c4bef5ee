package io.estatedesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.HistoryKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The rectification notice's transition table, pair by pair: re-inspected until it passes, then closed. */
class NoticeTransitionsTests {

	/** Per state: where PASS and FAIL lead ({@code -} refused). */
	private static final Map<NoticeState, List<String>> EXPECTED = Map.of(
			NoticeState.OPEN, List.of("PASSED", "FAILED"),
			NoticeState.FAILED, List.of("PASSED", "FAILED"),
			NoticeState.PASSED, List.of("-", "-"));

	@Test
	void everyStateAndActionIsDecided() {
		assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(NoticeState.values());
		assertThat(NoticeAction.values()).containsExactly(NoticeAction.PASS, NoticeAction.FAIL);
	}

	@TestFactory
	Stream<DynamicTest> everyStateAndActionPairIsAllowedToItsNextStateOrRefused() {
		List<DynamicTest> tests = new ArrayList<>();
		for (NoticeState from : NoticeState.values()) {
			for (NoticeAction action : NoticeAction.values()) {
				String cell = EXPECTED.get(from).get(action.ordinal());
				if (cell.equals("-")) {
					tests.add(DynamicTest.dynamicTest(from + " refuses " + action, () -> {
						assertThat(NoticeTransitions.allows(from, action)).isFalse();
						NoticeCase c = new NoticeCase(1, from, 1);
						assertThatThrownBy(() -> c.perform(action, "x")).isInstanceOf(BusinessRuleException.class)
							.hasMessage(action.refusal());
						assertThat(c.state()).isEqualTo(from);
						assertThat(c.steps().isEmpty()).isTrue();
					}));
				}
				else {
					NoticeState to = NoticeState.valueOf(cell);
					tests.add(DynamicTest.dynamicTest(from + " × " + action + " leads to " + to, () -> {
						assertThat(NoticeTransitions.next(from, action)).contains(to);
						NoticeCase c = new NoticeCase(1, from, 1);
						c.check(action);
						assertThat(c.perform(action, "已整改")).isEqualTo(from);
						assertThat(c.state()).isEqualTo(to);
						assertThat(c.steps().list()).singleElement().satisfies(s -> {
							assertThat(s.kind()).isEqualTo(HistoryKind.REINSPECTED);
							assertThat(s.oldValue()).isEqualTo(from.name());
							assertThat(s.newValue()).isEqualTo(to.name());
							assertThat(s.note()).isEqualTo("已整改");
						});
					}));
				}
			}
		}
		return tests.stream();
	}

	@Test
	void aPassedNoticeAllowsNothingAndTheOthersAllowBoth() {
		assertThat(NoticeTransitions.allowed(NoticeState.PASSED)).isEmpty();
		assertThat(NoticeTransitions.allowed(NoticeState.OPEN)).containsExactlyInAnyOrder(NoticeAction.values());
		assertThat(NoticeTransitions.allowed(NoticeState.FAILED)).containsExactlyInAnyOrder(NoticeAction.values());
	}

}
