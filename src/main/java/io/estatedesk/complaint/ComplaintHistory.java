package io.estatedesk.complaint;

import java.util.List;

import io.estatedesk.shared.CaseHistory;
import io.estatedesk.shared.Masking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The complaint's history: appended, never changed. A change of the contact phone is stored masked; rows written
 * before that are left as they are and shown masked.
 */
@Component
class ComplaintHistory extends CaseHistory {

	ComplaintHistory(JdbcTemplate jdbc) {
		super(jdbc, "complaint_history", "complaint_id");
	}

	@Override
	public List<Entry> of(long caseId) {
		return super.of(caseId).stream().map(ComplaintHistory::masked).toList();
	}

	@Override
	public List<Entry> since(long caseId, long version) {
		return super.since(caseId, version).stream().map(ComplaintHistory::masked).toList();
	}

	private static Entry masked(Entry e) {
		if (!"contactPhone".equals(e.field())) {
			return e;
		}
		return new Entry(e.id(), e.version(), e.occurredAt(), e.actor(), e.kind(), e.field(), Masking.phone(e.oldValue()),
				Masking.phone(e.newValue()), e.note());
	}

}
