package io.estatedesk.survey.browser;

import java.time.Duration;
import java.time.format.DateTimeFormatter;

import com.jayway.jsonpath.JsonPath;
import io.estatedesk.shared.BusinessClock;
import io.estatedesk.support.BrowserSession;
import io.estatedesk.support.BrowserTestData;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 回访 of a complaint: the page speaks of the complaint (房号, 投诉内容 — no 维修地点); a mistake in 回访情况 is shown
 * under it in Chinese with the text kept; 未联系上 keeps what was typed with that attempt; then the result is saved.
 */
@IntegrationTest
class ReturnCallBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	String office;

	void step(long complaint, String action, String body) throws Exception {
		long version = jdbc.queryForObject("select version from complaint where id = ?", Long.class, complaint);
		mvc.perform(post("/api/v1/complaints/" + complaint + "/actions/" + action).with(httpBasic(office, Fixtures.PASSWORD))
			.header("If-Match", "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk());
	}

	@Test
	void aMistakeKeepsTheTextAndNotReachedRecordsItWithTheAttempt() throws Exception {
		String suffix = BrowserTestData.suffix();
		office = fixtures.staffWithRole("OFFICE");
		long project = fixtures.project("回访花园" + suffix);
		long category = jdbc.queryForObject("select id from complaint_category where name = '物业服务'", Long.class);
		// an hour ago: never a time in the future, whatever the hour
		String at = BusinessClock.localNow().minusHours(1).withSecond(0).withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
		String created = mvc.perform(post("/api/v1/complaints").with(httpBasic(office, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"projectId":%d,"complainant":"宋女士","complainedAt":"%s","channel":"PHONE",
					 "categoryId":%d,"severity":"GENERAL","content":"楼道灯坏了一周%s","contactPhone":"13900007788"}"""
				.formatted(project, at, category, suffix)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long complaint = ((Number) JsonPath.read(created, "$.id")).longValue();
		long version = jdbc.queryForObject("select version from complaint where id = ?", Long.class, complaint);
		mvc.perform(put("/api/v1/complaints/" + complaint).with(httpBasic(office, Fixtures.PASSWORD))
			.header("If-Match", "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON)
			.content("{\"analysis\":{\"causeAnalysis\":\"灯具老化\",\"correctiveAction\":\"更换灯具\",\"handlingOpinion\":\"同意\"}}"))
			.andExpect(status().isOk());
		step(complaint, "submit", "{}");
		step(complaint, "reply", "{\"text\":\"已更换楼道灯\",\"way\":\"电话\"}");
		long task = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
				"select id from return_call where kind = 'COMPLAINT' and case_id = ? and state = 'OPEN'", Long.class, complaint)
			.stream().findFirst().orElse(null), java.util.Objects::nonNull);

		browser.login(office, Fixtures.PASSWORD);
		browser.open("/return-calls/" + task);
		String facts = browser.find(By.tagName("main")).getText();
		assertThat(facts).contains("房号").contains("投诉内容").contains("楼道灯坏了一周" + suffix).doesNotContain("维修地点");

		// the mistake: a text over the limit, sent with 未联系上
		String tooLong = "业主说灯还是不亮".repeat(125) + "。";
		browser.type(By.id("comment"), tooLong);
		browser.clickAndAwaitPage(By.id("rc-unreached"));
		assertThat(browser.find(By.id("comment-error")).getText()).isEqualTo("内容过长：最多 1000 个字。");
		assertThat(browser.find(By.id("comment")).getDomProperty("value")).isEqualTo(tooLong);
		assertThat(browser.find(By.id("attempts")).getText()).isEqualTo("暂无记录。");
		browser.screenshot("return-call-01-mistake");

		// corrected: not reached, and what was typed goes with the attempt
		browser.type(By.id("comment"), "关机，傍晚再打");
		browser.clickAndAwaitPage(By.id("rc-unreached"));
		assertThat(browser.errorMessages()).isEmpty();
		assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("已记录未联系上，明天再联系。");
		assertThat(browser.find(By.id("attempts")).getText()).contains("未联系上：关机，傍晚再打");

		// reached: the result saved and the task done
		browser.type(By.id("comment"), "灯已修好，业主满意");
		browser.clickAndAwaitPage(By.id("rc-satisfied"));
		assertThat(browser.errorMessages()).isEmpty();
		assertThat(browser.find(By.id("return-call-state")).getText()).isEqualTo("已回访");
		assertThat(browser.find(By.id("attempts")).getText()).contains("已联系上：灯已修好，业主满意");
		browser.screenshot("return-call-02-saved");
		assertThat(browser.consoleErrors()).isEmpty();
	}

}
