package io.estatedesk.shared;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The department's work calendar: the published public holidays and make-up workdays of each year entered so far
 * (2026 ships with the application), and the working hours. Years are never guessed: a year without an entry
 * counts weekends only, and administrators are warned before it begins.
 */
@Component
public class WorkCalendar {

	private static final Duration TTL = Duration.ofMinutes(5);

	private final JdbcTemplate jdbc;

	private final LocalTime start;

	private final LocalTime end;

	private volatile WorkingTime cached;

	private volatile Instant loadedAt = Instant.EPOCH;

	WorkCalendar(JdbcTemplate jdbc, @Value("${estatedesk.calendar.work-start:09:00}") LocalTime start,
			@Value("${estatedesk.calendar.work-end:18:00}") LocalTime end) {
		this.jdbc = jdbc;
		this.start = start;
		this.end = end;
	}

	/** The current working-time rules (reloaded at most every few minutes, at once after a change here). */
	public WorkingTime workingTime() {
		WorkingTime wt = cached;
		if (wt == null || loadedAt.plus(TTL).isBefore(BusinessClock.now())) {
			Map<LocalDate, Boolean> days = new HashMap<>();
			jdbc.query("select day, kind from work_calendar_day",
					rs -> {
						days.put(rs.getDate("day").toLocalDate(), "WORKDAY".equals(rs.getString("kind")));
					});
			wt = new WorkingTime(days, start, end, BusinessClock.ZONE);
			cached = wt;
			loadedAt = BusinessClock.now();
		}
		return wt;
	}

	public record CalendarYear(int year, String source, String enteredBy, Instant enteredAt) {
	}

	public record CalendarDay(LocalDate day, boolean workday, String name) {
	}

	public List<CalendarYear> years() {
		return jdbc.query("select * from work_calendar_year order by year", (rs, i) -> new CalendarYear(rs.getInt("year"),
				rs.getString("source"), rs.getString("entered_by"), rs.getTimestamp("entered_at").toInstant()));
	}

	public List<CalendarDay> days(int year) {
		return jdbc.query("select * from work_calendar_day where extract(year from day) = ? order by day",
				(rs, i) -> new CalendarDay(rs.getDate("day").toLocalDate(), "WORKDAY".equals(rs.getString("kind")),
						rs.getString("name")),
				year);
	}

	public boolean yearKnown(int year) {
		return jdbc.queryForObject("select count(*) from work_calendar_year where year = ?", Long.class, year) > 0;
	}

	/** The coming year when it starts within the next 60 days and has not been entered yet. */
	public java.util.Optional<Integer> missingComingYear(LocalDate today) {
		int next = today.getYear() + 1;
		boolean soon = !today.plusDays(60).isBefore(LocalDate.of(next, 1, 1));
		return soon && !yearKnown(next) ? java.util.Optional.of(next) : java.util.Optional.empty();
	}

	/** Replaces a year's holidays and make-up workdays with the published ones. */
	@Transactional
	public void saveYear(int year, String source, String enteredBy, List<CalendarDay> days) {
		for (CalendarDay d : days) {
			if (d.day().getYear() != year) {
				throw new BusinessRuleException("days", "calendar.day.wrongYear", d.day(), year);
			}
		}
		jdbc.update("delete from work_calendar_day where extract(year from day) = ?", year);
		jdbc.update("delete from work_calendar_year where year = ?", year);
		jdbc.update("insert into work_calendar_year (year, source, entered_by) values (?, ?, ?)", year, source, enteredBy);
		jdbc.batchUpdate("insert into work_calendar_day (day, kind, name) values (?, ?, ?)",
				days.stream().map(d -> new Object[] { Date.valueOf(d.day()), d.workday() ? "WORKDAY" : "HOLIDAY", d.name() })
					.toList());
		cached = null;
	}

}
