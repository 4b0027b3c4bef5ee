package io.estatedesk.survey.browser;

import java.util.List;

import io.estatedesk.support.BrowserSession;
import io.estatedesk.support.BrowserTestData;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An owner answers a survey through the personal link, on a phone-sized screen and without logging in; the answers
 * appear in the campaign's results; the link then only thanks them.
 */
@IntegrationTest
class SurveyBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	String manager;

	long campaign;

	String token;

	@BeforeEach
	void setUp() throws Exception {
		String suffix = BrowserTestData.suffix();
		long project = fixtures.project("调查花园" + suffix);
		long unit = fixtures.unit(project, fixtures.building(project, "3号楼"), "3-0505", "OCCUPIED");
		long owner = fixtures.owner("秦" + suffix, BrowserTestData.mobile(), BrowserTestData.idNumber());
		fixtures.holds(owner, unit);
		manager = fixtures.staffWithRole("MANAGER");
		long template = jdbc.queryForObject("select id from survey_template where name = '入住满意度调查'", Long.class);
		mvc.perform(post("/surveys/campaigns").with(user(manager).authorities(() -> "SURVEY_VIEW", () -> "SURVEY_MANAGE")).with(csrf())
			.param("templateId", String.valueOf(template)).param("name", "入住30天回访" + suffix)
			.param("audience", "PROJECT_ALL").param("projectId", String.valueOf(project)))
			.andExpect(status().is3xxRedirection());
		campaign = jdbc.queryForObject("select id from survey_campaign where name = ?", Long.class, "入住30天回访" + suffix);
		token = jdbc.queryForObject("select token from survey_target where campaign_id = ?", String.class, campaign);
	}

	@Test
	void theOwnersLinkWorksOnceOnAPhoneAndTheAnswersReachTheResults() {
		browser.phone(390, 844);
		browser.open("/s/" + token);
		assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth")).intValue())
			.as("a phone-sized screen").isLessThanOrEqualTo(400);
		assertThat(browser.find(By.tagName("h1")).getText()).startsWith("入住30天回访");
		assertThat(browser.find(By.tagName("main")).getText()).contains("3号楼 3-0505");
		// 1–3: satisfaction; 4: single choice; 5: recommendation; 6: text
		List<WebElement> questions = browser.findAll(By.cssSelector("fieldset.question"));
		assertThat(questions).hasSize(6);
		browser.click(questions.get(0).findElement(By.xpath(".//label[.='很满意']")));
		browser.click(questions.get(1).findElement(By.xpath(".//label[.='满意']")));
		// submitting with questions left out keeps what was given and marks the rest
		click(By.id("submit-survey"));
		assertThat(browser.find(By.cssSelector(".alert-danger")).getText()).isEqualTo("请修改下面标出的 3 处，已填写的内容都还在。");
		questions = browser.findAll(By.cssSelector("fieldset.question"));
		assertThat(questions.get(2).findElement(By.cssSelector("[data-field-error]")).getText()).isEqualTo("请回答这道题");
		assertThat(questions.get(0).findElements(By.cssSelector("[data-field-error]"))).isEmpty();
		assertThat(questions.get(0).findElement(By.cssSelector("input:checked")).getDomProperty("value")).isEqualTo("5");
		assertThat(questions.get(1).findElement(By.cssSelector("input:checked")).getDomProperty("value")).isEqualTo("4");
		browser.click(questions.get(2).findElement(By.xpath(".//label[.='一般']")));
		browser.click(questions.get(3).findElement(By.xpath(".//label[.='物业服务']")));
		browser.click(questions.get(4).findElement(By.xpath(".//label[.='9']")));
		questions.get(5).findElement(By.tagName("textarea")).sendKeys("希望小区多组织亲子活动");
		browser.screenshot("survey-01-phone-form");
		WebElement submit = browser.find(By.id("submit-survey"));
		browser.clickAndAwaitPage(submit, "the page after submitting");
		assertThat(browser.find(By.id("survey-done")).getText()).isEqualTo("感谢您的参与！");
		browser.screenshot("survey-02-thanks");

		browser.open("/s/" + token);
		assertThat(browser.find(By.id("survey-done")).getText()).isEqualTo("您已经提交过这份问卷，感谢您的参与！");
		assertThat(browser.findAll(By.id("survey-form"))).as("no form the second time").isEmpty();
		browser.screenshot("survey-03-second-use");
		browser.open("/s/" + token.substring(0, 20) + "x");
		assertThat(browser.find(By.id("survey-done")).getText()).isEqualTo("链接无效。");

		browser.login(manager, Fixtures.PASSWORD);
		browser.open("/surveys/campaigns/" + campaign);
		assertThat(browser.find(By.id("answered")).getText()).isEqualTo("1");
		// (100 + 75 + 50) / 3 on the 0–100 scale
		assertThat(browser.find(By.id("satisfaction")).getText()).isEqualTo("75.0");
		assertThat(browser.find(By.tagName("main")).getText()).contains("希望小区多组织亲子活动");
		browser.screenshot("survey-04-results");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	private static void click(By button) {
		browser.clickAndAwaitPage(button);
	}

}
