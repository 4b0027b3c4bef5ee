package io.estatedesk.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The history of a case (a complaint, a work order …): one row per step — who, when, what kind, and for field
 * changes the field with its old and new value — appended, never changed. Each module keeps its own table with the
 * columns (id, {case}_id, version, occurred_at, actor, kind, field, old_value, new_value, note).
 */
public class CaseHistory {

	/** One step. */
	public record Entry(long id, long version, Instant occurredAt, String actor, String kind, String field, String oldValue,
			String newValue, String note) {
	}

	private final JdbcTemplate jdbc;

	private final String table;

	private final String caseColumn;

	public CaseHistory(JdbcTemplate jdbc, String table, String caseColumn) {
		this.jdbc = jdbc;
		this.table = table;
		this.caseColumn = caseColumn;
	}

	/**
	 * Writes the steps a case took, all with the version its save produced (call it after the save and flush, with
	 * the entity's version then) and the business clock's time.
	 */
	public void write(long caseId, long version, String actor, Iterable<HistoryStep> steps) {
		java.sql.Timestamp at = java.sql.Timestamp.from(BusinessClock.now());
		for (HistoryStep s : steps) {
			jdbc.update("insert into " + table + " (" + caseColumn
					+ ", version, occurred_at, actor, kind, field, old_value, new_value, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
					caseId, version, at, actor, s.kind().name(), s.field(), s.oldValue(), s.newValue(), s.note());
		}
	}

	/** {@link #write(long, long, String, Iterable)} of the steps collected, which it empties. */
	public void write(long caseId, long version, String actor, HistorySteps steps) {
		write(caseId, version, actor, steps.drain());
	}

	/** {@link #write(long, long, String, Iterable)} of one step. */
	public void write(long caseId, long version, String actor, HistoryStep step) {
		write(caseId, version, actor, java.util.List.of(step));
	}

	public List<Entry> of(long caseId) {
		return jdbc.query("select * from " + table + " where " + caseColumn + " = ? order by id", (rs, i) -> entry(rs),
				caseId);
	}

	/** The steps since the given version: what others changed after the user loaded the case. */
	public List<Entry> since(long caseId, long version) {
		return jdbc.query("select * from " + table + " where " + caseColumn + " = ? and version > ? order by id",
				(rs, i) -> entry(rs), caseId, version);
	}

	private static Entry entry(ResultSet rs) throws SQLException {
		return new Entry(rs.getLong("id"), rs.getLong("version"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getString("actor"), rs.getString("kind"), rs.getString("field"), rs.getString("old_value"),
				rs.getString("new_value"), rs.getString("note"));
	}

}
