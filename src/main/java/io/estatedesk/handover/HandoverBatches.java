package io.estatedesk.handover;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.FieldErrors;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Strings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Batches of units to hand over, the units in them and the appointment slots the owners are booked into. */
@Component
class HandoverBatches {

	private final JdbcTemplate jdbc;

	private final ArchiveLookup archive;

	private final HandoverUnits units;

	private final HandoverAccess access;

	HandoverBatches(JdbcTemplate jdbc, ArchiveLookup archive, HandoverUnits units, HandoverAccess access) {
		this.jdbc = jdbc;
		this.archive = archive;
		this.units = units;
		this.access = access;
	}

	/** The most homes one slot takes (a day's handover of a large building). */
	static final int MAX_CAPACITY = 10_000;

	long create(HandoverManagement.BatchForm form) {
		access.require(HandoverManagement.MANAGE);
		FieldErrors errors = new FieldErrors();
		if (form.projectId() == null || archive.project(form.projectId()).isEmpty()) {
			errors.put("projectId", "handover.project.required");
		}
		errors.required("name", form.name(), "handover.batch.name.required").length("name", form.name(), 100);
		if (form.startsOn() == null) {
			errors.put("startsOn", "handover.batch.startsOn.required");
		}
		if (form.endsOn() == null || (form.startsOn() != null && form.endsOn().isBefore(form.startsOn()))) {
			errors.put("endsOn", "handover.batch.endsOn.invalid");
		}
		errors.length("notes", form.notes(), 2000);
		if (errors.isEmpty() && jdbc.queryForObject("select count(*) from handover_batch where project_id = ? and name = ?",
				Integer.class, form.projectId(), form.name().strip()) > 0) {
			errors.put("name", "handover.batch.name.taken");
		}
		errors.throwIfAny();
		return jdbc.queryForObject("""
				insert into handover_batch (project_id, name, starts_on, ends_on, notes, created_by) values (?, ?, ?, ?, ?, ?)
				returning id""", Long.class, form.projectId(), form.name().strip(), form.startsOn(), form.endsOn(),
				Strings.orEmpty(Strings.stripped(form.notes())), access.actor());
	}

	/**
	 * Adds the units of a building (or one unit) that are sold and not yet handed over, with their current owner;
	 * returns how many were added. Units already in another batch that is not finished with them are skipped; a unit
	 * refused in this batch before is added again, waiting for a new appointment.
	 */
	int addUnits(long batchId, Long buildingId, Long unitId) {
		access.require(HandoverManagement.MANAGE);
		long projectId = projectOf(batchId);
		if (buildingId == null && unitId == null) {
			throw new InvalidInputException(Map.of("buildingId", "handover.units.required"));
		}
		List<Long> homes = jdbc.queryForList("""
				select u.id from estate_unit u
				where u.project_id = ? and (cast(? as bigint) is null or u.building_id = ?) and (cast(? as bigint) is null or u.id = ?)
				  and u.handover_date is null and u.status = 'SOLD'
				  and not exists (select 1 from handover_unit h where h.unit_id = u.id and h.state <> 'REFUSED')
				order by u.building_id, u.room_no""", Long.class, projectId, buildingId, buildingId, unitId, unitId);
		String actor = access.actor();
		for (Long home : homes) {
			Long before = units.inBatch(batchId, home);
			if (before != null) {
				HandoverUnit u = units.get(before);
				u.readd();
				units.save(u, actor);
			}
			else {
				Long owner = archive.ownersOf(home).stream().findFirst().map(ArchiveLookup.OwnerRef::id).orElse(null);
				units.create(batchId, home, owner, actor);
			}
		}
		return homes.size();
	}

	/**
	 * Adds a slot; {@code typed} holds what the form could not read (e.g. 可约户数 "十"), reported together with the
	 * checks made here.
	 */
	void addSlot(long batchId, LocalDateTime startsAt, LocalDateTime endsAt, Integer capacity, FieldErrors typed) {
		access.require(HandoverManagement.MANAGE);
		projectOf(batchId);
		if (startsAt == null) {
			typed.put("slotStartsAt", "handover.slot.startsAt.required");
		}
		if (endsAt == null || (startsAt != null && !endsAt.isAfter(startsAt))) {
			typed.put("slotEndsAt", "handover.slot.endsAt.invalid");
		}
		if (capacity == null || capacity < 1 || capacity > MAX_CAPACITY) {
			typed.put("slotCapacity", "handover.slot.capacity.invalid");
		}
		typed.throwIfAny();
		jdbc.update("insert into handover_slot (batch_id, starts_at, ends_at, capacity) values (?, ?, ?, ?)", batchId,
				Timestamp.from(startsAt.atZone(BusinessClock.ZONE).toInstant()),
				Timestamp.from(endsAt.atZone(BusinessClock.ZONE).toInstant()), capacity);
	}

	/** The project of the batch; refused when there is no such batch. */
	long projectOf(long batchId) {
		return jdbc.queryForList("select project_id from handover_batch where id = ?", Long.class, batchId).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("handover.batch.notFound"));
	}

}
