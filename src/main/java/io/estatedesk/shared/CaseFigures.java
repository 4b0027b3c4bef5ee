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
	 * How a kind of case is counted. Each field is an SQL expression over the table's columns. The monthly series are
	 * read from the sums a trigger of the module keeps (its {@code *_figures} migration); that trigger counts by the
	 * same date column and conditions as stated here, which the lists a figure opens use too — KeptFiguresIntegrationTests
	 * and DashboardLinksIntegrationTests check that they agree.
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

	/**
	 * A period of days split for kept sums: its whole months {@code [fullFrom, fullTo)} are read from month sums, the
	 * days before and after them from day sums, so a period costs a few hundred rows however many cases it holds.
	 */
	public record WholeMonths(LocalDate from, LocalDate to, LocalDate fullFrom, LocalDate fullTo) {

		/** The split of the days {@code from} to {@code to}, both inclusive. */
		public static WholeMonths of(LocalDate from, LocalDate to) {
			LocalDate fullFrom = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
			LocalDate fullTo = to.plusDays(1).getDayOfMonth() == 1 ? to.plusDays(1) : to.withDayOfMonth(1);
			if (!fullFrom.isBefore(fullTo)) {
				fullFrom = to.plusDays(1);
				fullTo = fullFrom;
			}
			return new WholeMonths(from, to, fullFrom, fullTo);
		}

		public MapSqlParameterSource params() {
			return new MapSqlParameterSource("from", from).addValue("to", to).addValue("fullFrom", fullFrom)
				.addValue("fullTo", fullTo);
		}

		/** The condition on a month table's {@code month}. */
		public static final String MONTHS = "month >= :fullFrom and month < :fullTo";

		/** The condition on a day table's {@code day}. */
		public static final String DAYS = "(day >= :from and day < :fullFrom or day >= :fullTo and day <= :to)";

	}

	/**
	 * Months from {@code from} (inclusive) to {@code to} (exclusive), for all projects or one, from the day and month
	 * sums a module's trigger keeps ({@code <figures>_day_figures}, {@code <figures>_month_figures}: day or month,
	 * project, n, done, timed, on_time, rated, good).
	 */
	public static List<Monthly> monthly(NamedParameterJdbcTemplate jdbc, String figures, Long projectId, LocalDate from,
			LocalDate to) {
		return series(jdbc, figures, projectId, from, to, false);
	}

	/** The same, per project. */
	public static List<Monthly> monthlyByProject(NamedParameterJdbcTemplate jdbc, String figures, LocalDate from,
			LocalDate to) {
		return series(jdbc, figures, null, from, to, true);
	}

	private static List<Monthly> series(NamedParameterJdbcTemplate jdbc, String figures, Long projectId, LocalDate from,
			LocalDate to, boolean byProject) {
		WholeMonths period = WholeMonths.of(from, to.minusDays(1));
		String project = project(projectId);
		return jdbc.query("""
				with f as (
				  select month m, project_id, n, done, timed, on_time, rated, good from %1$s_month_figures
				  where %2$s %4$s
				  union all
				  select date_trunc('month', day)::date, project_id, n, done, timed, on_time, rated, good from %1$s_day_figures
				  where %3$s %4$s)
				select %5$s project, m, sum(n) n, sum(done) done, sum(timed) timed, sum(on_time) on_time, sum(rated) rated,
				       sum(good) good
				from f group by 1, 2 having sum(n) <> 0 order by 1, 2""".formatted(figures, WholeMonths.MONTHS,
				WholeMonths.DAYS, project, byProject ? "project_id" : "null::bigint"),
				period.params().addValue("projectId", projectId),
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
