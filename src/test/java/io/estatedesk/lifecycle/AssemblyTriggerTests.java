package io.estatedesk.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The first owners' assembly: more than half of the area delivered, or two years after the first delivery. */
class AssemblyTriggerTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

	static AssemblyTrigger.Status at(String total, String delivered, LocalDate first) {
		return AssemblyTrigger.evaluate(new BigDecimal(total), new BigDecimal(delivered), first, TODAY);
	}

	@Test
	void exactlyHalfIsNotEnoughAndAnythingMoreIs() {
		LocalDate recently = TODAY.minusMonths(3);
		assertThat(at("10000.00", "5000.00", recently).triggered()).isFalse();
		assertThat(at("10000.00", "5000.00", recently).percent()).isEqualByComparingTo("50.00");
		assertThat(at("10000.00", "5000.01", recently).triggered()).isTrue();
		assertThat(at("10000.00", "5000.01", recently).reason()).isEqualTo(AssemblyTrigger.Reason.AREA);
		assertThat(at("10000.00", "4999.99", recently).triggered()).isFalse();
		// the shown percentage is rounded down, the rule compares the exact share: 50.00 % shown, over half in fact
		assertThat(at("20000.00", "10000.01", recently).percent()).isEqualByComparingTo("50.00");
		assertThat(at("20000.00", "10000.01", recently).triggered()).isTrue();
	}

	@Test
	void twoYearsAfterTheFirstDeliveryTriggerItWhateverTheArea() {
		assertThat(at("10000.00", "1200.00", TODAY.minusYears(2).plusDays(1)).triggered()).isFalse();
		AssemblyTrigger.Status due = at("10000.00", "1200.00", TODAY.minusYears(2));
		assertThat(due.triggered()).isTrue();
		assertThat(due.reason()).isEqualTo(AssemblyTrigger.Reason.TWO_YEARS);
		assertThat(due.twoYearsOn()).isEqualTo(TODAY);
	}

	@Test
	void aProjectWithoutAreaOrDeliveriesIsNotDue() {
		AssemblyTrigger.Status none = at("0", "0", null);
		assertThat(none.triggered()).isFalse();
		assertThat(none.percent()).isEqualByComparingTo("0");
		assertThat(none.twoYearsOn()).isNull();
	}

}
