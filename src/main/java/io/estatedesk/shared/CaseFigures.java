package io.estatedesk.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Dashboard figures of one kind of case (complaints, work orders, return calls), computed by aggregates in the database:
 * open cases by state and age, today's load, and monthly series. Each module describes its table with a {@link Spec};
 * the SQL is built from it without user input (only the values are parameters).
 */
public final class CaseFigures {

	/**
	 * How a kind of case is counted. Each field is an SQL expression over the table's columns.
	 *
	 * @param table the table
	 * @param state the state column
	 * @param since when an open case started (its age is counted from it)
	 * @param open the condition of an open case
	 * @param overdue the condition of an overdue open case, built when a query runs (it compares with "now")
	 * @param dueAt the time an open case is due next (for "due today")
	 * @param date the column a case is counted in a month by
	 * @param timestamp whether that column is a timestamptz (counted by its day in China) rather than a date
	 * @param done the condition of a finished case
	 * @param timed the condition of a case whose time limit can be judged (the base of the on-time rate)
	 * @param onTime the condition of a case finished within its limit
	 * @param rated the condition of a case the owner rated or was asked about at the return call
	 * @param good the condition of a case the owner was satisfied with
	 */
	public record Spec(String table, String state, String since, String open, java.util.function.Supplier<String> overdue, String dueAt, String date,
			boolean timestamp, String done, String timed, String onTime, String rated, String good) {
	}

	/** Open cases of one state by age: up to a day, 1–3 days, 3–7 days, 7–30 days, older. */
	public record Aged(String state, long day, long days3, long days7, long days30, long older) {

		public long total() {
			return day + days3 + days7 + days30 + older;
		}

	}

	/** Today's load: open cases, overdue ones and those not yet overdue that fall due before the day ends. */
	public record Today(long open, long overdue, long dueToday) {
	}

	/** One month (its first day) and, when grouped by project, the project. */
	public record Monthly(Long projectId, LocalDate month, long count, long done, long timed, long onTime, long rated,
			long good) {

		/** On-time rate (0–1), or null when nothing could be judged. */
		public Double onTimeRate() {
			return timed == 0 ? null : (double) onTime / timed;
		}

		/** Satisfaction rate (0–1), or null when nobody was asked. */
		public Double goodRate() {
			return rated == 0 ? null : (double) good / rated;
		}

	}

	private CaseFigures() {
	}

	public static List<Aged> aged(NamedParameterJdbcTemplate jdbc, Spec spec, Long projectId, Instant now) {
		// cumulative counts against fixed limits: an index-only scan of the open cases, no per-row date arithmetic
		MapSqlParameterSource p = params(projectId).addValue("d1", at(now, 1)).addValue("d3", at(now, 3))
			.addValue("d7", at(now, 7)).addValue("d30", at(now, 30));
		return jdbc.query("""
				select %1$s state, count(*) filter (where %2$s > :d1) d1, count(*) filter (where %2$s > :d3) d3,
				       count(*) filter (where %2$s > :d7) d7, count(*) filter (where %2$s > :d30) d30, count(*) total
				from %3$s where %4$s %5$s group by 1""".formatted(spec.state(), spec.since(), spec.table(), spec.open(),
				project(projectId)), p, (rs, i) -> {
			long d1 = rs.getLong("d1");
			long d3 = rs.getLong("d3");
			long d7 = rs.getLong("d7");
			long d30 = rs.getLong("d30");
			return new Aged(rs.getString("state"), d1, d3 - d1, d7 - d3, d30 - d7, rs.getLong("total") - d30);
		});
	}

	public static Today today(NamedParameterJdbcTemplate jdbc, Spec spec, Long projectId, Instant endOfDay) {
		return jdbc.queryForObject("""
				select count(*) open, count(*) filter (where %1$s) overdue, count(*) filter (where not (%1$s) and %2$s < :end) due
				from %3$s where %4$s %5$s""".formatted(spec.overdue().get(), spec.dueAt(), spec.table(), spec.open(),
				project(projectId)), params(projectId).addValue("end", Timestamp.from(endOfDay)),
				(rs, i) -> new Today(rs.getLong("open"), rs.getLong("overdue"), rs.getLong("due")));
	}

	/** Months from {@code from} (inclusive) to {@code to} (exclusive), for all projects or one. */
	public static List<Monthly> monthly(NamedParameterJdbcTemplate jdbc, Spec spec, Long projectId, LocalDate from,
			LocalDate to) {
		return series(jdbc, spec, projectId, from, to, false);
	}

	/** The same, per project. */
	public static List<Monthly> monthlyByProject(NamedParameterJdbcTemplate jdbc, Spec spec, LocalDate from, LocalDate to) {
		return series(jdbc, spec, null, from, to, true);
	}

	private static List<Monthly> series(NamedParameterJdbcTemplate jdbc, Spec spec, Long projectId, LocalDate from,
			LocalDate to, boolean byProject) {
		String key = byProject ? "project_id" : "null::bigint";
		// the range is on the column itself (so its index serves), the month is the one in China
		String month = spec.timestamp() ? "(" + spec.date() + " at time zone '" + BusinessClock.ZONE.getId() + "')" : spec.date();
		Object start = spec.timestamp() ? Timestamp.from(from.atStartOfDay(BusinessClock.ZONE).toInstant()) : from;
		Object end = spec.timestamp() ? Timestamp.from(to.atStartOfDay(BusinessClock.ZONE).toInstant()) : to;
		return jdbc.query("""
				select %1$s project, date_trunc('month', %10$s)::date m, count(*) n, count(*) filter (where %3$s) done,
				       count(*) filter (where %4$s) timed, count(*) filter (where %5$s) on_time,
				       count(*) filter (where %6$s) rated, count(*) filter (where %7$s) good
				from %8$s where %2$s >= :from and %2$s < :to %9$s group by 1, 2 order by 1, 2""".formatted(key, spec.date(),
				spec.done(), spec.timed(), spec.onTime(), spec.rated(), spec.good(), spec.table(), project(projectId), month),
				params(projectId).addValue("from", start).addValue("to", end),
				(rs, i) -> new Monthly((Long) rs.getObject("project"), rs.getObject("m", LocalDate.class), rs.getLong("n"),
						rs.getLong("done"), rs.getLong("timed"), rs.getLong("on_time"), rs.getLong("rated"),
						rs.getLong("good")));
	}

	private static Timestamp at(Instant now, int daysAgo) {
		return Timestamp.from(now.minus(daysAgo, ChronoUnit.DAYS));
	}

	private static String project(Long projectId) {
		return projectId == null ? "" : "and project_id = :projectId";
	}

	private static MapSqlParameterSource params(Long projectId) {
		return new MapSqlParameterSource("projectId", projectId);
	}

}
