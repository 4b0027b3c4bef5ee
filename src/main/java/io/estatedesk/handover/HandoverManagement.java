package io.estatedesk.handover;

import io.estatedesk.shared.BusinessClock;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.estate.ArchiveUpdates;
import io.estatedesk.repair.Source;
import io.estatedesk.repair.Urgency;
import io.estatedesk.repair.WorkOrderManagement;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.CaseHistory;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Uploads;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.staff.Permissions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * 交房: batches of units, appointment slots, the inspection on the checklist (a failed item becomes a repair work
 * order), the documents and keys handed over with the owner's confirmation — which sets the unit's handover date and
 * starts its warranty — or the owner's refusal. Every step of a unit is a history entry.
 */
@Service
class HandoverManagement {

	static final String VIEW = "HANDOVER_VIEW";

	static final String WORK = "HANDOVER_WORK";

	static final String MANAGE = "HANDOVER_MANAGE";

	enum State {

		/** 待预约 */
		ADDED,
		/** 已预约 */
		BOOKED,
		/** 已验房 */
		INSPECTED,
		/** 已收房 */
		ACCEPTED,
		/** 拒收 */
		REFUSED

	}

	record BatchForm(Long projectId, String name, LocalDate startsOn, LocalDate endsOn, String notes) {
	}

	/** One checklist line as inspected: passed or not, a note, and a photo of the defect. */
	record Check(long itemId, boolean ok, String note, MultipartFile photo) {
	}

	/** What is handed over with the keys, and who signed for the owner. */
	record AcceptForm(Boolean qualityGuarantee, Boolean usageManual, Integer keysCount, BigDecimal waterReading,
			BigDecimal electricityReading, BigDecimal gasReading, String confirmedBy, LocalDate handoverDate) {
	}

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final ArchiveLookup archive;

	private final ArchiveUpdates archiveUpdates;

	private final WorkOrderManagement workOrders;

	private final CaseHistory history;

	private final Uploads uploads;

	HandoverManagement(JdbcTemplate jdbc, Permissions permissions, ArchiveLookup archive, ArchiveUpdates archiveUpdates,
			WorkOrderManagement workOrders, Uploads uploads) {
		this.jdbc = jdbc;
		this.uploads = uploads;
		this.permissions = permissions;
		this.archive = archive;
		this.archiveUpdates = archiveUpdates;
		this.workOrders = workOrders;
		this.history = new CaseHistory(jdbc, "handover_unit_history", "handover_unit_id");
	}

	CaseHistory history() {
		return history;
	}

	// ---------------------------------------------------------------- batches and slots

	@Transactional
	long createBatch(BatchForm form) {
		require(MANAGE);
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.projectId() == null || archive.project(form.projectId()).isEmpty()) {
			errors.put("projectId", "handover.project.required");
		}
		if (form.name() == null || form.name().isBlank()) {
			errors.put("name", "handover.batch.name.required");
		}
		if (form.startsOn() == null) {
			errors.put("startsOn", "handover.batch.startsOn.required");
		}
		if (form.endsOn() == null || (form.startsOn() != null && form.endsOn().isBefore(form.startsOn()))) {
			errors.put("endsOn", "handover.batch.endsOn.invalid");
		}
		if (errors.isEmpty() && jdbc.queryForObject("select count(*) from handover_batch where project_id = ? and name = ?",
				Integer.class, form.projectId(), form.name().strip()) > 0) {
			errors.put("name", "handover.batch.name.taken");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return jdbc.queryForObject("""
				insert into handover_batch (project_id, name, starts_on, ends_on, notes, created_by) values (?, ?, ?, ?, ?, ?)
				returning id""", Long.class, form.projectId(), form.name().strip(), form.startsOn(), form.endsOn(),
				form.notes() == null ? "" : form.notes().strip(), permissions.currentUsername());
	}

	/**
	 * Adds the units of a building (or one unit) that are sold and not yet handed over, with their current owner;
	 * returns how many were added. Units already in another batch that is not finished with them are skipped.
	 */
	@Transactional
	int addUnits(long batchId, Long buildingId, Long unitId) {
		require(MANAGE);
		long projectId = batch(batchId);
		if (buildingId == null && unitId == null) {
			throw new InvalidInputException(Map.of("buildingId", "handover.units.required"));
		}
		List<Long> units = jdbc.queryForList("""
				select u.id from unit u
				where u.project_id = ? and (cast(? as bigint) is null or u.building_id = ?) and (cast(? as bigint) is null or u.id = ?)
				  and u.handover_date is null and u.status = 'SOLD'
				  and not exists (select 1 from handover_unit h where h.unit_id = u.id and h.state <> 'REFUSED')
				order by u.building_id, u.room_no""", Long.class, projectId, buildingId, buildingId, unitId, unitId);
		for (Long u : units) {
			Long owner = archive.ownersOf(u).stream().findFirst().map(ArchiveLookup.OwnerRef::id).orElse(null);
			long id = jdbc.queryForObject("""
					insert into handover_unit (batch_id, unit_id, owner_id, state) values (?, ?, ?, 'ADDED')
					on conflict (batch_id, unit_id) do update set state = 'ADDED', slot_id = null returning id""", Long.class,
					batchId, u, owner);
			history.add(id, 0, actor(), "CREATED", null, null, State.ADDED.name(), null);
		}
		return units.size();
	}

	@Transactional
	void addSlot(long batchId, LocalDateTime startsAt, LocalDateTime endsAt, Integer capacity) {
		require(MANAGE);
		batch(batchId);
		Map<String, String> errors = new LinkedHashMap<>();
		if (startsAt == null) {
			errors.put("slotStartsAt", "handover.slot.startsAt.required");
		}
		if (endsAt == null || (startsAt != null && !endsAt.isAfter(startsAt))) {
			errors.put("slotEndsAt", "handover.slot.endsAt.invalid");
		}
		if (capacity == null || capacity < 1) {
			errors.put("slotCapacity", "handover.slot.capacity.invalid");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		jdbc.update("insert into handover_slot (batch_id, starts_at, ends_at, capacity) values (?, ?, ?, ?)", batchId,
				Timestamp.from(startsAt.atZone(BusinessClock.ZONE).toInstant()),
				Timestamp.from(endsAt.atZone(BusinessClock.ZONE).toInstant()), capacity);
	}

	private long batch(long batchId) {
		return jdbc.queryForList("select project_id from handover_batch where id = ?", Long.class, batchId).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("handover.batch.notFound"));
	}

	// ---------------------------------------------------------------- one unit

	/** 预约: books the owner into a slot that still has room, and records how they were told. */
	@Transactional
	void book(long id, Long slotId, String noticeWay, long version) {
		require(WORK);
		Unit u = load(id, version);
		if (u.state != State.ADDED && u.state != State.BOOKED && u.state != State.REFUSED) {
			throw new BusinessRuleException("handover.book.notAllowed");
		}
		if (slotId == null) {
			throw new InvalidInputException(Map.of("slotId", "handover.slot.required"));
		}
		Integer free = jdbc.queryForList("""
				select s.capacity - (select count(*) from handover_unit h where h.slot_id = s.id and h.id <> ?)
				from handover_slot s where s.id = ? and s.batch_id = ?""", Integer.class, id, slotId, u.batchId).stream()
			.findFirst().orElseThrow(() -> new InvalidInputException(Map.of("slotId", "handover.slot.required")));
		if (free <= 0) {
			throw new BusinessRuleException("slotId", "handover.slot.full");
		}
		String slot = jdbc.queryForObject("select to_char(starts_at at time zone '" + BusinessClock.ZONE.getId() + "', 'YYYY-MM-DD HH24:MI') from handover_slot where id = ?",
				String.class, slotId);
		boolean notified = noticeWay != null && !noticeWay.isBlank();
		update(u, "state = 'BOOKED', slot_id = ?, notice_way = ?, notified_at = " + (notified ? BusinessClock.sqlNow() : "null"), slotId,
				notified ? noticeWay.strip() : null);
		stateChange(u, State.BOOKED, slot + (notified ? "，已" + noticeWay.strip() + "通知业主" : ""));
	}

	/**
	 * 验房: records every checklist item; each failed item that has no work order yet becomes one (交房问题), for the
	 * item's trade, at the room, with the note and the photo. Returns how many work orders were raised.
	 */
	@Transactional
	int inspect(long id, List<Check> checks, long version) {
		require(WORK);
		Unit u = load(id, version);
		if (u.state != State.BOOKED && u.state != State.INSPECTED) {
			throw new BusinessRuleException("handover.inspect.notAllowed");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		// every photo is checked before anything is recorded, so one bad file keeps the whole form as typed
		Map<Long, Uploads.Checked> photos = new HashMap<>();
		for (Check c : checks) {
			if (!c.ok() && (c.note() == null || c.note().isBlank())) {
				errors.put("note_" + c.itemId(), "handover.inspect.noteRequired");
			}
			if (!c.ok() && c.photo() != null && !c.photo().isEmpty()) {
				try {
					photos.put(c.itemId(), uploads.check(Uploads.Kind.PHOTO, c.photo(), "photo_" + c.itemId()));
				}
				catch (InvalidInputException e) {
					errors.putAll(e.errors());
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		long projectId = batch(u.batchId);
		int raised = 0;
		for (Check c : checks) {
			Map<String, Object> item = jdbc.queryForMap("select room, item, trade_code from handover_check_item where id = ?",
					c.itemId());
			Long existingOrder = jdbc.queryForList("""
					select work_order_id from handover_result where handover_unit_id = ? and check_item_id = ?""", Long.class,
					id, c.itemId()).stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
			Long order = existingOrder;
			if (!c.ok() && order == null) {
				long tradeId = jdbc.queryForObject("select id from repair_trade where code = ?", Long.class, item.get("trade_code"));
				order = workOrders.raise(new WorkOrderManagement.RaiseForm(projectId, u.unitId, u.ownerId, null, null,
						Source.HANDOVER, tradeId, null, (String) item.get("room"),
						"交房验房不合格：" + item.get("item") + "。" + c.note().strip(), Urgency.NORMAL, "", "", null, null, null,
						null));
				if (photos.containsKey(c.itemId())) {
					workOrders.attachPhoto(order, "BEFORE", photos.get(c.itemId()));
				}
				raised++;
			}
			jdbc.update("""
					insert into handover_result (handover_unit_id, check_item_id, ok, note, work_order_id, photo_name)
					values (?, ?, ?, ?, ?, ?)
					on conflict (handover_unit_id, check_item_id) do update set ok = excluded.ok, note = excluded.note,
					  work_order_id = coalesce(handover_result.work_order_id, excluded.work_order_id),
					  photo_name = coalesce(excluded.photo_name, handover_result.photo_name)""", id, c.itemId(), c.ok(),
					c.note() == null ? "" : c.note().strip(), order,
					photos.containsKey(c.itemId()) ? photos.get(c.itemId()).fileName() : null);
		}
		long failed = checks.stream().filter(c -> !c.ok()).count();
		update(u, "state = 'INSPECTED', inspected_at = " + BusinessClock.sqlNow() + ", inspected_by = ?", actor());
		stateChange(u, State.INSPECTED, "检查 " + checks.size() + " 项，不合格 " + failed + " 项" + (raised > 0 ? "，已派维修工单 " + raised + " 张" : ""));
		return raised;
	}

	/**
	 * 收房: the documents (住宅质量保证书, 住宅使用说明书) and keys handed over, the meter readings, the owner's signature;
	 * the unit becomes 已交房 with its handover date, which starts its warranty.
	 */
	@Transactional
	void accept(long id, AcceptForm form, long version) {
		require(WORK);
		Unit u = load(id, version);
		if (u.state != State.INSPECTED) {
			throw new BusinessRuleException("handover.accept.notInspected");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (!Boolean.TRUE.equals(form.qualityGuarantee())) {
			errors.put("qualityGuarantee", "handover.accept.qualityGuarantee");
		}
		if (!Boolean.TRUE.equals(form.usageManual())) {
			errors.put("usageManual", "handover.accept.usageManual");
		}
		if (form.keysCount() == null || form.keysCount() < 1) {
			errors.put("keysCount", "handover.accept.keys");
		}
		if (form.confirmedBy() == null || form.confirmedBy().isBlank()) {
			errors.put("confirmedBy", "handover.accept.confirmedBy");
		}
		LocalDate day = form.handoverDate() != null ? form.handoverDate() : BusinessClock.today();
		if (day.isAfter(BusinessClock.today())) {
			errors.put("handoverDate", "handover.accept.dateInFuture");
		}
		for (String reading : new String[] { "waterReading", "electricityReading", "gasReading" }) {
			BigDecimal v = reading.equals("waterReading") ? form.waterReading()
					: reading.equals("electricityReading") ? form.electricityReading() : form.gasReading();
			if (v != null && v.signum() < 0) {
				errors.put(reading, "handover.accept.reading");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		update(u, """
				state = 'ACCEPTED', accepted_at = %s, handover_date = ?, quality_guarantee = true, usage_manual = true,
				keys_count = ?, water_reading = ?, electricity_reading = ?, gas_reading = ?, confirmed_by = ?"""
			.formatted(BusinessClock.sqlNow()), day,
				form.keysCount(), form.waterReading(), form.electricityReading(), form.gasReading(), form.confirmedBy().strip());
		stateChange(u, State.ACCEPTED, "交房日期 " + day + "，钥匙 " + form.keysCount() + " 把，业主签收：" + form.confirmedBy().strip());
		archiveUpdates.handedOver(u.unitId, day);
	}

	/** 拒收: the owner does not take the home now; the reasons are kept and the unit may be booked again. */
	@Transactional
	void refuse(long id, String reason, long version) {
		require(WORK);
		Unit u = load(id, version);
		if (u.state != State.BOOKED && u.state != State.INSPECTED) {
			throw new BusinessRuleException("handover.refuse.notAllowed");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException(Map.of("refusedReason", "handover.refuse.reasonRequired"));
		}
		update(u, "state = 'REFUSED', refused_reason = ?, slot_id = null", reason.strip());
		stateChange(u, State.REFUSED, reason.strip());
	}

	// ---------------------------------------------------------------- the checklist

	/** Adds a checklist item (id null) or changes one; items in use are switched off rather than deleted. */
	@Transactional
	void saveCheckItem(Long id, String room, String item, String tradeCode, Integer sortOrder, boolean active) {
		require(MANAGE);
		Map<String, String> errors = new LinkedHashMap<>();
		if (room == null || room.isBlank()) {
			errors.put("room", "handover.check.roomRequired");
		}
		if (item == null || item.isBlank()) {
			errors.put("item", "handover.check.itemRequired");
		}
		if (tradeCode == null || jdbc.queryForObject("select count(*) from repair_trade where code = ?", Integer.class, tradeCode) == 0) {
			errors.put("tradeCode", "workorder.trade.required");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int order = sortOrder == null ? 100 : sortOrder;
		if (id == null) {
			int n = jdbc.update("""
					insert into handover_check_item (room, item, trade_code, sort_order, active) values (?, ?, ?, ?, true)
					on conflict (room, item) do nothing""", room.strip(), item.strip(), tradeCode, order);
			if (n == 0) {
				throw new InvalidInputException(Map.of("item", "handover.check.duplicate"));
			}
		}
		else {
			jdbc.update("update handover_check_item set room = ?, item = ?, trade_code = ?, sort_order = ?, active = ? where id = ?",
					room.strip(), item.strip(), tradeCode, order, active, id);
		}
	}

	// ---------------------------------------------------------------- helpers

	/** The fields a step needs of a unit in a batch. */
	private record Unit(long id, long batchId, long unitId, Long ownerId, State state, long version) {
	}

	private Unit load(long id, long version) {
		Unit u = jdbc.query("select id, batch_id, unit_id, owner_id, state, version from handover_unit where id = ?",
				(rs, i) -> new Unit(rs.getLong(1), rs.getLong(2), rs.getLong(3), (Long) rs.getObject(4),
						State.valueOf(rs.getString(5)), rs.getLong(6)), id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("handover.unit.notFound"));
		if (u.version() != version) {
			throw new ChangedMeanwhile(history.since(id, version));
		}
		return u;
	}

	private void update(Unit u, String set, Object... args) {
		Object[] all = new Object[args.length + 2];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = u.id();
		all[args.length + 1] = u.version();
		int n = jdbc.update("update handover_unit set " + set + ", version = version + 1 where id = ? and version = ?", all);
		if (n == 0) {
			throw new ChangedMeanwhile(history.since(u.id(), u.version()));
		}
	}

	private void stateChange(Unit u, State to, String note) {
		history.add(u.id(), u.version() + 1, actor(), "STATE", "state", u.state().name(), to.name(), note);
	}

	private void require(String permission) {
		if (!permissions.has(permission)) {
			throw new AccessDeniedException(permission);
		}
	}

	private String actor() {
		return permissions.currentUsername();
	}

}
