package io.estatedesk.repair;

import java.time.LocalDate;
import java.time.MonthDay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Warranty decisions at the boundary day of each preloaded rule, from the unit's handover date. */
class WarrantyTests {

	static Warranty.Rule months(String component, int months) {
		return new Warranty.Rule(component, component, null, Warranty.PeriodKind.MONTHS, months, null, null, "", 1);
	}

	static Warranty.Rule years(String component, int years) {
		return new Warranty.Rule(component, component, null, Warranty.PeriodKind.YEARS, years, null, null, "", 1);
	}

	static Warranty.Rule seasons(String component, int n, String start, String end) {
		Warranty.PeriodKind kind = component.equals("COOLING") ? Warranty.PeriodKind.COOLING_SEASONS
				: Warranty.PeriodKind.HEATING_SEASONS;
		return new Warranty.Rule(component, component, null, kind, n, MonthDay.parse("--" + start), MonthDay.parse("--" + end),
				"", 1);
	}

	static Warranty.Rule designLife() {
		return new Warranty.Rule("STRUCTURE", "地基基础工程和主体结构工程", null, Warranty.PeriodKind.DESIGN_LIFE, null, null, null,
				"", 1);
	}

	static final LocalDate HANDOVER = LocalDate.of(2021, 6, 28);

	@Test
	void waterproofingIsCoveredForFiveYearsToTheDay() {
		Warranty.Rule wet = months("WET_ROOM_WATERPROOF", 60);
		assertThat(Warranty.decide(wet, HANDOVER, LocalDate.of(2026, 6, 28)).status()).isEqualTo(Warranty.Status.IN_WARRANTY);
		assertThat(Warranty.decide(wet, HANDOVER, LocalDate.of(2026, 6, 28)).until()).isEqualTo(LocalDate.of(2026, 6, 28));
		assertThat(Warranty.decide(wet, HANDOVER, LocalDate.of(2026, 6, 29)).status()).isEqualTo(Warranty.Status.EXPIRED);
		Warranty.Rule roof = months("ROOF_WATERPROOF", 60);
		assertThat(Warranty.decide(roof, HANDOVER, LocalDate.of(2026, 6, 28)).covered()).isTrue();
		assertThat(Warranty.decide(roof, HANDOVER, LocalDate.of(2026, 6, 29)).covered()).isFalse();
	}

	@Test
	void electricalPlumbingEquipmentAndFitOutAreCoveredForTwoYears() {
		for (String component : new String[] { "ELECTRICAL", "PLUMBING", "EQUIPMENT", "FITOUT" }) {
			Warranty.Rule rule = months(component, 24);
			assertThat(Warranty.decide(rule, HANDOVER, LocalDate.of(2023, 6, 28)).status()).as(component)
				.isEqualTo(Warranty.Status.IN_WARRANTY);
			assertThat(Warranty.decide(rule, HANDOVER, LocalDate.of(2023, 6, 29)).status()).as(component)
				.isEqualTo(Warranty.Status.EXPIRED);
		}
	}

	@Test
	void structureIsCoveredForTheDesignLife() {
		// the default design life of ordinary buildings, 50 years
		Warranty.Rule structure = designLife();
		assertThat(Warranty.decide(structure, HANDOVER, LocalDate.of(2071, 6, 28)).status()).isEqualTo(Warranty.Status.IN_WARRANTY);
		assertThat(Warranty.decide(structure, HANDOVER, LocalDate.of(2071, 6, 29)).status()).isEqualTo(Warranty.Status.EXPIRED);
	}

	@Test
	void structureIsCoveredForTheProjectsOwnDesignLife() {
		Warranty.Rule structure = designLife();
		assertThat(Warranty.decide(structure, HANDOVER, 70, LocalDate.of(2091, 6, 28)).status())
			.isEqualTo(Warranty.Status.IN_WARRANTY);
		assertThat(Warranty.decide(structure, HANDOVER, 70, LocalDate.of(2091, 6, 28)).until()).isEqualTo(LocalDate.of(2091, 6, 28));
		assertThat(Warranty.decide(structure, HANDOVER, 70, LocalDate.of(2091, 6, 29)).status()).isEqualTo(Warranty.Status.EXPIRED);
	}

	@Test
	void yearsAndTheSameMonthsEndOnTheSameDay() {
		LocalDate leapDay = LocalDate.of(2024, 2, 29);
		assertThat(Warranty.decide(years("FITOUT", 2), leapDay, leapDay).until())
			.isEqualTo(Warranty.decide(months("FITOUT", 24), leapDay, leapDay).until())
			.isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(Warranty.decide(years("ROOF_WATERPROOF", 5), HANDOVER, HANDOVER).until()).isEqualTo(LocalDate.of(2026, 6, 28));
	}

	@Test
	void theLawsMinimumIsCountedInTheLawsUnit() {
		Warranty.Statutory heating = Warranty.STATUTORY.get("HEATING");
		assertThat(heating.unit()).isEqualTo(Warranty.PeriodKind.HEATING_SEASONS);
		assertThat(heating.units()).containsExactly(Warranty.PeriodKind.HEATING_SEASONS);
		assertThat(heating.reaches(Warranty.PeriodKind.HEATING_SEASONS, 1)).isFalse();
		assertThat(heating.reaches(Warranty.PeriodKind.HEATING_SEASONS, 2)).isTrue();
		Warranty.Statutory fitOut = Warranty.STATUTORY.get("FITOUT");
		assertThat(fitOut.units()).containsExactlyInAnyOrder(Warranty.PeriodKind.YEARS, Warranty.PeriodKind.MONTHS);
		assertThat(fitOut.reaches(Warranty.PeriodKind.MONTHS, 23)).isFalse();
		assertThat(fitOut.reaches(Warranty.PeriodKind.MONTHS, 24)).isTrue();
		assertThat(fitOut.reaches(Warranty.PeriodKind.YEARS, 1)).isFalse();
		assertThat(fitOut.reaches(Warranty.PeriodKind.YEARS, 2)).isTrue();
		assertThat(Warranty.STATUTORY.get("STRUCTURE").units()).containsExactly(Warranty.PeriodKind.DESIGN_LIFE);
		assertThat(Warranty.STATUTORY.get("WET_ROOM_WATERPROOF").minimum()).isEqualTo(5);
		assertThat(Warranty.STATUTORY.keySet()).containsExactly("STRUCTURE", "ROOF_WATERPROOF", "WET_ROOM_WATERPROOF", "HEATING",
				"COOLING", "ELECTRICAL", "PLUMBING", "EQUIPMENT", "FITOUT");
	}

	@Test
	void theHandoverDayIsNotCountedAndAMissingCorrespondingDayEndsAtTheMonthEnd() {
		// 《民法典》第二百零二条: no 29 Feb in 2026, so two years from 29 Feb 2024 end on 28 Feb 2026
		Warranty.Rule fitOut = months("FITOUT", 24);
		LocalDate leapDay = LocalDate.of(2024, 2, 29);
		assertThat(Warranty.decide(fitOut, leapDay, LocalDate.of(2026, 2, 28)).until()).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(Warranty.decide(fitOut, leapDay, LocalDate.of(2026, 2, 28)).status()).isEqualTo(Warranty.Status.IN_WARRANTY);
		assertThat(Warranty.decide(fitOut, leapDay, LocalDate.of(2026, 3, 1)).status()).isEqualTo(Warranty.Status.EXPIRED);
		// reported on the handover day itself: covered
		assertThat(Warranty.decide(fitOut, leapDay, leapDay).status()).isEqualTo(Warranty.Status.IN_WARRANTY);
	}

	@Test
	void heatingIsCoveredForTwoHeatingSeasonsBeginningAfterTheHandover() {
		Warranty.Rule heating = seasons("HEATING", 2, "11-15", "03-15");
		// handed over in summer 2021: the seasons 2021/22 and 2022/23
		assertThat(Warranty.decide(heating, HANDOVER, LocalDate.of(2023, 3, 15)).status()).isEqualTo(Warranty.Status.IN_WARRANTY);
		assertThat(Warranty.decide(heating, HANDOVER, LocalDate.of(2023, 3, 16)).status()).isEqualTo(Warranty.Status.EXPIRED);
		// handed over during a season: that season is not counted, the owner is covered through it and two more
		LocalDate midSeason = LocalDate.of(2021, 12, 1);
		assertThat(Warranty.decide(heating, midSeason, LocalDate.of(2024, 3, 15)).status()).isEqualTo(Warranty.Status.IN_WARRANTY);
		assertThat(Warranty.decide(heating, midSeason, LocalDate.of(2024, 3, 16)).status()).isEqualTo(Warranty.Status.EXPIRED);
		// handed over on the first day of a season: it counts
		assertThat(Warranty.decide(heating, LocalDate.of(2021, 11, 15), LocalDate.of(2023, 3, 15)).status())
			.isEqualTo(Warranty.Status.IN_WARRANTY);
		assertThat(Warranty.decide(heating, LocalDate.of(2021, 11, 15), LocalDate.of(2023, 3, 16)).status())
			.isEqualTo(Warranty.Status.EXPIRED);
		// handed over late in a season (February): the rest of it is not counted either
		assertThat(Warranty.decide(heating, LocalDate.of(2022, 2, 10), LocalDate.of(2022, 2, 10)).until())
			.isEqualTo(LocalDate.of(2024, 3, 15));
		// the day after a season ends: the next two seasons
		assertThat(Warranty.decide(heating, LocalDate.of(2022, 3, 16), LocalDate.of(2022, 3, 16)).until())
			.isEqualTo(LocalDate.of(2024, 3, 15));
	}

	@Test
	void coolingIsCoveredForTwoCoolingSeasons() {
		Warranty.Rule cooling = seasons("COOLING", 2, "05-15", "09-15");
		assertThat(Warranty.decide(cooling, HANDOVER, LocalDate.of(2023, 9, 15)).status()).isEqualTo(Warranty.Status.IN_WARRANTY);
		assertThat(Warranty.decide(cooling, HANDOVER, LocalDate.of(2023, 9, 16)).status()).isEqualTo(Warranty.Status.EXPIRED);
	}

	@Test
	void aUnitWithoutAHandoverDateHasNotBegunItsWarrantyAndIsRepairedFree() {
		Warranty.Decision d = Warranty.decide(months("FITOUT", 24), null, LocalDate.of(2030, 1, 1));
		assertThat(d.status()).isEqualTo(Warranty.Status.NO_HANDOVER);
		assertThat(d.until()).isNull();
		assertThat(d.covered()).isTrue();
		assertThat(d.defaultCharge()).isEqualTo(Charge.WARRANTY);
	}

	@Test
	void outOfWarrantyWorkIsChargedByDefaultAndNothingIsJudgedWithoutAComponent() {
		assertThat(Warranty.decide(months("FITOUT", 24), HANDOVER, LocalDate.of(2025, 1, 1)).defaultCharge()).isEqualTo(Charge.PAID);
		Warranty.Decision none = Warranty.decide(null, HANDOVER, LocalDate.of(2025, 1, 1));
		assertThat(none.status()).isEqualTo(Warranty.Status.NOT_JUDGED);
		assertThat(none.defaultCharge()).isEqualTo(Charge.WARRANTY);
	}

}
