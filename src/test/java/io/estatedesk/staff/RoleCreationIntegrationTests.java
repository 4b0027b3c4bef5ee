package io.estatedesk.staff;

import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 系统管理 → 角色权限 → 新建角色, as an administrator posts it, and what it refuses. */
@IntegrationTest
class RoleCreationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aTypedCodeIsKeptInCapitalsAndTheCreationIsInTheAuditTrail() throws Exception {
		String code = Fixtures.unique("proj_").replace('-', '_');
		String name = "项目专员" + Fixtures.unique("");
		mvc.perform(post("/admin/roles/new").with(user("admin")).with(csrf()).param("code", code).param("name", name)
			.param("description", "负责单个项目的客户服务")).andExpect(redirectedUrl("/admin/roles#role-" + code.toUpperCase()));
		assertThat(jdbc.queryForObject("select description from role where code = ?", String.class, code.toUpperCase()))
			.isEqualTo("负责单个项目的客户服务");
		assertThat(jdbc.queryForObject("select count(*) from audit_event where username = 'admin' and action = 'ROLE_CREATE' and target = ?",
				Long.class, "角色 " + name + "（" + code.toUpperCase() + "）")).isEqualTo(1);
		String audit = mvc.perform(get("/admin/audit").param("tab", "data").with(user("admin"))).andReturn().getResponse().getContentAsString();
		assertThat(audit).contains("新建角色");
		String form = mvc.perform(get("/admin/roles/new").with(user("admin"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(form).contains("角色名称").contains("留空则自动生成");
	}

	@Test
	void aCodeWithOtherCharactersIsRefusedNextToTheFieldWithWhatWasTypedKept() throws Exception {
		String page = mvc.perform(post("/admin/roles/new").with(user("admin")).with(csrf()).param("code", "项目-1")
			.param("name", "项目专员乙").param("description", "说明文字"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("角色代码只能包含字母、数字和下划线，并以字母开头。").contains("value=\"项目-1\"")
			.contains("value=\"项目专员乙\"").contains("说明文字").doesNotContain("Pattern").doesNotContain("must match");
		assertThat(jdbc.queryForObject("select count(*) from role where name = '项目专员乙'", Long.class)).isZero();
	}

	@Test
	void aTakenCodeWhateverItsCaseAndATakenNameAreRefused() throws Exception {
		String page = mvc.perform(post("/admin/roles/new").with(user("admin")).with(csrf()).param("code", "manager")
			.param("name", "另一个经理" + Fixtures.unique(""))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("该角色代码已被使用").contains("value=\"manager\"");
		page = mvc.perform(post("/admin/roles/new").with(user("admin")).with(csrf()).param("code", "")
			.param("name", "部门经理")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("已有同名角色");
		assertThat(jdbc.queryForObject("select count(*) from role where name = '部门经理'", Long.class)).isEqualTo(1);
	}

	@Test
	void aMissingOrNonChineseNameIsRefusedInChinese() throws Exception {
		String page = mvc.perform(post("/admin/roles/new").with(user("admin")).with(csrf()).param("code", "").param("name", " "))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("请填写角色名称。");
		page = mvc.perform(post("/admin/roles/new").with(user("admin")).with(csrf()).param("code", "").param("name", "Inspector"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("角色名称请用中文填写").contains("value=\"Inspector\"");
		assertThat(jdbc.queryForObject("select count(*) from role where name = 'Inspector'", Long.class)).isZero();
	}

	@Test
	void staffWithoutTheRolePermissionCannotCreateARole() throws Exception {
		String manager = fixtures.staffWithRole("MANAGER");
		mvc.perform(get("/admin/roles/new").with(user(manager))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/roles/new").with(user(manager)).with(csrf()).param("name", "越权角色"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select count(*) from role where name = '越权角色'", Long.class)).isZero();
	}

}
