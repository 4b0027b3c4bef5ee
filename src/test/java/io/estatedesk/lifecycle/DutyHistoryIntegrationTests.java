package io.estatedesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.CaseHistory;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Duty items and rectification notices keep their history, moved only as their transition tables allow. */
@IntegrationTest
class DutyHistoryIntegrationTests {

	@Autowired
	DutyBoard board;

	@Autowired
	Supervision supervision;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void aDutyItemRecordsItsRecordsAndStatusMovesAndRefusesAMoveTheTableForbids() throws Exception {
		String field = fixtures.staffWithRole("FIELD");
		long project = fixtures.project(Fixtures.unique("事项经过"));
		board.ensure(project);
		long id = jdbc.queryForObject("select id from duty_item where project_id = ? and kind = 'CONTRACTS' order by id limit 1",
				Long.class, project);
		fixtures.as(field, () -> board.addRecord(id, new DutyBoard.RecordForm(null, "物业服务合同", "初稿", null, null, null, null,
				null, null), null));
		DutyBoard.Item started = board.item(id);
		assertThat(started.status()).isEqualTo(DutyBoard.Status.IN_PROGRESS);
		fixtures.as(field, () -> board.save(id, null, BusinessClock.today().plusDays(7), DutyBoard.Status.DONE, "已签订",
				started.version()));
		List<CaseHistory.Entry> h = board.history(id);
		assertThat(h).extracting(CaseHistory.Entry::kind).containsExactly("STATE", "RECORD", "STATE", "FIELD", "FIELD");
		assertThat(h.get(2).newValue()).isEqualTo("DONE");
		// a saved form based on an old version: refused, with what happened since
		assertThatThrownBy(() -> fixtures.as(field, () -> board.save(id, null, null, DutyBoard.Status.DONE, "",
				started.version())))
			.isInstanceOfSatisfying(ChangedMeanwhile.class, e -> assertThat(e.changes()).hasSize(3));
		// 已完成 → 不适用 is no move of the table
		long now = board.item(id).version();
		assertThatThrownBy(() -> fixtures.as(field, () -> board.save(id, null, null, DutyBoard.Status.NOT_APPLICABLE, "", now)))
			.isInstanceOf(BusinessRuleException.class).hasMessage("duty.transition.status.NOT_APPLICABLE");
		mvc.perform(get("/lifecycle/duties/" + id).with(user(field).authorities(() -> "LIFECYCLE_VIEW", () -> "LIFECYCLE_EDIT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("处理经过")))
			.andExpect(content().string(containsString("物业服务合同")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("value=\"NOT_APPLICABLE\""))));
		mvc.perform(post("/lifecycle/duties/" + id).with(user(field).authorities(() -> "LIFECYCLE_VIEW", () -> "LIFECYCLE_EDIT"))
			.with(csrf()).param("status", "NOT_APPLICABLE").param("version", Long.toString(now)).param("notes", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请先重新办理")));
	}

	@Test
	void aNoticeShowsItsReinspectionsOnItsOwnPageAndTakesNoneOnceItPassed() throws Exception {
		String field = fixtures.staffWithRole("FIELD");
		long project = fixtures.project(Fixtures.unique("整改经过"));
		Map<Long, BigDecimal> scores = new HashMap<>();
		supervision.checklist().forEach(i -> scores.put(i.id(), BigDecimal.valueOf(i.maxScore())));
		long inspection = fixtures.as(field, () -> supervision.inspect(project, BusinessClock.today(), "金第物业", scores, Map.of(), ""));
		fixtures.as(field, () -> supervision.addNotice(inspection, supervision.checklist().get(0).id(), "清理楼道杂物",
				BusinessClock.today().plusDays(3)));
		Supervision.Notice n = supervision.notices(project, null).get(0);
		fixtures.as(field, () -> supervision.reinspect(n.id(), false, "仍有杂物", BusinessClock.today(),
				BusinessClock.today().plusDays(5), n.version()));
		Supervision.Notice failed = supervision.notice(n.id());
		fixtures.as(field, () -> supervision.reinspect(n.id(), true, "已清理", BusinessClock.today(), null, failed.version()));
		assertThat(supervision.history(n.id())).extracting(CaseHistory.Entry::kind)
			.containsExactly("NOTICE", "REINSPECTED", "FIELD", "REINSPECTED");
		Supervision.Notice passed = supervision.notice(n.id());
		assertThatThrownBy(() -> fixtures.as(field, () -> supervision.reinspect(n.id(), false, "再查", BusinessClock.today(),
				BusinessClock.today().plusDays(1), passed.version())))
			.isInstanceOf(BusinessRuleException.class).hasMessage("supervision.notice.closed");
		mvc.perform(get("/supervision/notices/" + n.id()).with(user(field).authorities(() -> "LIFECYCLE_VIEW", () -> "SUPERVISION_EDIT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("处理经过")))
			.andExpect(content().string(containsString("仍有杂物")))
			.andExpect(content().string(containsString("复查合格")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"reinspection-form\""))));
	}

}
