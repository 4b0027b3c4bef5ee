package io.estatedesk.staff;

import java.util.List;

import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class LoginSecurityIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StaffManagement staff;

	private List<String> events(String username) {
		return jdbc.queryForList("select kind from login_event where username = ? order by id", String.class, username);
	}

	@Test
	void adminLogsInWithThePasswordFromTheEnvironment() throws Exception {
		mvc.perform(formLogin().user("admin").password(IntegrationTest.ADMIN_PASSWORD)).andExpect(redirectedUrl("/"));
	}

	@Test
	void locksTheAccountForTheFailingAddressAfterFiveFailedAttemptsAndRecordsEveryAttempt() throws Exception {
		String office = fixtures.staffWithRole("OFFICE");
		for (int i = 0; i < 5; i++) {
			mvc.perform(loginFrom("192.0.2.10", office, "wrong-" + i)).andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(loginFrom("192.0.2.10", office, Fixtures.PASSWORD)).andExpect(redirectedUrl("/login?error"));
		assertThat(events(office)).containsExactly("FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "LOCKOUT", "LOCKED");
		String page = mvc.perform(get("/login?error")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("用户名或密码错误").doesNotContain("锁定");

		// the administrator's password reset lifts the lock
		long id = jdbc.queryForObject("select id from staff_account where username = ?", Long.class, office);
		mvc.perform(post("/admin/staff/" + id + "/password").with(user("admin")).with(csrf()));
		assertThat(jdbc.queryForObject("select locked_until is null from staff_account where id = ?", Boolean.class, id)).isTrue();
		assertThat(jdbc.queryForObject("select count(*) from sign_in_failure where username = ?", Long.class, office)).isZero();
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder loginFrom(String address,
			String username, String password) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
	}

	@Test
	void httpBasicIsVerifiedOnceYetAChangedPasswordOrADisabledAccountIsRefusedAtOnce() throws Exception {
		String office = fixtures.staffWithRole("OFFICE");
		for (int i = 0; i < 3; i++) {
			mvc.perform(get("/api/v1/me").with(httpBasic(office, Fixtures.PASSWORD))).andExpect(status().isOk());
		}
		staff.setPassword(office, "Neue-Parole-2026");
		mvc.perform(get("/api/v1/me").with(httpBasic(office, Fixtures.PASSWORD))).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me").with(httpBasic(office, "Neue-Parole-2026"))).andExpect(status().isOk());
		// locked out for an address: the remembered password does not open it there
		for (int i = 0; i < 5; i++) {
			mvc.perform(get("/api/v1/me").with(httpBasic(office, "falsch-" + i)).with(from("192.0.2.20")))
				.andExpect(status().isUnauthorized());
		}
		mvc.perform(get("/api/v1/me").with(httpBasic(office, "Neue-Parole-2026")).with(from("192.0.2.20")))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me").with(httpBasic(office, "Neue-Parole-2026")).with(from("192.0.2.21")))
			.andExpect(status().isOk());
		long id = jdbc.queryForObject("select id from staff_account where username = ?", Long.class, office);
		staff.setEnabled(id, false);
		mvc.perform(get("/api/v1/me").with(httpBasic(office, "Neue-Parole-2026"))).andExpect(status().isUnauthorized());
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return r -> {
			r.setRemoteAddr(address);
			return r;
		};
	}

	@Test
	void recordsLoginAndLogout() throws Exception {
		String field = fixtures.staffWithRole("FIELD");
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(field).password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
		mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
		assertThat(events(field)).containsExactly("SUCCESS", "LOGOUT");
	}

	@Test
	void aDisabledAccountCannotLogIn() throws Exception {
		String field = fixtures.staffWithRole("FIELD");
		jdbc.update("update staff_account set enabled = false where username = ?", field);
		mvc.perform(formLogin().user(field).password(Fixtures.PASSWORD)).andExpect(redirectedUrl("/login?error"));
		assertThat(events(field)).containsExactly("DISABLED");
	}

	@Test
	void pagesNeedALoginAndTheLoginPageIsChinese() throws Exception {
		mvc.perform(get("/owners")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/login")).andExpect(content().string(org.hamcrest.Matchers.containsString("用户名")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<label for=\"password\"")));
	}

	@Test
	void apiWithoutCredentialsGetsAChineseProblemDetail() throws Exception {
		mvc.perform(get("/api/v1/owners")).andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("员工账号")));
	}

	@Test
	void changingOwnPasswordNeedsTheCurrentOneAndAStrongNewOne() throws Exception {
		String office = fixtures.staffWithRole("OFFICE");
		String weak = mvc.perform(post("/account/password").with(user(office)).with(csrf())
			.param("currentPassword", Fixtures.PASSWORD).param("newPassword", "short").param("confirmPassword", "short"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(weak).contains("密码至少8位");
		String wrong = mvc.perform(post("/account/password").with(user(office)).with(csrf())
			.param("currentPassword", "nope").param("newPassword", "NewPass123").param("confirmPassword", "NewPass123"))
			.andReturn().getResponse().getContentAsString();
		assertThat(wrong).contains("当前密码不正确");
		mvc.perform(post("/account/password").with(user(office)).with(csrf()).param("currentPassword", Fixtures.PASSWORD)
			.param("newPassword", "NewPass123").param("confirmPassword", "NewPass123")).andExpect(redirectedUrl("/account"));
		mvc.perform(formLogin().user(office).password("NewPass123")).andExpect(redirectedUrl("/"));
	}

	@Test
	void bearerTokensAuthenticateTheApiUntilRevoked() throws Exception {
		String office = fixtures.staffWithRole("OFFICE");
		String body = mvc.perform(post("/api/v1/me/tokens").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(office, Fixtures.PASSWORD))
			.contentType("application/json").content("{\"name\":\"对接\",\"days\":30}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		mvc.perform(get("/api/v1/owners").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/owners").header("Authorization", "Bearer edk_nonsense")).andExpect(status().isUnauthorized());
		long tokenId = jdbc.queryForObject("select t.id from api_token t join staff_account s on s.id = t.staff_id where s.username = ?",
				Long.class, office);
		mvc.perform(post("/account/tokens/" + tokenId + "/revoke").with(user(office)).with(csrf()));
		mvc.perform(get("/api/v1/owners").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
		// stateless: the API never creates a session
		mvc.perform(get("/api/v1/me").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(office, Fixtures.PASSWORD)))
			.andExpect(status().isOk()).andExpect(header().doesNotExist("Set-Cookie"));
	}

	@Test
	void aRevokedTokenIsRefusedAtTheNextRequestWhetherRevokedOnTheAccountPageOrThroughTheApi() throws Exception {
		String field = fixtures.staffWithRole("FIELD");
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(field).password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
		String token = (String) mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "对接").param("days", "30"))
			.andExpect(redirectedUrl("/account")).andReturn().getFlashMap().get("newToken");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		String page = mvc.perform(get("/account").session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		String revoke = page.replaceAll("(?s).*action=\"(/account/tokens/\\d+/revoke)\".*", "$1");
		mvc.perform(post(revoke).session(session).with(csrf())).andExpect(redirectedUrl("/account"));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());

		// a token revoked through the API with itself
		String body = mvc.perform(post("/api/v1/me/tokens").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(field, Fixtures.PASSWORD))
			.contentType("application/json").content("{\"name\":\"第二个\",\"days\":30}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String second = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		long id = jdbc.queryForObject("select id from api_token where token_hash = ?", Long.class, ApiTokens.hash(second));
		mvc.perform(get("/api/v1/me/tokens").header("Authorization", "Bearer " + second)).andExpect(status().isOk());
		mvc.perform(post("/api/v1/me/tokens/" + id + "/revoke").header("Authorization", "Bearer " + second))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + second)).andExpect(status().isUnauthorized());
	}

	@Test
	void everyRoleOpensItsOwnAccountPage() throws Exception {
		for (String role : List.of("MANAGER", "LEADER", "FIELD", "OFFICE", "ENGINEERING", "CONTRACTOR", "PROPERTY")) {
			String username = fixtures.staffWithRole(role);
			MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(username).password(Fixtures.PASSWORD))
				.andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
			mvc.perform(get("/account").session(session)).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString(username)));
		}
	}

}
