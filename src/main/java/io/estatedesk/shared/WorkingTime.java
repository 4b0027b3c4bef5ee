package io.estatedesk.shared;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * Arithmetic in working time: Monday to Friday within working hours, except listed public holidays, plus listed
 * make-up workdays (调休上班) that fall on a weekend. Pure and immutable, so it can be tested on its own.
 */
public final class WorkingTime {

	

	/** Day → true for a make-up workday, false for a holiday; days not listed follow the weekday rule. */
	private final Map<LocalDate, Boolean> overrides;

	private final LocalTime start;

	private final LocalTime end;

	private final ZoneId zone;

	public WorkingTime(Map<LocalDate, Boolean> overrides, LocalTime start, LocalTime end, ZoneId zone) {
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("working hours must end after they start");
		}
		this.overrides = Map.copyOf(overrides);
		this.start = start;
		this.end = end;
		this.zone = zone;
	}

	public boolean isWorkingDay(LocalDate day) {
		Boolean listed = overrides.get(day);
		if (listed != null) {
			return listed;
		}
		DayOfWeek d = day.getDayOfWeek();
		return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
	}

	public long minutesPerDay() {
		return java.time.Duration.between(start, end).toMinutes();
	}

	/** The moment that lies the given number of working minutes after {@code from}. */
	public Instant plusWorkingMinutes(Instant from, long minutes) {
		if (minutes < 0) {
			throw new IllegalArgumentException("minutes must not be negative");
		}
		LocalDateTime t = LocalDateTime.ofInstant(from, zone);
		LocalDate day = t.toLocalDate();
		LocalTime time = t.toLocalTime();
		// move to the next working moment
		if (!isWorkingDay(day) || !time.isBefore(end)) {
			day = nextWorkingDay(day.plusDays(isWorkingDay(day) && !time.isBefore(end) ? 1 : 0));
			time = start;
		}
		else if (time.isBefore(start)) {
			time = start;
		}
		long remaining = minutes;
		while (true) {
			long left = java.time.Duration.between(time, end).toMinutes();
			if (remaining <= left) {
				return ZonedDateTime.of(day, time.plusMinutes(remaining), zone).toInstant();
			}
			remaining -= left;
			day = nextWorkingDay(day.plusDays(1));
			time = start;
		}
	}

	/** Working minutes between two moments (0 when {@code to} is not after {@code from}). */
	public long workingMinutesBetween(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return 0;
		}
		LocalDateTime a = LocalDateTime.ofInstant(from, zone);
		LocalDateTime b = LocalDateTime.ofInstant(to, zone);
		long total = 0;
		for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
			if (!isWorkingDay(day)) {
				continue;
			}
			LocalTime from0 = day.equals(a.toLocalDate()) ? max(a.toLocalTime(), start) : start;
			LocalTime to0 = day.equals(b.toLocalDate()) ? min(b.toLocalTime(), end) : end;
			if (to0.isAfter(from0)) {
				total += java.time.Duration.between(from0, to0).toMinutes();
			}
		}
		return total;
	}

	private LocalDate nextWorkingDay(LocalDate day) {
		LocalDate d = day;
		// a calendar never has more than a few weeks off in a row; the bound guards against bad data
		for (int i = 0; i < 400 && !isWorkingDay(d); i++) {
			d = d.plusDays(1);
		}
		return d;
	}

	private static LocalTime max(LocalTime a, LocalTime b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalTime min(LocalTime a, LocalTime b) {
		return a.isBefore(b) ? a : b;
	}

}
