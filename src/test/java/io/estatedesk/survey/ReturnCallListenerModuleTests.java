package io.estatedesk.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.estatedesk.complaint.ComplaintManagement;
import io.estatedesk.complaint.ComplaintReplied;
import io.estatedesk.complaint.ComplaintReturnVisited;
import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.estate.ArchivePanel;
import io.estatedesk.repair.WorkOrderAccepted;
import io.estatedesk.repair.WorkOrderManagement;
import io.estatedesk.repair.WorkOrderReturnCalled;
import io.estatedesk.shared.CaseHistory;
import io.estatedesk.staff.AuditTrail;
import io.estatedesk.staff.ConfidentialNumbers;
import io.estatedesk.staff.DemoSignIn;
import io.estatedesk.staff.Permissions;
import io.estatedesk.staff.StaffManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The survey module alone, on the embedded PostgreSQL: the return calls' listener makes a task when a complaint is
 * replied or a repair accepted, and ends it when the call was made on the case's own page — each after the
 * publishing transaction committed, as the other modules' events arrive.
 */
@ApplicationModuleTest
@TestPropertySource(properties = "estatedesk.database.data-dir=target/test-db/${random.uuid}")
class ReturnCallListenerModuleTests {

	@MockitoBean
	ComplaintManagement complaints;

	@MockitoBean
	WorkOrderManagement workOrders;

	@MockitoBean
	Permissions permissions;

	@MockitoBean
	StaffManagement staff;

	@MockitoBean
	ConfidentialNumbers numbers;

	@MockitoBean
	AuditTrail audit;

	@MockitoBean
	DemoSignIn signIn;

	@MockitoBean
	ArchiveLookup archive;

	@MockitoBean
	ArchivePanel archivePanel;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReturnCalls calls;

	long project;

	long handler;

	@BeforeEach
	void setUp() {
		when(permissions.currentUsername()).thenReturn("system");
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		project = jdbc.queryForObject("insert into project (name, address, developer_name) values (?, '', '') returning id",
				Long.class, "回访模块" + suffix);
		handler = jdbc.queryForObject("""
				insert into staff_account (username, display_name, password_hash) values (?, '回访人', '-') returning id""",
				Long.class, "rc-" + suffix);
	}

	private List<Long> tasks(ReturnCalls.Kind kind, long caseId, String state) {
		return jdbc.queryForList("select id from return_call where kind = ? and case_id = ? and state = ?", Long.class,
				kind.name(), caseId, state);
	}

	@Test
	void aRepliedComplaintGetsOneOpenReturnCallAndItsAnswerOnTheComplaintEndsIt(Scenario scenario) {
		long complaint = 900_000 + project;
		scenario.publish(new ComplaintReplied(complaint, "TS-" + complaint, project, null, null, "周先生", "13900005678", handler))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(() -> tasks(ReturnCalls.Kind.COMPLAINT, complaint, "OPEN"), ids -> !ids.isEmpty())
			.andVerify(ids -> {
				assertThat(ids).hasSize(1);
				ReturnCalls.Task t = calls.task(ids.get(0));
				assertThat(t.assigneeId()).isEqualTo(handler);
				assertThat(t.contactPhone()).isEqualTo("13900005678");
				assertThat(calls.history(t.id())).extracting(CaseHistory.Entry::kind).containsExactly("CREATED");
			});
		long task = tasks(ReturnCalls.Kind.COMPLAINT, complaint, "OPEN").get(0);

		scenario.publish(new ComplaintReturnVisited(complaint, false, "office1"))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(() -> calls.task(task).state(), s -> s == ReturnCallState.CLOSED)
			.andVerify(s -> {
				assertThat(calls.task(task).satisfied()).isFalse();
				assertThat(calls.history(task)).extracting(CaseHistory.Entry::kind).containsExactly("CREATED", "STATE", "FIELD");
				// done by whoever made the call on the complaint's page, not by the listener's "system"
				assertThat(calls.history(task).subList(1, 3)).extracting(CaseHistory.Entry::actor).containsOnly("office1");
				assertThat(jdbc.queryForObject("select done_by from return_call where id = ?", String.class, task))
					.isEqualTo("office1");
				assertThat(tasks(ReturnCalls.Kind.COMPLAINT, complaint, "OPEN")).isEmpty();
			});
	}

	@Test
	void anAcceptedRepairThatGetsAReturnCallHasItsTaskAndARepairWithoutOneHasNone(Scenario scenario) {
		long withCall = 800_000 + project;
		long without = 700_000 + project;
		Instant due = Instant.parse("2026-12-10T02:00:00Z");
		scenario.publish(new WorkOrderAccepted(without, "WO-" + without, project, null, null, "李女士", "", handler, null))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(() -> jdbc.queryForObject("""
					select count(*) from event_publication where completion_date is null and listener_id like ?""", Long.class,
					ReturnCalls.class.getName() + "%"), n -> n == 0)
			.andVerify(n -> assertThat(tasks(ReturnCalls.Kind.WORK_ORDER, without, "OPEN")).isEmpty());

		scenario.publish(new WorkOrderAccepted(withCall, "WO-" + withCall, project, null, null, "李女士", "13800001111",
				handler, due))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(() -> tasks(ReturnCalls.Kind.WORK_ORDER, withCall, "OPEN"), ids -> !ids.isEmpty())
			.andVerify(ids -> assertThat(calls.task(ids.get(0)).dueAt()).isEqualTo(due));
		long task = tasks(ReturnCalls.Kind.WORK_ORDER, withCall, "OPEN").get(0);

		scenario.publish(new WorkOrderReturnCalled(withCall, true, "office1"))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(() -> calls.task(task).state(), s -> s == ReturnCallState.CLOSED)
			.andVerify(s -> assertThat(calls.task(task).satisfied()).isTrue());
	}

}
