package io.estatedesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RecordsTests {

	record Sheet(long id, String phone, String note, Integer count) {

		Sheet {
			if (id < 0) {
				throw new IllegalArgumentException("negative id");
			}
		}
	}

	@Test
	void withReplacesOneComponentAndKeepsTheOthers() {
		Sheet s = new Sheet(7, "13800138000", "漏水", 3);
		assertThat(Records.with(s, "phone", "138****8000")).isEqualTo(new Sheet(7, "138****8000", "漏水", 3));
		assertThat(Records.with(s, "count", null)).isEqualTo(new Sheet(7, "13800138000", "漏水", null));
		assertThat(s.phone()).as("the original is left as it was").isEqualTo("13800138000");
	}

	@Test
	void withRefusesAComponentTheRecordDoesNotHaveAndKeepsTheConstructorsChecks() {
		Sheet s = new Sheet(7, null, null, null);
		assertThatThrownBy(() -> Records.with(s, "mobile", "x")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("mobile");
		assertThatThrownBy(() -> Records.with(s, "id", -1L)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("negative id");
	}

	@Test
	void ofBuildsARecordFromNamedComponentsWithTheRestEmpty() {
		assertThat(Records.of(Sheet.class, Map.of("id", 7L, "note", "漏水"))).isEqualTo(new Sheet(7, null, "漏水", null));
		assertThat(Records.of(Sheet.class, Map.of())).isEqualTo(new Sheet(0, null, null, null));
		assertThatThrownBy(() -> Records.of(Sheet.class, Map.of("mobile", "x"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("mobile");
	}

	@Test
	void textsAreTheComponentsByNameInOrderWithNullAsEmpty() {
		assertThat(Records.texts(new Sheet(7, null, " 原样 ", 3)))
			.containsExactly(Map.entry("id", "7"), Map.entry("phone", ""), Map.entry("note", " 原样 "), Map.entry("count", "3"));
	}

}
