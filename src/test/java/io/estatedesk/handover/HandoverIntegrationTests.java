package io.estatedesk.handover;

import io.estatedesk.shared.BusinessClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Slots that fill up, what a handover needs, refusals, the printed confirmation, the takeover flag and the API. */
@IntegrationTest
class HandoverIntegrationTests {

	@Autowired
	HandoverManagement handover;

	@Autowired
	HandoverQueries queries;

	@Autowired
	HandoverPdf pdf;

	@Autowired
	Takeovers takeovers;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	String manager;

	String field;

	long project;

	long building;

	long batch;

	@BeforeEach
	void setUp() {
		manager = fixtures.staffWithRole("MANAGER");
		field = fixtures.staffWithRole("FIELD");
		project = fixtures.project(Fixtures.unique("交房测试"));
		building = fixtures.building(project, "8号楼");
		for (String room : List.of("8-0101", "8-0102", "8-0103")) {
			long u = fixtures.unit(project, building, room, "SOLD");
			long o = fixtures.owner("业主" + room, "1390000" + room.substring(2), Fixtures.idNumber("1101011980010" + room.substring(2)));
			fixtures.holds(o, u);
		}
		batch = fixtures.as(manager, () -> handover.createBatch(new HandoverManagement.BatchForm(project, "第一批",
				BusinessClock.today(), BusinessClock.today().plusDays(20), "")));
		assertThat(fixtures.as(manager, () -> handover.addUnits(batch, building, null))).isEqualTo(3);
	}

	long slot(int capacity) {
		LocalDateTime at = BusinessClock.localNow().plusDays(1).withHour(9).withMinute(0).withSecond(0).withNano(0);
		fixtures.as(manager, () -> handover.addSlot(batch, at, at.plusHours(2), capacity));
		return jdbc.queryForObject("select max(id) from handover_slot where batch_id = ?", Long.class, batch);
	}

	List<Long> units() {
		return queries.units(batch).stream().map(HandoverQueries.UnitRow::id).toList();
	}

	long version(long id) {
		return jdbc.queryForObject("select version from handover_unit where id = ?", Long.class, id);
	}

	@Test
	void aFullSlotTakesNoMoreBookingsAndAUnitIsNotAddedTwice() {
		long slot = slot(2);
		List<Long> units = units();
		for (int i = 0; i < 2; i++) {
			long id = units.get(i);
			fixtures.as(field, () -> handover.book(id, slot, "电话", version(id)));
		}
		long third = units.get(2);
		assertThatThrownBy(() -> fixtures.as(field, () -> handover.book(third, slot, "电话", version(third))))
			.isInstanceOf(BusinessRuleException.class).hasMessage("handover.slot.full");
		assertThat(jdbc.queryForObject("select state from handover_unit where id = ?", String.class, third)).isEqualTo("ADDED");
		// the same building again adds nothing: its units are in a batch already
		assertThat(fixtures.as(manager, () -> handover.addUnits(batch, building, null))).isZero();
	}

	@Test
	void aHandoverNeedsTheDocumentsKeysAndSignatureAndSavesNothingHalfWay() throws Exception {
		long slot = slot(5);
		long id = units().get(0);
		fixtures.as(field, () -> handover.book(id, slot, "短信", version(id)));
		long item = jdbc.queryForObject("select id from handover_check_item where room = '卫生间' order by sort_order limit 1", Long.class);
		long other = jdbc.queryForObject("select id from handover_check_item where room = '入户门' order by sort_order limit 1", Long.class);
		// a failed item without a note is refused, nothing recorded
		assertThatThrownBy(() -> fixtures.as(field, () -> handover.inspect(id, List.of(new HandoverManagement.Check(item, false, " ", null)), version(id))))
			.isInstanceOf(InvalidInputException.class);
		assertThat(jdbc.queryForObject("select count(*) from handover_result where handover_unit_id = ?", Long.class, id)).isZero();
		int raised = fixtures.as(field, () -> handover.inspect(id, List.of(new HandoverManagement.Check(item, false, "地漏返水", null),
				new HandoverManagement.Check(other, true, "", null)), version(id)));
		assertThat(raised).isEqualTo(1);
		// inspecting again does not raise the same defect twice
		assertThat(fixtures.as(field, () -> handover.inspect(id, List.of(new HandoverManagement.Check(item, false, "地漏返水", null)), version(id))))
			.isZero();
		assertThat(jdbc.queryForObject("select source from work_order w join handover_result r on r.work_order_id = w.id where r.handover_unit_id = ?",
				String.class, id)).isEqualTo("HANDOVER");

		long unitId = jdbc.queryForObject("select unit_id from handover_unit where id = ?", Long.class, id);
		HandoverManagement.AcceptForm missing = new HandoverManagement.AcceptForm(true, false, 0, null, null, null, " ", null);
		assertThatThrownBy(() -> fixtures.as(field, () -> handover.accept(id, missing, version(id))))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).errors()).containsKeys("usageManual", "keysCount", "confirmedBy"));
		assertThat(jdbc.queryForObject("select handover_date is null and status = 'SOLD' from unit where id = ?", Boolean.class, unitId)).isTrue();
		long stale = version(id) - 1;
		assertThatThrownBy(() -> fixtures.as(field, () -> handover.accept(id, new HandoverManagement.AcceptForm(true, true, 2,
				null, null, null, "业主", null), stale))).isInstanceOf(ChangedMeanwhile.class);

		fixtures.as(field, () -> handover.accept(id, new HandoverManagement.AcceptForm(true, true, 2, new BigDecimal("1.5"),
				new BigDecimal("30"), null, "业主8-0101", BusinessClock.today()), version(id)));
		assertThat(jdbc.queryForMap("select status, handover_date from unit where id = ?", unitId))
			.containsEntry("status", "HANDED_OVER").containsEntry("handover_date", java.sql.Date.valueOf(BusinessClock.today()));

		// the printed confirmation holds the form's labels and this unit's values
		HandoverQueries.UnitDetail u = queries.unit(id).orElseThrow();
		try (PDDocument doc = Loader.loadPDF(pdf.render(u, queries.results(id)))) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
			assertThat(text).contains("交房确认书", "房屋", "8号楼8-0101", "业主8-0101", "验房情况", "卫生间", "不合格", "地漏返水",
					"住宅质量保证书", "住宅使用说明书", "钥匙", "2把", "水表读数", "1.5", "业主签字", BusinessClock.today().toString());
		}
	}

	@Test
	void aRefusalKeepsItsReasonsAndTheUnitMayBeBookedAgain() {
		long slot = slot(5);
		long id = units().get(1);
		fixtures.as(field, () -> handover.book(id, slot, "电话", version(id)));
		assertThatThrownBy(() -> fixtures.as(field, () -> handover.refuse(id, "", version(id)))).isInstanceOf(InvalidInputException.class);
		fixtures.as(field, () -> handover.refuse(id, "业主认为层高与合同不符", version(id)));
		assertThat(jdbc.queryForMap("select state, refused_reason, slot_id from handover_unit where id = ?", id))
			.containsEntry("state", "REFUSED").containsEntry("refused_reason", "业主认为层高与合同不符").containsEntry("slot_id", null);
		fixtures.as(field, () -> handover.book(id, slot, "电话", version(id)));
		assertThat(jdbc.queryForObject("select state from handover_unit where id = ?", String.class, id)).isEqualTo("BOOKED");
	}

	/** Saves the takeover through its page, as the form sends it. */
	void saveTakeover(long projectId, LocalDate planned, LocalDate taken) throws Exception {
		long version = jdbc.queryForObject("select version from takeover where project_id = ?", Long.class, projectId);
		mvc.perform(post("/handover/takeover/" + projectId).with(user(manager)).with(csrf()).param("propertyCompany", "金第物业")
			.param("plannedHandoverDate", planned == null ? "" : planned.toString())
			.param("takeoverDate", taken == null ? "" : taken.toString()).param("notes", "")
			.param("version", String.valueOf(version)))
			.andExpect(status().is3xxRedirection());
	}

	String takeoverPage(long projectId) throws Exception {
		return mvc.perform(get("/handover/takeover/" + projectId).with(user(manager))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
	}

	@Test
	void aTakeoverLessThanFifteenDaysBeforeTheFirstHandoverBatchIsFlagged() throws Exception {
		Takeovers.Takeover t = fixtures.as(manager, () -> takeovers.of(project));
		assertThat(takeovers.items(t.id())).hasSize(Takeovers.STANDARD_ITEMS.size());
		LocalDate firstBatch = BusinessClock.today();
		// a later batch does not move the check; a planned day typed in is not what the check measures
		fixtures.as(manager, () -> handover.createBatch(new HandoverManagement.BatchForm(project, "第二批", firstBatch.plusDays(30),
				firstBatch.plusDays(40), "")));
		LocalDate typed = firstBatch.plusDays(40);
		saveTakeover(project, typed, firstBatch.minusDays(15));
		assertThat(takeovers.of(project).handoverDate()).isEqualTo(firstBatch);
		assertThat(takeovers.of(project).fromBatch()).isTrue();
		assertThat(takeovers.of(project).tooLate()).isFalse();
		String page = takeoverPage(project);
		assertThat(page).contains("按首批交房日期 " + firstBatch + " 检查").contains("第一批").doesNotContain("id=\"takeover-late\"");
		saveTakeover(project, typed, firstBatch.minusDays(14));
		assertThat(takeovers.of(project).tooLate()).isTrue();
		assertThat(takeovers.of(project).daysBeforeHandover()).isEqualTo(14);
		assertThat(takeoverPage(project)).contains("承接查验日期距交房（" + firstBatch + "）只有 14 天，少于 15 天");
		// after the first delivery
		saveTakeover(project, typed, firstBatch.plusDays(3));
		assertThat(takeoverPage(project)).contains("承接查验日期晚于交房（" + firstBatch + "）3 天");
	}

	@Test
	void withoutAHandoverBatchTheTypedPlannedDayIsUsedAndThePageSaysSo() throws Exception {
		long other = fixtures.project(Fixtures.unique("未建批次"));
		assertThat(takeoverPage(other)).contains("尚无交房批次，也没有填写计划交房日期");
		LocalDate planned = BusinessClock.today().plusDays(60);
		saveTakeover(other, planned, planned.minusDays(10));
		Takeovers.Takeover t = takeovers.of(other);
		assertThat(t.fromBatch()).isFalse();
		assertThat(t.handoverDate()).isEqualTo(planned);
		assertThat(t.tooLate()).isTrue();
		assertThat(takeoverPage(other)).contains("尚无交房批次，暂按填写的计划交房日期 " + planned + " 检查")
			.contains("承接查验日期距交房（" + planned + "）只有 10 天");
		// no takeover yet, and the planned day is ten days away
		saveTakeover(other, BusinessClock.today().plusDays(10), null);
		assertThat(takeoverPage(other)).contains("只剩 10 天，承接查验还没有完成");
		// once a batch exists, its first day is used
		fixtures.as(manager, () -> handover.createBatch(new HandoverManagement.BatchForm(other, "首批", planned.plusDays(20),
				planned.plusDays(30), "")));
		saveTakeover(other, planned, planned.minusDays(10));
		assertThat(takeovers.of(other).handoverDate()).isEqualTo(planned.plusDays(20));
		assertThat(takeovers.of(other).tooLate()).isFalse();
		assertThat(takeoverPage(other)).contains("已有交房批次，按首批交房日期检查");
	}

	@Test
	void theApiListsBatchesAndBooksWithIfMatch() throws Exception {
		long slot = slot(5);
		long id = units().get(2);
		mvc.perform(get("/api/v1/handover-batches?projectId=" + project).with(httpBasic(field, Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].units").value(3));
		mvc.perform(post("/api/v1/handover-units/" + id + "/book").with(httpBasic(field, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"slotId\":" + slot + ",\"noticeWay\":\"电话\"}"))
			.andExpect(status().isUnprocessableEntity());
		mvc.perform(post("/api/v1/handover-units/" + id + "/book").with(httpBasic(field, Fixtures.PASSWORD))
			.header("If-Match", "\"" + version(id) + "\"")
			.contentType(MediaType.APPLICATION_JSON).content("{\"slotId\":" + slot + ",\"noticeWay\":\"电话\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unit.state").value("BOOKED"));
		mvc.perform(get("/handover/units/" + id).with(user(field).authorities(() -> "HANDOVER_VIEW", () -> "HANDOVER_WORK")))
			.andExpect(status().isOk());
	}

	@Test
	void theActionsApiAndTheUnitPageOfferWhatTheStateAndThePermissionsAllow() throws Exception {
		long slot = slot(5);
		long id = units().get(0);
		fixtures.as(field, () -> handover.book(id, slot, "电话", version(id)));
		mvc.perform(get("/api/v1/handover-units/" + id + "/actions").with(httpBasic(field, Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("BOOKED"))
			.andExpect(jsonPath("$.version").value(version(id)))
			.andExpect(jsonPath("$.actions[*].action").value(org.hamcrest.Matchers.contains("BOOK", "INSPECT", "REFUSE")))
			.andExpect(jsonPath("$.actions[1].path").value("/api/v1/handover-units/" + id + "/inspection"));
		// a refusal is then the only way on, and re-adding it to the batch needs HANDOVER_MANAGE
		fixtures.as(field, () -> handover.refuse(id, "业主认为层高与合同不符", version(id)));
		mvc.perform(get("/api/v1/handover-units/" + id + "/actions").with(httpBasic(field, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.actions[*].action").value(org.hamcrest.Matchers.contains("BOOK")));
		mvc.perform(get("/api/v1/handover-units/" + id + "/actions").with(httpBasic(manager, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.actions[*].action").value(org.hamcrest.Matchers.hasItem("READD")));
		assertThatThrownBy(() -> fixtures.as(field, () -> handover.accept(id, new HandoverManagement.AcceptForm(true, true, 2,
				null, null, null, "业主", null), version(id))))
			.isInstanceOf(BusinessRuleException.class).hasMessage("handover.accept.notInspected");
		// one who may only look sees no form to book, inspect, hand over or refuse
		String leader = fixtures.staffWithRole("LEADER");
		String page = mvc.perform(get("/handover/units/" + id).with(user(leader)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContain("id=\"book-form\"", "id=\"save-inspection\"", "id=\"accept-form\"");
		assertThat(mvc.perform(get("/handover/units/" + id).with(user(field)))
			.andReturn().getResponse().getContentAsString()).contains("id=\"book-form\"").doesNotContain("id=\"accept-form\"");
		// the refused unit added to its batch again waits for a new appointment, with the step in its history
		assertThat(fixtures.as(manager, () -> handover.addUnits(batch, null, jdbc.queryForObject(
				"select unit_id from handover_unit where id = ?", Long.class, id)))).isEqualTo(1);
		assertThat(jdbc.queryForMap("select state, slot_id from handover_unit where id = ?", id))
			.containsEntry("state", "ADDED").containsEntry("slot_id", null);
		assertThat(handover.history().of(id)).extracting(e -> e.kind() + " " + e.oldValue() + " " + e.newValue() + " " + e.version())
			.containsExactly("CREATED null ADDED 0", "STATE ADDED BOOKED 1", "STATE BOOKED REFUSED 2", "STATE REFUSED ADDED 3");
	}

}
