package io.estatedesk.repair;

import static io.estatedesk.shared.Strings.blankToNull;
import static io.estatedesk.shared.Strings.minute;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Texts;
import org.springframework.stereotype.Component;

/** 派工, 预约, 暂停 and 恢复: who does the work order, when they call, and the clock that runs meanwhile. */
@Component
class WorkOrderDispatch {

	private final WorkOrderStore store;

	private final Contractors contractors;

	private final RepairRules rules;

	WorkOrderDispatch(WorkOrderStore store, Contractors contractors, RepairRules rules) {
		this.store = store;
		this.contractors = contractors;
		this.rules = rules;
	}

	/** 派工 to a team or contractor of the work order's trade; again to another one while not started. */
	void dispatch(WorkOrder w, WorkOrderInput in) {
		store.requirePermission(WorkOrderManagement.DISPATCH);
		w.check(WorkOrderAction.DISPATCH);
		dispatch(w, in.contractorId(), in.note());
	}

	void dispatch(WorkOrder w, Long contractorId, String note) {
		if (contractorId == null) {
			throw new InvalidInputException(Map.of("contractorId", "workorder.contractor.required"));
		}
		Contractors.Contractor c = contractors.get(contractorId)
			.orElseThrow(() -> new InvalidInputException(Map.of("contractorId", "workorder.contractor.required")));
		if (!c.active()) {
			throw new BusinessRuleException("contractorId", "workorder.contractor.inactive");
		}
		if (!c.tradeIds().contains(w.tradeId)) {
			throw new BusinessRuleException("contractorId", "workorder.contractor.wrongTrade", c.name(),
					rules.trade(w.tradeId).map(RepairRules.Trade::name).orElse(""));
		}
		Long previous = w.contractorId;
		if (Objects.equals(previous, contractorId) && w.state == WorkOrderState.DISPATCHED) {
			return;
		}
		w.contractorId = contractorId;
		w.dispatchedAt = BusinessClock.now();
		w.perform(WorkOrderAction.DISPATCH, blankToNull(note));
		w.steps.add(new io.estatedesk.shared.HistoryStep(io.estatedesk.shared.HistoryKind.DISPATCHED, "contractorId",
				previous == null ? null : contractors.get(previous).map(Contractors.Contractor::name).orElse(null),
				c.name(), null));
		store.save(w);
		store.notify(contractors.memberIds(contractorId), Texts.zh("repair.notify.dispatched", w.code),
				Texts.zh("repair.notify.dispatched.body", WorkOrderManagement.shortened(w.description), minute(w.dueAt)), w);
	}

	/** 预约: the window agreed with the owner for the visit. */
	void appoint(WorkOrder w, WorkOrderInput in) {
		store.requireDispatcherOrWorker(w);
		w.check(WorkOrderAction.APPOINT);
		Map<String, String> errors = new LinkedHashMap<>();
		if (in.from() == null) {
			errors.put("appointmentFrom", "workorder.appointment.required");
		}
		String old = w.appointmentFrom == null ? null : minute(w.appointmentFrom);
		w.appointment(in.from(), in.to(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		w.perform(WorkOrderAction.APPOINT, null);
		w.steps.field("appointment", old,
				minute(w.appointmentFrom) + (w.appointmentTo == null ? "" : " – " + minute(w.appointmentTo)));
		store.save(w);
	}

	/** 暂停 with a reason and the day work resumes; the clock stands still until then. */
	void pause(WorkOrder w, WorkOrderInput in) {
		store.requireDispatcherOrWorker(w);
		w.check(WorkOrderAction.PAUSE);
		Map<String, String> errors = new LinkedHashMap<>();
		if (blankToNull(in.note()) == null) {
			errors.put("pauseReason", "workorder.pause.reasonRequired");
		}
		LocalDate resumeOn = in.resumeOn();
		if (resumeOn == null || resumeOn.isBefore(BusinessClock.today())) {
			errors.put("resumeOn", "workorder.pause.resumeOnRequired");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		w.pausedAt = BusinessClock.now();
		w.pauseReason = in.note().strip();
		w.resumeOn = resumeOn;
		w.perform(WorkOrderAction.PAUSE, Texts.zh("repair.history.paused", w.pauseReason, resumeOn.toString()));
		store.save(w);
	}

	/** 恢复: the clock runs again and the due date moves by the time on hold. */
	void resume(WorkOrder w) {
		store.requireDispatcherOrWorker(w);
		w.check(WorkOrderAction.RESUME);
		resume(w, BusinessClock.now());
		store.save(w);
	}

	/** Resumes without saving: the caller saves, as the user or as the deadline job. */
	void resume(WorkOrder w, Instant now) {
		Instant oldDue = w.dueAt;
		w.dueAt = rules.shifted(w.dueAt, w.urgency, w.pausedAt, now);
		w.perform(WorkOrderAction.RESUME, Texts.zh("repair.history.resumed", minute(w.dueAt)));
		w.steps.add(io.estatedesk.shared.HistoryStep.field("dueAt", minute(oldDue), minute(w.dueAt)));
		w.pausedAt = null;
		w.pausedFrom = null;
		w.resumeOn = null;
		w.warnedAt = w.dueAt.isAfter(now) ? null : w.warnedAt;
	}

}
