package io.estatedesk.repair;

import io.estatedesk.shared.Texts;

import java.util.ArrayList;
import java.util.List;

/** The work order list's filters, all applied in the database. */
record WorkOrderFilter(Long projectId, Long buildingId, Long unitId, Long ownerId, Long complaintId, Long contractorId,
		Long tradeId, WorkOrderState state, Urgency urgency, Source source, Boolean overdue, Boolean open,
		Boolean returnCallDue, String q) {

	static WorkOrderFilter none() {
		return new WorkOrderFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	String query() {
		return q == null || q.isBlank() ? null : q.strip();
	}

	String describe() {
		List<String> p = new ArrayList<>();
		String[] names = { "projectId", "buildingId", "unitId", "ownerId", "complaintId", "contractorId", "tradeId", "state", "urgency",
				"source", "overdue", "open", "returnCallDue", "q" };
		Object[] values = { projectId, buildingId, unitId, ownerId, complaintId, contractorId, tradeId, state, urgency,
				source, overdue, open, returnCallDue, query() };
		for (int i = 0; i < names.length; i++) {
			if (values[i] != null && !Boolean.FALSE.equals(values[i])) {
				p.add(Texts.zh("workorder.described." + names[i]) + "=" + values[i]);
			}
		}
		return p.isEmpty() ? Texts.zh("filter.all") : String.join(Texts.zh("filter.separator"), p);
	}

}
