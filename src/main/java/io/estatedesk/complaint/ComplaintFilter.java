package io.estatedesk.complaint;

import io.estatedesk.shared.Texts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/** The complaint list's filters, all applied in the database. */
record ComplaintFilter(Long projectId, Long buildingId, ComplaintState state, Long categoryId, Severity severity,
		Channel channel, Long handlerId, Boolean overdue, Boolean open, Boolean appointments,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
		String q, Long ownerId, Long unitId, ComplaintCause cause,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate appointmentsBefore, Integer ageFrom, Integer ageTo,
		ComplaintProgress progress, Boolean repairsDone) {

	/** Ages are whole days since the complaint was made (投诉时间), as the dashboard counts them; at most 100 years. */
	static final int MAX_AGE_DAYS = 36_500;

	static ComplaintFilter none() {
		return new ComplaintFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null);
	}

	/** Only the full-text search, everything else open. */
	static ComplaintFilter search(String q) {
		return new ComplaintFilter(null, null, null, null, null, null, null, null, null, null, null, null, q, null, null, null, null,
				null, null, null, null);
	}

	String query() {
		return q == null || q.isBlank() ? null : q.strip();
	}

	String describe() {
		List<String> p = new ArrayList<>();
		add(p, "projectId", projectId);
		add(p, "buildingId", buildingId);
		add(p, "state", state);
		add(p, "categoryId", categoryId);
		add(p, "severity", severity);
		add(p, "channel", channel);
		add(p, "handlerId", handlerId);
		add(p, "overdue", overdue);
		add(p, "open", open);
		add(p, "appointments", appointments);
		add(p, "appointmentsBefore", appointmentsBefore);
		add(p, "from", from);
		add(p, "to", to);
		add(p, "cause", cause);
		add(p, "ageFrom", ageFrom);
		add(p, "ageTo", ageTo);
		add(p, "progress", progress == null ? null : Texts.zh("complaint.progress." + progress));
		add(p, "repairsDone", repairsDone);
		add(p, "q", query());
		return p.isEmpty() ? Texts.zh("filter.all") : String.join(Texts.zh("filter.separator"), p);
	}

	private static void add(List<String> p, String name, Object v) {
		if (v != null && !Boolean.FALSE.equals(v)) {
			p.add(Texts.zh("complaint.described." + name) + "=" + v);
		}
	}

}
