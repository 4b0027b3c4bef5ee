package io.estatedesk.complaint;

import io.estatedesk.shared.BusinessClock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Time limits on the work calendar: pauses, warnings and escalations that happen exactly once. */
@IntegrationTest
class ComplaintDeadlineIntegrationTests {

	@Autowired
	ComplaintManagement complaints;

	@Autowired
	ComplaintDeadlineJob job;

	@Autowired
	ComplaintRules rules;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	long receive(String office, LocalDateTime at, Severity severity) {
		long project = fixtures.project(Fixtures.unique("时限项目"));
		long category = jdbc.queryForObject("select id from complaint_category where name = '物业服务'", Long.class);
		return fixtures.as(office, () -> complaints.receive(new IntakeForm(project, at.toLocalDate(), "业主", at, null, null,
				null, null, Channel.VISIT, category, severity, false, "垃圾清运不及时", "")));
	}

	Instant due(long id, String column) {
		return jdbc.queryForObject("select " + column + " from complaint where id = ?", java.sql.Timestamp.class, id).toInstant();
	}

	@Test
	void deadlinesFollowTheWorkCalendarFromTheMomentOfTheComplaint() {
		String office = fixtures.staffWithRole("OFFICE");
		// received on the afternoon before the National Day holiday (Wed 30 Sep 2026, 17:00)
		long id = receive(office, LocalDateTime.of(2026, 9, 30, 17, 0), Severity.GENERAL);
		// acknowledge within 4 working hours, reply within 1 working day, close within 3: 1–7 Oct are off, 10 Oct (Sat) is worked
		assertThat(LocalDateTime.ofInstant(due(id, "ack_due"), BusinessClock.ZONE)).isEqualTo(LocalDateTime.of(2026, 10, 8, 12, 0));
		assertThat(LocalDateTime.ofInstant(due(id, "reply_due"), BusinessClock.ZONE)).isEqualTo(LocalDateTime.of(2026, 10, 8, 17, 0));
		assertThat(LocalDateTime.ofInstant(due(id, "close_due"), BusinessClock.ZONE)).isEqualTo(LocalDateTime.of(2026, 10, 10, 17, 0));
	}

	@Test
	void waitingForTheOwnerPausesTheClock() {
		String office = fixtures.staffWithRole("OFFICE");
		long id = receive(office, BusinessClock.localNowToMinute(), Severity.GENERAL);
		long version = jdbc.queryForObject("select version from complaint where id = ?", Long.class, id);
		fixtures.as(office, () -> complaints.setWaiting(id, true, version));
		Instant replyDue = due(id, "reply_due");
		// pretend the owner took two working days to answer
		Instant since = rules.time().plusWorkingMinutes(BusinessClock.now(), 0);
		Instant twoDaysEarlier = java.time.ZonedDateTime.ofInstant(since, BusinessClock.ZONE).minusDays(4).toInstant();
		jdbc.update("update complaint set waiting_since = ? where id = ?", java.sql.Timestamp.from(twoDaysEarlier), id);
		long waited = rules.time().workingMinutesBetween(twoDaysEarlier, BusinessClock.now());
		long v2 = jdbc.queryForObject("select version from complaint where id = ?", Long.class, id);
		fixtures.as(office, () -> complaints.setWaiting(id, false, v2));
		assertThat(due(id, "reply_due")).isEqualTo(rules.time().plusWorkingMinutes(replyDue, waited));
		assertThat(waited).isPositive();
		// a paused complaint is never reported as overdue
		assertThat(jdbc.queryForObject("select waiting_since is null from complaint where id = ?", Boolean.class, id)).isTrue();
	}

	@Test
	void warnsBeforeAndEscalatesAfterEachLimitExactlyOnceEvenWithTwoInstancesRunningTheJob() throws Exception {
		String office = fixtures.staffWithRole("OFFICE");
		fixtures.staffWithRole("MANAGER");
		// received two weeks ago and never touched: every limit has passed
		long id = receive(office, BusinessClock.localNow().minusDays(14), Severity.GENERAL);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			// the method the scheduler calls, on two instances at once
			Callable<Integer> run = () -> {
				job.scheduled();
				return 0;
			};
			List<Future<Integer>> results = pool.invokeAll(List.of(run, run));
			for (Future<Integer> r : results) {
				r.get();
			}
		}
		finally {
			pool.shutdown();
		}
		job.scheduled();
		List<String> escalations = jdbc.queryForList(
				"select note from complaint_history where complaint_id = ? and kind = 'ESCALATED' order by id", String.class, id);
		assertThat(escalations).containsExactlyInAnyOrder("受理确认已超时，已报部门经理", "回复已超时，已报部门经理", "办结已超时，已报部门经理");
		assertThat(jdbc.queryForObject("select count(*) from complaint_history where complaint_id = ? and kind = 'WARNED'", Long.class, id))
			.isZero();
	}

	@Test
	void warnsTheOwnerOfTheCaseShortlyBeforeALimit() {
		String office = fixtures.staffWithRole("OFFICE");
		long id = receive(office, BusinessClock.localNowToMinute(), Severity.GENERAL);
		Instant soon = BusinessClock.now().plusSeconds(20 * 60);
		jdbc.update("update complaint set reply_due = ?, ack_due = ?, close_due = ? where id = ?", java.sql.Timestamp.from(soon),
				java.sql.Timestamp.from(soon.plusSeconds(7200)), java.sql.Timestamp.from(soon.plusSeconds(86400)), id);
		job.check(BusinessClock.now());
		job.check(BusinessClock.now());
		assertThat(jdbc.queryForList("select note from complaint_history where complaint_id = ? and kind = 'WARNED'", String.class, id))
			.containsExactly("回复时限将到");
	}

	@Test
	void theRuleUsedWhenNoRowMatchesIsTheRuleSeededForEveryCategory() {
		for (Severity severity : Severity.values()) {
			ComplaintRules.Rule seeded = jdbc.queryForObject("""
					select ack_minutes, reply_minutes, close_minutes, needs_instruction from complaint_sla_rule
					where severity = ? and category_id is null""",
					(rs, i) -> new ComplaintRules.Rule(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4)), severity.name());
			assertThat(ComplaintRules.SEEDED_DEFAULTS.get(severity)).as("%s", severity).isEqualTo(seeded);
		}
	}

}
