package io.estatedesk.office;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The department's own load for the manager's dashboard: 未打卡说明 waiting for approval, action items past due. */
@Service
@Transactional(readOnly = true)
public class OfficeFigures {

	public record Today(long pendingNotes, long overdueTasks) {
	}

	private final JdbcTemplate jdbc;

	OfficeFigures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Today today() {
		return jdbc.queryForObject("""
				select (select count(*) from attendance_note where state = 'PENDING'),
				       (select count(*) from office_task where done_at is null and due_date < ?)""",
				(rs, i) -> new Today(rs.getLong(1), rs.getLong(2)), BusinessClock.today());
	}

}
