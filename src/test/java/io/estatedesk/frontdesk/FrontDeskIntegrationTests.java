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

}
