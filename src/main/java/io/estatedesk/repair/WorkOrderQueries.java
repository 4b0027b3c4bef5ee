package io.estatedesk.repair;

import io.estatedesk.shared.BusinessClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads of work orders: filtered and paged in the database, never counted in full. */
@Component
@Transactional(readOnly = true)
class WorkOrderQueries {

	/** Not done by its due date, and not on hold or waiting for the owner's acceptance. */
	/** A work order whose clock runs (not paused, not waiting for acceptance, not finished). */
	static final String RUNNING = "w.state in ('PENDING_DISPATCH', 'DISPATCHED', 'IN_PROGRESS', 'REWORK')";

	static String overdue() {
		return "(" + RUNNING + " and w.due_at < " + BusinessClock.sqlNow() + ")";
	}

	private static final String ROW_SELECT = """
			select w.id, w.code, p.name project_name, u.building_name, u.room_no, w.public_area, t.name trade_name,
			       w.description, w.urgency, w.state, c.name contractor_name, w.reported_at, w.due_at, w.warranty_status,
			       w.charge, w.rework_count, w.owner_rating, w.return_call_due, %s overdue
			from work_order w
			join estate_project p on p.id = w.project_id
			join repair_trade t on t.id = w.trade_id
			left join contractor c on c.id = w.contractor_id
			left join estate_unit_place u on u.id = w.unit_id
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate streaming;

	private final WorkOrderHistory history;

	private final WarrantyRules warranty;

	WorkOrderQueries(DataSource dataSource, WorkOrderHistory history, WarrantyRules warranty) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		JdbcTemplate t = new JdbcTemplate(dataSource);
		t.setFetchSize(500);
		this.streaming = new NamedParameterJdbcTemplate(t);
		this.history = history;
		this.warranty = warranty;
	}

	/** A page of work orders, newest first; {@code onlyContractor} limits a contractor's account to its own. */
	Slice<WorkOrderViews.Row> list(WorkOrderFilter f, Optional<Long> onlyContractor, int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(f, onlyContractor, params);
		params.addValue("limit", size + 1).addValue("offset", (long) page * size);
		String order = Boolean.TRUE.equals(f.returnCallDue()) ? " order by w.return_call_due, w.id" : order(f);
		return Slice.of(jdbc.query(ROW_SELECT.formatted(overdue()) + where + order + " limit :limit offset :offset", params, (rs, i) -> row(rs)),
				page, size, () -> jdbc.queryForObject(Slice.boundedCount(ROW_SELECT.formatted(overdue()) + where), params, Long.class));
	}

	/** Newest first: by number, or by the time reported when a range of it is asked for (its index yields the page). */
	private static String order(WorkOrderFilter f) {
		return f.reportedFrom() != null || f.reportedTo() != null ? " order by w.reported_at desc, w.id desc" : " order by w.id desc";
	}

	void each(WorkOrderFilter f, Optional<Long> onlyContractor, RowCallbackHandler handler) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		streaming.query(ROW_SELECT.formatted(overdue()) + where(f, onlyContractor, params) + order(f), params, handler);
	}

	private static String where(WorkOrderFilter f, Optional<Long> onlyContractor, MapSqlParameterSource params) {
		List<String> c = new ArrayList<>();
		onlyContractor.ifPresent(id -> {
			c.add("w.contractor_id = :onlyContractor");
			params.addValue("onlyContractor", id);
		});
		eq(c, params, "w.project_id", "projectId", f.projectId());
		eq(c, params, "u.building_id", "buildingId", f.buildingId());
		eq(c, params, "w.unit_id", "unitId", f.unitId());
		eq(c, params, "w.owner_id", "ownerId", f.ownerId());
		eq(c, params, "w.complaint_id", "complaintId", f.complaintId());
		eq(c, params, "w.contractor_id", "contractorId", f.contractorId());
		eq(c, params, "w.trade_id", "tradeId", f.tradeId());
		eq(c, params, "w.state", "state", f.state() == null ? null : f.state().name());
		eq(c, params, "w.urgency", "urgency", f.urgency() == null ? null : f.urgency().name());
		eq(c, params, "w.source", "source", f.source() == null ? null : f.source().name());
		if (Boolean.TRUE.equals(f.overdue())) {
			c.add(overdue());
		}
		if (Boolean.TRUE.equals(f.open())) {
			c.add("w.accepted_at is null and w.cancelled_at is null");
		}
		if (Boolean.TRUE.equals(f.returnCallDue())) {
			c.add("w.return_call_due is not null and w.return_call_at is null");
		}
		if (f.reportedFrom() != null) {
			// days in China, as the dashboard's months count them
			c.add("w.reported_at >= :reportedFrom");
			params.addValue("reportedFrom", Timestamp.from(f.reportedFrom().atStartOfDay(BusinessClock.ZONE).toInstant()));
		}
		if (f.reportedTo() != null) {
			c.add("w.reported_at < :reportedTo");
			params.addValue("reportedTo", Timestamp.from(f.reportedTo().plusDays(1).atStartOfDay(BusinessClock.ZONE).toInstant()));
		}
		if (f.ageFrom() != null) {
			// reported at least ageFrom days ago: the dashboard's age columns (1, 3, 7, 30 days before now) are the bounds
			c.add("w.reported_at <= :ageFrom");
			params.addValue("ageFrom", daysAgo(f.ageFrom()));
		}
		if (f.ageTo() != null) {
			c.add("w.reported_at > :ageTo");
			params.addValue("ageTo", daysAgo(f.ageTo()));
		}
		if (f.progress() != null) {
			c.add(f.progress().condition);
		}
		if (f.query() != null) {
			c.add("(w.code = :q or strpos(w.description, :q) > 0 or strpos(w.location, :q) > 0)");
			params.addValue("q", f.query());
		}
		return " where " + (c.isEmpty() ? "true" : String.join(" and ", c));
	}

	private static Timestamp daysAgo(int days) {
		int d = Math.max(0, Math.min(days, WorkOrderFilter.MAX_AGE_DAYS));
		return Timestamp.from(BusinessClock.now().minus(d, java.time.temporal.ChronoUnit.DAYS));
	}

	private static void eq(List<String> c, MapSqlParameterSource params, String column, String name, Object value) {
		if (value != null) {
			c.add(column + " = :" + name);
			params.addValue(name, value);
		}
	}

	static WorkOrderViews.Row row(ResultSet rs) throws SQLException {
		String room = rs.getString("room_no");
		String place = room == null ? rs.getString("public_area") : rs.getString("building_name") + " " + room;
		return new WorkOrderViews.Row(rs.getLong("id"), rs.getString("code"), rs.getString("project_name"), place,
				rs.getString("trade_name"), rs.getString("description"), Urgency.valueOf(rs.getString("urgency")),
				WorkOrderState.valueOf(rs.getString("state")), rs.getString("contractor_name"), instant(rs, "reported_at"),
				instant(rs, "due_at"), rs.getBoolean("overdue"), Warranty.Status.valueOf(rs.getString("warranty_status")),
				Charge.valueOf(rs.getString("charge")), rs.getInt("rework_count"), (Integer) rs.getObject("owner_rating"),
				instant(rs, "return_call_due"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	Optional<WorkOrderViews.Detail> detail(long id) {
		return jdbc.query("""
				select w.*, p.name project_name, u.label unit_label, u.handover_date, o.name owner_name,
				       cp.code complaint_code, t.name trade_name, c.name contractor_name, a.display_name created_by_name,
				       %s overdue
				from work_order w
				join estate_project p on p.id = w.project_id
				join repair_trade t on t.id = w.trade_id
				left join estate_unit_place u on u.id = w.unit_id
				left join estate_owner o on o.id = w.owner_id
				left join complaint_case cp on cp.id = w.complaint_id
				left join contractor c on c.id = w.contractor_id
				left join staff_person a on a.id = w.created_by
				where w.id = :id""".formatted(overdue()), new MapSqlParameterSource("id", id), (rs, i) -> {
			String component = rs.getString("component");
			String componentName = component == null ? null
					: warranty.rule(component, rs.getTimestamp("reported_at").toInstant().atZone(BusinessClock.ZONE).toLocalDate())
						.map(Warranty.Rule::name).orElse(component);
			String pausedFrom = rs.getString("paused_from");
			return new WorkOrderViews.Detail(rs.getLong("id"), rs.getString("code"), rs.getLong("project_id"),
					rs.getString("project_name"), (Long) rs.getObject("unit_id"),
					rs.getString("unit_label"),
					rs.getObject("handover_date", LocalDate.class), (Long) rs.getObject("owner_id"),
					rs.getString("owner_name"), rs.getString("public_area"), (Long) rs.getObject("complaint_id"),
					rs.getString("complaint_code"), Source.valueOf(rs.getString("source")), rs.getLong("trade_id"),
					rs.getString("trade_name"), component, componentName, rs.getString("location"),
					rs.getString("description"), Urgency.valueOf(rs.getString("urgency")),
					WorkOrderState.valueOf(rs.getString("state")), (Long) rs.getObject("contractor_id"),
					rs.getString("contractor_name"), rs.getString("contact_name"), rs.getString("contact_phone"),
					instant(rs, "appointment_from"), instant(rs, "appointment_to"), instant(rs, "reported_at"),
					instant(rs, "due_at"), instant(rs, "dispatched_at"), instant(rs, "started_at"),
					instant(rs, "finished_at"), instant(rs, "accepted_at"), instant(rs, "cancelled_at"),
					instant(rs, "paused_at"), pausedFrom == null ? null : WorkOrderState.valueOf(pausedFrom),
					rs.getString("pause_reason"), rs.getObject("resume_on", LocalDate.class),
					Warranty.Status.valueOf(rs.getString("warranty_status")), rs.getObject("warranty_until", LocalDate.class),
					(Integer) rs.getObject("warranty_version"), Charge.valueOf(rs.getString("charge")),
					rs.getString("materials"), rs.getBigDecimal("cost"), rs.getInt("rework_count"),
					(Integer) rs.getObject("owner_rating"), rs.getString("acceptance_note"), instant(rs, "return_call_due"),
					instant(rs, "return_call_at"), (Boolean) rs.getObject("return_satisfied"), rs.getString("return_result"),
					rs.getString("created_by_name"), rs.getLong("version"), rs.getBoolean("overdue"));
		}).stream().findFirst();
	}

	WorkOrderViews.Full full(long id) {
		WorkOrderViews.Detail d = detail(id).orElseThrow(() -> new NotFoundException("workorder.notFound"));
		List<WorkOrderViews.Photo> photos = jdbc.query("""
				select id, stage, file_name, size_bytes, uploaded_by, uploaded_at from work_order_photo
				where work_order_id = :id order by id""", new MapSqlParameterSource("id", id),
				(rs, i) -> new WorkOrderViews.Photo(rs.getLong("id"), rs.getString("stage"), rs.getString("file_name"),
						rs.getLong("size_bytes"), rs.getString("uploaded_by"), instant(rs, "uploaded_at")));
		return new WorkOrderViews.Full(d, photos, history.of(id));
	}

	record PhotoContent(String fileName, String contentType, boolean checked, byte[] data) {
	}

	Optional<PhotoContent> photo(long workOrderId, long photoId) {
		return jdbc.query("""
				select file_name, content_type, content_checked, data from work_order_photo
				where id = :p and work_order_id = :w""",
				new MapSqlParameterSource("p", photoId).addValue("w", workOrderId),
				(rs, i) -> new PhotoContent(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBytes(4))).stream().findFirst();
	}

	/**
	 * 履约评价 of every team and contractor over work orders reported in [from, to]: on-time rate (completion reported by
	 * the due date), rework rate, average days from dispatch to acceptance, and the owners' average rating.
	 */
	List<WorkOrderViews.Score> scorecard(LocalDate from, LocalDate to) {
		MapSqlParameterSource p = new MapSqlParameterSource().addValue("from", from).addValue("to", to);
		return jdbc.query("""
				select c.id, c.name, c.kind,
				       count(w.id) total,
				       count(w.id) filter (where w.state = 'COMPLETED') completed,
				       count(w.id) filter (where w.accepted_at is null and w.cancelled_at is null) open,
				       count(w.id) filter (where %s) overdue,
				       avg(case when w.finished_at <= w.due_at then 1.0 else 0.0 end) filter (where w.state = 'COMPLETED') on_time,
				       avg(case when w.rework_count > 0 then 1.0 else 0.0 end) filter (where w.state = 'COMPLETED') rework,
				       avg(extract(epoch from w.accepted_at - w.dispatched_at) / 86400.0) filter (where w.state = 'COMPLETED') days,
				       avg(w.owner_rating) filter (where w.state = 'COMPLETED') rating
				from contractor c
				left join work_order w on w.contractor_id = c.id
				  and (cast(:from as date) is null or w.reported_at >= cast(:from as date))
				  and (cast(:to as date) is null or w.reported_at < cast(:to as date) + 1)
				group by c.id, c.name, c.kind
				order by c.kind, c.name""".formatted(overdue()), p, (rs, i) -> new WorkOrderViews.Score(rs.getLong("id"),
				rs.getString("name"), rs.getString("kind"), rs.getLong("total"), rs.getLong("completed"),
				rs.getLong("open"), rs.getLong("overdue"), dbl(rs, "on_time"), dbl(rs, "rework"), dbl(rs, "days"),
				dbl(rs, "rating")));
	}

	private static Double dbl(ResultSet rs, String column) throws SQLException {
		java.math.BigDecimal v = rs.getBigDecimal(column);
		return v == null ? null : v.doubleValue();
	}

	/** Short lines for the owner, unit and complaint pages. */
	List<WorkOrderViews.Row> linked(String column, long id, Optional<Long> onlyContractor) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		String restrict = onlyContractor.map(c -> {
			params.addValue("onlyContractor", c);
			return " and w.contractor_id = :onlyContractor";
		}).orElse("");
		return jdbc.query(ROW_SELECT.formatted(overdue()) + " where w." + column + " = :id" + restrict + " order by w.id desc limit 50", params,
				(rs, i) -> row(rs));
	}

}
