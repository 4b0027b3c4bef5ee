package io.estatedesk.staff;

import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class StaffAdminIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Fixtures fixtures;

	@Test
	void anAdministratorCreatesAnAccountWithRoleAndPositionWhoCanThenLogIn() throws Exception {
		String username = Fixtures.unique("neiqin");
		long office = jdbc.queryForObject("select id from role where code = 'OFFICE'", Long.class);
		long position = jdbc.queryForObject("select id from position where code = 'OFFICE'", Long.class);
		mvc.perform(post("/admin/staff/new").with(user("admin")).with(csrf()).param("username", username)
			.param("displayName", "陈内勤").param("password", "Start-2026x").param("roleIds", String.valueOf(office))
			.param("positionId", String.valueOf(position))).andExpect(redirectedUrl("/admin/staff"));
		mvc.perform(formLogin().user(username).password("Start-2026x")).andExpect(redirectedUrl("/"));
		String positions = mvc.perform(get("/positions").with(user(username))).andReturn().getResponse().getContentAsString();
		assertThat(positions).contains("统筹管理投诉电话、安排日常工作");
	}

	@Test
	void weakPasswordsAndTakenUsernamesAreExplainedNextToTheirFields() throws Exception {
		String page = mvc.perform(post("/admin/staff/new").with(user("admin")).with(csrf()).param("username", "x" + System.nanoTime())
			.param("displayName", "某人").param("password", "123"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("密码至少8位").contains("value=\"某人\"");
		page = mvc.perform(post("/admin/staff/new").with(user("admin")).with(csrf()).param("username", "admin")
			.param("displayName", "重名").param("password", "Good-pass-1"))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("该用户名已被使用");
	}

	@Test
	void staffWithoutTheAdministrationPermissionCannotManageAccounts() throws Exception {
		String manager = fixtures.staffWithRole("MANAGER");
		mvc.perform(get("/admin/staff").with(user(manager))).andExpect(status().isForbidden());
		String page = mvc.perform(get("/").with(user(manager))).andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContain("/admin/staff").contains("/admin/audit");
	}

}
