package io.estatedesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BiConsumer;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The complaint's side of its repairs, with the complaint module and what it depends on only: a work order raised
 * from it puts it in handling, the last one done moves it on with the repairs as its 整改措施 — also when two work
 * orders are announced at the same moment and the complaint's version collides.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(Fixtures.class)
@TestPropertySource(properties = { "estatedesk.database.data-dir=target/test-db/${random.uuid}",
		"estatedesk.admin-password=" + IntegrationTest.ADMIN_PASSWORD })
class ComplaintRepairsScenarioTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ComplaintManagement complaints;

	String office;

	long complaint;

	@BeforeEach
	void setUp() {
		office = fixtures.staffWithRole("OFFICE");
		long project = fixtures.project(Fixtures.unique("维修事件项目"));
		long category = jdbc.queryForObject("select id from complaint_category where name = '房屋质量'", Long.class);
		complaint = fixtures.as(office, () -> complaints.receive(new ComplaintManagement.Intake(project, "王女士",
				BusinessClock.localNow().minusHours(1), null, null, "13900001234", Channel.PHONE, category, Severity.GENERAL,
				"卫生间渗水到楼下", null)));
	}

	ComplaintState state() {
		return complaints.summary(complaint).orElseThrow().state();
	}

	long historyOf(String kind) {
		return jdbc.queryForObject("select count(*) from complaint_history where complaint_id = ? and kind = ?", Long.class,
				complaint, kind);
	}

	@Test
	void aWorkOrderRaisedFromTheComplaintPutsItInHandlingOnBehalfOfWhoRaisedIt(Scenario scenario) {
		assertThat(state()).isEqualTo(ComplaintState.RECEIVED);
		scenario.publish(new WorkOrderRaisedFromComplaint(complaint, 1L, "WX-2026-000001", office))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(this::state, s -> s == ComplaintState.IN_PROGRESS)
			.andVerify(s -> assertThat(jdbc.queryForObject("""
					select actor from complaint_history where complaint_id = ? and kind = 'REPAIR' and new_value = ?""",
					String.class, complaint, "WX-2026-000001")).isEqualTo(office));
	}

	@Test
	void twoWorkOrdersAnnouncedAtOnceAreBothRecordedThoughTheComplaintChangesUnderOne(Scenario scenario) {
		BiConsumer<TransactionOperations, ApplicationEventPublisher> both = (tx, events) -> tx.executeWithoutResult(status -> {
			events.publishEvent(new WorkOrderRaisedFromComplaint(complaint, 1L, "WX-2026-000011", office));
			events.publishEvent(new WorkOrderRaisedFromComplaint(complaint, 2L, "WX-2026-000012", office));
		});
		scenario.stimulate(both)
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(() -> historyOf("REPAIR"), n -> n == 2)
			.andVerify(n -> assertThat(state()).isEqualTo(ComplaintState.IN_PROGRESS));
	}

	@Test
	void theLastWorkOrderDoneMovesAComplaintWithItsAnalysisWrittenOnWithTheRepairsAsItsCorrectiveAction(Scenario scenario) {
		scenario.publish(new WorkOrderRaisedFromComplaint(complaint, 1L, "WX-2026-000021", office))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(this::state, s -> s == ComplaintState.IN_PROGRESS)
			.andVerify(s -> assertThat(s).isEqualTo(ComplaintState.IN_PROGRESS));
		jdbc.update("update complaint set cause_analysis = '楼上防水层破损', handling_opinion = '由施工单位重做' where id = ?",
				complaint);
		String summary = "维修已完成并经业主验收：WX-2026-000021 卫生间防水重做（防水）。";
		scenario.publish(new WorkOrdersCompleted(complaint, summary, office))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(this::state, s -> s == ComplaintState.PENDING_REPLY)
			.andVerify(s -> assertThat(jdbc.queryForObject("select corrective_action from complaint where id = ?",
					String.class, complaint)).isEqualTo(summary));
	}

	@Test
	void theLastWorkOrderDoneLeavesAComplaintWithoutAnalysisInHandlingAndAsksItsOwnerToCompleteIt(Scenario scenario) {
		scenario.publish(new WorkOrderRaisedFromComplaint(complaint, 1L, "WX-2026-000031", office))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(this::state, s -> s == ComplaintState.IN_PROGRESS)
			.andVerify(s -> assertThat(s).isEqualTo(ComplaintState.IN_PROGRESS));
		String summary = "维修已完成并经业主验收：WX-2026-000031 卫生间防水重做（防水）。";
		scenario.publish(new WorkOrdersCompleted(complaint, summary, office))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(() -> jdbc.queryForObject(
					"select repairs_done_at is not null from complaint where id = ?", Boolean.class, complaint), done -> done)
			.andVerify(done -> {
				assertThat(state()).as("no reply with a blank 处理单").isEqualTo(ComplaintState.IN_PROGRESS);
				assertThat(jdbc.queryForObject("select corrective_action from complaint where id = ?", String.class,
						complaint)).isEqualTo(summary);
				assertThat(historyOf("REPAIRS_DONE")).isEqualTo(1);
			});
	}

}
