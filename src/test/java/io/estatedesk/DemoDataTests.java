package io.estatedesk;

import io.estatedesk.shared.BusinessClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** ESTATEDESK_DEMO=true loads the 金第 project, staff of every role, complaints and work orders in every state, once. */
class DemoDataTests {

	@Test
	void demoModeLoadsARealisticDataSetOnce() throws Exception {
		Path dir = Files.createTempDirectory(Path.of("target"), "demo-db");
		String[] args = { "--server.port=0", "--estatedesk.demo=true", "--estatedesk.database.data-dir=" + dir.resolve("pg"),
				"--estatedesk.admin-password=demo-Admin-1" };
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EstateDeskApplication.class).run(args)) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select count(*) from unit u join project p on p.id = u.project_id where p.name = '金第家园'",
					Long.class)).isGreaterThan(300);
			assertThat(jdbc.queryForObject("select count(*) from owner", Long.class)).isGreaterThan(300);
			assertThat(jdbc.queryForList("select distinct r.code from staff_role sr join role r on r.id = sr.role_id", String.class))
				.contains("ADMIN", "LEADER", "MANAGER", "FIELD", "OFFICE", "ENGINEERING", "CONTRACTOR", "PROPERTY");
			List<String> states = jdbc.queryForList("select distinct state from complaint", String.class);
			assertThat(states).contains("RECEIVED", "IN_PROGRESS", "PENDING_REPLY", "REPLIED", "RETURN_VISITED", "CLOSED");
			assertThat(jdbc.queryForObject("select count(*) from complaint c where " + overdue(), Long.class)).isPositive();
			assertThat(jdbc.queryForList("select distinct state from work_order", String.class)).containsExactlyInAnyOrder(
					"PENDING_DISPATCH", "DISPATCHED", "IN_PROGRESS", "REWORK", "PENDING_ACCEPTANCE", "COMPLETED", "PAUSED",
					"CANCELLED");
			assertThat(jdbc.queryForList("select distinct warranty_status from work_order", String.class))
				.contains("IN_WARRANTY", "EXPIRED", "NO_HANDOVER", "NOT_JUDGED");
			assertThat(jdbc.queryForObject("select count(*) from contractor_member", Long.class)).isPositive();
			assertThat(jdbc.queryForObject("select count(*) from public_facility where state = 'UNFINISHED'", Long.class)).isPositive();
			// a project in each phase
			assertThat(jdbc.queryForList("select name from project order by name", String.class)).contains("金第家园", "金第·熙园", "金第·云境");
			assertThat(jdbc.queryForList("select distinct state from handover_unit", String.class))
				.contains("ADDED", "BOOKED", "INSPECTED", "ACCEPTED", "REFUSED");
			assertThat(jdbc.queryForObject("select count(*) from work_order where source = 'HANDOVER'", Long.class)).isPositive();
			assertThat(jdbc.queryForObject("select count(distinct d.project_id) from duty_record r join duty_item d on d.id = r.duty_item_id",
					Long.class)).isEqualTo(3);
			assertThat(jdbc.queryForObject("select count(*) from supervision_inspection", Long.class)).isEqualTo(4);
			// calls, visits, return calls, a finished survey
			assertThat(jdbc.queryForObject("select count(*) from call_log where complaint_id is not null", Long.class)).isPositive();
			assertThat(jdbc.queryForObject("select count(*) from call_log where work_order_id is not null", Long.class)).isPositive();
			assertThat(jdbc.queryForObject("select count(*) from visit", Long.class)).isEqualTo(3);
			assertThat(jdbc.queryForList("select distinct state from return_call", String.class)).contains("OPEN", "DONE", "CLOSED");
			assertThat(jdbc.queryForObject("select count(*) from survey_campaign where state = 'CLOSED'", Long.class)).isEqualTo(1);
			assertThat(jdbc.queryForObject("select count(*) from survey_target where answered_at is not null", Long.class)).isGreaterThan(50);
		}
		try (ConfigurableApplicationContext again = new SpringApplicationBuilder(EstateDeskApplication.class).run(args)) {
			JdbcTemplate jdbc = again.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select count(*) from project where name = '金第家园'", Long.class)).isEqualTo(1);
			// 36 demo complaints of the last weeks, 60 finished ones of the months before, the 2 complaint calls
			assertThat(jdbc.queryForObject("select count(*) from complaint", Long.class)).isEqualTo(98);
			assertThat(jdbc.queryForObject("select count(distinct date_trunc('month', complaint_date)) from complaint", Long.class))
				.as("months of history for the dashboards' trends").isGreaterThanOrEqualTo(6);
			assertThat(jdbc.queryForObject("select count(*) from work_order where source <> 'HANDOVER' and id not in (select work_order_id from call_log where work_order_id is not null)", Long.class)).isEqualTo(14);
			assertThat(jdbc.queryForObject("select count(*) from handover_batch", Long.class)).isEqualTo(2);
		}
	}

	private static String overdue() {
		return "c.closed_at is null and ((c.replied_at is null and c.reply_due < " + BusinessClock.sqlNow() + ") or c.close_due < " + BusinessClock.sqlNow() + ")";
	}

}
