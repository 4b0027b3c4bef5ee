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
	void listsTheActionsTheTransitionTableAllowsTheCallerNowAndEachListedCallWorks() throws Exception {
		long id = id(create("电梯噪音"));
		String at = "/api/v1/complaints/" + id;
		mvc.perform(get(at + "/actions").with(httpBasic(office, Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("RECEIVED"))
			.andExpect(jsonPath("$.actions[*].action", org.hamcrest.Matchers.hasItems("EDIT_INTAKE", "ANALYSE", "FOLLOW_UP", "SUBMIT", "APPOINT", "PAUSE")))
			.andExpect(jsonPath("$.actions[*].action", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems("REPLY"))))
			.andExpect(jsonPath("$.actions[*].action", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems("SUBMIT_FOR_INSTRUCTION"))))
			.andExpect(jsonPath("$.actions[*].action", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems("TRANSFER"))))
			.andExpect(jsonPath("$.actions[*].action", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems("RAISE_WORK_ORDER"))));
		// someone else's complaint: the table allows the step, but 谁受理，谁跟进 leaves it to its owner
		mvc.perform(get(at + "/actions").with(httpBasic(fixtures.staffWithRole("LEADER"), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.actions[*].action", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems("SUBMIT"))))
			.andExpect(jsonPath("$.actions[*].action", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems("FOLLOW_UP"))));
		mvc.perform(put(at).with(httpBasic(office, Fixtures.PASSWORD)).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
			.content("{\"analysis\":{\"causeAnalysis\":\"曳引机老化\",\"correctiveAction\":\"更换\",\"handlingOpinion\":\"维修后回复\"}}"))
			.andExpect(status().isOk());
		MvcResult listed = mvc.perform(get(at + "/actions").with(httpBasic(office, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.state").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.actions[?(@.action == 'SUBMIT')].path").value(at + "/actions/submit"))
			.andReturn();
		String etag = listed.getResponse().getHeader("ETag");
		mvc.perform(post(at + "/actions/submit").with(httpBasic(office, Fixtures.PASSWORD)).header("If-Match", etag))
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("PENDING_REPLY"));
		listed = mvc.perform(get(at + "/actions").with(httpBasic(office, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.actions[?(@.action == 'REPLY')].path").value(at + "/actions/reply"))
			.andExpect(jsonPath("$.actions[*].action", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems("SUBMIT"))))
			.andExpect(jsonPath("$.actions[*].action", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems("EDIT_INTAKE"))))
			.andReturn();
		mvc.perform(post(at + "/actions/reply").with(httpBasic(office, Fixtures.PASSWORD))
			.header("If-Match", listed.getResponse().getHeader("ETag")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"已更换曳引机\",\"way\":\"电话\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("REPLIED"));
		mvc.perform(get(at + "/actions").with(httpBasic(office, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.actions[?(@.action == 'RETURN_CALL')].yes").value(true))
			.andExpect(jsonPath("$.actions[?(@.action == 'REOPEN')].yes").value(false))
			.andExpect(jsonPath("$.actions[*].action", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems("REPLY"))));
		// what the table refuses is refused by the action itself, with the same Chinese message as before
		mvc.perform(post(at + "/actions/reply").with(httpBasic(office, Fixtures.PASSWORD))
			.header("If-Match", "\"" + jdbc.queryForObject("select version from complaint where id = ?", Long.class, id) + "\"")
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"再回复一次\"}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value("该投诉不在待回复状态"));
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
