package io.estatedesk.estate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.ClusterNode;
import io.estatedesk.staff.StaffManagement;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An import whose node stopped does not stay 正在导入 forever: without a heartbeat for two minutes the sweep marks it
 * failed with a reason the user sees; an import whose node is alive keeps its heartbeat and stays running.
 */
@IntegrationTest
class ImportJobWatchIntegrationTests {

	static final String NODE_LOST = "导入中断：处理该任务的服务器已停止，请重新上传文件。";

	@Autowired
	ImportJobWatch watch;

	@Autowired
	ArchiveImporter importer;

	@Autowired
	ImportJobs jobs;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	StaffManagement staff;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	MessageSource messages;

	@AfterEach
	void resetClock() {
		BusinessClock.resetForTesting();
	}

	private long runningJob(String username, String nodeId, Instant startedAt, Instant heartbeatAt) {
		return jdbc.queryForObject("""
				insert into import_job (username, file_name, status, total_rows, processed_rows, accepted_rows, node_id,
				  started_at, heartbeat_at)
				values (?, '业主档案.xlsx', 'RUNNING', 2000, 500, 480, ?, ?, ?) returning id""", Long.class, username, nodeId,
				Timestamp.from(startedAt), Timestamp.from(heartbeatAt));
	}

	private String stateOf(long id) {
		return jdbc.queryForObject("select status from import_job where id = ?", String.class, id);
	}

	/** The same watch as another application node runs it, sharing the database. */
	private ImportJobWatch otherNode() {
		ClusterNode other = Mockito.mock(ClusterNode.class);
		Mockito.when(other.id()).thenReturn("another-node");
		return new ImportJobWatch(jdbc, tx, other, staff, events, messages, Duration.ofHours(1), Duration.ofMinutes(2));
	}

	@Test
	void anImportWhoseNodeStoppedIsFailedWithTheReasonOnThePageAndInTheApi() throws Exception {
		String office = fixtures.staffWithRole("OFFICE");
		Instant now = BusinessClock.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		BusinessClock.setForTesting(now, false);
		long lost = runningJob(office, "stopped-node", now.minus(Duration.ofMinutes(10)), now.minus(Duration.ofMinutes(3)));
		long recent = runningJob(office, "busy-node", now.minus(Duration.ofMinutes(10)), now.minusSeconds(30));

		watch.sweep();

		assertThat(stateOf(lost)).isEqualTo("FAILED");
		assertThat(stateOf(recent)).isEqualTo("RUNNING");
		assertThat(jdbc.queryForObject("select finished_at from import_job where id = ?", Timestamp.class, lost).toInstant())
			.isEqualTo(now);
		// claimed once: a second sweep (another node's, say) finds nothing left to fail
		assertThat(watch.sweep()).isZero();

		var auth = user(office).authorities(List.of(new SimpleGrantedAuthority("ARCHIVE_VIEW"),
				new SimpleGrantedAuthority("ARCHIVE_IMPORT")));
		mvc.perform(get("/imports/{id}", lost).with(auth))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("导入失败")))
			.andExpect(content().string(containsString(NODE_LOST)))
			.andExpect(content().string(containsString("已处理 500/2,000 行")));
		mvc.perform(get("/imports/{id}/progress", lost).with(auth))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(NODE_LOST)))
			// finished: the page stops polling
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("hx-get"))));
		mvc.perform(get("/imports").with(auth)).andExpect(content().string(containsString("导入失败")));
		mvc.perform(get("/api/v1/imports/{id}", lost).with(httpBasic(office, Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("FAILED"))
			.andExpect(jsonPath("$.failure").value(NODE_LOST));
		mvc.perform(get("/imports/{id}", lost).with(auth).cookie(new jakarta.servlet.http.Cookie("estatedesk-lang", "en")))
			.andExpect(content().string(containsString("the server processing it stopped")));

		// the uploader is told once the sweep has committed: a module listener hears only events published in a
		// transaction, so this also shows that the scheduled method's work ran in one
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		long notified = 0;
		while (notified == 0 && System.nanoTime() < deadline) {
			notified = jdbc.queryForObject("""
					select count(*) from notification n join staff_account s on s.id = n.recipient_id
					where s.username = ? and n.link = ? and n.body = ?""", Long.class, office, "/imports/" + lost, NODE_LOST);
			if (notified == 0) {
				Thread.sleep(100);
			}
		}
		assertThat(notified).isEqualTo(1);
	}

	@Test
	void aLiveImportsHeartbeatKeepsItRunningWhileOneWithoutHeartbeatIsFailed() {
		Instant start = BusinessClock.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		BusinessClock.setForTesting(start, false);
		long live = importer.createJob("admin", "在导入.xlsx");
		long gone = importer.createJob("admin", "线程已停止.xlsx");
		// the thread of "gone" ended without finishing its job: this node no longer beats for it
		watch.ended(gone);
		ImportJobWatch other = otherNode();
		try {
			Instant later = start.plus(Duration.ofMinutes(3));
			BusinessClock.setForTesting(later, false);
			watch.heartbeat();

			assertThat(jdbc.queryForObject("select heartbeat_at from import_job where id = ?", Timestamp.class, live).toInstant())
				.isEqualTo(later);
			assertThat(jdbc.queryForObject("select node_id from import_job where id = ?", String.class, live))
				.isEqualTo(watch.nodeId());

			other.sweep();

			assertThat(stateOf(live)).isEqualTo("RUNNING");
			assertThat(stateOf(gone)).isEqualTo("FAILED");
			assertThat(jobs.get(gone).failure()).isNotBlank();
		}
		finally {
			other.destroy();
			importer.abandon(live);
		}
		assertThat(stateOf(live)).isEqualTo("FAILED");
	}

	@Test
	void anImportMarkedFailedMeanwhileStopsInsteadOfFinishing() throws Exception {
		long id = importer.createJob("admin", "被放弃.xlsx");
		jdbc.update("update import_job set status = 'FAILED', failure_key = ? where id = ?", ImportJobWatch.NODE_LOST, id);

		importer.run(id, ArchiveImportIntegrationTests.xlsx(List.of("项目", "楼栋", "房号"), new Object[] { "无", "1号楼", "1-1" }));

		assertThat(stateOf(id)).isEqualTo("FAILED");
		assertThat(jdbc.queryForObject("select total_rows from import_job where id = ?", Integer.class, id)).isZero();
	}

}
