package io.estatedesk.handover;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.estatedesk.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads of handover batches, their slots and units, and the checklist. */
@Component
@Transactional(readOnly = true)
class HandoverQueries {

	/** A batch with its progress: units by state and defects still open. */
	record Batch(long id, long projectId, String projectName, String name, LocalDate startsOn, LocalDate endsOn, String notes,
			long units, long booked, long inspected, long accepted, long refused, long openDefects, long version) {

		public long waiting() {
			return units - booked - inspected - accepted - refused;
		}

	}

	record Slot(long id, Instant startsAt, Instant endsAt, int capacity, long booked) {

		public long free() {
			return capacity - booked;
		}

	}

	record UnitRow(long id, long unitId, String unitLabel, Long ownerId, String ownerName, HandoverState state,
			Instant slotStartsAt, LocalDate handoverDate, long defects, long openDefects) {
	}

	record UnitDetail(long id, long batchId, String batchName, long projectId, long unitId, String unitLabel, BigDecimal area,
			Long ownerId, String ownerName, HandoverState state, Long slotId, Instant slotStartsAt,
			Instant notifiedAt, String noticeWay, Instant inspectedAt, String inspectedBy, Instant acceptedAt,
			LocalDate handoverDate, String refusedReason, boolean qualityGuarantee, boolean usageManual, Integer keysCount,
			BigDecimal waterReading, BigDecimal electricityReading, BigDecimal gasReading, String confirmedBy,
			String developerName, long version) {
	}

	record CheckItem(long id, String room, String item, String tradeCode, int sortOrder, boolean active) {
	}

	/** A checklist line of a unit's inspection with its result, if inspected, and the work order of a defect. */
	record Result(long itemId, String room, String item, Boolean ok, String note, Long workOrderId, String workOrderCode,
			String workOrderState) {
	}

	private static final String BATCH_SELECT = """
			select b.*, p.name project_name, u.units, u.booked, u.inspected, u.accepted, u.refused,
			  (select count(*) from handover_result r join handover_unit h on h.id = r.handover_unit_id
			     join repair_work_order w on w.id = r.work_order_id
			   where h.batch_id = b.id and w.state not in ('COMPLETED', 'CANCELLED')) open_defects
			from handover_batch b join estate_project p on p.id = b.project_id
			cross join lateral (select count(*) units, count(*) filter (where h.state = 'BOOKED') booked,
			    count(*) filter (where h.state = 'INSPECTED') inspected, count(*) filter (where h.state = 'ACCEPTED') accepted,
			    count(*) filter (where h.state = 'REFUSED') refused
			  from handover_unit h where h.batch_id = b.id) u""";

	private final JdbcTemplate jdbc;

	HandoverQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Batch> batches(Long projectId) {
		return batches(projectId, Integer.MAX_VALUE);
	}

	/** The latest {@code limit} batches, counted in the database. */
	List<Batch> batches(Long projectId, int limit) {
		return jdbc.query(BATCH_SELECT + " where (cast(? as bigint) is null or b.project_id = ?) order by b.starts_on desc, b.id desc limit ?",
				(rs, i) -> batch(rs), projectId, projectId, limit);
	}

	Batch batch(long id) {
		return jdbc.query(BATCH_SELECT + " where b.id = ?", (rs, i) -> batch(rs), id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("handover.batch.notFound"));
	}

	private static Batch batch(ResultSet rs) throws SQLException {
		return new Batch(rs.getLong("id"), rs.getLong("project_id"), rs.getString("project_name"), rs.getString("name"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getString("notes"),
				rs.getLong("units"), rs.getLong("booked"), rs.getLong("inspected"), rs.getLong("accepted"),
				rs.getLong("refused"), rs.getLong("open_defects"), rs.getLong("version"));
	}

	List<Slot> slots(long batchId) {
		return jdbc.query("""
				select s.*, (select count(*) from handover_unit h where h.slot_id = s.id) booked from handover_slot s
				where s.batch_id = ? order by s.starts_at""", (rs, i) -> new Slot(rs.getLong("id"), instant(rs, "starts_at"),
				instant(rs, "ends_at"), rs.getInt("capacity"), rs.getLong("booked")), batchId);
	}

	List<UnitRow> units(long batchId) {
		return units(batchId, null);
	}

	/** The batch's units, only those in {@code state} when given (a segment of the dashboard's 交房进度). */
	List<UnitRow> units(long batchId, HandoverState state) {
		return jdbc.query("""
				select h.id, h.unit_id, u.building_name || ' ' || u.room_no unit_label, h.owner_id, o.name owner_name, h.state,
				       s.starts_at, h.handover_date,
				       (select count(*) from handover_result r where r.handover_unit_id = h.id and not r.ok) defects,
				       (select count(*) from handover_result r join repair_work_order w on w.id = r.work_order_id
				        where r.handover_unit_id = h.id and w.state not in ('COMPLETED', 'CANCELLED')) open_defects
				from handover_unit h join estate_unit_place u on u.id = h.unit_id
				left join estate_owner o on o.id = h.owner_id left join handover_slot s on s.id = h.slot_id
				where h.batch_id = ? and (cast(? as text) is null or h.state = ?)
				order by u.building_name, u.room_no""", (rs, i) -> new UnitRow(rs.getLong("id"),
				rs.getLong("unit_id"), rs.getString("unit_label"), (Long) rs.getObject("owner_id"), rs.getString("owner_name"),
				HandoverState.valueOf(rs.getString("state")), instant(rs, "starts_at"),
				rs.getObject("handover_date", LocalDate.class), rs.getLong("defects"), rs.getLong("open_defects")), batchId,
				state == null ? null : state.name(), state == null ? null : state.name());
	}

	Optional<UnitDetail> unit(long id) {
		return jdbc.query("""
				select h.*, hb.name batch_name, hb.project_id, pl.label unit_label, u.area,
				       o.name owner_name, s.starts_at slot_starts_at, p.developer_name
				from handover_unit h join handover_batch hb on hb.id = h.batch_id join estate_project p on p.id = hb.project_id
				join estate_unit_place pl on pl.id = h.unit_id join estate_unit u on u.id = h.unit_id
				left join estate_owner o on o.id = h.owner_id left join handover_slot s on s.id = h.slot_id
				where h.id = ?""", (rs, i) -> new UnitDetail(rs.getLong("id"), rs.getLong("batch_id"),
				rs.getString("batch_name"), rs.getLong("project_id"), rs.getLong("unit_id"), rs.getString("unit_label"),
				rs.getBigDecimal("area"), (Long) rs.getObject("owner_id"), rs.getString("owner_name"),
				HandoverState.valueOf(rs.getString("state")), (Long) rs.getObject("slot_id"),
				instant(rs, "slot_starts_at"), instant(rs, "notified_at"), rs.getString("notice_way"),
				instant(rs, "inspected_at"), rs.getString("inspected_by"), instant(rs, "accepted_at"),
				rs.getObject("handover_date", LocalDate.class), rs.getString("refused_reason"),
				rs.getBoolean("quality_guarantee"), rs.getBoolean("usage_manual"), (Integer) rs.getObject("keys_count"),
				rs.getBigDecimal("water_reading"), rs.getBigDecimal("electricity_reading"), rs.getBigDecimal("gas_reading"),
				rs.getString("confirmed_by"), rs.getString("developer_name"), rs.getLong("version")), id).stream().findFirst();
	}

	/** The active checklist, with this unit's results where it has been inspected. */
	List<Result> results(long handoverUnitId) {
		return jdbc.query("""
				select i.id, i.room, i.item, r.ok, r.note, r.work_order_id, w.code, w.state
				from handover_check_item i
				left join handover_result r on r.check_item_id = i.id and r.handover_unit_id = ?
				left join repair_work_order w on w.id = r.work_order_id
				where i.active or r.id is not null order by i.sort_order, i.id""", (rs, i) -> new Result(rs.getLong(1),
				rs.getString(2), rs.getString(3), (Boolean) rs.getObject(4), rs.getString(5), (Long) rs.getObject(6),
				rs.getString(7), rs.getString(8)), handoverUnitId);
	}

	List<CheckItem> checklist() {
		return jdbc.query("select * from handover_check_item order by sort_order, id", (rs, i) -> new CheckItem(rs.getLong("id"),
				rs.getString("room"), rs.getString("item"), rs.getString("trade_code"), rs.getInt("sort_order"),
				rs.getBoolean("active")));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
