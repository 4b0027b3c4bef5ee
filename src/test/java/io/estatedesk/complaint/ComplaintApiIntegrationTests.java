package io.estatedesk.complaint;

import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ComplaintApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	String office;

	long project;

	long category;

	@BeforeEach
	void setUp() {
		office = fixtures.staffWithRole("OFFICE");
		project = fixtures.project(Fixtures.unique("接口项目"));
		category = jdbc.queryForObject("select id from complaint_category where name = '环境噪音'", Long.class);
	}

	MvcResult create(String content) throws Exception {
		return mvc.perform(post("/api/v1/complaints").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"projectId":%d,"complainant":"王女士","complainedAt":"2026-11-20T10:15:00","channel":"PHONE",
					 "categoryId":%d,"severity":"GENERAL","content":"%s","contactPhone":"13900001234"}""".formatted(project, category, content)))
			.andExpect(status().isCreated()).andReturn();
	}

	long id(MvcResult r) throws Exception {
		return ((Number) com.jayway.jsonpath.JsonPath.read(r.getResponse().getContentAsString(), "$.id")).longValue();
	}

	@Test
	void createsAComplaintWithoutAUnitAndMasksTheContactPhone() throws Exception {
		MvcResult r = create("夜间装修噪音");
		assertThat(r.getResponse().getHeader("ETag")).isEqualTo("\"0\"");
		mvc.perform(get("/api/v1/complaints/" + id(r)).with(httpBasic(fixtures.staffWithRole("LEADER"), Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.contactPhone").value("139****1234"))
			.andExpect(jsonPath("$.unitLabel").doesNotExist())
			.andExpect(jsonPath("$.state").value("RECEIVED"));
	}

	@Test
	void refusesAForbiddenFieldEditAStaleVersionAndATransferByANonManagerInChinese() throws Exception {
		long id = id(create("楼上漏水"));
		mvc.perform(put("/api/v1/complaints/" + id).with(httpBasic(office, Fixtures.PASSWORD)).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).content("{\"leaderInstruction\":\"我自己批了\"}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value("领导批示只能由公司领导在“待领导批示”时填写"));
		mvc.perform(put("/api/v1/complaints/" + id).with(httpBasic(office, Fixtures.PASSWORD)).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).content("{\"analysis\":{\"causeAnalysis\":\"防水层破损\"}}"))
			.andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
		mvc.perform(put("/api/v1/complaints/" + id).with(httpBasic(office, Fixtures.PASSWORD)).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).content("{\"analysis\":{\"causeAnalysis\":\"覆盖别人\"}}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("已被他人修改")))
			.andExpect(jsonPath("$.changes[*].field", org.hamcrest.Matchers.hasItem("causeAnalysis")));
		String other = fixtures.staffWithRole("FIELD");
		mvc.perform(post("/api/v1/complaints/" + id + "/actions/transfer").with(httpBasic(office, Fixtures.PASSWORD))
			.header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
			.content("{\"handlerId\":%d,\"text\":\"太忙\"}".formatted(fixtures.staffId(other))))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(containsString("只有部门经理可以转交")));
		assertThat(jdbc.queryForObject("select cause_analysis from complaint where id = ?", String.class, id)).isEqualTo("防水层破损");
		assertThat(jdbc.queryForObject("select handler_id from complaint where id = ?", Long.class, id)).isEqualTo(fixtures.staffId(office));
	}

	@Test
	void searchesChineseTextPrintsTheFormAndListsOnTheOwnerPage() throws Exception {
		String marker = Fixtures.unique("搜").replaceAll("[^\\p{IsHan}0-9]", "");
		long id = id(create("地下室墙面渗漏水严重 " + marker));
		mvc.perform(get("/api/v1/complaints").param("q", "漏水 " + marker).with(httpBasic(office, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.items[0].id").value(id)).andExpect(jsonPath("$.hasNext").value(false));
		mvc.perform(get("/api/v1/complaints/" + id + "/form.pdf").with(httpBasic(office, Fixtures.PASSWORD)))
			.andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF));
		mvc.perform(get("/complaints/" + id + "/form.pdf").with(user(office))).andExpect(status().isOk());
	}

	@Test
	void thePageKeepsTheUsersTextAndSaysWhatChangedWhenSomeoneElseSavedFirst() throws Exception {
		long id = id(create("门禁失灵"));
		jdbc.update("update complaint set version = version + 1 where id = ?", id);
		jdbc.update("insert into complaint_history (complaint_id, version, actor, kind, field, old_value, new_value) values (?, 1, 'manager', 'FIELD', 'causeAnalysis', '', '门禁控制器损坏')", id);
		String page = mvc.perform(post("/complaints/" + id + "/analysis").with(user(office)).with(csrf())
			.param("version", "0").param("causeAnalysis", "我写的原因").param("correctiveAction", "我写的措施").param("handlingOpinion", ""))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("已被他人修改").contains("门禁控制器损坏").contains("我写的原因").contains("我写的措施");
	}

}
