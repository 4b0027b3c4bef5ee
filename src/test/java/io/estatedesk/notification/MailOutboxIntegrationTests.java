package io.estatedesk.notification;

import io.estatedesk.shared.BusinessClock;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.estatedesk.shared.StaffNotification;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Notifications reach staff by mail through a real SMTP server, and wait in the outbox while it is down. */
@IntegrationTest
class MailOutboxIntegrationTests {

	static final int PORT = freePort();

	static GreenMail smtp = start();

	static int freePort() {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	static GreenMail start() {
		GreenMail g = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		g.start();
		return g;
	}

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
		registry.add("estatedesk.mail.interval", () -> "3600000");
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@Autowired
	MailOutbox outbox;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	long staffWithEmail(String email) {
		long id = fixtures.staffId(fixtures.staffWithRole("MANAGER"));
		jdbc.update("update staff_account set email = ? where id = ?", email, id);
		return id;
	}

	void notifyAfterCommit(long recipient, String title) {
		tx.executeWithoutResult(s -> events.publishEvent(new StaffNotification(List.of(recipient), title, "请处理。", "/complaints/1")));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
				"select count(*) from mail_outbox where recipient_id = ? and subject = ?", Long.class, recipient, title) == 1);
	}

	@Test
	void deliversANotificationByMail() throws Exception {
		long manager = staffWithEmail("manager@example.com");
		notifyAfterCommit(manager, "重大投诉已受理：TS-2026-000001");
		assertThat(jdbc.queryForObject("select count(*) from notification where recipient_id = ?", Long.class, manager)).isEqualTo(1);
		outbox.sendDue();
		assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
		MimeMessage received = List.of(smtp.getReceivedMessages()).stream()
			.filter(m -> {
				try {
					return m.getSubject().equals("重大投诉已受理：TS-2026-000001");
				}
				catch (Exception e) {
					return false;
				}
			}).findFirst().orElseThrow();
		assertThat(received.getAllRecipients()[0].toString()).isEqualTo("manager@example.com");
		assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(received)).isNotBlank();
	}

	@Autowired
	EventDelivery delivery;

	@Test
	void anEventDeliveredAgainCreatesNoSecondNotificationOrMail() {
		long manager = staffWithEmail("twice@example.com");
		String title = "投诉已超时（办结）：TS-2026-000003";
		notifyAfterCommit(manager, title);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null and serialized_event like ?", Long.class,
				"%TS-2026-000003%") == 0);
		// as if the node had died before the delivery was recorded: the publication is open again, and old
		jdbc.update("""
				update event_publication set completion_date = null, status = 'PUBLISHED',
				  publication_date = publication_date - interval '10 minutes'
				where serialized_event like ?""", "%TS-2026-000003%");
		assertThat(delivery.health().getStatus().getCode()).isEqualTo("WARN");
		assertThat(delivery.resubmit()).isTrue();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null and serialized_event like ?", Long.class,
				"%TS-2026-000003%") == 0);
		assertThat(jdbc.queryForObject("select count(*) from notification where recipient_id = ? and title = ?", Long.class,
				manager, title)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient_id = ? and subject = ?", Long.class,
				manager, title)).isEqualTo(1);
		assertThat(delivery.health().getStatus().getCode()).isEqualTo("UP");
	}

	@Test
	void onlyOneNodeAtATimeHoldsTheResubmissionLease() {
		assertThat(delivery.resubmit()).isTrue();
		// another node's claim while this one holds the lease
		jdbc.update("update cluster_lease set holder = 'other-node' where name = 'event-resubmission'");
		assertThat(delivery.resubmit()).isFalse();
		// the other node stopped renewing: the lease expires and this node takes over
		jdbc.update("update cluster_lease set expires_at = ? where name = 'event-resubmission'",
				java.sql.Timestamp.from(BusinessClock.now().minusSeconds(1)));
		assertThat(delivery.resubmit()).isTrue();
	}

	@Test
	void keepsTheMessageWhileTheMailServerIsDownAndSendsItLater() throws Exception {
		long manager = staffWithEmail("down@example.com");
		smtp.stop();
		notifyAfterCommit(manager, "投诉已超时：TS-2026-000002");
		outbox.sendDue();
		assertThat(jdbc.queryForMap("select sent_at, attempts, last_error from mail_outbox where recipient_id = ?", manager))
			.containsEntry("sent_at", null).containsEntry("attempts", 1)
			.satisfies(row -> assertThat(row.get("last_error")).isNotNull());
		smtp = start();
		// time passes: the retry is due
		jdbc.update("update mail_outbox set next_attempt_at = " + BusinessClock.sqlNow() + " where recipient_id = ?", manager);
		outbox.sendDue();
		assertThat(jdbc.queryForObject("select sent_at is not null from mail_outbox where recipient_id = ?", Boolean.class, manager)).isTrue();
		assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
		assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("投诉已超时：TS-2026-000002");
	}

}
