package io.estatedesk.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StateColoursTests {

	private final StateColours colours = new StateColours();

	@Test
	void statesThatMeanTheSameHaveTheSameColour() {
		assertThat(colours.badge("IN_WARRANTY")).isEqualTo("text-bg-success");
		assertThat(colours.badge("COMPLETED")).isEqualTo("text-bg-success");
		assertThat(colours.badge("NO_HANDOVER")).as("未交房 is not a good state").isEqualTo("text-bg-secondary");
		assertThat(colours.badge("NOT_JUDGED")).isEqualTo("text-bg-secondary");
		assertThat(colours.badge("EXPIRED")).isEqualTo("text-bg-secondary");
		assertThat(colours.badge("PENDING_ACCEPTANCE")).isEqualTo("text-bg-warning");
		assertThat(colours.badge("PENDING_REPLY")).isEqualTo("text-bg-warning");
		assertThat(colours.badge("REFUSED")).isEqualTo("text-bg-danger");
		assertThat(colours.badge(null)).isEqualTo("text-bg-secondary");
	}

}
