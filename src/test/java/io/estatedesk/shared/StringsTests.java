package io.estatedesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class StringsTests {

	@Test
	void abbreviateKeepsTheFirstCharactersAndMarksTheCutTruncateOnlyCuts() {
		assertThat(Strings.abbreviate("一二三四五", 5)).isEqualTo("一二三四五");
		assertThat(Strings.abbreviate("一二三四五六", 5)).isEqualTo("一二三四五…");
		assertThat(Strings.abbreviate(null, 5)).isNull();
		assertThat(Strings.truncate("一二三四五六", 5)).isEqualTo("一二三四五").hasSize(5);
		assertThat(Strings.truncate("一二", 5)).isEqualTo("一二");
		assertThat(Strings.truncate(null, 5)).isNull();
	}

	@Test
	void blanksAndMinutes() {
		assertThat(Strings.blankToNull("  ")).isNull();
		assertThat(Strings.blankToNull(" 王女士 ")).isEqualTo("王女士");
		assertThat(Strings.orEmpty(null)).isEmpty();
		assertThat(Strings.stripped(" a ")).isEqualTo("a");
		// 15:59 UTC is 23:59 in Beijing (the business zone by default)
		assertThat(Strings.minute(Instant.parse("2026-12-02T15:59:30Z")))
			.isEqualTo(Instant.parse("2026-12-02T15:59:30Z").atZone(BusinessClock.ZONE).toLocalDateTime().toString()
				.substring(0, 16).replace('T', ' '));
		assertThat(Strings.minute((Instant) null)).isEmpty();
	}

}
