package io.estatedesk.repair;

import static io.estatedesk.shared.Strings.blankToNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.estatedesk.complaint.WorkOrdersCompleted;
import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.HistoryStep;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Texts;
import io.estatedesk.staff.StaffManagement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How a work order ends: 验收 (or 返工), 取消, and the 回访 after it. When every work order raised from a complaint is
 * done and one of them was completed, {@link WorkOrdersCompleted} tells the complaint, which moves on in its own time.
 */
@Component
class WorkOrderCompletion {

	private final WorkOrderStore store;

	private final RepairRules rules;

	private final Contractors contractors;

	private final StaffManagement staff;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	WorkOrderCompletion(WorkOrderStore store, RepairRules rules, Contractors contractors, StaffManagement staff,
			JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.store = store;
		this.rules = rules;
		this.contractors = contractors;
		this.staff = staff;
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * 验收 with a rating of 1–5. A return call follows for the set share of repairs and always after 返工 or a low
	 * rating.
	 */
	void accept(WorkOrder w, WorkOrderInput in) {
		store.requirePermission(WorkOrderManagement.ACCEPT);
		w.check(WorkOrderAction.ACCEPT);
		Integer rating = in.ownerRating();
		if (rating == null || rating < 1 || rating > 5) {
			throw new InvalidInputException(Map.of("ownerRating", "workorder.rating.required"));
		}
		w.ownerRating = rating;
		w.acceptanceNote = blankToNull(in.note());
		w.acceptedAt = BusinessClock.now();
		boolean returnCall = w.reworkCount > 0 || rating <= 3
				|| ThreadLocalRandom.current().nextInt(100) < rules.returnRate();
		if (returnCall) {
			w.returnCallDue = w.acceptedAt.plus(Duration.ofDays(rules.returnDays()));
		}
		w.perform(WorkOrderAction.ACCEPT, w.acceptanceNote == null ? Texts.zh("repair.history.rated", rating.toString())
				: Texts.zh("repair.history.rated.note", rating.toString(), w.acceptanceNote));
		store.save(w);
		events.publishEvent(new WorkOrderAccepted(w.id, w.code, w.projectId, w.ownerId, w.unitId, w.contactName,
				w.contactPhone, w.createdBy, w.returnCallDue));
		complaintMovesOn(w);
	}

	/** 验收不通过: back to the contractor as 返工, with the reason. */
	void reject(WorkOrder w, WorkOrderInput in) {
		store.requirePermission(WorkOrderManagement.ACCEPT);
		w.check(WorkOrderAction.REJECT);
		String reason = blankToNull(in.note());
		if (reason == null) {
			throw new InvalidInputException(Map.of("rejectReason", "workorder.reject.reasonRequired"));
		}
		w.reworkCount++;
		w.finishedAt = null;
		w.perform(WorkOrderAction.REJECT, reason);
		store.save(w);
		List<Long> to = w.contractorId == null ? List.of() : contractors.memberIds(w.contractorId);
		store.notify(to, Texts.zh("repair.notify.rework", w.code), reason, w);
	}

	/** 取消 (e.g. a duplicate, or the owner withdrew), by a manager, with the reason. */
	void cancel(WorkOrder w, WorkOrderInput in) {
		store.requirePermission(WorkOrderManagement.MANAGE);
		w.check(WorkOrderAction.CANCEL);
		String reason = blankToNull(in.note());
		if (reason == null) {
			throw new InvalidInputException(Map.of("cancelReason", "workorder.cancel.reasonRequired"));
		}
		w.cancelledAt = BusinessClock.now();
		w.perform(WorkOrderAction.CANCEL, reason);
		store.save(w);
		complaintMovesOn(w);
	}

	/** 回访 after completion: was the owner satisfied with the repair; if not, it is reopened for rework. */
	void returnCall(WorkOrder w, WorkOrderInput in) {
		store.requirePermission(WorkOrderManagement.ACCEPT);
		w.check(WorkOrderAction.RETURN_CALL);
		Boolean satisfied = in.satisfied();
		String result = blankToNull(in.note());
		Map<String, String> errors = new LinkedHashMap<>();
		if (satisfied == null) {
			errors.put("returnSatisfied", "workorder.returnCall.satisfiedRequired");
		}
		if (result == null) {
			errors.put("returnResult", "workorder.returnCall.resultRequired");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (satisfied) {
			// before the call is recorded: one return call per acceptance
			w.perform(WorkOrderAction.RETURN_CALL, null);
		}
		w.returnCallAt = BusinessClock.now();
		w.returnSatisfied = satisfied;
		w.returnResult = result;
		if (!satisfied) {
			// not satisfied: the repair is reopened for rework by the same team
			w.reworkCount++;
			w.acceptedAt = null;
			w.finishedAt = null;
			// the next acceptance brings the next return call; this one stays in the history
			w.returnCallDue = null;
			w.returnCallAt = null;
			w.returnSatisfied = null;
			w.perform(w.contractorId == null ? WorkOrderAction.REOPEN_UNDISPATCHED : WorkOrderAction.REOPEN,
					Texts.zh("repair.history.reopened", result));
		}
		w.steps.add(new HistoryStep(HistoryKind.RETURN_CALL, null, null,
				Texts.zh(satisfied ? "repair.history.satisfied" : "repair.history.unsatisfied"), result));
		store.save(w);
		if (!satisfied) {
			List<Long> to = new ArrayList<>(staff.idsWithPermission(WorkOrderManagement.ESCALATION));
			if (w.contractorId != null) {
				to.addAll(contractors.memberIds(w.contractorId));
			}
			store.notify(to, Texts.zh("repair.notify.returnCallUnsatisfied", w.code), result, w);
		}
		events.publishEvent(new WorkOrderReturnCalled(w.id, satisfied, store.actor()));
	}

	/** When the last open work order of its complaint is done and one was completed, the complaint is told. */
	private void complaintMovesOn(WorkOrder w) {
		if (w.complaintId == null) {
			return;
		}
		List<Map<String, Object>> siblings = jdbc.queryForList("""
				select w.code, w.state, w.description, t.name trade, c.name contractor from work_order w
				join repair_trade t on t.id = w.trade_id left join contractor c on c.id = w.contractor_id
				where w.complaint_id = ? order by w.id""", w.complaintId);
		boolean allDone = siblings.stream().allMatch(r -> "COMPLETED".equals(r.get("state")) || "CANCELLED".equals(r.get("state")));
		boolean anyCompleted = siblings.stream().anyMatch(r -> "COMPLETED".equals(r.get("state")));
		if (!allDone || !anyCompleted) {
			return;
		}
		List<String> items = new ArrayList<>();
		for (Map<String, Object> r : siblings) {
			if ("COMPLETED".equals(r.get("state"))) {
				String description = WorkOrderManagement.shortened((String) r.get("description"));
				items.add(r.get("contractor") == null
						? Texts.zh("repair.complaint.repairsDone.item", r.get("code"), description, r.get("trade"))
						: Texts.zh("repair.complaint.repairsDone.itemWithContractor", r.get("code"), description,
								r.get("trade"), r.get("contractor")));
			}
		}
		String summary = Texts.zh("repair.complaint.repairsDone",
				String.join(Texts.zh("repair.complaint.repairsDone.separator"), items));
		events.publishEvent(new WorkOrdersCompleted(w.complaintId, summary, store.actor()));
	}

}
