package io.estatedesk.complaint;

import io.estatedesk.shared.BusinessClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.estatedesk.complaint.ComplaintViews.Attachment;
import io.estatedesk.complaint.ComplaintViews.Category;
import io.estatedesk.complaint.ComplaintViews.Detail;
import io.estatedesk.complaint.ComplaintViews.Followup;
import io.estatedesk.complaint.ComplaintViews.Full;
import io.estatedesk.complaint.ComplaintViews.Party;
import io.estatedesk.complaint.ComplaintViews.Row;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads of complaints: filtered and paged in the database, never counted in full. */
@Component
@Transactional(readOnly = true)
class ComplaintQueries {

	/**
	 * An open complaint overdue now: not waiting for the owner, and past its reply limit while not replied or past its
	 * closing limit. Written as its next due moment, the very expression of complaint_overdue_idx, so that counting
	 * the overdue ones reads that index's range rather than every open complaint.
	 */
	static String openOverdue() {
		return "(c.waiting_since is null and " + NEXT_DUE + " < " + BusinessClock.sqlNow() + ")";
	}

	/** The moment an open complaint falls due next (complaint_overdue_idx is on it). */
	static final String NEXT_DUE = "(case when c.replied_at is null then least(c.reply_due, c.close_due) else c.close_due end)";

	static String overdue() {
		return "(c.closed_at is null and " + openOverdue() + ")";
	}

	private static final String ROW_SELECT = """
			select c.id, c.code, c.complaint_date, c.complainant, c.severity, c.channel, c.state, c.reply_due, c.close_due,
			       c.appointment_at, c.waiting_since, c.group_case, p.name project_name, cat.name category,
			       h.display_name handler, u.building_name, u.room_no, %s overdue
			from complaint c
			join estate_project p on p.id = c.project_id
			join complaint_category cat on cat.id = c.category_id
			join staff_person h on h.id = c.handler_id
			left join estate_unit_place u on u.id = c.unit_id
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate streaming;

	private final ComplaintSearch search;

	private final ComplaintHistory history;

	ComplaintQueries(DataSource dataSource, ComplaintSearch search, ComplaintHistory history) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		JdbcTemplate t = new JdbcTemplate(dataSource);
		t.setFetchSize(500);
		this.streaming = new NamedParameterJdbcTemplate(t);
		this.search = search;
		this.history = history;
	}

	/**
	 * Plans this transaction's queries with their actual values. pgJDBC prepares a statement on the server from its
	 * fifth use on a connection, and PostgreSQL may then switch to a generic plan that cannot tell a word in 9 % of
	 * complaints from one in 0.01 % (漏水: 1.7 ms with its own plan, 496 ms with the generic one).
	 */
	private void customPlans() {
		jdbc.getJdbcTemplate().execute("set local plan_cache_mode = force_custom_plan");
	}

	Slice<Row> list(ComplaintFilter f, int page, int size) {
		customPlans();
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(f, params);
		params.addValue("limit", size + 1).addValue("offset", (long) page * size);
		List<Row> rows = jdbc.query(ROW_SELECT.formatted(overdue()) + where + order(f) + " limit :limit offset :offset", params,
				(rs, i) -> row(rs));
		return Slice.of(rows, page, size, () -> jdbc.queryForObject(Slice.boundedCount(countFrom(f) + where), params, Long.class));
	}

	/**
	 * What the bounded count reads: the complaints alone, with the unit only when a building is asked for. The list's
	 * other joins cannot change the number (every complaint has its project, category and handler, by foreign key),
	 * and leaving them out halves the count's cost for a frequent word (漏水 at 1,000,000: 225 → 105 ms).
	 */
	private static String countFrom(ComplaintFilter f) {
		return "select 1 from complaint c" + (f.buildingId() == null ? "" : " left join estate_unit_place u on u.id = c.unit_id");
	}

	void each(ComplaintFilter f, RowCallbackHandler handler) {
		customPlans();
		MapSqlParameterSource params = new MapSqlParameterSource();
		streaming.query(ROW_SELECT.formatted(overdue()) + where(f, params) + order(f), params, handler);
	}

	/**
	 * Newest first: by number, or by complaint date when a date range is asked for — an index on the date then
	 * yields the page at once instead of sorting every complaint of the range.
	 */
	private static String order(ComplaintFilter f) {
		return f.from() != null || f.to() != null ? " order by c.complaint_date desc, c.id desc" : " order by c.id desc";
	}

	private String where(ComplaintFilter f, MapSqlParameterSource params) {
		List<String> c = new ArrayList<>();
		eq(c, params, "c.project_id", "projectId", f.projectId());
		eq(c, params, "u.building_id", "buildingId", f.buildingId());
		eq(c, params, "c.state", "state", f.state() == null ? null : f.state().name());
		eq(c, params, "c.category_id", "categoryId", f.categoryId());
		eq(c, params, "c.severity", "severity", f.severity() == null ? null : f.severity().name());
		eq(c, params, "c.channel", "channel", f.channel() == null ? null : f.channel().name());
		eq(c, params, "c.cause_type", "cause", f.cause() == null ? null : f.cause().name());
		eq(c, params, "c.handler_id", "handlerId", f.handlerId());
		if (f.ownerId() != null) {
			c.add(ofOwner(":ownerId"));
			params.addValue("ownerId", f.ownerId());
		}
		if (f.unitId() != null) {
			c.add(ofUnit(":unitId"));
			params.addValue("unitId", f.unitId());
		}
		if (Boolean.TRUE.equals(f.overdue())) {
			c.add(overdue());
		}
		if (Boolean.TRUE.equals(f.open())) {
			c.add("c.closed_at is null");
		}
		if (Boolean.TRUE.equals(f.appointments())) {
			c.add("c.appointment_at is not null and c.closed_at is null");
		}
		if (f.appointmentsBefore() != null) {
			c.add("c.appointment_at < :appointmentsBefore and c.closed_at is null");
			params.addValue("appointmentsBefore",
					java.sql.Timestamp.from(f.appointmentsBefore().atStartOfDay(BusinessClock.ZONE).toInstant()));
		}
		if (Boolean.TRUE.equals(f.repairsDone())) {
			c.add("c.repairs_done_at is not null and c.closed_at is null");
		}
		if (f.from() != null) {
			c.add("c.complaint_date >= :from");
			params.addValue("from", f.from());
		}
		if (f.to() != null) {
			c.add("c.complaint_date <= :to");
			params.addValue("to", f.to());
		}
		if (f.ageFrom() != null) {
			// made at least ageFrom days ago: the dashboard's age columns (1, 3, 7, 30 days before now) are the bounds
			c.add("c.complained_at <= :ageFrom");
			params.addValue("ageFrom", daysAgo(f.ageFrom()));
		}
		if (f.ageTo() != null) {
			c.add("c.complained_at > :ageTo");
			params.addValue("ageTo", daysAgo(f.ageTo()));
		}
		if (f.progress() != null) {
			c.add(f.progress().condition);
		}
		if (f.query() != null) {
			c.add(search.condition(f.query(), params));
		}
		return " where " + (c.isEmpty() ? "true" : String.join(" and ", c));
	}

	/**
	 * The complaints of an owner: made by them or naming them as a party. The IDs are collected first from the two
	 * owner indexes (an array computed once), so the list reads only those rows — an {@code or exists (…)} would walk
	 * the whole table newest first, looking at every complaint for the few that match.
	 */
	static String ofOwner(String param) {
		return byIds("owner_id", param);
	}

	/** The complaints about a unit, or naming it as a party's unit; read like {@link #ofOwner}. */
	static String ofUnit(String param) {
		return byIds("unit_id", param);
	}

	private static String byIds(String column, String param) {
		return "c.id = any (array(select id from complaint where %1$s = %2$s union select complaint_id from complaint_party where %1$s = %2$s))"
			.formatted(column, param);
	}

	private static Timestamp daysAgo(int days) {
		int d = Math.max(0, Math.min(days, ComplaintFilter.MAX_AGE_DAYS));
		return Timestamp.from(BusinessClock.now().minus(d, java.time.temporal.ChronoUnit.DAYS));
	}

	private static void eq(List<String> c, MapSqlParameterSource params, String column, String name, Object value) {
		if (value != null) {
			c.add(column + " = :" + name);
			params.addValue(name, value);
		}
	}

	static Row row(ResultSet rs) throws SQLException {
		String room = rs.getString("room_no");
		return new Row(rs.getLong("id"), rs.getString("code"), rs.getDate("complaint_date").toLocalDate(),
				rs.getString("complainant"), room == null ? null : rs.getString("building_name") + " " + room,
				rs.getString("project_name"), rs.getString("category"), Severity.valueOf(rs.getString("severity")),
				Channel.valueOf(rs.getString("channel")), ComplaintState.valueOf(rs.getString("state")),
				rs.getString("handler"), instant(rs, "reply_due"), instant(rs, "close_due"), rs.getBoolean("overdue"),
				instant(rs, "appointment_at"), rs.getTimestamp("waiting_since") != null, rs.getBoolean("group_case"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	/** The whole sheet: the complaint's columns by name into {@link Detail}, with the names of what it refers to. */
	Optional<Detail> detail(long id) {
		return jdbc.query("""
				select c.*, p.name project_name, p.developer_name, cat.name category, r.display_name receiver,
				       h.display_name handler, l.display_name leader, o.name owner_name, u.label unit_label, %s overdue
				from complaint c
				join estate_project p on p.id = c.project_id
				join complaint_category cat on cat.id = c.category_id
				join staff_person r on r.id = c.receiver_id
				join staff_person h on h.id = c.handler_id
				left join staff_person l on l.id = c.leader_id
				left join estate_owner o on o.id = c.owner_id
				left join estate_unit_place u on u.id = c.unit_id
				where c.id = :id""".formatted(overdue()), new MapSqlParameterSource("id", id), DETAIL).stream().findFirst();
	}

	private static final DataClassRowMapper<Detail> DETAIL = new DataClassRowMapper<>(Detail.class);

	Full full(long id) {
		Detail d = detail(id).orElseThrow(() -> new NotFoundException("complaint.notFound"));
		MapSqlParameterSource p = new MapSqlParameterSource("id", id);
		List<Followup> followups = jdbc.query("select * from complaint_followup where complaint_id = :id order by occurred_at, id",
				p, (rs, i) -> new Followup(rs.getLong("id"), instant(rs, "occurred_at"), rs.getString("actor"),
						rs.getString("way"), rs.getString("content")));
		List<Attachment> attachments = jdbc.query("""
				select id, file_name, content_type, size_bytes, uploaded_by, uploaded_at from complaint_attachment
				where complaint_id = :id order by id""", p, (rs, i) -> new Attachment(rs.getLong("id"),
				rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
				rs.getString("uploaded_by"), instant(rs, "uploaded_at")));
		List<Party> parties = jdbc.query("select * from complaint_party where complaint_id = :id order by id", p,
				(rs, i) -> new Party(rs.getLong("id"), (Long) rs.getObject("owner_id"), (Long) rs.getObject("unit_id"),
						rs.getString("name")));
		return new Full(d, followups, attachments, parties, history.of(id));
	}

	/** The complaints of one group: the one they were merged into and its members. */
	List<ComplaintViews.GroupMember> group(long id) {
		return jdbc.query("""
				select c.id, c.code, c.complainant, c.state from complaint c
				where c.id = (select coalesce(g.group_id, g.id) from complaint g where g.id = :id)
				   or c.group_id = (select coalesce(g.group_id, g.id) from complaint g where g.id = :id)
				order by c.group_id nulls first, c.id""", new MapSqlParameterSource("id", id),
				(rs, i) -> new ComplaintViews.GroupMember(rs.getLong("id"), rs.getString("code"), rs.getString("complainant"),
						ComplaintState.valueOf(rs.getString("state"))));
	}

	record AttachmentContent(String fileName, String contentType, boolean checked, byte[] data) {
	}

	Optional<AttachmentContent> attachment(long complaintId, long attachmentId) {
		return jdbc.query("""
				select file_name, content_type, content_checked, data from complaint_attachment
				where id = :a and complaint_id = :c""",
				new MapSqlParameterSource("a", attachmentId).addValue("c", complaintId),
				(rs, i) -> new AttachmentContent(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBytes(4))).stream().findFirst();
	}

	/** A closed complaint in the case library, with what was learned from it. */
	record Case(long id, String code, java.time.LocalDate complaintDate, String projectName, String category,
			String content, String causeAnalysis, String correctiveAction, String lesson, Boolean satisfied) {
	}

	Slice<Case> library(String q, int page, int size) {
		customPlans();
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = " where c.state = 'CLOSED'" + (q == null || q.isBlank() ? "" : " and " + search.condition(q.strip(), params));
		params.addValue("limit", size + 1).addValue("offset", (long) page * size);
		String select = """
				select c.id, c.code, c.complaint_date, p.name project_name, cat.name category, c.content, c.cause_analysis,
				       c.corrective_action, c.lesson, c.return_satisfied
				from complaint c join estate_project p on p.id = c.project_id join complaint_category cat on cat.id = c.category_id"""
				+ where;
		List<Case> rows = jdbc.query(select + " order by c.closed_at desc, c.id desc limit :limit offset :offset", params,
				(rs, i) -> new Case(rs.getLong("id"), rs.getString("code"), rs.getDate("complaint_date").toLocalDate(),
						rs.getString("project_name"), rs.getString("category"), rs.getString("content"),
						rs.getString("cause_analysis"), rs.getString("corrective_action"), rs.getString("lesson"),
						(Boolean) rs.getObject("return_satisfied")));
		return Slice.of(rows, page, size, () -> jdbc.queryForObject(Slice.boundedCount(select), params, Long.class));
	}

	List<Category> categories() {
		return jdbc.query("select * from complaint_category order by sort_order, id", (rs, i) -> new Category(rs.getLong("id"),
				rs.getString("name"), rs.getInt("sort_order"), rs.getBoolean("active")));
	}

}
