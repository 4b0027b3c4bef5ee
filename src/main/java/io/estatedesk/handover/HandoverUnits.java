package io.estatedesk.handover;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.estatedesk.shared.CaseHistory;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.HistoryStep;
import io.estatedesk.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads and saves handover units with their version (optimistic locking: a save against a version someone else has
 * moved on is refused with the changes made meanwhile), and writes their history after the save.
 */
@Component
class HandoverUnits {

	private final JdbcTemplate jdbc;

	private final CaseHistory history;

	HandoverUnits(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.history = new CaseHistory(jdbc, "handover_unit_history", "handover_unit_id");
	}

	CaseHistory history() {
		return history;
	}

	HandoverUnit get(long id) {
		return jdbc.query("select * from handover_unit where id = ?", (rs, i) -> unit(rs), id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("handover.unit.notFound"));
	}

	/** The unit as the caller saw it at {@code version}; refused with the changes since when it has moved on. */
	HandoverUnit load(long id, long version) {
		HandoverUnit u = get(id);
		if (u.version != version) {
			throw new ChangedMeanwhile(history.since(id, version));
		}
		return u;
	}

	/** A unit of the batch, waiting for its appointment, with its history's first step. */
	long create(long batchId, long unitId, Long ownerId, String actor) {
		long id = jdbc.queryForObject("""
				insert into handover_unit (batch_id, unit_id, owner_id, state) values (?, ?, ?, ?) returning id""", Long.class,
				batchId, unitId, ownerId, HandoverState.ADDED.name());
		history.write(id, 0, actor, new HistoryStep(HistoryKind.CREATED, null, null, HandoverState.ADDED.name(), null));
		return id;
	}

	/** The unit of this batch for that home, if it was in the batch before. */
	Long inBatch(long batchId, long unitId) {
		return jdbc.queryForList("select id from handover_unit where batch_id = ? and unit_id = ?", Long.class, batchId, unitId)
			.stream().findFirst().orElse(null);
	}

	/** Writes the unit's fields, then the steps it took with the version the save produced. */
	void save(HandoverUnit u, String actor) {
		List<Long> saved = jdbc.queryForList("""
				update handover_unit set state = ?, slot_id = ?, notice_way = ?, notified_at = ?, inspected_at = ?,
				  inspected_by = ?, accepted_at = ?, handover_date = ?, refused_reason = ?, quality_guarantee = ?,
				  usage_manual = ?, keys_count = ?, water_reading = ?, electricity_reading = ?, gas_reading = ?,
				  confirmed_by = ?, version = version + 1
				where id = ? and version = ? returning version""", Long.class, u.state.name(), u.slotId, u.noticeWay,
				timestamp(u.notifiedAt), timestamp(u.inspectedAt), u.inspectedBy, timestamp(u.acceptedAt), u.handoverDate,
				u.refusedReason, u.qualityGuarantee, u.usageManual, u.keysCount, u.waterReading, u.electricityReading,
				u.gasReading, u.confirmedBy, u.id, u.version);
		if (saved.isEmpty()) {
			throw new ChangedMeanwhile(history.since(u.id, u.version));
		}
		u.version = saved.get(0);
		history.write(u.id, u.version, actor, u.steps);
	}

	private static HandoverUnit unit(ResultSet rs) throws SQLException {
		HandoverUnit u = new HandoverUnit(rs.getLong("id"), rs.getLong("batch_id"), rs.getLong("unit_id"),
				(Long) rs.getObject("owner_id"), HandoverState.valueOf(rs.getString("state")), rs.getLong("version"));
		u.slotId = (Long) rs.getObject("slot_id");
		u.noticeWay = rs.getString("notice_way");
		u.notifiedAt = instant(rs, "notified_at");
		u.inspectedAt = instant(rs, "inspected_at");
		u.inspectedBy = rs.getString("inspected_by");
		u.acceptedAt = instant(rs, "accepted_at");
		u.handoverDate = rs.getObject("handover_date", LocalDate.class);
		u.refusedReason = rs.getString("refused_reason");
		u.qualityGuarantee = rs.getBoolean("quality_guarantee");
		u.usageManual = rs.getBoolean("usage_manual");
		u.keysCount = (Integer) rs.getObject("keys_count");
		u.waterReading = rs.getBigDecimal("water_reading");
		u.electricityReading = rs.getBigDecimal("electricity_reading");
		u.gasReading = rs.getBigDecimal("gas_reading");
		u.confirmedBy = rs.getString("confirmed_by");
		return u;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

}
