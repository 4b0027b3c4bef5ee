package io.estatedesk.lifecycle;

import io.estatedesk.shared.CaseHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The rectification notice's history (处理经过): issued, each re-inspection with its result and new deadline. */
@Component
class NoticeHistory extends CaseHistory {

	NoticeHistory(JdbcTemplate jdbc) {
		super(jdbc, "rectification_notice_history", "rectification_notice_id");
	}

}
