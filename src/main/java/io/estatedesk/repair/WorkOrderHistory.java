package io.estatedesk.repair;

import io.estatedesk.shared.CaseHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The work order's history: appended, never changed. */
@Component
class WorkOrderHistory extends CaseHistory {

	WorkOrderHistory(JdbcTemplate jdbc) {
		super(jdbc, "work_order_history", "work_order_id");
	}

}
