package io.estatedesk.repair;

import io.estatedesk.shared.BusinessClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.estatedesk.complaint.ComplaintManagement;
import io.estatedesk.complaint.ComplaintState;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Work orders: contractors kept apart, warranty and charge, holds, escalation, and the complaint moving on. */
@IntegrationTest
class RepairIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.context.MessageSource messages;

	@Autowired
	WorkOrderManagement orders;

	@Autowired
	Contractors contractors;

	@Autowired
	WorkOrderDeadlineJob job;

	@Autowired
	ComplaintManagement complaints;

	String manager;

	String office;

	long project;

	long unit;

	long owner;

	long waterproofTrade;

	@BeforeEach
	void setUp() {
		manager = fixtures.staffWithRole("MANAGER");
		office = fixtures.staffWithRole("OFFICE");
		project = fixtures.project(Fixtures.unique("维修项目"));
		long building = fixtures.building(project, "1号楼");
		unit = fixtures.unit(project, building, "1-0101", "OCCUPIED");
		// handed over three years ago: waterproofing (5 years) covered, fit-out (2 years) not
		jdbc.update("update unit set handover_date = ? where id = ?", BusinessClock.today().minusYears(3), unit);
		owner = fixtures.owner("李业主", "13800001111", Fixtures.idNumber("11010119800101123"));
		fixtures.holds(owner, unit);
		waterproofTrade = trade("WATERPROOF");
	}

	long trade(String code) {
		return jdbc.queryForObject("select id from repair_trade where code = ?", Long.class, code);
	}

	long contractor(String name, String tradeCode) {
		return fixtures.as(manager, () -> contractors.create(new Contractors.Form(Fixtures.unique(name), Contractors.Kind.CONTRACTOR,
				"联系人", "13900000000", "", null, null, "", List.of(trade(tradeCode)), true)));
	}

	String accountOf(long contractorId) {
		String username = fixtures.staffWithRole("CONTRACTOR");
		fixtures.as(manager, () -> contractors.addMember(contractorId, username));
		return username;
	}

	long raise(String by, Long complaintId, String component, Charge charge, Long contractorId) {
		return fixtures.as(by, () -> orders.raise(new WorkOrderManagement.RaiseForm(project, unit, owner, null, complaintId,
				Source.CALL, waterproofTrade, component, "主卫", "卫生间地面渗水", Urgency.NORMAL, "", "", charge, null, null,
				contractorId)));
	}

	long version(long id) {
		return jdbc.queryForObject("select version from work_order where id = ?", Long.class, id);
	}

	String state(long id) {
		return jdbc.queryForObject("select state from work_order where id = ?", String.class, id);
	}

	@Test
	void aContractorAccountSeesAndChangesOnlyItsOwnWorkOrdersInPagesAndApi() throws Exception {
		long a = contractor("甲防水", "WATERPROOF");
		long b = contractor("乙防水", "WATERPROOF");
		String accountA = accountOf(a);
		long mine = raise(office, null, "WET_ROOM_WATERPROOF", null, null);
		long other = raise(office, null, "WET_ROOM_WATERPROOF", null, null);
		fixtures.as(manager, () -> orders.dispatch(mine, a, null, version(mine)));
		fixtures.as(manager, () -> orders.dispatch(other, b, null, version(other)));
		String otherCode = jdbc.queryForObject("select code from work_order where id = ?", String.class, other);
		String mineCode = jdbc.queryForObject("select code from work_order where id = ?", String.class, mine);

		// API: the list holds only its own; another contractor's order does not exist for it, reading or writing
		mvc.perform(get("/api/v1/work-orders?projectId=" + project).with(httpBasic(accountA, Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].code").value(mineCode));
		mvc.perform(get("/api/v1/work-orders/" + other).with(httpBasic(accountA, Fixtures.PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("该维修工单不存在。"));
		mvc.perform(post("/api/v1/work-orders/" + other + "/start").with(httpBasic(accountA, Fixtures.PASSWORD))
			.header("If-Match", "\"" + version(other) + "\"")).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/work-orders/" + other + "/finish").with(httpBasic(accountA, Fixtures.PASSWORD))
			.header("If-Match", "\"" + version(other) + "\"").contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"修好了\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/contractors").with(httpBasic(accountA, Fixtures.PASSWORD))).andExpect(status().isForbidden());
		// pages: the same
		mvc.perform(get("/work-orders").with(user(accountA).authorities(() -> "REPAIR_VIEW")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(mineCode)))
			.andExpect(content().string(not(containsString(otherCode))));
		mvc.perform(get("/work-orders/" + other).with(user(accountA).authorities(() -> "REPAIR_VIEW")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/work-orders/" + other + "/start").param("version", String.valueOf(version(other)))
			.with(user(accountA).authorities(() -> "REPAIR_VIEW", () -> "REPAIR_WORK")).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(state(other)).isEqualTo("DISPATCHED");
		// the team may see the full contact number of its own order (it must call the owner), recorded; not another's
		mvc.perform(post("/work-orders/" + other + "/reveal").with(user(accountA).authorities(() -> "REPAIR_VIEW")).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/work-orders/" + mine).with(user(accountA).authorities(() -> "REPAIR_VIEW")))
			.andExpect(content().string(containsString("138****1111")))
			.andExpect(content().string(not(containsString("13800001111"))));
		mvc.perform(post("/work-orders/" + mine + "/reveal").with(user(accountA).authorities(() -> "REPAIR_VIEW")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'REVEAL' and target = ?",
				Long.class, accountA, "维修工单 " + mineCode)).isEqualTo(1);
		// its 工作台 counts its company's open orders only (one: the other is someone else's)
		mvc.perform(get("/").with(user(accountA).authorities(() -> "REPAIR_VIEW")))
			.andExpect(content().string(containsString("本单位未完成的工单")))
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
					"(?s).*本单位未完成的工单</div>\\s*<div class=\"stat\"[^>]*>1</div>.*")));
		// and its own it works on
		mvc.perform(post("/api/v1/work-orders/" + mine + "/start").with(httpBasic(accountA, Fixtures.PASSWORD))
			.header("If-Match", "\"" + version(mine) + "\"")).andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("IN_PROGRESS"));
	}

	@Test
	void outOfWarrantyWorkIsNeverBookedAsWarrantyAndBadInputSavesNothing() {
		long before = jdbc.queryForObject("select count(*) from work_order", Long.class);
		assertThatThrownBy(() -> raise(office, null, "FITOUT", Charge.WARRANTY, null)).isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).errors()).containsEntry("charge", "workorder.charge.expired"));
		assertThatThrownBy(() -> fixtures.as(office, () -> orders.raise(new WorkOrderManagement.RaiseForm(project, null, null, " ",
				null, Source.CALL, waterproofTrade, null, "", "", Urgency.NORMAL, "", "", null, null, null, null))))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).errors()).containsKeys("unitId", "description"));
		assertThat(jdbc.queryForObject("select count(*) from work_order", Long.class)).isEqualTo(before);

		long paid = raise(office, null, "FITOUT", null, null);
		assertThat(jdbc.queryForMap("select warranty_status, charge, warranty_until from work_order where id = ?", paid))
			.containsEntry("warranty_status", "EXPIRED").containsEntry("charge", "PAID");
		long covered = raise(office, null, "WET_ROOM_WATERPROOF", null, null);
		assertThat(jdbc.queryForMap("select warranty_status, charge from work_order where id = ?", covered))
			.containsEntry("warranty_status", "IN_WARRANTY").containsEntry("charge", "WARRANTY");
		assertThatThrownBy(() -> fixtures.as(manager, () -> orders.saveCharge(paid, Charge.WARRANTY, "", null, version(paid))))
			.isInstanceOf(InvalidInputException.class);
		assertThat(jdbc.queryForObject("select charge from work_order where id = ?", String.class, paid)).isEqualTo("PAID");
	}

	@Test
	void aHoldStopsTheClockAndTheDueDateMovesByTheTimeOnHold() {
		long id = raise(office, null, "WET_ROOM_WATERPROOF", null, null);
		fixtures.as(manager, () -> orders.pause(id, "业主出差", BusinessClock.today().plusDays(3), version(id)));
		// the hold began a day ago (clock time, an emergency-free normal order counts working time)
		jdbc.update("update work_order set paused_at = paused_at - interval '1 day', urgency = 'EMERGENCY' where id = ?", id);
		Instant due = jdbc.queryForObject("select due_at from work_order where id = ?", Timestamp.class, id).toInstant();
		fixtures.as(manager, () -> orders.resume(id, version(id)));
		Instant shifted = jdbc.queryForObject("select due_at from work_order where id = ?", Timestamp.class, id).toInstant();
		assertThat(Duration.between(due, shifted)).isBetween(Duration.ofHours(24), Duration.ofHours(24).plusMinutes(1));
		assertThat(state(id)).isEqualTo("PENDING_DISPATCH");
		// a hold needs a reason and a resume date
		assertThatThrownBy(() -> fixtures.as(manager, () -> orders.pause(id, " ", null, version(id))))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aStaleSaveIsRefusedWithWhatChanged() {
		long a = contractor("丙防水", "WATERPROOF");
		long id = raise(office, null, "WET_ROOM_WATERPROOF", null, null);
		long seen = version(id);
		fixtures.as(manager, () -> orders.dispatch(id, a, "请今天联系业主", seen));
		assertThatThrownBy(() -> fixtures.as(manager, () -> orders.cancel(id, "重复", seen)))
			.isInstanceOf(ChangedMeanwhile.class)
			.satisfies(e -> assertThat(((ChangedMeanwhile) e).changes()).isNotEmpty());
		assertThat(state(id)).isEqualTo("DISPATCHED");
	}

	@Test
	void overdueWorkOrdersAreEscalatedExactlyOnceEvenWithTwoInstancesRunningTheJob() throws Exception {
		fixtures.staffWithRole("MANAGER");
		long a = contractor("丁防水", "WATERPROOF");
		String account = accountOf(a);
		long id = raise(office, null, "WET_ROOM_WATERPROOF", null, a);
		jdbc.update("update work_order set due_at = " + BusinessClock.sqlNow() + " - interval '1 hour' where id = ?", id);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			// the method the scheduler calls, on two instances at once
			Callable<Integer> run = () -> {
				job.scheduled();
				return 0;
			};
			for (Future<Integer> r : pool.invokeAll(List.of(run, run))) {
				r.get();
			}
		}
		finally {
			pool.shutdown();
		}
		job.scheduled();
		assertThat(jdbc.queryForObject("select count(*) from work_order_history where work_order_id = ? and kind = 'ESCALATED'",
				Long.class, id)).isEqualTo(1);
		// the contractor heard of it too (notifications are delivered after the job's transaction commits)
		long contractorStaff = fixtures.staffId(account);
		long deadline = BusinessClock.now().toEpochMilli() + 10_000;
		long n = 0;
		while (n == 0 && BusinessClock.now().toEpochMilli() < deadline) {
			Thread.sleep(100);
			n = jdbc.queryForObject("select count(*) from notification where recipient_id = ? and title like '维修工单已超时%'",
					Long.class, contractorStaff);
		}
		Thread.sleep(300);
		assertThat(jdbc.queryForObject("select count(*) from notification where recipient_id = ? and title like '维修工单已超时%'",
				Long.class, contractorStaff)).isEqualTo(1);
	}

	@Test
	void aHoldEndsByItselfOnItsResumeDay() {
		long id = raise(office, null, "WET_ROOM_WATERPROOF", null, null);
		fixtures.as(manager, () -> orders.pause(id, "等待材料", BusinessClock.today().plusDays(2), version(id)));
		job.check(BusinessClock.now());
		assertThat(state(id)).isEqualTo("PAUSED");
		job.check(BusinessClock.now().plus(Duration.ofDays(3)));
		assertThat(state(id)).isEqualTo("PENDING_DISPATCH");
		assertThat(jdbc.queryForObject("select resume_on is null from work_order where id = ?", Boolean.class, id)).isTrue();
	}

	long complaint() throws Exception {
		long category = jdbc.queryForObject("select id from complaint_category where name = '房屋质量'", Long.class);
		String body = mvc.perform(post("/api/v1/complaints").with(httpBasic(office, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"projectId":%d,"unitId":%d,"ownerId":%d,"complainant":"李业主","complainedAt":"2026-11-20T10:15:00",
					 "channel":"PHONE","categoryId":%d,"severity":"GENERAL","content":"卫生间和屋面都漏水"}"""
				.formatted(project, unit, owner, category)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
	}

	@Test
	void theComplaintMovesToPendingReplyWhenEveryWorkOrderRaisedFromItIsDone() throws Exception {
		long complaint = complaint();
		long a = contractor("戊防水", "WATERPROOF");
		long first = raise(office, complaint, "WET_ROOM_WATERPROOF", null, a);
		long second = raise(office, complaint, "ROOF_WATERPROOF", null, a);
		// the complaint takes in its work orders in its own time (an event each)
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
				"select count(*) from complaint_history where complaint_id = ? and kind = 'REPAIR'", Long.class, complaint))
			.isEqualTo(2));
		assertThat(complaints.summary(complaint).orElseThrow().state()).isEqualTo(ComplaintState.IN_PROGRESS);
		for (long id : List.of(first, second)) {
			fixtures.as(manager, () -> orders.finish(id, "已重做防水", "防水涂料", version(id)));
		}
		fixtures.as(office, () -> orders.accept(first, 5, null, version(first)));
		assertThat(complaints.summary(complaint).orElseThrow().state()).isEqualTo(ComplaintState.IN_PROGRESS);
		fixtures.as(office, () -> orders.reject(second, "仍有渗水", version(second)));
		fixtures.as(manager, () -> orders.finish(second, "返工完毕", null, version(second)));
		// its 处理单 has its analysis: the last repair done takes it on to the reply (without, it would wait for it)
		jdbc.update("update complaint set cause_analysis = '防水层老化', handling_opinion = '重做防水' where id = ?", complaint);
		fixtures.as(office, () -> orders.accept(second, 4, null, version(second)));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(
				() -> assertThat(complaints.summary(complaint).orElseThrow().state()).isEqualTo(ComplaintState.PENDING_REPLY));
		assertThat(jdbc.queryForObject("select corrective_action from complaint where id = ?", String.class, complaint))
			.contains("维修已完成并经业主验收");
		// a reworked repair always gets a return call
		assertThat(jdbc.queryForObject("select return_call_due is not null from work_order where id = ?", Boolean.class, second))
			.isTrue();
	}

	@Test
	void aWorkOrderRaisedFromAComplaintStartsFromItsDescriptionAndKeepsItsNumberBehindTheMask() throws Exception {
		long category = jdbc.queryForObject("select id from complaint_category where name = '房屋质量'", Long.class);
		String body = mvc.perform(post("/api/v1/complaints").with(httpBasic(office, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"projectId":%d,"unitId":%d,"ownerId":%d,"complainant":"李业主","complainedAt":"2026-11-20T10:15:00",
					 "channel":"PHONE","categoryId":%d,"severity":"GENERAL","content":"主卫地面渗水到楼下","contactPhone":"13912345678"}"""
				.formatted(project, unit, owner, category)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long complaint = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
		var asOffice = new io.estatedesk.support.UploadChecks(jdbc, messages).as(office);
		String form = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/work-orders/new").param("complaintId", String.valueOf(complaint)).with(asOffice))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("主卫地面渗水到楼下", "139****5678").doesNotContain("13912345678");
		// the form sent back as shown: the masked number stands for the complaint's
		mvc.perform(post("/work-orders/new").with(asOffice)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("projectId", String.valueOf(project)).param("unitId", String.valueOf(unit))
			.param("complaintId", String.valueOf(complaint)).param("source", "COMPLAINT")
			.param("tradeId", String.valueOf(waterproofTrade)).param("component", "WET_ROOM_WATERPROOF")
			.param("location", "主卫").param("description", "主卫地面渗水到楼下").param("urgency", "NORMAL")
			.param("contactName", "李业主").param("contactPhone", "139****5678"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select contact_phone || ' ' || description from work_order where complaint_id = ?",
				String.class, complaint)).isEqualTo("13912345678 主卫地面渗水到楼下");
	}

	@Test
	void aContractorWithoutTheTradeIsRefusedUnderItsFieldAndNothingIsRaised() throws Exception {
		long plumber = contractor("庚水电", "PLUMBING_ELECTRIC");
		String description = Fixtures.unique("次卧墙角渗水");
		String page = mvc.perform(post("/work-orders/new").with(new io.estatedesk.support.UploadChecks(jdbc, messages).as(manager))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("projectId", String.valueOf(project)).param("unitId", String.valueOf(unit)).param("source", "CALL")
			.param("tradeId", String.valueOf(waterproofTrade)).param("description", description).param("urgency", "NORMAL")
			.param("contractorId", String.valueOf(plumber)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String name = jdbc.queryForObject("select name from contractor where id = ?", String.class, plumber);
		assertThat(page).contains("id=\"contractorId-error\"", name + "不承接“防水”工种，请选择承接该工种的单位。", description);
		assertThat(jdbc.queryForObject("select count(*) from work_order where description = ?", Long.class, description))
			.isZero();
	}

	@Test
	void aSatisfiedReturnCallIsRecordedOnceAndTheWorkOrderStaysCompleted() {
		long a = contractor("己防水", "WATERPROOF");
		long id = raise(office, null, "WET_ROOM_WATERPROOF", null, a);
		fixtures.as(manager, () -> orders.finish(id, "已重做防水", null, version(id)));
		fixtures.as(office, () -> orders.reject(id, "仍有渗水", version(id)));
		fixtures.as(manager, () -> orders.finish(id, "返工完毕", null, version(id)));
		fixtures.as(office, () -> orders.accept(id, 5, null, version(id)));
		fixtures.as(office, () -> orders.returnCall(id, true, "业主满意", version(id)));
		assertThat(jdbc.queryForObject("select state || ' ' || return_satisfied from work_order where id = ?", String.class, id))
			.isEqualTo("COMPLETED true");
		assertThat(jdbc.queryForObject("""
				select count(*) from work_order_history where work_order_id = ? and kind = 'RETURN_CALL' and note = '业主满意'
				  and version = (select version from work_order where id = ?)""", Long.class, id, id)).isEqualTo(1);
		assertThatThrownBy(() -> fixtures.as(office, () -> orders.returnCall(id, true, "再次回访", version(id))))
			.isInstanceOf(io.estatedesk.shared.BusinessRuleException.class);
	}

	@Autowired
	WarrantyRules warranty;

	@Test
	void aWarrantyRuleChangeIsANewVersionThatMayLengthenButNeverShortenTheLegalMinimum() {
		java.util.function.Function<Integer, List<WarrantyRules.RuleLine>> withFitOut = months -> warranty
			.inForce(BusinessClock.today()).stream()
			.map(r -> new WarrantyRules.RuleLine(r.component(), r.name(), r.tradeId(),
					r.component().equals("FITOUT") ? Warranty.PeriodKind.MONTHS : r.kind(),
					r.component().equals("FITOUT") ? months : r.period(),
					r.seasonStart() == null ? null : r.seasonStart().toString().substring(2),
					r.seasonEnd() == null ? null : r.seasonEnd().toString().substring(2), r.basis()))
			.toList();
		int versions = warranty.versions().size();
		assertThatThrownBy(() -> warranty.saveVersion(BusinessClock.today(), "缩短", withFitOut.apply(12), "admin"))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).errors()).containsValue("warranty.period.belowMinimum"));
		assertThat(warranty.versions()).hasSize(versions);
		// a promise of three years for fit-out, from tomorrow: today's decisions keep the old rules
		LocalDate tomorrow = BusinessClock.today().plusDays(1);
		int v = warranty.saveVersion(tomorrow, "精装修延长至3年", withFitOut.apply(36), "admin");
		try {
			// two years, as the law counts it
			assertThat(warranty.rule("FITOUT", BusinessClock.today()).orElseThrow().kind()).isEqualTo(Warranty.PeriodKind.YEARS);
			assertThat(warranty.rule("FITOUT", BusinessClock.today()).orElseThrow().period()).isEqualTo(2);
			assertThat(warranty.rule("FITOUT", tomorrow).orElseThrow().period()).isEqualTo(36);
			assertThat(warranty.rule("FITOUT", tomorrow).orElseThrow().version()).isEqualTo(v);
		}
		finally {
			// other tests share this database and expect the legal minimums in force
			jdbc.update("delete from warranty_rule_set where version_no = ?", v);
		}
	}

	@Test
	void theUnitWarrantyApiExplainsEachComponent() throws Exception {
		mvc.perform(get("/api/v1/units/" + unit + "/warranty").with(httpBasic(office, Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components[?(@.component == 'WET_ROOM_WATERPROOF')].status").value("IN_WARRANTY"))
			.andExpect(jsonPath("$.components[?(@.component == 'FITOUT')].status").value("EXPIRED"))
			.andExpect(jsonPath("$.components[?(@.component == 'HEATING')].period").value("2个采暖期（11月15日至次年3月15日）"))
			.andExpect(jsonPath("$.components[?(@.component == 'COOLING')].period").value("2个供冷期（5月15日至9月15日）"))
			.andExpect(jsonPath("$.components[?(@.component == 'FITOUT')].period").value("2年"));
		assertThatThrownBy(() -> fixtures.as(office, () -> orders.get(Long.MAX_VALUE))).isInstanceOf(NotFoundException.class);
	}

}
