package io.estatedesk.handover;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import io.estatedesk.shared.FieldErrors;
import io.estatedesk.shared.CaseHistory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * 交房: batches of units, appointment slots, the inspection on the checklist (a failed item becomes a repair work
 * order), the documents and keys handed over with the owner's confirmation — which sets the unit's handover date and
 * starts its warranty — or the owner's refusal. Every step of a unit is a history entry. The work is done by
 * {@link HandoverBatches}, {@link UnitHandovers}, {@link HandoverInspections} and {@link HandoverChecklist}; a unit's
 * steps are decided by {@link HandoverTransitions}.
 */
@Service
public class HandoverManagement {

	static final String VIEW = "HANDOVER_VIEW";

	static final String WORK = "HANDOVER_WORK";

	static final String MANAGE = "HANDOVER_MANAGE";

	record BatchForm(Long projectId, String name, LocalDate startsOn, LocalDate endsOn, String notes) {
	}

	/** One checklist line as inspected: passed or not, a note, and a photo of the defect. */
	record Check(long itemId, boolean ok, String note, MultipartFile photo) {
	}

	/** What is handed over with the keys, and who signed for the owner. */
	record AcceptForm(Boolean qualityGuarantee, Boolean usageManual, Integer keysCount, BigDecimal waterReading,
			BigDecimal electricityReading, BigDecimal gasReading, String confirmedBy, LocalDate handoverDate) {
	}

	private final HandoverBatches batches;

	private final UnitHandovers handovers;

	private final HandoverInspections inspections;

	private final HandoverChecklist checklist;

	private final HandoverUnits units;

	HandoverManagement(HandoverBatches batches, UnitHandovers handovers, HandoverInspections inspections,
			HandoverChecklist checklist, HandoverUnits units) {
		this.batches = batches;
		this.handovers = handovers;
		this.inspections = inspections;
		this.checklist = checklist;
		this.units = units;
	}

	CaseHistory history() {
		return units.history();
	}

	@Transactional
	long createBatch(BatchForm form) {
		return batches.create(form);
	}

	/** Adds the sold units of a building (or one unit) not yet handed over; returns how many were added. */
	@Transactional
	int addUnits(long batchId, Long buildingId, Long unitId) {
		return batches.addUnits(batchId, buildingId, unitId);
	}

	@Transactional
	void addSlot(long batchId, LocalDateTime startsAt, LocalDateTime endsAt, Integer capacity) {
		addSlot(batchId, startsAt, endsAt, capacity, new FieldErrors());
	}

	/** {@link #addSlot(long, LocalDateTime, LocalDateTime, Integer)} with what the form could not read already noted. */
	void addSlot(long batchId, LocalDateTime startsAt, LocalDateTime endsAt, Integer capacity, FieldErrors typed) {
		batches.addSlot(batchId, startsAt, endsAt, capacity, typed);
	}

	/** What the caller may do to the unit now: the transition table's actions for its state, narrowed by permission. */
	@Transactional(readOnly = true)
	Set<HandoverAction> allowedActions(long id) {
		return handovers.allowedActions(id);
	}

	@Transactional
	void book(long id, Long slotId, String noticeWay, long version) {
		handovers.book(id, slotId, noticeWay, version);
	}

	/** Records the inspection; returns how many work orders its failed items raised. */
	@Transactional
	int inspect(long id, List<Check> checks, long version) {
		return inspections.inspect(id, checks, version);
	}

	@Transactional
	void accept(long id, AcceptForm form, long version) {
		handovers.accept(id, form, version);
	}

	@Transactional
	void refuse(long id, String reason, long version) {
		handovers.refuse(id, reason, version);
	}

	@Transactional
	void saveCheckItem(Long id, String room, String item, String tradeCode, Integer sortOrder, boolean active) {
		checklist.save(id, room, item, tradeCode, sortOrder, active);
	}

}
