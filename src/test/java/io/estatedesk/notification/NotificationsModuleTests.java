package io.estatedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.StaffNotification;
import io.estatedesk.staff.DemoSignIn;
import io.estatedesk.staff.Permissions;
import io.estatedesk.staff.StaffManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The notification module on its own: a {@link StaffNotification} any module publishes becomes one 消息 per
 * recipient (a recipient named twice gets one), through the module listener after the publisher's commit. The
 * other modules' beans are stand-ins; the database is the real one.
 */
@ApplicationModuleTest
@TestPropertySource(properties = "estatedesk.database.data-dir=target/test-db/${random.uuid}")
class NotificationsModuleTests {

	@MockitoBean
	ArchiveLookup archive;

	@MockitoBean
	Permissions permissions;

	@MockitoBean
	StaffManagement staff;

	@MockitoBean
	DemoSignIn signIn;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Notifications notifications;

	@Test
	void aPublishedNotificationReachesEachRecipientOnce(Scenario scenario) {
		long a = staffMember();
		long b = staffMember();
		StaffNotification n = new StaffNotification(List.of(a, b, a), "投诉 TS-2026-000001 已超时", "请尽快处理",
				"/complaints/1");
		scenario.publish(n)
			.andWaitForStateChange(() -> count(n), c -> c == 2)
			.andVerify(c -> assertThat(c).isEqualTo(2));
		assertThat(notifications.unread(a)).isEqualTo(1);
		assertThat(notifications.recent(b, 5)).extracting(Notifications.Notification::title)
			.containsExactly("投诉 TS-2026-000001 已超时");
	}

	private long count(StaffNotification n) {
		return jdbc.queryForObject("select count(*) from notification where event_id = ?", Long.class, n.eventId());
	}

	private long staffMember() {
		return jdbc.queryForObject("""
				insert into staff_account (username, display_name, password_hash) values (?, '模块测试', 'x') returning id""",
				Long.class, "module-" + UUID.randomUUID());
	}

}
