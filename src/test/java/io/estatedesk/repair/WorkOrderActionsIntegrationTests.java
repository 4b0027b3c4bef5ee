package io.estatedesk.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;


import io.estatedesk.shared.BusinessClock;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import io.estatedesk.support.UploadChecks;
import io.estatedesk.support.UploadSamples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
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
		assertThat(html).contains("id=\"resume\"", "id=\"cancel-reason\"", "id=\"appointment-from\"");
		assertThat(html).doesNotContain("id=\"pause-reason\"", "id=\"finish-form\"", "id=\"start\"", "id=\"dispatch-form\"",
				"id=\"accept-form\"");
	}

	@Test
	void aDispatchedWorkOrderOffersRedispatchAndPauseButNoResume() throws Exception {
		String html = page();
		assertThat(html).contains("id=\"dispatch-form\"", "id=\"pause-reason\"", "id=\"cancel-reason\"");
		assertThat(html).doesNotContain("id=\"resume\"", "id=\"accept-form\"", "id=\"return-call-form\"");
	}

	@Test
	void aCancelledWorkOrderOffersNothingAndRefusesAPhotoInChinese() throws Exception {
		fixtures.as(manager, () -> orders.cancel(order, "重复报修", version()));

		String html = page();
		assertThat(html).doesNotContain("id=\"dispatch-form\"", "id=\"start\"", "id=\"finish-form\"", "id=\"accept-form\"",
				"id=\"return-call-form\"", "id=\"pause-reason\"", "id=\"resume\"", "id=\"cancel-reason\"",
				"id=\"photo-file\"", "id=\"appointment-from\"");

		String refused = mvc.perform(multipart("/work-orders/" + order + "/photos")
			.file(UploadSamples.file("file", "before.png", "image/png", UploadSamples.png()))
			.param("stage", "BEFORE")
			.with(checks.as(manager))
			.with(csrf())).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains(checks.chinese("workorder.closed"));
		assertThat(jdbc.queryForObject("select count(*) from work_order_photo where work_order_id = ?", Long.class, order))
			.isZero();
	}

}
