package io.estatedesk.notification;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.Texts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued mail through the configured SMTP server ({@code spring.mail.host}). Each run claims a batch of due
 * messages with {@code FOR UPDATE SKIP LOCKED}, so several instances never send the same message; a failure leaves
 * the message queued and retries it after 1, 2, 4 … minutes (at most an hour apart), up to 20 attempts.
 */
@Component
class MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	static final int MAX_ATTEMPTS = 20;

	private record Queued(long id, String to, String subject, String body, int attempts) {
	}

	private final JdbcTemplate jdbc;

	private final ObjectProvider<JavaMailSender> sender;

	private final String host;

	private final String from;

	private final String baseUrl;

	MailOutbox(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
			@Value("${estatedesk.mail.from:estatedesk@localhost}") String from,
			@Value("${estatedesk.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.sender = sender;
		this.host = host;
		this.from = from;
		this.baseUrl = baseUrl;
	}

	boolean enabled() {
		return !host.isBlank() && sender.getIfAvailable() != null;
	}

	/** Queues a message for every recipient who has an e-mail address. */
	void queue(List<Long> recipients, String title, String body, String link) {
		if (!enabled() || recipients.isEmpty()) {
			return;
		}
		String text = (body == null ? "" : body) + (link == null ? "" : "\n\n" + baseUrl + link)
				+ "\n\n" + Texts.zh("notification.mail.signature");
		Timestamp now = Timestamp.from(BusinessClock.now());
		for (Long id : recipients.stream().distinct().toList()) {
			jdbc.update("""
					insert into mail_outbox (recipient_id, to_address, subject, body, next_attempt_at, created_at)
					select id, email, ?, ?, ?, ? from staff_person where id = ? and enabled and email is not null and email <> ''""",
					title.length() > 200 ? title.substring(0, 200) : title, text, now, now, id);
		}
	}

	@Scheduled(fixedDelayString = "${estatedesk.mail.interval:30000}", initialDelayString = "${estatedesk.mail.delay:20000}")
	void scheduled() {
		if (enabled()) {
			sendDue();
		}
	}

	/** Sends what is due; returns how many messages the server accepted. */
	int sendDue() {
		List<Queued> batch = jdbc.query("""
				update mail_outbox set next_attempt_at = %1$s + interval '10 minutes'
				where id in (select id from mail_outbox where sent_at is null and attempts < ? and next_attempt_at <= %1$s
				             order by id limit 20 for update skip locked)
				returning id, to_address, subject, body, attempts""".formatted(BusinessClock.sqlNow()),
				(rs, i) -> new Queued(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)), MAX_ATTEMPTS);
		int sent = 0;
		JavaMailSender mail = sender.getObject();
		for (Queued q : batch) {
			try {
				MimeMessage message = mail.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
				helper.setFrom(from);
				helper.setTo(q.to());
				helper.setSubject(q.subject());
				helper.setText(q.body());
				mail.send(message);
				jdbc.update("update mail_outbox set sent_at = " + BusinessClock.sqlNow() + ", attempts = attempts + 1, last_error = null where id = ?", q.id());
				sent++;
			}
			catch (Exception e) {
				long minutes = Math.min(60, 1L << Math.min(q.attempts(), 6));
				String error = String.valueOf(e.getMessage());
				jdbc.update("update mail_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?",
						Timestamp.from(BusinessClock.now().plusSeconds(minutes * 60)), error.length() > 500 ? error.substring(0, 500) : error,
						q.id());
				log.warn("Mail to {} not sent (attempt {}), retried in {} min: {}", q.to(), q.attempts() + 1, minutes, error);
			}
		}
		return sent;
	}

}
