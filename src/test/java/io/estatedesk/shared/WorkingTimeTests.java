package io.estatedesk.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Working-time arithmetic on the 2026 calendar (国务院办公厅通知 of 2025-11-04), 09:00–18:00. */
class WorkingTimeTests {

	static final WorkingTime WT = new WorkingTime(calendar2026(), LocalTime.of(9, 0), LocalTime.of(18, 0), BusinessClock.ZONE);

	static Map<LocalDate, Boolean> calendar2026() {
		Map<LocalDate, Boolean> m = new HashMap<>();
		holidays(m, "2026-01-01", 3);
		m.put(LocalDate.parse("2026-01-04"), true);
		m.put(LocalDate.parse("2026-02-14"), true);
		holidays(m, "2026-02-15", 9);
		m.put(LocalDate.parse("2026-02-28"), true);
		holidays(m, "2026-04-04", 3);
		holidays(m, "2026-05-01", 5);
		m.put(LocalDate.parse("2026-05-09"), true);
		holidays(m, "2026-06-19", 3);
		m.put(LocalDate.parse("2026-09-20"), true);
		holidays(m, "2026-09-25", 3);
		holidays(m, "2026-10-01", 7);
		m.put(LocalDate.parse("2026-10-10"), true);
		return m;
	}

	static void holidays(Map<LocalDate, Boolean> m, String first, int days) {
		for (int i = 0; i < days; i++) {
			m.put(LocalDate.parse(first).plusDays(i), false);
		}
	}

	static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(BusinessClock.ZONE).toInstant();
	}

	static String local(Instant i) {
		return LocalDateTime.ofInstant(i, BusinessClock.ZONE).toString();
	}

	@Test
	void countsWithinOneWorkingDay() {
		assertThat(local(WT.plusWorkingMinutes(at("2026-03-10T10:00"), 240))).isEqualTo("2026-03-10T14:00");
	}

	@Test
	void startsAtTheNextWorkingMomentWhenReceivedOutsideWorkingHours() {
		assertThat(local(WT.plusWorkingMinutes(at("2026-03-10T07:30"), 60))).isEqualTo("2026-03-10T10:00");
		assertThat(local(WT.plusWorkingMinutes(at("2026-03-10T20:00"), 60))).isEqualTo("2026-03-11T10:00");
	}

	@Test
	void skipsTheWeekend() {
		// Friday 16:00 + one working day (540 min) = Monday 16:00
		assertThat(local(WT.plusWorkingMinutes(at("2026-03-13T16:00"), 540))).isEqualTo("2026-03-16T16:00");
		assertThat(local(WT.plusWorkingMinutes(at("2026-03-14T11:00"), 30))).isEqualTo("2026-03-16T09:30");
	}

	@Test
	void skipsTheSpringFestivalAndWorksTheMakeUpSaturdays() {
		// Saturday 14 Feb is a make-up workday; 15–23 Feb are the holiday
		assertThat(WT.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
		assertThat(local(WT.plusWorkingMinutes(at("2026-02-13T17:00"), 120))).isEqualTo("2026-02-14T10:00");
		assertThat(local(WT.plusWorkingMinutes(at("2026-02-14T17:00"), 120))).isEqualTo("2026-02-24T10:00");
		assertThat(WT.isWorkingDay(LocalDate.parse("2026-02-28"))).isTrue();
	}

	@Test
	void skipsNationalDayAndMidAutumnButWorksTheMakeUpDays() {
		assertThat(WT.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue();
		assertThat(WT.isWorkingDay(LocalDate.parse("2026-09-25"))).isFalse();
		// Wednesday 30 Sep 17:00 + 3 working days: 1–7 Oct off, Thu 8, Fri 9, Sat 10 (调休) → Sat 10 Oct 17:00
		assertThat(local(WT.plusWorkingMinutes(at("2026-09-30T17:00"), 3 * 540))).isEqualTo("2026-10-10T17:00");
	}

	@Test
	void newYearsMakeUpSundayIsAWorkingDay() {
		assertThat(local(WT.plusWorkingMinutes(at("2026-12-31T17:30"), 60))).isEqualTo("2027-01-01T09:30");
		assertThat(local(WT.plusWorkingMinutes(at("2025-12-31T17:30"), 60))).isEqualTo("2026-01-04T09:30");
	}

	@Test
	void measuresWorkingMinutesBetweenTwoMomentsForPauses() {
		assertThat(WT.workingMinutesBetween(at("2026-03-13T16:00"), at("2026-03-16T10:00"))).isEqualTo(180);
		assertThat(WT.workingMinutesBetween(at("2026-04-03T17:00"), at("2026-04-07T09:30"))).isEqualTo(90);
		assertThat(WT.workingMinutesBetween(at("2026-03-16T10:00"), at("2026-03-16T09:00"))).isZero();
		// pausing and resuming shifts a deadline by exactly the working time spent waiting
		Instant due = WT.plusWorkingMinutes(at("2026-03-10T09:00"), 540);
		long waited = WT.workingMinutesBetween(at("2026-03-10T15:00"), at("2026-03-11T11:00"));
		assertThat(waited).isEqualTo(300);
		assertThat(local(WT.plusWorkingMinutes(due, waited))).isEqualTo("2026-03-11T14:00");
	}

	@Test
	void exactlyAtTheEndOfTheDayMovesToTheNextMorning() {
		assertThat(local(WT.plusWorkingMinutes(at("2026-03-10T09:00"), 540))).isEqualTo("2026-03-10T18:00");
		assertThat(local(WT.plusWorkingMinutes(at("2026-03-10T18:00"), 1))).isEqualTo("2026-03-11T09:01");
	}

}
