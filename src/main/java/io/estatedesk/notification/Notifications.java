package io.estatedesk.notification;

import io.estatedesk.shared.BusinessClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.estatedesk.shared.StaffNotification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores notifications for their recipients once the change that caused them has been committed, and queues mail. */
@Service
class Notifications {

	record Notification(long id, String title, String body, String link, Instant createdAt, Instant readAt) {

		public boolean unread() {
			return readAt == null;
		}
	}

	private final JdbcTemplate jdbc;

	private final MailOutbox mail;

	Notifications(JdbcTemplate jdbc, MailOutbox mail) {
		this.jdbc = jdbc;
		this.mail = mail;
	}

	@ApplicationModuleListener
	void on(StaffNotification n) {
		// once per event and recipient: a redelivered event finds its rows and queues no second mail
		List<Long> fresh = new java.util.ArrayList<>();
		for (Long id : n.recipientIds().stream().distinct().toList()) {
			int inserted = jdbc.update("""
					insert into notification (event_id, recipient_id, title, body, link, created_at) values (?, ?, ?, ?, ?, ?)
					on conflict (event_id, recipient_id) where event_id is not null do nothing""", n.eventId(), id,
					truncate(n.title(), 200), n.body() == null ? "" : n.body(), n.link(), Timestamp.from(BusinessClock.now()));
			if (inserted > 0) {
				fresh.add(id);
			}
		}
		mail.queue(fresh, n.title(), n.body(), n.link());
	}

	long unread(long staffId) {
		return jdbc.queryForObject("select count(*) from notification where recipient_id = ? and read_at is null", Long.class,
				staffId);
	}

	List<Notification> recent(long staffId, int limit) {
		return jdbc.query("select * from notification where recipient_id = ? order by id desc limit ?",
				(rs, i) -> new Notification(rs.getLong("id"), rs.getString("title"), rs.getString("body"), rs.getString("link"),
						rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("read_at"))),
				staffId, limit);
	}

	@Transactional
	String open(long staffId, long id) {
		jdbc.update("update notification set read_at = " + BusinessClock.sqlNow() + " where id = ? and recipient_id = ? and read_at is null", id, staffId);
		return jdbc.query("select link from notification where id = ? and recipient_id = ?", rs -> rs.next() ? rs.getString(1) : null,
				id, staffId);
	}

	@Transactional
	void readAll(long staffId) {
		jdbc.update("update notification set read_at = " + BusinessClock.sqlNow() + " where recipient_id = ? and read_at is null", staffId);
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

}
