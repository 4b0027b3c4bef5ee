package io.estatedesk.lifecycle;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The duty item's forms: what cannot be read says so under its field, and what was typed stays. */
@IntegrationTest
class DutyRecordFormIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aFeeEstimateInWordsAsksForANumberANegativeOneIsRefusedAsNegativeAndADecimalIsSaved() throws Exception {
		String field = fixtures.staffWithRole("FIELD");
		long item = item(field, "FEE_FILING");

		mvc.perform(record(field, item, "三块二"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入数字")))
			.andExpect(content().string(not(containsString("金额不能为负数"))))
			.andExpect(content().string(containsString("id=\"amount-error\"")))
			.andExpect(content().string(containsString("value=\"三块二\"")))
			.andExpect(content().string(containsString("value=\"朝阳区小区办\"")))
			.andExpect(content().string(containsString("value=\"京朝建物备〔2026〕18号\"")));
		mvc.perform(record(field, item, "-3.2"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("金额不能为负数")))
			.andExpect(content().string(not(containsString("请输入数字"))))
			.andExpect(content().string(containsString("value=\"-3.2\"")));
		assertThat(jdbc.queryForObject("select count(*) from duty_record where duty_item_id = ?", Integer.class, item)).isZero();

		mvc.perform(record(field, item, "3.20")).andExpect(redirectedUrl("/lifecycle/duties/" + item));
		assertThat(jdbc.queryForObject("select amount from duty_record where duty_item_id = ?", java.math.BigDecimal.class, item))
			.isEqualByComparingTo("3.20");
	}

	@Test
	void aTooLongNoteOfTheDutySaysItsLimitAndKeepsTheChosenOwnerAndDate() throws Exception {
		String field = fixtures.staffWithRole("FIELD");
		long item = item(field, "SITE_MEETINGS");
		long owner = fixtures.staffId(field);
		long version = jdbc.queryForObject("select version from duty_item where id = ?", Long.class, item);
		String due = BusinessClock.today().plusDays(20).toString();
		mvc.perform(post("/lifecycle/duties/" + item).with(LifecycleIntegrationTests.page(field)).with(csrf())
			.param("status", "IN_PROGRESS").param("ownerId", String.valueOf(owner)).param("dueDate", due)
			.param("notes", "例".repeat(5001)).param("version", String.valueOf(version)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("内容过长：最多 5000 个字。")))
			.andExpect(content().string(containsString("id=\"notes-error\"")))
			.andExpect(content().string(containsString("value=\"" + due + "\"")))
			.andExpect(content().string(containsString("value=\"" + owner + "\" selected=\"selected\"")));
		assertThat(jdbc.queryForObject("select notes from duty_item where id = ?", String.class, item)).isEmpty();
	}

	private long item(String user, String code) throws Exception {
		long project = fixtures.project(Fixtures.unique("测算物业费"));
		mvc.perform(get("/lifecycle/projects/" + project).with(LifecycleIntegrationTests.page(user))).andExpect(status().isOk());
		return jdbc.queryForObject("select id from duty_item where project_id = ? and code = ?", Long.class, project, code);
	}

	private static MockHttpServletRequestBuilder record(String user, long item, String amount) {
		return post("/lifecycle/duties/" + item + "/records").with(LifecycleIntegrationTests.page(user)).with(csrf())
			.param("recordDate", BusinessClock.today().toString())
			.param("counterparty", "朝阳区小区办")
			.param("amount", amount)
			.param("title", "二级服务标准")
			.param("reference", "京朝建物备〔2026〕18号");
	}

}
