package io.estatedesk.community.browser;

import java.util.List;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 关怀规则 and 保存到场与评分 after a mistake: the Chinese message stands under its field, every value typed or chosen is
 * still there, and once corrected it is saved as typed.
 */
@IntegrationTest
class CommunityFormsBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void aCareRuleWithTheDaysInWordsKeepsEverythingTyped() {
		String suffix = BrowserTestData.suffix();
		String projectName = "关怀花园" + suffix;
		fixtures.project(projectName);
		String manager = fixtures.staffWithRole("MANAGER");
		String name = "中秋问候" + suffix;
		String template = "尊敬的{姓名}业主：中秋快乐！";
		browser.login(manager, Fixtures.PASSWORD);
		browser.open("/care/rules/new");
		browser.type(By.id("name"), name);
		browser.select(By.id("kind"), "节日");
		browser.typeDate(By.id("festivalDate"), "2027-09-15");
		// the mistake: the days in words
		browser.type(By.id("daysAhead"), "七天");
		browser.select(By.id("projectId"), projectName);
		browser.click(browser.find(By.id("active")));
		browser.type(By.id("template"), template);
		browser.clickAndAwaitPage(By.id("save-rule"));

		assertThat(browser.find(By.id("daysAhead-error")).getText()).isEqualTo("请输入数字，如 3.20。");
		assertThat(browser.find(By.id("daysAhead")).getDomAttribute("aria-describedby")).isEqualTo("daysAhead-error");
		assertThat(browser.find(By.cssSelector("#care-rule-form [data-form-alert]")).getText()).contains("请修改下面标出的 1 处")
			.doesNotContain("请输入数字");
		assertThat(browser.find(By.id("name")).getDomProperty("value")).isEqualTo(name);
		assertThat(browser.selectedText(By.id("kind"))).isEqualTo("节日");
		assertThat(browser.find(By.id("festivalDate")).getDomProperty("value")).isEqualTo("2027-09-15");
		assertThat(browser.find(By.id("daysAhead")).getDomProperty("value")).isEqualTo("七天");
		assertThat(browser.selectedText(By.id("projectId"))).isEqualTo(projectName);
		assertThat(browser.find(By.id("active")).isSelected()).as("unticked as left").isFalse();
		assertThat(browser.find(By.id("template")).getDomProperty("value")).isEqualTo(template);
		browser.screenshot("care-rule-01-mistake");

		browser.type(By.id("daysAhead"), "5");
		browser.clickAndAwaitPage(By.id("save-rule"));
		assertThat(browser.errorMessages()).isEmpty();
		assertThat(jdbc.queryForMap("select kind, festival_date, days_ahead, active from care_rule where name = ?", name))
			.containsEntry("kind", "FESTIVAL").containsEntry("days_ahead", 5).containsEntry("active", false)
			.containsEntry("festival_date", java.sql.Date.valueOf("2027-09-15"));
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void attendanceWithAScoreForAnAbsentOwnerKeepsEveryRowAsLeft() {
		String suffix = BrowserTestData.suffix();
		long project = fixtures.project("到场花园" + suffix);
		long building = fixtures.building(project, "7号楼");
		String field = fixtures.staffWithRole("FIELD");
		long[] owners = new long[2];
		for (int i = 0; i < 2; i++) {
			long unit = fixtures.unit(project, building, "7-0" + (801 + i), "OCCUPIED");
			owners[i] = fixtures.owner((i == 0 ? "甲" : "乙") + suffix, BrowserTestData.mobile(), BrowserTestData.idNumber());
			fixtures.holds(owners[i], unit);
		}
		String starts = BusinessClock.localNow().plusDays(1).withSecond(0).withNano(0).toString();
		long activity = ((Number) JsonPath.read(api(post("/api/v1/activities"), field, """
				{"title":"亲子手工%s","projectId":%d,"startsAt":"%s","place":"会所","budget":"500","capacity":"10"}"""
			.formatted(suffix, project, starts)), "$.id")).longValue();
		browser.login(field, Fixtures.PASSWORD);
		browser.open("/activities/" + activity);
		browser.clickAndAwaitPage(By.id("to-OPEN"));
		List<Long> signUps = new java.util.ArrayList<>();
		for (long owner : owners) {
			signUps.add(((Number) JsonPath.read(api(post("/api/v1/activities/{id}/signups", activity), field,
					"{\"ownerId\":%d}".formatted(owner)), "$.id")).longValue());
		}
		browser.open("/activities/" + activity);
		// the mistake: a score for the owner who did not come
		browser.select(By.id("marks[0].attended"), "未到");
		browser.select(By.id("marks[0].score"), "4分 满意");
		browser.type(By.id("marks[0].feedback"), "临时加班");
		browser.select(By.id("marks[1].attended"), "到场");
		browser.select(By.id("marks[1].score"), "5分 很满意");
		browser.type(By.id("marks[1].feedback"), "孩子很喜欢");
		browser.clickAndAwaitPage(By.id("save-attendance"));

		assertThat(browser.find(By.id("marks[0].score-error")).getText()).isEqualTo("未到场的业主不能评分");
		assertThat(browser.find(By.id("marks[0].score")).getDomAttribute("aria-describedby")).isEqualTo("marks[0].score-error");
		assertThat(browser.findAll(By.cssSelector("#attendance-form [data-field-error]"))).hasSize(1);
		assertThat(browser.selectedText(By.id("marks[0].attended"))).isEqualTo("未到");
		assertThat(browser.selectedText(By.id("marks[0].score"))).isEqualTo("4分 满意");
		assertThat(browser.find(By.id("marks[0].feedback")).getDomProperty("value")).isEqualTo("临时加班");
		assertThat(browser.selectedText(By.id("marks[1].attended"))).isEqualTo("到场");
		assertThat(browser.selectedText(By.id("marks[1].score"))).isEqualTo("5分 很满意");
		assertThat(browser.find(By.id("marks[1].feedback")).getDomProperty("value")).isEqualTo("孩子很喜欢");
		browser.screenshot("attendance-01-mistake");

		browser.select(By.id("marks[0].score"), "—");
		browser.clickAndAwaitPage(By.id("save-attendance"));
		assertThat(browser.errorMessages()).isEmpty();
		assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("到场与评分已保存。");
		assertThat(jdbc.queryForMap("select attended, score, feedback from activity_signup where id = ?", signUps.get(0)))
			.containsEntry("attended", false).containsEntry("score", null).containsEntry("feedback", "临时加班");
		assertThat(jdbc.queryForMap("select attended, score, feedback from activity_signup where id = ?", signUps.get(1)))
			.containsEntry("attended", true).containsEntry("score", 5).containsEntry("feedback", "孩子很喜欢");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	private String api(MockHttpServletRequestBuilder request, String user, String json) {
		try {
			return mvc.perform(request.with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}


}
