package io.estatedesk.handover;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.estatedesk.estate.ArchiveUpdates;
import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Strings;
import io.estatedesk.shared.Texts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** One unit's appointment, its handover to the owner (or the owner's refusal), and what the caller may do next. */
@Component
class UnitHandovers {

	private final JdbcTemplate jdbc;

	private final HandoverUnits units;

	private final HandoverAccess access;

	private final ArchiveUpdates archiveUpdates;

	UnitHandovers(JdbcTemplate jdbc, HandoverUnits units, HandoverAccess access, ArchiveUpdates archiveUpdates) {
		this.jdbc = jdbc;
		this.units = units;
		this.access = access;
		this.archiveUpdates = archiveUpdates;
	}

	Set<HandoverAction> allowedActions(long id) {
		return access.allowed(units.get(id));
	}

	/** 预约: books the owner into a slot that still has room, and records how they were told. */
	void book(long id, Long slotId, String noticeWay, long version) {
		access.require(HandoverAction.BOOK.permission());
		HandoverUnit u = units.load(id, version);
		u.check(HandoverAction.BOOK);
		if (slotId == null) {
			throw new InvalidInputException(Map.of("slotId", "handover.slot.required"));
		}
		Map<String, Object> slot = jdbc.queryForList("""
				select s.starts_at, s.capacity - (select count(*) from handover_unit h where h.slot_id = s.id and h.id <> ?) free
				from handover_slot s where s.id = ? and s.batch_id = ?""", id, slotId, u.batchId).stream().findFirst()
			.orElseThrow(() -> new InvalidInputException(Map.of("slotId", "handover.slot.required")));
		if (((Number) slot.get("free")).intValue() <= 0) {
			throw new BusinessRuleException("slotId", "handover.slot.full");
		}
		String startsAt = Strings.minute(((Timestamp) slot.get("starts_at")).toInstant());
		String way = Strings.blankToNull(noticeWay);
		u.book(slotId, way, BusinessClock.now(),
				way == null ? startsAt : Texts.zh("handover.history.bookedNotified", startsAt, way));
		units.save(u, access.actor());
	}

	/**
	 * 收房: the documents (住宅质量保证书, 住宅使用说明书) and keys handed over, the meter readings, the owner's signature;
	 * the unit becomes 已交房 with its handover date, which starts its warranty.
	 */
	void accept(long id, HandoverManagement.AcceptForm form, long version) {
		access.require(HandoverAction.ACCEPT.permission());
		HandoverUnit u = units.load(id, version);
		u.check(HandoverAction.ACCEPT);
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
		reading(form.waterReading(), "waterReading", errors);
		reading(form.electricityReading(), "electricityReading", errors);
		reading(form.gasReading(), "gasReading", errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String signedBy = form.confirmedBy().strip();
		u.accept(day, form.keysCount(), form.waterReading(), form.electricityReading(), form.gasReading(), signedBy,
				BusinessClock.now(), Texts.zh("handover.history.accepted", day.toString(), form.keysCount(), signedBy));
		units.save(u, access.actor());
		archiveUpdates.handedOver(u.unitId, day);
	}

	private static void reading(BigDecimal value, String field, Map<String, String> errors) {
		if (value != null && value.signum() < 0) {
			errors.put(field, "handover.accept.reading");
		}
	}

	/** 拒收: the owner does not take the home now; the reasons are kept and the unit may be booked again. */
	void refuse(long id, String reason, long version) {
		access.require(HandoverAction.REFUSE.permission());
		HandoverUnit u = units.load(id, version);
		u.check(HandoverAction.REFUSE);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException(Map.of("refusedReason", "handover.refuse.reasonRequired"));
		}
		u.refuse(reason.strip());
		units.save(u, access.actor());
	}

}
