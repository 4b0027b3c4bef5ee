package io.estatedesk.complaint;

import io.estatedesk.shared.CaseHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The complaint's history: appended, never changed. */
@Component
class ComplaintHistory extends CaseHistory {

	ComplaintHistory(JdbcTemplate jdbc) {
		super(jdbc, "complaint_history", "complaint_id");
	}

}
