package io.estatedesk.repair;

import io.estatedesk.shared.Texts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/** The work order list's filters, all applied in the database. */
record WorkOrderFilter(Long projectId, Long buildingId, Long unitId, Long ownerId, Long complaintId, Long contractorId,
		Long tradeId, WorkOrderState state, Urgency urgency, Source source, Boolean overdue, Boolean open,
		Boolean returnCallDue, String q, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedTo, Integer ageFrom, Integer ageTo,
		WorkOrderProgress progress) {

	/** Ages are whole days since the order was reported (报修时间), as the dashboard counts them; at most 100 years. */
	static final int MAX_AGE_DAYS = 36_500;

	static WorkOrderFilter none() {
		return new WorkOrderFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null);
	}

	/** One contractor's unfinished orders. */
	static WorkOrderFilter openOf(long contractorId) {
		return new WorkOrderFilter(null, null, null, null, null, contractorId, null, null, null, null, null, true, null, null,
				null, null, null, null, null);
	}

	String query() {
		return q == null || q.isBlank() ? null : q.strip();
	}

	String describe() {
		List<String> p = new ArrayList<>();
		String[] names = { "projectId", "buildingId", "unitId", "ownerId", "complaintId", "contractorId", "tradeId", "state", "urgency",
				"source", "overdue", "open", "returnCallDue", "q", "reportedFrom", "reportedTo", "ageFrom", "ageTo", "progress" };
		Object[] values = { projectId, buildingId, unitId, ownerId, complaintId, contractorId, tradeId, state, urgency,
				source, overdue, open, returnCallDue, query(), reportedFrom, reportedTo, ageFrom, ageTo,
				progress == null ? null : Texts.zh("workorder.progress." + progress) };
		for (int i = 0; i < names.length; i++) {
			if (values[i] != null && !Boolean.FALSE.equals(values[i])) {
				p.add(Texts.zh("workorder.described." + names[i]) + "=" + values[i]);
			}
		}
		return p.isEmpty() ? Texts.zh("filter.all") : String.join(Texts.zh("filter.separator"), p);
	}

}
