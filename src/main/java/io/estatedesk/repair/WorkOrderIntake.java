package io.estatedesk.repair;

import static io.estatedesk.shared.Strings.blankToNull;
import static io.estatedesk.shared.Strings.orEmpty;
import static io.estatedesk.shared.Strings.stripped;

import java.util.LinkedHashMap;
import java.util.Map;

import io.estatedesk.complaint.ComplaintManagement;
import io.estatedesk.complaint.WorkOrderRaisedFromComplaint;
import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.CaseNumbers;
import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.HistoryStep;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Strings;
import io.estatedesk.shared.Texts;
import io.estatedesk.staff.StaffManagement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 报修: a new work order from a complaint, a call, a handover defect or directly — checked, placed, judged against
 * the warranty, given its due date and number, and dispatched at once when a unit is named. A work order raised from
 * a complaint is announced with {@link WorkOrderRaisedFromComplaint}; the complaint records it in its own time.
 */
@Component
class WorkOrderIntake {

	/** What the form names, looked up; null where the form left it out or named nothing known. */
	private record Looked(ComplaintManagement.ComplaintSummary complaint, ArchiveLookup.UnitRef unit, Long projectId,
			RepairRules.Trade trade, Warranty.Rule rule) {
	}

	private final WorkOrderStore store;

	private final RepairRules rules;

	private final WarrantyRules warranty;

	private final ArchiveLookup archive;

	private final ComplaintManagement complaints;

	private final StaffManagement staff;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final WorkOrderDispatch dispatch;

	WorkOrderIntake(WorkOrderStore store, RepairRules rules, WarrantyRules warranty, ArchiveLookup archive,
			ComplaintManagement complaints, StaffManagement staff, JdbcTemplate jdbc, ApplicationEventPublisher events,
			WorkOrderDispatch dispatch) {
		this.store = store;
		this.rules = rules;
		this.warranty = warranty;
		this.archive = archive;
		this.complaints = complaints;
		this.staff = staff;
		this.jdbc = jdbc;
		this.events = events;
		this.dispatch = dispatch;
	}

	long raise(WorkOrderManagement.RaiseForm form) {
		store.requirePermission(WorkOrderManagement.CREATE);
		WorkOrder w = new WorkOrder();
		w.reportedAt = BusinessClock.now();
		Map<String, String> errors = new LinkedHashMap<>();
		Looked l = lookUp(form, errors);
		w.appointment(form.appointmentFrom(), form.appointmentTo(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		place(w, form, l);
		judge(w, form, l);
		w.dueAt = rules.due(l.trade(), w.urgency, w.reportedAt);
		w.state = WorkOrderState.PENDING_DISPATCH;
		w.code = CaseNumbers.next(jdbc, "work_order_sequence", "repair_setting", "WX-{yyyy}-{seq:6}", BusinessClock.today());
		w.createdBy = store.currentStaffId().orElse(null);
		w.steps.add(new HistoryStep(HistoryKind.CREATED, null, null, WorkOrderState.PENDING_DISPATCH.name(),
				Texts.zh(w.urgency == Urgency.EMERGENCY ? "repair.history.created.emergency" : "repair.history.created",
						l.trade().name())));
		store.save(w);
		if (w.complaintId != null) {
			events.publishEvent(new WorkOrderRaisedFromComplaint(w.complaintId, w.id, w.code, store.actor()));
		}
		if (form.contractorId() != null) {
			dispatch.dispatch(w, form.contractorId(), null);
		}
		else {
			store.notify(staff.activeWithPermission(WorkOrderManagement.DISPATCH).stream()
				.map(StaffManagement.StaffSummary::id).toList(), Texts.zh("repair.notify.toDispatch", w.code),
					WorkOrderManagement.shortened(w.description), w);
		}
		return w.id;
	}

	/** Looks up what the form names, putting a message next to each field that names nothing usable. */
	private Looked lookUp(WorkOrderManagement.RaiseForm form, Map<String, String> errors) {
		ComplaintManagement.ComplaintSummary complaint = null;
		if (form.complaintId() != null) {
			complaint = complaints.summary(form.complaintId()).orElse(null);
			if (complaint == null) {
				errors.put("complaintId", "workorder.complaint.unknown");
			}
			else if (complaint.state().name().equals("CLOSED")) {
				errors.put("complaintId", "workorder.complaint.closed");
			}
		}
		ArchiveLookup.UnitRef unit = null;
		if (form.unitId() != null) {
			unit = archive.unit(form.unitId()).orElse(null);
			if (unit == null) {
				errors.put("unitId", "workorder.unit.unknown");
			}
		}
		Long projectId = unit != null ? Long.valueOf(unit.projectId())
				: form.projectId() != null ? form.projectId() : complaint != null ? complaint.projectId() : null;
		if (projectId == null || archive.project(projectId).isEmpty()) {
			errors.put("projectId", "workorder.project.required");
		}
		if (unit == null && blankToNull(form.publicArea()) == null && !errors.containsKey("unitId")) {
			errors.put("unitId", "workorder.place.required");
		}
		RepairRules.Trade trade = form.tradeId() == null ? null : rules.trade(form.tradeId()).orElse(null);
		if (trade == null) {
			errors.put("tradeId", "workorder.trade.required");
		}
		if (blankToNull(form.description()) == null) {
			errors.put("description", "workorder.description.required");
		}
		if (form.urgency() == null) {
			errors.put("urgency", "workorder.urgency.required");
		}
		Warranty.Rule rule = null;
		if (blankToNull(form.component()) != null) {
			rule = warranty.rule(form.component(), BusinessClock.today()).orElse(null);
			if (rule == null) {
				errors.put("component", "workorder.component.unknown");
			}
		}
		return new Looked(complaint, unit, projectId, trade, rule);
	}

	/** Where, what and whom the team calls: as entered, else the complainant, else the owner of the home. */
	private void place(WorkOrder w, WorkOrderManagement.RaiseForm form, Looked l) {
		ComplaintManagement.ComplaintSummary complaint = l.complaint();
		ArchiveLookup.UnitRef unit = l.unit();
		w.complaintId = complaint == null ? null : complaint.id();
		w.projectId = l.projectId();
		w.unitId = unit == null ? null : unit.id();
		w.ownerId = form.ownerId() != null ? form.ownerId() : complaint != null ? complaint.ownerId() : null;
		if (w.ownerId == null && unit != null) {
			w.ownerId = archive.ownersOf(unit.id()).stream().findFirst().map(ArchiveLookup.OwnerRef::id).orElse(null);
		}
		w.publicArea = unit == null ? blankToNull(form.publicArea()) : null;
		w.source = w.complaintId != null ? Source.COMPLAINT : form.source() == null ? Source.DIRECT : form.source();
		w.tradeId = l.trade().id();
		w.location = orEmpty(stripped(form.location()));
		w.description = form.description().strip();
		w.urgency = form.urgency();
		ArchiveLookup.OwnerRef owner = w.ownerId == null ? null : archive.owner(w.ownerId).orElse(null);
		w.contactName = firstNonBlank(form.contactName(), complaint == null ? null : complaint.complainant(),
				owner == null ? null : owner.name());
		// the form shows the complaint's number masked: sent back unchanged it means the complaint's number
		String typed = complaint != null
				&& io.estatedesk.staff.ConfidentialNumbers.unchangedMasked(form.contactPhone(), complaint.contactPhone())
						? complaint.contactPhone() : form.contactPhone();
		w.contactPhone = firstNonBlank(typed, complaint == null ? null : complaint.contactPhone(),
				owner == null ? null : owner.mobile());
	}

	/** The warranty decision on the component, and the charge it defaults to. */
	private static void judge(WorkOrder w, WorkOrderManagement.RaiseForm form, Looked l) {
		ArchiveLookup.UnitRef unit = l.unit();
		Warranty.Rule rule = l.rule();
		w.component = rule == null ? null : rule.component();
		Warranty.Decision decision = Warranty.decide(rule, unit == null ? null : unit.handoverDate(),
				unit == null ? Warranty.DEFAULT_DESIGN_LIFE_YEARS : unit.designLifeYears(), BusinessClock.today());
		w.warrantyStatus = decision.status();
		w.warrantyUntil = decision.until();
		w.warrantyVersion = rule == null ? null : rule.version();
		w.charge = form.charge() == null ? decision.defaultCharge() : form.charge();
		w.checkCharge();
	}

	private static String firstNonBlank(String... values) {
		for (String v : values) {
			if (Strings.blankToNull(v) != null) {
				return v.strip();
			}
		}
		return "";
	}

}
