package io.estatedesk.complaint;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.estatedesk.shared.BusinessClock;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline job as the scheduler runs it: its escalation reaches the 部门经理 in 消息 and as one mail through a real
 * SMTP server, and every event it raised is delivered.
 */
@IntegrationTest
class ComplaintEscalationDeliveryIntegrationTests {

	static final int PORT = freePort();

	static final GreenMail smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static {
		smtp.start();
	}

	static int freePort() {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
		// the outbox is sent by its own scheduler every second; the deadline job runs only when this test calls it
		registry.add("estatedesk.mail.interval", () -> "1000");
		registry.add("estatedesk.mail.delay", () -> "1000");
		registry.add("estatedesk.complaint.check-delay", () -> "3600000");
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@AfterEach
	void resetClock() {
		BusinessClock.resetForTesting();
	}

	@Autowired
	ComplaintManagement complaints;

	@Autowired
	ComplaintDeadlineJob job;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anEscalationRaisedByTheScheduledRunReachesTheManagerInMessagesAndByOneMail() throws Exception {
		// 16:30 UTC is 00:30 of the next day in China: the complaint was received on Monday 16 November, Beijing time
		BusinessClock.setForTesting(Instant.parse("2026-11-29T16:30:00Z"), true);
		String office = fixtures.staffWithRole("OFFICE");
		String managerName = fixtures.staffWithRole("MANAGER");
		long manager = fixtures.staffId(managerName);
		jdbc.update("update staff_account set email = ? where id = ?", managerName + "@example.com", manager);
		long project = fixtures.project(Fixtures.unique("督办项目"));
		long category = jdbc.queryForObject("select id from complaint_category where name = '物业服务'", Long.class);
		LocalDateTime at = LocalDateTime.of(2026, 11, 16, 10, 0);
		long id = fixtures.as(office, () -> complaints.receive(new IntakeForm(project, at.toLocalDate(), "业主", at, null, null,
				null, null, Channel.PHONE, category, Severity.GENERAL, false, "电梯停运三天无人处理", "")));
		String code = jdbc.queryForObject("select code from complaint where id = ?", String.class, id);
		long before = jdbc.queryForObject("select count(*) from event_publication", Long.class);

		job.scheduled();

		String title = "投诉已超时（回复）：" + code;
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
				"select count(*) from notification where recipient_id = ? and title = ?", Long.class, manager, title) == 1);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(smtp.getReceivedMessages())
			.anyMatch(m -> subject(m).equals(title)));
		assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient_id = ? and subject = ?", Long.class,
				manager, title)).isEqualTo(1);
		assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).equals(title)).count()).isEqualTo(1);
		// every event the run raised was delivered to its listeners
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null", Long.class) == 0);
		assertThat(jdbc.queryForObject("select count(*) from event_publication", Long.class)).isGreaterThan(before);
		List<String> kinds = jdbc.queryForList(
				"select note from complaint_history where complaint_id = ? and kind = 'ESCALATED' order by id", String.class, id);
		assertThat(kinds).hasSize(3);
	}

	private static String subject(jakarta.mail.internet.MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (Exception e) {
			return "";
		}
	}

}
