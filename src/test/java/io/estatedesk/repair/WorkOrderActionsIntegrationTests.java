package io.estatedesk.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import io.estatedesk.shared.BusinessClock;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import io.estatedesk.support.UploadChecks;
import io.estatedesk.support.UploadSamples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The work order's detail page offers what the transition table allows, and the facade refuses the rest. */
@IntegrationTest
class WorkOrderActionsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	RepairFixtures repair;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	WorkOrderManagement orders;

	UploadChecks checks;

	String manager;

	long order;

	@BeforeEach
	void setUp() {
		checks = new UploadChecks(jdbc, messages);
		manager = fixtures.staffWithRole("MANAGER");
		order = repair.dispatchedOrder(manager, Fixtures.unique("流程项目"), "1号楼", Fixtures.unique("防水"), null).id();
	}

	long version() {
		return jdbc.queryForObject("select version from work_order where id = ?", Long.class, order);
	}

	String page() throws Exception {
		return mvc.perform(get("/work-orders/" + order).with(checks.as(manager))).andReturn().getResponse()
			.getContentAsString();
	}

	@Test
	void aPausedWorkOrderOffersResumeAndCancelButNeitherPauseNorFinish() throws Exception {
		fixtures.as(manager, () -> orders.pause(order, "业主出差", BusinessClock.today().plusDays(3), version()));

		String html = page();
		assertThat(html).contains("id=\"resume\"", "id=\"cancelReason\"", "id=\"appointmentFrom\"");
		assertThat(html).doesNotContain("id=\"pauseReason\"", "id=\"finish-form\"", "id=\"start\"", "id=\"dispatch-form\"",
				"id=\"accept-form\"");
	}

	@Test
	void aDispatchedWorkOrderOffersRedispatchAndPauseButNoResume() throws Exception {
		String html = page();
		assertThat(html).contains("id=\"dispatch-form\"", "id=\"pauseReason\"", "id=\"cancelReason\"");
		assertThat(html).doesNotContain("id=\"resume\"", "id=\"accept-form\"", "id=\"return-call-form\"");
	}

	@Test
	void aCancelledWorkOrderOffersNothingAndRefusesAPhotoInChinese() throws Exception {
		fixtures.as(manager, () -> orders.cancel(order, "重复报修", version()));

		String html = page();
		assertThat(html).doesNotContain("id=\"dispatch-form\"", "id=\"start\"", "id=\"finish-form\"", "id=\"accept-form\"",
				"id=\"return-call-form\"", "id=\"pauseReason\"", "id=\"resume\"", "id=\"cancelReason\"",
				"id=\"photo-file\"", "id=\"appointmentFrom\"");

		String refused = mvc.perform(multipart("/work-orders/" + order + "/photos")
			.file(UploadSamples.file("file", "before.png", "image/png", UploadSamples.png()))
			.param("stage", "BEFORE")
			.with(checks.as(manager))
			.with(csrf())).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains(checks.chinese("workorder.closed"));
		assertThat(jdbc.queryForObject("select count(*) from work_order_photo where work_order_id = ?", Long.class, order))
			.isZero();
	}


	@Test
	void theApiListsTheActionsThePageOffersAndTakesOneByItsName() throws Exception {
		String body = mvc.perform(get("/api/v1/work-orders/" + order + "/actions").with(httpBasic(manager, Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("DISPATCHED"))
			.andExpect(jsonPath("$.version").value(version()))
			.andReturn().getResponse().getContentAsString();
		java.util.List<String> listed = com.jayway.jsonpath.JsonPath.read(body, "$.actions[*].action");
		java.util.Set<WorkOrderAction> allowed = fixtures.as(manager, () -> orders.allowedActions(order));
		assertThat(listed).containsExactlyInAnyOrderElementsOf(allowed.stream().map(Enum::name).toList());
		assertThat(listed).contains("PAUSE", "CANCEL").doesNotContain("RESUME", "ACCEPT");
		java.util.List<String> paths = com.jayway.jsonpath.JsonPath.read(body, "$.actions[?(@.action == 'PAUSE')].path");
		assertThat(paths).containsExactly("/api/v1/work-orders/" + order + "/actions/pause");

		mvc.perform(post(paths.get(0)).with(httpBasic(manager, Fixtures.PASSWORD)).header("If-Match", "\"" + version() + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"业主出差\",\"resumeOn\":\"" + BusinessClock.today().plusDays(2) + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("PAUSED"));
		assertThat(jdbc.queryForObject("""
				select count(*) from work_order_history where work_order_id = ? and kind = 'STATE' and new_value = 'PAUSED'
				  and version = (select version from work_order where id = ?)""", Long.class, order, order)).isEqualTo(1);
	}

	@Test
	void theApiRefusesAnUnknownActionAMissingReasonAndAStaleVersionInChinese() throws Exception {
		long before = version();
		mvc.perform(post("/api/v1/work-orders/" + order + "/actions/fly").with(httpBasic(manager, Fixtures.PASSWORD))
			.header("If-Match", "\"" + before + "\"").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail").value("没有这个维修工单动作"));
		mvc.perform(post("/api/v1/work-orders/" + order + "/actions/cancel").with(httpBasic(manager, Fixtures.PASSWORD))
			.header("If-Match", "\"" + before + "\"").contentType(MediaType.APPLICATION_JSON).content("{\"note\":\" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors.cancelReason").value("请填写取消原因"));
		mvc.perform(post("/api/v1/work-orders/" + order + "/actions/cancel").with(httpBasic(manager, Fixtures.PASSWORD))
			.header("If-Match", "\"" + (before - 1) + "\"").contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"重复\"}"))
			.andExpect(status().isConflict());
		assertThat(version()).as("nothing saved").isEqualTo(before);
	}

}
