package io.estatedesk.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Failed sign-ins slow down the address they come from and lock an account only for that address, so nobody can
 * lock another person out; every refusal says the same thing.
 */
@IntegrationTest
class SignInThrottlingIntegrationTests {

	/** Each test signs in from its own addresses, so the tests sharing the database do not throttle each other. */
	private static final AtomicInteger NEXT = new AtomicInteger(1);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SignInUnlock unlock;

	@AfterEach
	void clock() {
		BusinessClock.resetForTesting();
	}

	private static String newAddress() {
		int n = NEXT.getAndIncrement();
		return "198.51." + (100 + n / 250) + "." + (n % 250 + 1);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** The login form posted from the given address, as a browser sends it. */
	private static MockHttpServletRequestBuilder login(String username, String password, String address) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
	}

	private List<String> events(String username) {
		return jdbc.queryForList("select kind from login_event where username = ? order by id", String.class, username);
	}

	@Test
	void anonymousBasicFailuresForAdminFromOneAddressDoNotStopAdminSigningInFromAnother() throws Exception {
		String attacker = newAddress();
		for (int i = 0; i < 8; i++) {
			mvc.perform(get("/api/v1/me").with(httpBasic("admin", "x")).with(from(attacker)))
				.andExpect(status().isUnauthorized());
		}
		String office = newAddress();
		mvc.perform(login("admin", IntegrationTest.ADMIN_PASSWORD, office))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/api/v1/me").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)).with(from(office)))
			.andExpect(status().isOk());
		// from the failing address even the right password is refused until the lock lapses
		mvc.perform(get("/api/v1/me").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)).with(from(attacker)))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void apiAndFormFailuresCountTogetherAndLockTheAccountOnlyForThatAddress() throws Exception {
		String account = fixtures.staffWithRole("OFFICE");
		String a = newAddress();
		for (int i = 0; i < 3; i++) {
			mvc.perform(get("/api/v1/me").with(httpBasic(account, "wrong-" + i)).with(from(a))).andExpect(status().isUnauthorized());
		}
		for (int i = 0; i < 2; i++) {
			mvc.perform(login(account, "wrong-" + i, a)).andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(login(account, Fixtures.PASSWORD, a)).andExpect(redirectedUrl("/login?error"));
		mvc.perform(login(account, Fixtures.PASSWORD, newAddress())).andExpect(redirectedUrl("/"));
		assertThat(events(account)).containsExactly("FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "LOCKOUT", "LOCKED",
				"SUCCESS");
	}

	@Test
	void theLockForOneAddressLapsesAfterTheLockoutTime() throws Exception {
		Instant start = Instant.parse("2026-12-02T02:00:00Z");
		BusinessClock.setForTesting(start, false);
		String account = fixtures.staffWithRole("FIELD");
		String a = newAddress();
		for (int i = 0; i < 5; i++) {
			mvc.perform(login(account, "wrong", a)).andExpect(redirectedUrl("/login?error"));
		}
		BusinessClock.setForTesting(start.plus(Duration.ofMinutes(14)), false);
		mvc.perform(login(account, Fixtures.PASSWORD, a)).andExpect(redirectedUrl("/login?error"));
		BusinessClock.setForTesting(start.plus(Duration.ofMinutes(15)).plusSeconds(1), false);
		mvc.perform(login(account, Fixtures.PASSWORD, a)).andExpect(redirectedUrl("/"));
	}

	@Test
	void anAddressThatKeepsFailingWaitsLongerAndLongerBeforeItsNextAttemptIsChecked() throws Exception {
		Instant start = Instant.parse("2026-12-02T03:00:00Z");
		BusinessClock.setForTesting(start, false);
		String account = fixtures.staffWithRole("OFFICE");
		String a = newAddress();
		// ten failures on ten different (unknown) names: no account is locked, but the address is now slowed down
		for (int i = 0; i < 10; i++) {
			mvc.perform(login(Fixtures.unique("nobody-"), "x", a))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(login(account, Fixtures.PASSWORD, a)).andExpect(redirectedUrl("/login?error"));
		assertThat(events(account)).containsExactly("THROTTLED");
		BusinessClock.setForTesting(start.plusSeconds(1), false);
		mvc.perform(login(Fixtures.unique("nobody-"), "x", a)).andExpect(redirectedUrl("/login?error"));
		// the eleventh failure doubles the wait: 2 s
		BusinessClock.setForTesting(start.plusSeconds(2), false);
		mvc.perform(login(account, Fixtures.PASSWORD, a)).andExpect(redirectedUrl("/login?error"));
		BusinessClock.setForTesting(start.plusSeconds(3), false);
		mvc.perform(login(account, Fixtures.PASSWORD, a)).andExpect(redirectedUrl("/"));
		// another address is not slowed down at all
		mvc.perform(login(account, Fixtures.PASSWORD, newAddress())).andExpect(redirectedUrl("/"));
	}

	@Test
	void unknownNameWrongPasswordLockedAndDisabledAccountsGetTheSameAnswer() throws Exception {
		String locked = fixtures.staffWithRole("OFFICE");
		String disabled = fixtures.staffWithRole("OFFICE");
		jdbc.update("update staff_account set enabled = false where username = ?", disabled);
		String a = newAddress();
		for (int i = 0; i < 5; i++) {
			mvc.perform(login(locked, "wrong", a));
		}
		String b = newAddress();
		String unknownPage = mvc.perform(login(Fixtures.unique("nobody-"), "x", b))
			.andReturn().getResponse().getRedirectedUrl();
		String wrongPage = mvc.perform(login(fixtures.staffWithRole("OFFICE"), "x", b))
			.andReturn().getResponse().getRedirectedUrl();
		String lockedPage = mvc.perform(login(locked, Fixtures.PASSWORD, a))
			.andReturn().getResponse().getRedirectedUrl();
		String disabledPage = mvc.perform(login(disabled, Fixtures.PASSWORD, b))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(List.of(unknownPage, wrongPage, lockedPage, disabledPage)).containsOnly("/login?error");
		String page = mvc.perform(get("/login?error")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("用户名或密码错误").doesNotContain("锁定").doesNotContain("停用");

		String unknownApi = mvc.perform(get("/api/v1/me").with(httpBasic(Fixtures.unique("nobody-"), "x")).with(from(b)))
			.andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
		String lockedApi = mvc.perform(get("/api/v1/me").with(httpBasic(locked, Fixtures.PASSWORD)).with(from(a)))
			.andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
		String disabledApi = mvc.perform(get("/api/v1/me").with(httpBasic(disabled, Fixtures.PASSWORD)).with(from(b)))
			.andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
		assertThat(unknownApi).isEqualTo(lockedApi).isEqualTo(disabledApi).contains("员工账号");
	}

	@Test
	void theUnlockArgumentAtStartLiftsEveryLockOfTheAccount() throws Exception {
		String account = fixtures.staffWithRole("MANAGER");
		String a = newAddress();
		for (int i = 0; i < 5; i++) {
			mvc.perform(login(account, "wrong", a));
		}
		mvc.perform(login(account, Fixtures.PASSWORD, a)).andExpect(redirectedUrl("/login?error"));

		unlock.run(new DefaultApplicationArguments("--estatedesk.unlock=" + account.toUpperCase()));

		mvc.perform(login(account, Fixtures.PASSWORD, a)).andExpect(redirectedUrl("/"));
		assertThat(events(account)).contains("UNLOCK");
	}

	@Test
	void anAdministratorsPasswordResetLiftsTheLocks() throws Exception {
		String account = fixtures.staffWithRole("OFFICE");
		String a = newAddress();
		for (int i = 0; i < 5; i++) {
			mvc.perform(login(account, "wrong", a));
		}
		String staffList = mvc.perform(get("/admin/staff").with(user("admin"))).andReturn().getResponse().getContentAsString();
		String row = staffList.substring(staffList.indexOf(account), staffList.indexOf("</tr>", staffList.indexOf(account)));
		assertThat(row).contains("已锁定");
		long id = jdbc.queryForObject("select id from staff_account where username = ?", Long.class, account);
		mvc.perform(post("/admin/staff/" + id + "/password").with(user("admin")).with(csrf()));
		assertThat(jdbc.queryForObject("select count(*) from sign_in_failure where username = ?", Long.class, account))
			.isZero();
	}

}
