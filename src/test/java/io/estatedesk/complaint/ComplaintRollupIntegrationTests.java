package io.estatedesk.complaint;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day and month sums behind 投诉统计 and the dashboards stay exactly those of the complaints, whatever changes a
 * complaint goes through, and the statistics read from them equal a count over the complaints themselves.
 */
@IntegrationTest
class ComplaintRollupIntegrationTests {

	@Autowired
	ComplaintManagement complaints;

	@Autowired
	ComplaintStatistics statistics;

	@Autowired
	ComplaintRollup rollup;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	String office;

	long project;

	long category;

	@BeforeEach
	void setUp() {
		office = fixtures.staffWithRole("OFFICE");
		project = fixtures.project(Fixtures.unique("统计项目"));
		category = jdbc.queryForObject("select id from complaint_category where name = '房屋质量'", Long.class);
	}

	long receive(String content) {
		LocalDateTime now = BusinessClock.localNowToMinute();
		return fixtures.as(office, () -> complaints.receive(new IntakeForm(project, now.toLocalDate(), "周女士", now, null,
				null, "13811112222", null, Channel.PHONE, category, Severity.GENERAL, false, content, "尽快处理")));
	}

	/** The rows of both tables with something in them, as sorted text. */
	List<String> figures() {
		List<String> rows = new ArrayList<>(jdbc.queryForList("""
				select concat_ws('|', 'D', day, project_id, kind, value, n, replied, on_time, round(reply_seconds::numeric, 3),
				       closed, round(close_seconds::numeric, 3), rated, good, reopened)
				from complaint_day_figures where n <> 0 order by 1""", String.class));
		rows.addAll(jdbc.queryForList("""
				select concat_ws('|', 'M', month, project_id, kind, value, n, replied, on_time, round(reply_seconds::numeric, 3),
				       closed, round(close_seconds::numeric, 3), rated, good, reopened)
				from complaint_month_figures where n <> 0 order by 1""", String.class));
		return rows;
	}

	/** Compares the kept sums with a recomputation from the complaints, leaving the tables as they were. */
	void assertKeptSumsAreThoseOfTheComplaints() {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(status -> {
			jdbc.execute("lock table complaint in share mode");
			List<String> kept = figures();
			rollup.rebuild();
			assertThat(kept).as("kept sums = sums recomputed from the complaints").isEqualTo(figures()).isNotEmpty();
			status.setRollbackOnly();
		});
	}

	@Test
	void theSumsFollowEveryChangeOfAComplaintAndTheReportEqualsACountOverTheComplaints() {
		long a = receive("卫生间漏水");
		long b = receive("门窗变形");
		long c = receive("墙面开裂");
		LocalDate lastMonth = BusinessClock.today().minusMonths(1).withDayOfMonth(15);
		String otherHandler = fixtures.staffWithRole("OFFICE");
		long other = fixtures.staffId(otherHandler);
		// what the steps of a complaint change: its date, state, handler, reply, closing, return call, cause, reopening
		jdbc.update("update complaint set complaint_date = ?, complained_at = complained_at - interval '30 days' where id = ?",
				lastMonth, a);
		jdbc.update("""
				update complaint set state = 'CLOSED', replied_at = complained_at + interval '5 hours',
				  closed_at = complained_at + interval '2 days', return_satisfied = true, cause_type = 'CONSTRUCTION' where id = ?""", a);
		jdbc.update("update complaint set handler_id = ?, state = 'IN_PROGRESS' where id = ?", other, b);
		jdbc.update("update complaint set reopen_count = reopen_count + 1, state = 'IN_PROGRESS' where id = ?", c);
		jdbc.update("update complaint set content = '墙面开裂，宽约 2 毫米' where id = ?", c);

		assertKeptSumsAreThoseOfTheComplaints();

		LocalDate from = lastMonth.withDayOfMonth(1);
		LocalDate to = BusinessClock.today();
		ComplaintStatistics.Report r = statistics.report(project, from, to);
		Map<String, Object> counted = jdbc.queryForMap("""
				select count(*) total, count(*) filter (where closed_at is null) open, count(*) filter (where closed_at is not null) closed,
				       count(*) filter (where reopen_count > 0) reopened
				from complaint where project_id = ? and complaint_date between ? and ?""", project, from, to);
		assertThat(r.summary().total()).isEqualTo(counted.get("total")).isEqualTo(3L);
		assertThat(r.summary().open()).isEqualTo(counted.get("open"));
		assertThat(r.summary().closed()).isEqualTo(counted.get("closed"));
		assertThat(r.summary().reopened()).isEqualTo(counted.get("reopened"));
		assertThat(r.summary().avgReplyHours()).isEqualTo(5.0);
		assertThat(r.summary().avgCloseHours()).isEqualTo(48.0);
		assertThat(r.summary().satisfactionRate()).isEqualTo(1.0);
		assertThat(r.byState()).extracting(ComplaintStatistics.Bucket::label, ComplaintStatistics.Bucket::count)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("CLOSED", 1L),
					org.assertj.core.groups.Tuple.tuple("IN_PROGRESS", 2L));
		assertThat(r.byMonth()).extracting(ComplaintStatistics.Bucket::count).containsExactly(1L, 2L);
		assertThat(r.byMonth().get(0).link()).isEqualTo("/complaints?from=" + from + "&to=" + from.withDayOfMonth(from.lengthOfMonth())
				+ "&projectId=" + project);
		// a period inside one month, and one starting mid-month, read the day sums
		assertThat(statistics.report(project, lastMonth, lastMonth).summary().total()).isEqualTo(1);
		assertThat(statistics.report(project, lastMonth.plusDays(1), to).summary().total()).isEqualTo(2);
		assertThat(statistics.report(project, from, to).byHandler()).extracting(ComplaintStatistics.Bucket::count)
			.containsExactly(2L, 1L);
	}

	@Test
	void twoSavesMovingComplaintsOppositeWaysAtOnceNeverDeadlock() {
		long a = receive("楼道灯不亮");
		long b = receive("电梯异响");
		TransactionTemplate tx = new TransactionTemplate(transactions);
		jdbc.update("update complaint set state = 'PENDING_REPLY' where id = ?", b);
		// a goes 处理中 → 待回复 while b goes 待回复 → 处理中 and back, again and again: both saves change the sums of
		// the same two states of the same day and project, which are locked in key order
		CompletableFuture<?> one = CompletableFuture.runAsync(() -> toggle(tx, a, 200));
		CompletableFuture<?> two = CompletableFuture.runAsync(() -> toggle(tx, b, 200));
		CompletableFuture.allOf(one, two).join();
		assertKeptSumsAreThoseOfTheComplaints();
	}

	private void toggle(TransactionTemplate tx, long id, int times) {
		for (int i = 0; i < times; i++) {
			tx.executeWithoutResult(s -> jdbc.update(
					"update complaint set state = case state when 'IN_PROGRESS' then 'PENDING_REPLY' else 'IN_PROGRESS' end where id = ?", id));
		}
	}

}
