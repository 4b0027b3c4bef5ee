package io.estatedesk.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.estatedesk.repair.WorkOrderFigures;
import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.CaseFigures.Monthly;
import io.estatedesk.survey.ReturnCallFigures;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day and month sums behind the dashboards' work-order and return-call series stay those of the rows, whatever
 * is changed, and the series read from them equal a count over the rows themselves.
 */
@IntegrationTest
class KeptFiguresIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	WorkOrderFigures workOrders;

	@Autowired
	ReturnCallFigures returnCalls;

	@Autowired
	PlatformTransactionManager transactions;

	/** A moment of the business day (at any hour of the run, within the day and month it names). */
	static java.sql.Timestamp at(LocalDate day, int hour, int minute) {
		return java.sql.Timestamp.from(day.atTime(hour, minute).atZone(BusinessClock.ZONE).toInstant());
	}

	List<String> kept(String figures) {
		List<String> rows = new ArrayList<>(jdbc.queryForList("select concat_ws('|', 'D', day, project_id, n, done, timed, on_time, rated, good) from "
				+ figures + "_day_figures where n <> 0 order by 1", String.class));
		rows.addAll(jdbc.queryForList("select concat_ws('|', 'M', month, project_id, n, done, timed, on_time, rated, good) from "
				+ figures + "_month_figures where n <> 0 order by 1", String.class));
		return rows;
	}

	/** Compares the kept sums with a recomputation from the rows, leaving the tables as they were. */
	void assertKeptSumsAreThoseOfTheRows(String table) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.execute("lock table " + table + " in share mode");
			List<String> before = kept(table);
			jdbc.execute("select " + table + "_figures_rebuild()");
			assertThat(before).as("kept %s sums = recomputed", table).isEqualTo(kept(table)).isNotEmpty();
			status.setRollbackOnly();
		});
	}

	@Test
	void workOrderSumsFollowEveryChangeAndTheSeriesEqualsACount() {
		long project = fixtures.project(Fixtures.unique("工单统计"));
		long other = fixtures.project(Fixtures.unique("工单统计"));
		long trade = jdbc.queryForObject("select min(id) from repair_trade", Long.class);
		LocalDate lastMonth = BusinessClock.today().minusMonths(1).withDayOfMonth(10);
		String code = Fixtures.unique("WX-KEPT-");
		for (int i = 0; i < 4; i++) {
			jdbc.update("""
					insert into work_order (code, project_id, public_area, source, trade_id, description, urgency, state, reported_at,
					                        due_at, warranty_status, charge)
					values (?, ?, '公共区域', 'DIRECT', ?, '统计用工单', 'NORMAL', 'PENDING_DISPATCH', ?, ? , 'NOT_JUDGED', 'WARRANTY')""",
					code + i, project, trade, at(BusinessClock.today(), 0, i), at(BusinessClock.today().plusDays(1), 0, i));
		}
		// accepted in time and rated 5; accepted late and rated 2; moved to last month; moved to another project
		jdbc.update("""
				update work_order set state = 'COMPLETED', finished_at = reported_at + interval '1 hour',
				  accepted_at = reported_at + interval '2 hours', owner_rating = 5 where code = ?""", code + 0);
		jdbc.update("""
				update work_order set state = 'COMPLETED', finished_at = due_at + interval '1 hour',
				  accepted_at = due_at + interval '2 hours', owner_rating = 2 where code = ?""", code + 1);
		jdbc.update("update work_order set reported_at = ? where code = ?", at(lastMonth, 9, 0), code + 2);
		jdbc.update("update work_order set project_id = ? where code = ?", other, code + 3);
		jdbc.update("update work_order set description = '统计用工单（已核对）' where code = ?", code + 0);

		assertKeptSumsAreThoseOfTheRows("work_order");

		LocalDate from = lastMonth.withDayOfMonth(1);
		LocalDate to = BusinessClock.today().withDayOfMonth(1).plusMonths(1);
		List<Monthly> series = workOrders.monthly(project, from, to);
		assertThat(series).extracting(Monthly::count).containsExactly(1L, 2L);
		Monthly now = series.get(1);
		assertThat(List.of(now.done(), now.timed(), now.onTime(), now.rated(), now.good())).containsExactly(2L, 2L, 1L, 2L, 1L);
		assertThat(workOrders.monthlyByProject(from, to)).filteredOn(m -> m.projectId() == other)
			.extracting(Monthly::count).containsExactly(1L);
		// a period starting mid-month reads the day sums
		assertThat(workOrders.monthly(project, lastMonth.plusDays(1), to)).extracting(Monthly::count).containsExactly(2L);
	}

	@Test
	void returnCallSumsFollowEveryChangeIncludingCallsWithoutAProject() {
		long project = fixtures.project(Fixtures.unique("回访统计"));
		long base = jdbc.queryForObject("select coalesce(max(case_id), 0) + 1000 from return_call", Long.class);
		for (int i = 0; i < 3; i++) {
			jdbc.update("""
					insert into return_call (kind, case_id, case_code, project_id, due_at, state, attempts)
					values ('COMPLAINT', ?, ?, ?, ?, 'OPEN', 0)""", base + i, "TS-KEPT-" + (base + i), i == 2 ? null : project,
					at(BusinessClock.today(), 12, 0));
		}
		jdbc.update("update return_call set state = 'DONE', done_at = due_at - interval '10 minutes', satisfied = true, attempts = 1 where case_id = ?", base);
		jdbc.update("update return_call set state = 'UNREACHABLE', done_at = due_at + interval '1 day', attempts = 2 where case_id = ?", base + 1);
		jdbc.update("update return_call set project_id = ? where case_id = ?", project, base + 2);
		jdbc.update("update return_call set project_id = null where case_id = ?", base + 2);

		assertKeptSumsAreThoseOfTheRows("return_call");

		LocalDate from = BusinessClock.today().withDayOfMonth(1);
		List<Monthly> series = returnCalls.monthly(project, from, from.plusMonths(1));
		assertThat(series).hasSize(1);
		Monthly m = series.get(0);
		assertThat(List.of(m.count(), m.done(), m.timed(), m.onTime(), m.rated(), m.good())).containsExactly(2L, 1L, 2L, 1L, 1L, 1L);
	}

}
