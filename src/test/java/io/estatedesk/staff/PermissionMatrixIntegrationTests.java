package io.estatedesk.staff;

import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An administrator's change to the role × permission matrix takes effect at once, without a restart or a new login. */
@IntegrationTest
class PermissionMatrixIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StaffManagement staff;

	@AfterEach
	void restore() {
		staff.setPermission("OFFICE", "ARCHIVE_VIEW", true);
	}

	/** Posts the whole matrix as the administrator's page does, with one cell changed. */
	private MockHttpServletRequestBuilder matrixWithout(String roleCode, String permission) {
		MockHttpServletRequestBuilder request = post("/admin/roles").with(user("admin")).with(csrf());
		jdbc.query("select r.id, r.code, rp.permission_code from role r join role_permission rp on rp.role_id = r.id", rs -> {
			if (!(rs.getString("code").equals(roleCode) && rs.getString("permission_code").equals(permission))) {
				request.param("p_" + rs.getLong("id") + "_" + rs.getString("permission_code"), "on");
			}
		});
		return request;
	}

	@Test
	void withdrawingAPermissionTakesEffectOnPagesAndApiForSignedInUsers() throws Exception {
		String office = fixtures.staffWithRole("OFFICE");
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(office).password(Fixtures.PASSWORD))
			.andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession();
		mvc.perform(get("/owners").session(session)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/owners").with(httpBasic(office, Fixtures.PASSWORD))).andExpect(status().isOk());
		String home = mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("href=\"/owners\"");

		mvc.perform(matrixWithout("OFFICE", "ARCHIVE_VIEW")).andExpect(status().is3xxRedirection());

		mvc.perform(get("/owners").session(session)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/owners").with(httpBasic(office, Fixtures.PASSWORD))).andExpect(status().isForbidden());
		home = mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(home).doesNotContain("href=\"/owners\"");

		staff.setPermission("OFFICE", "ARCHIVE_VIEW", true);
		mvc.perform(get("/owners").session(session)).andExpect(status().isOk());
	}

	@Test
	void theMatrixCannotLeaveNobodyAbleToEditIt() throws Exception {
		mvc.perform(matrixWithout("ADMIN", "ROLE_ADMIN")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("""
				select count(*) from role_permission rp join role r on r.id = rp.role_id
				where r.code = 'ADMIN' and rp.permission_code = 'ROLE_ADMIN'""", Long.class)).isEqualTo(1);
	}

	@Test
	void onlyAdministratorsReachTheMatrix() throws Exception {
		String manager = fixtures.staffWithRole("MANAGER");
		mvc.perform(get("/admin/roles").with(user(manager))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/roles").with(user("admin"))).andExpect(status().isOk());
	}

	@Test
	void aDisabledAccountIsSignedOutAtItsNextRequest() throws Exception {
		String office = fixtures.staffWithRole("OFFICE");
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(office).password(Fixtures.PASSWORD))
			.andReturn().getRequest().getSession();
		long id = jdbc.queryForObject("select id from staff_account where username = ?", Long.class, office);
		mvc.perform(post("/admin/staff/" + id + "/enabled").param("enabled", "false").with(user("admin")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/owners").session(session)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/owners").with(httpBasic(office, Fixtures.PASSWORD))).andExpect(status().isUnauthorized());
	}

	@Test
	void byDefaultThePropertyCompanyDoesItsSupervisionAndHandoverWorkButSeesNeitherTheArchiveNorRetentionMoney() throws Exception {
		assertThat(jdbc.queryForList("""
				select rp.permission_code from role_permission rp join role r on r.id = rp.role_id
				where r.code = 'PROPERTY' order by 1""", String.class))
			.containsExactly("HANDOVER_VIEW", "HANDOVER_WORK", "LIFECYCLE_VIEW");
		String property = fixtures.staffWithRole("PROPERTY");
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(property).password(Fixtures.PASSWORD))
			.andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession();
		mvc.perform(get("/supervision").session(session)).andExpect(status().isOk());
		mvc.perform(get("/handover").session(session)).andExpect(status().isOk());
		mvc.perform(get("/owners").session(session)).andExpect(status().isForbidden());
		mvc.perform(get("/contractors").session(session)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/owners").with(httpBasic(property, Fixtures.PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/contractors").with(httpBasic(property, Fixtures.PASSWORD))).andExpect(status().isForbidden());
		String home = mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(home).doesNotContain("href=\"/owners\"").doesNotContain("href=\"/contractors\"");
	}

}
