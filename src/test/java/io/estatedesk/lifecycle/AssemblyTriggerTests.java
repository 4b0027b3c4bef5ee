package io.estatedesk.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.estatedesk.estate.Region;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first owners' assembly by the project's region: Beijing at 50 % 以上 (half itself included), the national rules
 * at more than 50 %; neither counts years from the first delivery.
 */
class AssemblyTriggerTests {

	static final LocalDate RECENTLY = LocalDate.of(2026, 8, 27);

	static AssemblyTrigger.Status at(Region region, String total, String delivered, LocalDate first) {
		return AssemblyTrigger.evaluate(region, new BigDecimal(total), new BigDecimal(delivered), first);
	}

	@Test
	void beijingIsDueFromExactlyHalf() {
		assertThat(at(Region.BEIJING, "10000.00", "4999.00", RECENTLY).triggered()).as("49.99 %").isFalse();
		AssemblyTrigger.Status half = at(Region.BEIJING, "10000.00", "5000.00", RECENTLY);
		assertThat(half.percent()).isEqualByComparingTo("50.00");
		assertThat(half.triggered()).as("50.00 %: 以上 includes the number itself").isTrue();
		assertThat(at(Region.BEIJING, "10000.00", "5001.00", RECENTLY).triggered()).as("50.01 %").isTrue();
		assertThat(half.rule()).isEqualTo(AssemblyTrigger.BEIJING);
		assertThat(half.rule().threshold()).isEqualTo(AssemblyTrigger.Threshold.HALF_OR_MORE);
	}

	@Test
	void nationallyExactlyHalfIsNotEnoughAndAnythingMoreIs() {
		assertThat(at(Region.OTHER, "10000.00", "4999.00", RECENTLY).triggered()).as("49.99 %").isFalse();
		AssemblyTrigger.Status half = at(Region.OTHER, "10000.00", "5000.00", RECENTLY);
		assertThat(half.percent()).isEqualByComparingTo("50.00");
		assertThat(half.triggered()).as("50.00 %: 超过 excludes the number itself").isFalse();
		assertThat(at(Region.OTHER, "10000.00", "5001.00", RECENTLY).triggered()).as("50.01 %").isTrue();
		assertThat(half.rule()).isEqualTo(AssemblyTrigger.NATIONAL);
	}

	@Test
	void theRuleComparesTheExactShareNotTheRoundedPercentage() {
		// 10000.01 of 20000.00 shows as 50.00 % (rounded down) but is more than half
		assertThat(at(Region.OTHER, "20000.00", "10000.01", RECENTLY).percent()).isEqualByComparingTo("50.00");
		assertThat(at(Region.OTHER, "20000.00", "10000.01", RECENTLY).triggered()).isTrue();
		// 9999.99 of 20000.00 shows as 49.99 % and is below half everywhere
		assertThat(at(Region.BEIJING, "20000.00", "9999.99", RECENTLY).percent()).isEqualByComparingTo("49.99");
		assertThat(at(Region.BEIJING, "20000.00", "9999.99", RECENTLY).triggered()).isFalse();
	}

	@Test
	void yearsSinceTheFirstDeliveryDoNotTriggerItInBeijingOrNationally() {
		LocalDate longAgo = LocalDate.of(2016, 1, 1);
		assertThat(at(Region.BEIJING, "10000.00", "1200.00", longAgo).triggered()).isFalse();
		assertThat(at(Region.OTHER, "10000.00", "1200.00", longAgo).triggered()).isFalse();
		assertThat(at(Region.BEIJING, "10000.00", "1200.00", longAgo).firstHandover()).isEqualTo(longAgo);
	}

	@Test
	void eachRuleNamesItsRegulationArticleDateAndText() {
		assertThat(AssemblyTrigger.NATIONAL.regulation()).isEqualTo("《业主大会和业主委员会指导规则》");
		assertThat(AssemblyTrigger.NATIONAL.article()).isEqualTo("第十条");
		assertThat(AssemblyTrigger.NATIONAL.issued()).contains("住房和城乡建设部").contains("2009");
		assertThat(AssemblyTrigger.NATIONAL.text()).contains("超过建筑物总面积50%");
		assertThat(AssemblyTrigger.BEIJING.regulation()).isEqualTo("《北京市物业管理条例》");
		assertThat(AssemblyTrigger.BEIJING.issued()).contains("2020年3月27日").contains("2020年5月1日");
		assertThat(AssemblyTrigger.BEIJING.text()).contains("百分之五十以上");
		assertThat(AssemblyTrigger.of(Region.BEIJING)).isEqualTo(AssemblyTrigger.BEIJING);
		assertThat(AssemblyTrigger.of(Region.OTHER)).isEqualTo(AssemblyTrigger.NATIONAL);
	}

	@Test
	void aProjectWithoutAreaOrDeliveriesIsNotDue() {
		for (Region region : Region.values()) {
			AssemblyTrigger.Status none = at(region, "0", "0", null);
			assertThat(none.triggered()).as(region.name()).isFalse();
			assertThat(none.percent()).isEqualByComparingTo("0");
		}
	}

}
