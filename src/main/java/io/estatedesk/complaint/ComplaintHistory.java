package io.estatedesk.complaint;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The complaint's history: appended, never changed. */
@Component
class ComplaintHistory {

	/** One step: who, when, what kind, and for field changes the field with old and new value. */
	record Entry(long id, long version, Instant occurredAt, String actor, String kind, String field, String oldValue,
			String newValue, String note) {
	}

	private final JdbcTemplate jdbc;

	ComplaintHistory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void add(long complaintId, long version, String actor, String kind, String field, String oldValue, String newValue,
			String note) {
		jdbc.update("""
				insert into complaint_history (complaint_id, version, actor, kind, field, old_value, new_value, note)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", complaintId, version, actor, kind, field, oldValue, newValue, note);
	}

	List<Entry> of(long complaintId) {
		return jdbc.query("select * from complaint_history where complaint_id = ? order by id", (rs, i) -> entry(rs), complaintId);
	}

	List<Entry> since(long complaintId, long version) {
		return jdbc.query("select * from complaint_history where complaint_id = ? and version > ? order by id",
				(rs, i) -> entry(rs), complaintId, version);
	}

	private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Entry(rs.getLong("id"), rs.getLong("version"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getString("actor"), rs.getString("kind"), rs.getString("field"), rs.getString("old_value"),
				rs.getString("new_value"), rs.getString("note"));
	}

}
