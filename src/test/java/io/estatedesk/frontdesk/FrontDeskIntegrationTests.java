package io.estatedesk.frontdesk;

import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Calls and visits through the API: a repair call raises a work order; bad input is refused with nothing saved. */
@IntegrationTest
class FrontDeskIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRepairCallRaisesAWorkOrderAndAVisitCannotLeaveBeforeItArrives() throws Exception {
		String office = fixtures.staffWithRole("OFFICE");
		long project = fixtures.project(Fixtures.unique("来电"));
		long unit = fixtures.unit(project, fixtures.building(project, "2号楼"), "2-0909", "OCCUPIED");
		long owner = fixtures.owner("冯先生", "13611112222", Fixtures.idNumber("11010119800101333"));
		fixtures.holds(owner, unit);
		mvc.perform(get("/api/v1/calls/callers?q=11112222").with(httpBasic(office, Fixtures.PASSWORD)))
			.andExpect(status().isOk()).andExpect(jsonPath("$[0].name").value("冯先生")).andExpect(jsonPath("$[0].unitId").value(unit));
		long trade = jdbc.queryForObject("select id from repair_trade where code = 'PLUMBING_ELECTRIC'", Long.class);
		long calls = jdbc.queryForObject("select count(*) from call_log", Long.class);
		// a repair call without a trade: refused, nothing saved
		mvc.perform(post("/api/v1/calls").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"REPAIR\",\"callerName\":\"冯先生\",\"ownerId\":%d,\"unitId\":%d,\"content\":\"卫生间漏水\"}".formatted(owner, unit)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.tradeId").value("请选择工种"));
		assertThat(jdbc.queryForObject("select count(*) from call_log", Long.class)).isEqualTo(calls);
		// a call before 2000 or after today did not happen: refused, nothing saved
		for (String when : new String[] { "1999-12-31T09:00:00",
				io.estatedesk.shared.BusinessClock.today().plusDays(1) + "T09:00:00" }) {
			mvc.perform(post("/api/v1/calls").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"CONSULT\",\"callerName\":\"冯先生\",\"projectId\":%d,\"content\":\"咨询\",\"receivedAt\":\"%s\"}"
					.formatted(project, when)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors.receivedAt").value("来电时间须在 2000-01-01 至今天之间。"));
		}
		assertThat(jdbc.queryForObject("select count(*) from call_log", Long.class)).isEqualTo(calls);
		mvc.perform(post("/api/v1/calls").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"type":"REPAIR","callerName":"冯先生","callerPhone":"13611112222","ownerId":%d,"unitId":%d,
					 "content":"卫生间漏水","tradeId":%d,"emergency":true,"location":"主卫"}""".formatted(owner, unit, trade)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.workOrderCode").exists());
		assertThat(jdbc.queryForMap("select source, urgency, contact_phone from work_order order by id desc limit 1"))
			.containsEntry("source", "CALL").containsEntry("urgency", "EMERGENCY").containsEntry("contact_phone", "13611112222");

		mvc.perform(post("/api/v1/visits").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"identity\":\"VISITOR\",\"name\":\"访客\",\"reason\":\"找人\",\"timeIn\":\"2026-11-20T10:00:00\",\"timeOut\":\"2026-11-20T09:00:00\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.timeOut").value("离开时间不能早于来访时间"));
		mvc.perform(post("/api/v1/visits").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"identity\":\"VISITOR\",\"name\":\"访客\",\"reason\":\"找人\",\"timeIn\":\"1999-12-31T10:00:00\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.timeIn").value("来访时间须在 2000-01-01 至今天之间。"));
	}

	@Test
	void aCallPageRefusesATimeThatCannotHaveHappenedAndKeepsWhatWasTyped() throws Exception {
		String office = fixtures.staffWithRole("OFFICE");
		long project = fixtures.project(Fixtures.unique("来电"));
		String page = mvc.perform(post("/calls").with(user(office).authorities(() -> "FRONTDESK_VIEW", () -> "FRONTDESK_EDIT"))
			.with(csrf()).param("type", "CONSULT").param("callerName", "褚女士").param("projectId", String.valueOf(project))
			.param("content", "咨询物业费").param("receivedAt", "1999-12-31T09:00"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("来电时间须在 2000-01-01 至今天之间。", "value=\"1999-12-31T09:00\"", "褚女士", "咨询物业费");
	}


	@Test
	void phoneNumbersAreCheckedOnTheApiAndThePagesAndNothingIsSaved() throws Exception {
		String office = fixtures.staffWithRole("OFFICE");
		long project = fixtures.project(Fixtures.unique("来电"));
		long calls = count("call_log");
		long visits = count("visit");
		String phoneMessage = "电话号码格式不正确：手机号 11 位；座机须带区号，如 0571-88886666，分机写作 0571-88886666-801。";
		for (String bad : new String[] { "12345", "abc123" }) {
			mvc.perform(post("/api/v1/calls").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"CONSULT\",\"callerName\":\"褚女士\",\"callerPhone\":\"%s\",\"projectId\":%d,\"content\":\"咨询\"}"
					.formatted(bad, project)))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors.callerPhone").value(phoneMessage));
			mvc.perform(post("/api/v1/visits").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"identity\":\"VISITOR\",\"name\":\"访客\",\"reason\":\"找人\",\"phone\":\"%s\"}".formatted(bad)))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.phone").value(phoneMessage));
			String page = mvc.perform(post("/visits").with(user(office).authorities(() -> "FRONTDESK_VIEW", () -> "FRONTDESK_EDIT"))
				.with(csrf()).param("identity", "CONTRACTOR").param("name", "郑师傅").param("phone", bad).param("reason", "装修登记")
				.param("timeIn", "2026-11-20T09:30").param("people", "2"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(page).contains("id=\"phone-error\"", phoneMessage, "value=\"" + bad + "\"", "value=\"2026-11-20T09:30\"",
					"郑师傅", "装修登记");
			page = mvc.perform(post("/calls").with(user(office).authorities(() -> "FRONTDESK_VIEW", () -> "FRONTDESK_EDIT"))
				.with(csrf()).param("type", "CONSULT").param("callerName", "褚女士").param("callerPhone", bad)
				.param("projectId", String.valueOf(project)).param("content", "咨询物业费").param("receivedAt", "2026-11-20T08:15"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(page).contains("id=\"callerPhone-error\"", phoneMessage, "value=\"2026-11-20T08:15\"", "咨询物业费");
		}
		assertThat(count("call_log")).isEqualTo(calls);
		assertThat(count("visit")).isEqualTo(visits);
		// a landline with area code and extension is a number
		mvc.perform(post("/api/v1/visits").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"identity\":\"OFFICIAL\",\"name\":\"刘科长\",\"reason\":\"商议筹备\",\"phone\":\"0571-88886666-801\",\"timeIn\":\"2026-11-20T10:00:00\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void aMaskedNumberSentBackForTheChosenOwnerKeepsTheStoredOneAndIsRefusedOtherwise() throws Exception {
		String office = fixtures.staffWithRole("OFFICE");
		long project = fixtures.project(Fixtures.unique("来电"));
		long unit = fixtures.unit(project, fixtures.building(project, "3号楼"), "3-0101", "OCCUPIED");
		String mobile = "139" + String.valueOf(System.nanoTime() % 100_000_000 + 100_000_000).substring(1);
		long owner = fixtures.owner("卫先生", mobile, Fixtures.idNumber("11010119800101444"));
		fixtures.holds(owner, unit);
		String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
		mvc.perform(post("/api/v1/calls").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"CONSULT\",\"callerName\":\"卫先生\",\"callerPhone\":\"%s\",\"ownerId\":%d,\"unitId\":%d,\"content\":\"咨询\"}"
				.formatted(masked, owner, unit)))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.callerPhone").value(masked));
		assertThat(jdbc.queryForObject("select caller_phone from call_log order by id desc limit 1", String.class)).isEqualTo(mobile);
		mvc.perform(post("/api/v1/calls").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"CONSULT\",\"callerName\":\"卫先生\",\"callerPhone\":\"%s\",\"projectId\":%d,\"content\":\"咨询\"}"
				.formatted(masked, project)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.callerPhone").exists());
	}

	@Test
	void everyTextHasItsLimitSaidInTheMessageOnTheApiAndThePage() throws Exception {
		String office = fixtures.staffWithRole("OFFICE");
		long project = fixtures.project(Fixtures.unique("来电"));
		long visits = count("visit");
		long calls = count("call_log");
		mvc.perform(post("/api/v1/visits").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"identity\":\"VISITOR\",\"name\":\"%s\",\"reason\":\"%s\",\"employer\":\"%s\"}"
				.formatted("名".repeat(61), "事".repeat(20_000), "单".repeat(101))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.reason").value("内容过长：最多 500 个字。"))
			.andExpect(jsonPath("$.errors.name").value("内容过长：最多 60 个字。"))
			.andExpect(jsonPath("$.errors.employer").value("内容过长：最多 100 个字。"));
		mvc.perform(post("/api/v1/calls").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"CONSULT\",\"callerName\":\"褚女士\",\"projectId\":%d,\"content\":\"%s\",\"answer\":\"%s\",\"topic\":\"%s\"}"
				.formatted(project, "问".repeat(2001), "答".repeat(2001), "题".repeat(61))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.content").value("内容过长：最多 2000 个字。"))
			.andExpect(jsonPath("$.errors.answer").value("内容过长：最多 2000 个字。"))
			.andExpect(jsonPath("$.errors.topic").value("内容过长：最多 60 个字。"));
		String reason = "事".repeat(501);
		String page = mvc.perform(post("/visits").with(user(office).authorities(() -> "FRONTDESK_VIEW", () -> "FRONTDESK_EDIT"))
			.with(csrf()).param("identity", "VISITOR").param("name", "访客").param("reason", reason)
			.param("timeIn", "2026-11-20T09:30"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"reason-error\"", "内容过长：最多 500 个字。", reason, "最多 500 个字");
		page = mvc.perform(post("/calls").with(user(office).authorities(() -> "FRONTDESK_VIEW", () -> "FRONTDESK_EDIT"))
			.with(csrf()).param("type", "CONSULT").param("callerName", "褚女士").param("projectId", String.valueOf(project))
			.param("content", "问".repeat(2001)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"content-error\"", "内容过长：最多 2000 个字。");
		assertThat(count("visit")).isEqualTo(visits);
		assertThat(count("call_log")).isEqualTo(calls);
		// and the table holds no longer text, whoever writes it
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
				"insert into visit (identity, name, reason, time_in, recorded_by) values ('VISITOR', '访客', ?, ?, 'office')",
				"事".repeat(501), java.sql.Timestamp.valueOf("2026-11-20 09:30:00")))
			.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
	}

	@Test
	void theVisitFormGuessesNobodyAndAVisitWithoutIdentityIsRefused() throws Exception {
		String office = fixtures.staffWithRole("OFFICE");
		String page = mvc.perform(get("/visits").with(user(office).authorities(() -> "FRONTDESK_VIEW", () -> "FRONTDESK_EDIT")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String form = page.substring(page.indexOf("id=\"visit-form\""));
		assertThat(form).as("no 身份 and no 性别 chosen in advance").doesNotContainPattern("<option value=\"[^\"]+\" selected")
			.contains("<option value=\"\">请选择</option>", "<option value=\"\" selected=\"selected\">不填</option>");
		mvc.perform(post("/api/v1/visits").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"访客\",\"reason\":\"找人\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.identity").value("请选择身份"));
		mvc.perform(post("/api/v1/visits").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"identity\":\"VISITOR\",\"name\":\"访客\",\"reason\":\"找人\",\"gender\":\"X\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.gender").value("性别请选“男”或“女”，或不填"));
	}

	@Test
	void aCallOrVisitLaterThanNowIsRefused() throws Exception {
		String office = fixtures.staffWithRole("OFFICE");
		long project = fixtures.project(Fixtures.unique("来电"));
		java.time.LocalDateTime later = io.estatedesk.shared.BusinessClock.localNowToMinute().plusHours(2);
		boolean tomorrow = later.toLocalDate().isAfter(io.estatedesk.shared.BusinessClock.today());
		mvc.perform(post("/api/v1/calls").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"CONSULT\",\"callerName\":\"褚女士\",\"projectId\":%d,\"content\":\"咨询\",\"receivedAt\":\"%s\"}"
				.formatted(project, later)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.receivedAt").value(tomorrow ? "来电时间须在 2000-01-01 至今天之间。" : "不能晚于现在（须在 2000-01-01 至当前时间之间）。"));
		mvc.perform(post("/api/v1/visits").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"identity\":\"VISITOR\",\"name\":\"访客\",\"reason\":\"找人\",\"timeIn\":\"%s\"}".formatted(later)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.timeIn").exists());
	}

	@Test
	void theRegisterOfADayWithAReasonAsLongAsAllowedStartsWithTheVisitOnItsFirstPage() throws Exception {
		String office = fixtures.staffWithRole("OFFICE");
		// the first visitor of a day long past, chosen at random so that runs on a kept database do not share it
		java.time.LocalDateTime in = java.time.LocalDate.of(2010, 1, 1)
			.plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(3650)).atStartOfDay();
		String name = "长" + Fixtures.unique("事").substring(0, 6);
		String reason = "咨询装修审批材料与水电改造要求".repeat(40).substring(0, 500);
		mvc.perform(post("/api/v1/visits").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"identity\":\"CONTRACTOR\",\"name\":\"%s\",\"reason\":\"%s\",\"timeIn\":\"%s\"}".formatted(name, reason, in)))
			.andExpect(status().isCreated());
		byte[] pdf = mvc.perform(get("/visits/register.pdf?day=" + in.toLocalDate())
			.with(user(office).authorities(() -> "FRONTDESK_VIEW")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			int pages = doc.getNumberOfPages();
			long visitsThatDay = jdbc.queryForObject("select count(*) from visit where time_in >= ? and time_in < ?", Long.class,
					java.sql.Timestamp.from(in.toLocalDate().atStartOfDay(io.estatedesk.shared.BusinessClock.ZONE).toInstant()),
					java.sql.Timestamp.from(in.toLocalDate().plusDays(1).atStartOfDay(io.estatedesk.shared.BusinessClock.ZONE).toInstant()));
			assertThat(pages).as("a page holds several rows even with the longest reason").isLessThanOrEqualTo((int) visitsThatDay);
			String first = VisitPdfTests.page(doc, 1);
			assertThat(first).as("the first page is never blank").contains("序号", "来访事由", name);
			assertThat(VisitPdfTests.text(pdf)).contains(name, reason);
		}
	}

	@Test
	void aVisitThatCannotBecomeAComplaintSaysWhyAtItsRow() throws Exception {
		String office = fixtures.staffWithRole("OFFICE");
		long owner = fixtures.owner("钱女士", "13622223333", Fixtures.idNumber("11010119800101555"));
		String body = mvc.perform(post("/api/v1/visits").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"identity\":\"OWNER\",\"name\":\"钱女士\",\"reason\":\"反映噪音\",\"ownerId\":%d,\"timeIn\":\"2026-11-20T10:00:00\"}"
				.formatted(owner)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long visit = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
		long category = jdbc.queryForObject("select id from complaint_category order by id limit 1", Long.class);
		String page = mvc.perform(post("/visits/" + visit + "/complaint").param("categoryId", String.valueOf(category))
			.with(user(office).authorities(() -> "FRONTDESK_VIEW", () -> "FRONTDESK_EDIT", () -> "COMPLAINT_CREATE")).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"visit-" + visit + "-error\"", "投诉或报修请选择业主的房屋或项目", "钱女士", "反映噪音");
		assertThat(jdbc.queryForObject("select complaint_id from visit where id = ?", Long.class, visit)).isNull();
	}

	private long count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
