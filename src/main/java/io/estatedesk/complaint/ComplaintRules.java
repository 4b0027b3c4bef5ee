package io.estatedesk.complaint;

import java.time.Instant;

import io.estatedesk.shared.WorkCalendar;
import io.estatedesk.shared.WorkingTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The time limits and approval rule that apply to a complaint, and its deadlines on the work calendar. */
@Component
class ComplaintRules {

	record Rule(int ackMinutes, int replyMinutes, int closeMinutes, boolean needsInstruction) {
	}

	/**
	 * The rules seeded for every category ({@code V2026_11_26_40__complaint.sql}: 一般 240/540/1620 minutes, 重大
	 * 60/270/1620 with 领导批示), used only when an administrator has deleted the row for every category.
	 */
	static final java.util.Map<Severity, Rule> SEEDED_DEFAULTS = java.util.Map.of(
			Severity.GENERAL, new Rule(240, 540, 1620, false),
			Severity.MAJOR, new Rule(60, 270, 1620, true));

	private final JdbcTemplate jdbc;

	private final WorkCalendar calendar;

	ComplaintRules(JdbcTemplate jdbc, WorkCalendar calendar) {
		this.jdbc = jdbc;
		this.calendar = calendar;
	}

	/** The rule for the category and severity, falling back to the rule for every category. */
	Rule rule(long categoryId, Severity severity) {
		return jdbc.query("""
				select * from complaint_sla_rule where severity = ? and (category_id = ? or category_id is null)
				order by category_id nulls last limit 1""",
				(rs, i) -> new Rule(rs.getInt("ack_minutes"), rs.getInt("reply_minutes"), rs.getInt("close_minutes"),
						rs.getBoolean("needs_instruction")),
				severity.name(), categoryId).stream().findFirst().orElse(SEEDED_DEFAULTS.get(severity));
	}

	WorkingTime time() {
		return calendar.workingTime();
	}

	/** Sets the three deadlines, counted in working time from the moment the complaint was received. */
	void schedule(Complaint c, Instant receivedAt) {
		Rule r = rule(c.categoryId, c.severity);
		WorkingTime wt = time();
		c.ackDue = wt.plusWorkingMinutes(receivedAt, r.ackMinutes());
		c.replyDue = wt.plusWorkingMinutes(receivedAt, r.replyMinutes());
		c.closeDue = wt.plusWorkingMinutes(receivedAt, r.closeMinutes());
	}

	/** After waiting for the owner, pushes every deadline not yet met by the working time spent waiting. */
	void resume(Complaint c, Instant now) {
		if (c.waitingSince == null) {
			return;
		}
		WorkingTime wt = time();
		long waited = wt.workingMinutesBetween(c.waitingSince, now);
		if (c.acknowledgedAt == null) {
			c.ackDue = wt.plusWorkingMinutes(c.ackDue, waited);
		}
		if (c.repliedAt == null) {
			c.replyDue = wt.plusWorkingMinutes(c.replyDue, waited);
		}
		c.closeDue = wt.plusWorkingMinutes(c.closeDue, waited);
		c.waitingSince = null;
	}

	int warnMinutes() {
		return jdbc.queryForList("select value from complaint_setting where key = 'warn.minutes'", String.class).stream()
			.findFirst().map(Integer::parseInt).orElse(60);
	}

}
