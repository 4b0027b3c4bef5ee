package io.estatedesk.community.browser;

import com.jayway.jsonpath.JsonPath;
import io.estatedesk.shared.BusinessClock;
import io.estatedesk.support.BrowserSession;
import io.estatedesk.support.BrowserTestData;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 为业主报名 on an activity's page: a mistake is shown under its field in Chinese and the owner searched for, the one
 * picked and everything typed are still there; corrected, the owner is signed up.
 */
@IntegrationTest
class ActivitySignUpBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Test
	void aMistakeKeepsTheOwnerSearchedForAndEverythingTyped() throws Exception {
		String suffix = BrowserTestData.suffix();
		long project = fixtures.project("报名花园" + suffix);
		long building = fixtures.building(project, "5号楼");
		long owner = fixtures.owner("韩" + suffix, BrowserTestData.mobile(), BrowserTestData.idNumber());
		long unit = fixtures.unit(project, building, "5-0808", "OCCUPIED");
		fixtures.holds(owner, unit);
		// a co-owner found by the same search, so the pick that was made is what must stay chosen
		long coOwner = fixtures.owner("邻" + suffix, BrowserTestData.mobile(), BrowserTestData.idNumber());
		fixtures.holds(coOwner, unit);
		String field = fixtures.staffWithRole("FIELD");
		String starts = BusinessClock.localNow().plusDays(7).withSecond(0).withNano(0).toString();
		String body = mvc.perform(post("/api/v1/activities").with(httpBasic(field, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"title":"亲子植树%s","projectId":%d,"startsAt":"%s","place":"中心花园","budget":"800","capacity":"20","description":"植树"}"""
				.formatted(suffix, project, starts)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long activity = ((Number) JsonPath.read(body, "$.id")).longValue();

		browser.login(field, Fixtures.PASSWORD);
		browser.open("/activities/" + activity);
		browser.clickAndAwaitPage(By.id("to-OPEN"));

		browser.type(By.id("owner-q"), "5-0808");
		WebElement pick = browser.waitUntil(d -> d.findElements(By.cssSelector("#owner-choices label")).stream()
			.filter(l -> l.getText().startsWith("韩" + suffix)).findFirst().orElse(null), "the owner among the search results");
		browser.click(pick);
		String picked = browser.find(By.cssSelector("#owner-choices input:checked")).getDomProperty("value");
		// the mistake: the party's size in words
		browser.type(By.id("people"), "两个");
		browser.type(By.id("notes"), "带两个孩子，需要手套");
		browser.clickAndAwaitPage(By.id("sign-up"));

		assertThat(browser.find(By.id("people-error")).getText()).isEqualTo("须为整数。");
		assertThat(browser.find(By.id("people")).getAttribute("aria-describedby")).isEqualTo("people-error");
		assertThat(browser.find(By.cssSelector("#signup-form [data-form-alert]")).getText()).contains("请修改下面标出的 1 处");
		assertThat(browser.find(By.id("owner-q")).getDomProperty("value")).isEqualTo("5-0808");
		assertThat(browser.findAll(By.cssSelector("#owner-choices input[type=radio]"))).hasSize(2);
		assertThat(browser.find(By.cssSelector("#owner-choices input:checked")).getDomProperty("value")).isEqualTo(picked);
		assertThat(browser.find(By.id("people")).getDomProperty("value")).isEqualTo("两个");
		assertThat(browser.find(By.id("notes")).getDomProperty("value")).isEqualTo("带两个孩子，需要手套");
		browser.screenshot("activity-signup-01-mistake");

		browser.type(By.id("people"), "3");
		browser.clickAndAwaitPage(By.id("sign-up"));
		assertThat(browser.errorMessages()).isEmpty();
		assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("报名成功。");
		String confirmed = browser.find(By.id("confirmed")).getText();
		assertThat(confirmed).contains("韩" + suffix).contains("带两个孩子，需要手套").doesNotContain("邻" + suffix);
		assertThat(browser.find(By.id("sum-confirmed")).getText()).contains("3");
		browser.screenshot("activity-signup-02-saved");
		assertThat(browser.consoleErrors()).isEmpty();
	}

}
