package io.estatedesk.complaint;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintSearchTests {

	private final Map<String, Double> common = Map.of("漏水", 0.09, "卫生", 0.05, "生间", 0.05, "墙面", 0.055, "面开", 0.018,
			"开裂", 0.046, "ts", 1.0, "2025", 0.4);

	private final ComplaintSearch search = new ComplaintSearch(null, g -> common.getOrDefault(g, 0.0));

	@Test
	void gramsAreChinesePairsAndLatinWords() {
		assertThat(ComplaintSearch.grams("卫生间渗漏水管 TS-2025-000123")).containsExactly("卫生", "生间", "间渗", "渗漏", "漏水",
				"水管", "ts", "2025", "000123");
	}

	@Test
	void onlyTheRarestPairGoesToTheIndexAndEveryOtherWordIsConfirmedInTheText() {
		MapSqlParameterSource p = new MapSqlParameterSource();
		String c = search.condition("墙面开裂", p);
		assertThat(p.getValue("gram")).isEqualTo("{\"面开\"}");
		assertThat(c).contains("s.grams @> cast(:gram as text[])").contains("strpos(s.doc, :w0) > 0");
		assertThat(p.getValue("w0")).isEqualTo("墙面开裂");
	}

	@Test
	void aWordThatIsExactlyTheRarestPairNeedsNoTextCheck() {
		MapSqlParameterSource p = new MapSqlParameterSource();
		String c = search.condition("漏水  卫生间", p);
		assertThat(p.getValue("gram")).isEqualTo("{\"卫生\"}");
		assertThat(p.getValue("w0")).isEqualTo("漏水");
		assertThat(p.getValue("w1")).isEqualTo("卫生间");
		assertThat(c).doesNotContain(":w2");

		MapSqlParameterSource q = new MapSqlParameterSource();
		assertThat(search.condition("漏水", q)).doesNotContain("strpos");
		assertThat(q.getValue("gram")).isEqualTo("{\"漏水\"}");
	}

	@Test
	void complaintNumbersUseTheirRareNumberPart() {
		MapSqlParameterSource p = new MapSqlParameterSource();
		search.condition("TS-2025-000123", p);
		assertThat(p.getValue("gram")).isEqualTo("{\"000123\"}");
		assertThat(p.getValue("w0")).isEqualTo("ts-2025-000123");
	}

	@Test
	void aSingleCharacterOrPunctuationIsLookedForInTheText() {
		MapSqlParameterSource p = new MapSqlParameterSource();
		String c = search.condition("水", p);
		assertThat(c).doesNotContain("grams").contains("strpos");
		assertThat(search.condition("   ", new MapSqlParameterSource())).isEqualTo("true");
	}

}
