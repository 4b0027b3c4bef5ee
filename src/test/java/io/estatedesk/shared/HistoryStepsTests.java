package io.estatedesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class HistoryStepsTests {

	enum Light {
		RED, GREEN
	}

	@Test
	void aFieldStepIsRecordedOnlyForARealChangeWithTheValuesAsGiven() {
		HistorySteps steps = new HistorySteps().field("note", null, "")
			.field("note", " a ", "a")
			.field("note", "", "新")
			.field("phone", "138****8000", null);
		assertThat(steps.list()).containsExactly(HistoryStep.field("note", "", "新"),
				HistoryStep.field("phone", "138****8000", null));
	}

	@Test
	void stepsKeepTheirOrderAndDrainingEmptiesThem() {
		HistorySteps steps = new HistorySteps().add(HistoryStep.of(HistoryKind.RESUMED))
			.state(Light.RED, Light.GREEN, "why")
			.add(HistoryStep.note(HistoryKind.FOLLOWUP, "电话"));
		List<HistoryStep> taken = steps.drain();
		assertThat(taken).extracting(HistoryStep::kind)
			.containsExactly(HistoryKind.RESUMED, HistoryKind.STATE, HistoryKind.FOLLOWUP);
		assertThat(taken.get(1)).isEqualTo(new HistoryStep(HistoryKind.STATE, "state", "RED", "GREEN", "why"));
		assertThat(steps.isEmpty()).isTrue();
		assertThat(steps.drain()).isEmpty();
	}

	@Test
	void aMoveRecordsAChangeOfStateAndNoneWhenTheActionStays() {
		HistorySteps steps = new HistorySteps();
		assertThat(steps.move(Light.RED, Light.RED, "stays")).isEqualTo(Light.RED);
		assertThat(steps.isEmpty()).isTrue();
		assertThat(steps.move(Light.RED, Light.GREEN, "go")).isEqualTo(Light.GREEN);
		assertThat(steps.list()).containsExactly(HistoryStep.state(Light.RED, Light.GREEN, "go"));
	}

	@Test
	void aStepNeedsAKind() {
		assertThatThrownBy(() -> new HistoryStep(null, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void everyKindHasItsLabelInBothLanguages() throws Exception {
		for (String file : List.of("/messages_zh_CN.properties", "/messages_en.properties")) {
			java.util.Properties p = new java.util.Properties();
			try (var in = new java.io.InputStreamReader(HistoryStepsTests.class.getResourceAsStream(file),
					java.nio.charset.StandardCharsets.UTF_8)) {
				p.load(in);
			}
			for (HistoryKind k : HistoryKind.values()) {
				assertThat(p.getProperty(k.messageKey())).as(k.messageKey() + " in " + file).isNotBlank();
			}
		}
	}

}
