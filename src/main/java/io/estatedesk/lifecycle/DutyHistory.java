package io.estatedesk.lifecycle;

import io.estatedesk.shared.CaseHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The duty item's history (处理经过): status, owner, due date and notes changes, the records added. */
@Component
class DutyHistory extends CaseHistory {

	DutyHistory(JdbcTemplate jdbc) {
		super(jdbc, "duty_item_history", "duty_item_id");
	}

}
