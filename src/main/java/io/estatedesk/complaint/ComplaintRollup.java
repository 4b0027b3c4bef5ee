package io.estatedesk.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import io.estatedesk.shared.CaseFigures;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the complaint figures the database keeps per day and per month (complaint_day_figures,
 * complaint_month_figures, kept exact by a trigger in the complaint's own transaction): a period is its whole months
 * from the month table and its partial months at either end from the day table, so any period costs a few thousand
 * rows at most, however many complaints it holds.
 */
@Component
class ComplaintRollup {

	/** What is counted under one kind of figure: all, category, channel, handler, state, cause. */
	enum Kind {
		ALL, CATEGORY, CHANNEL, HANDLER, STATE, CAUSE;

		String column() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** The sums of one cell. */
	record Sums(long n, long replied, long onTime, double replySeconds, long closed, double closeSeconds, long rated,
			long good, long reopened) {

		/** Not closed. */
		long open() {
			return n - closed;
		}

	}

	/**
	 * One cell: a kind and, as grouped, its value, the month (first day) and the project; what is not grouped by is
	 * null.
	 */
	record Cell(Kind kind, String value, LocalDate month, Long projectId, Sums sums) {
	}

	/** How the cells are grouped. */
	enum Grouping {
		/** per value of each kind, and per month and per project of the whole (the statistics page) */
		STATISTICS("(kind, value), (kind, m), (kind, project_id)"),
		/** per month, per month and project, and per month and value (the dashboards' series) */
		MONTHS("(kind, m), (kind, project_id, m), (kind, value, m)");

		final String sets;

		Grouping(String sets) {
			this.sets = sets;
		}
	}

	private final NamedParameterJdbcTemplate jdbc;

	ComplaintRollup(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The cells of the complaints dated {@code from} to {@code to} (both inclusive), for one project or all. */
	List<Cell> cells(Long projectId, LocalDate from, LocalDate to, Grouping grouping, Kind... kinds) {
		CaseFigures.WholeMonths period = CaseFigures.WholeMonths.of(from, to);
		String project = projectId == null ? "" : " and project_id = :projectId";
		MapSqlParameterSource p = period.params().addValue("projectId", projectId)
			.addValue("kinds", java.util.Arrays.stream(kinds.length == 0 ? Kind.values() : kinds).map(Kind::column).toList());
		return jdbc.query("""
				with f as (
				  select month as m, project_id, kind, value, n, replied, on_time, reply_seconds, closed, close_seconds,
				         rated, good, reopened
				  from complaint_month_figures where %3$s and kind in (:kinds)%1$s
				  union all
				  select date_trunc('month', day)::date, project_id, kind, value, n, replied, on_time, reply_seconds,
				         closed, close_seconds, rated, good, reopened
				  from complaint_day_figures
				  where %4$s and kind in (:kinds)%1$s)
				select kind, case when grouping(value) = 0 then value end as v, case when grouping(m) = 0 then m end as month,
				       case when grouping(project_id) = 0 then project_id end as project, sum(n) n,
				       sum(replied) replied, sum(on_time) on_time, sum(reply_seconds) reply_seconds, sum(closed) closed,
				       sum(close_seconds) close_seconds, sum(rated) rated, sum(good) good, sum(reopened) reopened
				from f group by grouping sets (%2$s) having sum(n) <> 0""".formatted(project, grouping.sets,
				CaseFigures.WholeMonths.MONTHS, CaseFigures.WholeMonths.DAYS), p,
				(rs, i) -> new Cell(Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)), rs.getString("v"),
						rs.getObject("month", LocalDate.class), (Long) rs.getObject("project"), sums(rs)));
	}

	private static Sums sums(ResultSet rs) throws SQLException {
		return new Sums(rs.getLong("n"), rs.getLong("replied"), rs.getLong("on_time"),
				rs.getDouble("reply_seconds"), rs.getLong("closed"), rs.getDouble("close_seconds"), rs.getLong("rated"),
				rs.getLong("good"), rs.getLong("reopened"));
	}

	/** Recomputes the figures from the complaints (after a bulk load past the trigger, or to check them). */
	void rebuild() {
		jdbc.getJdbcTemplate().execute("select complaint_figures_rebuild()");
	}

}
