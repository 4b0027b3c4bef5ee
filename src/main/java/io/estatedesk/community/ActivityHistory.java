package io.estatedesk.community;

import io.estatedesk.shared.CaseHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The activity's history (处理经过): planned, state changes, sign-ups and their cancellations, attendance, cost. */
@Component
class ActivityHistory extends CaseHistory {

	ActivityHistory(JdbcTemplate jdbc) {
		super(jdbc, "activity_history", "activity_id");
	}

}
