package io.estatedesk.complaint;

import io.estatedesk.shared.BusinessClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.HistoryStep;
import io.estatedesk.shared.StaffNotification;
import io.estatedesk.shared.Texts;
import io.estatedesk.shared.WorkCalendar;
import io.estatedesk.staff.StaffManagement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warns the owner of a case before each time limit, escalates to the 部门经理 after it, and reminds of agreed
 * appointments (约时处理). Each step claims its rows with one UPDATE … RETURNING, so with several application
 * instances every warning and escalation still happens exactly once.
 */
@Component
class ComplaintDeadlineJob {

	/** A time limit: its column prefix, the message key of its name, and the condition under which it is still open. */
	private record Stage(String prefix, String name, String open) {
	}

	private static final List<Stage> STAGES = List.of(
			new Stage("ack", "complaint.stage.ack", "c.acknowledged_at is null and c.closed_at is null"),
			new Stage("reply", "complaint.stage.reply", "c.replied_at is null and c.closed_at is null"),
			new Stage("close", "complaint.stage.close", "c.closed_at is null"));

	private record Hit(long id, String code, long handlerId, long version) {
	}

	private final JdbcTemplate jdbc;

	private final ComplaintRules rules;

	private final StaffManagement staff;

	private final ApplicationEventPublisher events;

	private final WorkCalendar calendar;

	private final TransactionTemplate tx;

	private final ComplaintHistory history;

	ComplaintDeadlineJob(JdbcTemplate jdbc, ComplaintRules rules, StaffManagement staff, ApplicationEventPublisher events,
			WorkCalendar calendar, TransactionTemplate tx, ComplaintHistory history) {
		this.history = history;
		this.tx = tx;
		this.jdbc = jdbc;
		this.rules = rules;
		this.staff = staff;
		this.events = events;
		this.calendar = calendar;
	}

	@Scheduled(fixedDelayString = "${estatedesk.complaint.check-interval:60000}", initialDelayString = "${estatedesk.complaint.check-delay:30000}")
	void scheduled() {
		// a call inside this class bypasses the @Transactional proxy: without the transaction the events published
		// here would be registered but never delivered to their listeners
		tx.executeWithoutResult(s -> check(BusinessClock.now()));
	}

	/** Runs every check once; returns how many warnings, escalations and reminders it sent. */
	@Transactional
	int check(Instant now) {
		int sent = 0;
		Timestamp ts = Timestamp.from(now);
		int warn = rules.warnMinutes();
		List<Long> managers = staff.idsWithPermission(ComplaintManagement.ESCALATION);
		for (Stage s : STAGES) {
			for (Hit h : claim("""
					update complaint c set %1$s_warned_at = ? where c.%1$s_warned_at is null and c.waiting_since is null
					  and %2$s and c.%1$s_due > ? and c.%1$s_due <= cast(? as timestamptz) + make_interval(mins => ?)
					returning c.id, c.code, c.handler_id, c.version""".formatted(s.prefix(), s.open()), ts, ts, ts, warn)) {
				history(h, HistoryKind.WARNED, Texts.zh("complaint.history.warned", Texts.zh(s.name())));
				notify(List.of(h.handlerId()), Texts.zh("complaint.notify.warned", Texts.zh(s.name()), h.code()),
						Texts.zh("complaint.notify.warned.body"), h);
				sent++;
			}
			for (Hit h : claim("""
					update complaint c set %1$s_escalated_at = ? where c.%1$s_escalated_at is null and c.waiting_since is null
					  and %2$s and c.%1$s_due <= ?
					returning c.id, c.code, c.handler_id, c.version""".formatted(s.prefix(), s.open()), ts, ts)) {
				history(h, HistoryKind.ESCALATED, Texts.zh("complaint.history.escalated", Texts.zh(s.name())));
				List<Long> to = new ArrayList<>(managers);
				if (!to.contains(h.handlerId())) {
					to.add(h.handlerId());
				}
				notify(to, Texts.zh("complaint.notify.overdue", Texts.zh(s.name()), h.code()),
						Texts.zh("complaint.notify.overdue.body", Texts.zh(s.name())), h);
				sent++;
			}
		}
		for (Hit h : claim("""
				update complaint c set appointment_reminded_at = ? where c.appointment_reminded_at is null
				  and c.appointment_at is not null and c.closed_at is null and c.appointment_at <= cast(? as timestamptz) + interval '60 minutes'
				returning c.id, c.code, c.handler_id, c.version""", ts, ts)) {
			notify(List.of(h.handlerId()), Texts.zh("complaint.notify.appointment", h.code()), Texts.zh("complaint.notify.appointment.body"), h);
			sent++;
		}
		sent += warnAboutMissingCalendar(LocalDate.ofInstant(now, BusinessClock.ZONE));
		return sent;
	}

	private List<Hit> claim(String sql, Object... args) {
		return jdbc.query(sql, (rs, i) -> new Hit(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), args);
	}

	private void history(Hit h, HistoryKind kind, String note) {
		history.write(h.id(), h.version(), "system", HistoryStep.note(kind, note));
	}

	private void notify(List<Long> recipients, String title, String body, Hit h) {
		if (!recipients.isEmpty()) {
			events.publishEvent(new StaffNotification(recipients, title, body, "/complaints/" + h.id()));
		}
	}

	/** Tells administrators once when the coming year's holidays have not been entered yet. */
	private int warnAboutMissingCalendar(LocalDate today) {
		return calendar.missingComingYear(today).map(year -> {
			int inserted = jdbc.update("insert into complaint_setting (key, value) values (?, ?) on conflict do nothing",
					"calendar.warned." + year, today.toString());
			if (inserted == 0) {
				return 0;
			}
			List<Long> admins = staff.idsWithPermission("CALENDAR_ADMIN");
			if (!admins.isEmpty()) {
				events.publishEvent(new StaffNotification(admins, Texts.zh("calendar.notify.missing", String.valueOf(year)),
						Texts.zh("calendar.notify.missing.body", String.valueOf(year)), "/admin/calendar"));
			}
			return 1;
		}).orElse(0);
	}

}
