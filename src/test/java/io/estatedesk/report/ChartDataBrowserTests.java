package io.estatedesk.report;

import java.util.List;

import io.estatedesk.complaint.Channel;
import io.estatedesk.complaint.ComplaintManagement;
import io.estatedesk.complaint.Severity;
import io.estatedesk.shared.BusinessClock;
import io.estatedesk.support.BrowserSession;
import io.estatedesk.support.BrowserTestData;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every page that draws charts gets text users typed — a project's name, a complaint category, a call's topic, a
 * survey's choices — that tries to end the page's data block and start a script of its own. In Chromium the data
 * block stays one element holding exactly that text, no script element appears that the page did not put there, and
 * the charts are drawn.
 */
@IntegrationTest
class ChartDataBrowserTests {

	/** Ends the JSON block, starts a same-origin script (allowed by the CSP), and tries quotes and an entity. */
	static final String BREAKOUT = "</script><script src=/js/app.js></script>'\"&amp;";

	/** Short enough for a 40-character category: the HTML comment / script-in-script parser states. */
	static final String SHORT = "<!--<script></script>'\"\u2028";

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	@Autowired
	ComplaintManagement complaints;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	long project;

	String projectName;

	String category;

	String topic;

	long campaign;

	String manager;

	@BeforeEach
	void setUp() throws Exception {
		String suffix = BrowserTestData.suffix();
		projectName = "花园" + suffix + BREAKOUT;
		project = fixtures.project(projectName);
		long unit = fixtures.unit(project, fixtures.building(project, "1号楼"), "1-0101", "OCCUPIED");
		category = suffix + SHORT;
		long categoryId = jdbc.queryForObject("insert into complaint_category (name, sort_order) values (?, 99) returning id",
				Long.class, category);
		String office = fixtures.staffWithRole("OFFICE");
		manager = fixtures.staffWithRole("MANAGER");
		fixtures.as(office, () -> complaints.receive(new ComplaintManagement.Intake(project, "业主" + suffix,
				BusinessClock.localNowToMinute(), unit, null, "13900001111", Channel.PHONE, categoryId, Severity.GENERAL,
				"客厅顶棚渗水" + BREAKOUT, "")));

		topic = suffix + BREAKOUT;
		mvc.perform(post("/calls").with(user(manager).authorities(() -> "FRONTDESK_VIEW", () -> "FRONTDESK_EDIT")).with(csrf())
			.param("type", "CONSULT").param("topic", topic).param("callerName", "来电人" + suffix)
			.param("projectId", String.valueOf(project)).param("content", "咨询停车" + BREAKOUT))
			.andExpect(status().is3xxRedirection());

		long template = jdbc.queryForObject("insert into survey_template (name, description) values (?, '') returning id",
				Long.class, "模板" + suffix + BREAKOUT);
		jdbc.update("insert into survey_question (template_id, position, kind, text, options) values (?, 1, 'SINGLE', ?, ?::text[])",
				template, "您最关心什么" + BREAKOUT, "{\"" + BREAKOUT.replace("\"", "\\\"") + "\",\"物业服务\"}");
		mvc.perform(post("/surveys/campaigns").with(user(manager).authorities(() -> "SURVEY_VIEW", () -> "SURVEY_MANAGE")).with(csrf())
			.param("templateId", String.valueOf(template)).param("name", "回访" + suffix)
			.param("audience", "PROJECT_ALL").param("projectId", String.valueOf(project)))
			.andExpect(status().is3xxRedirection());
		campaign = jdbc.queryForObject("select id from survey_campaign where name = ?", Long.class, "回访" + suffix);
	}

	@Test
	void textTypedByUsersStaysDataOnEveryChartPage() {
		browser.login(manager, Fixtures.PASSWORD);
		String month = BusinessClock.today().toString();
		inert("/complaints/statistics?projectId=" + project, "chart-complaint-statistics", projectName, category);
		inert("/calls/statistics?from=" + month + "&to=" + month, "chart-call-statistics", topic);
		inert("/surveys/campaigns/" + campaign, "chart-survey-campaign", BREAKOUT);
		inert("/dashboard?projectId=" + project, "chart-manager-dashboard");

		browser.login(fixtures.staffWithRole("LEADER"), Fixtures.PASSWORD);
		inert("/dashboard/leader", "chart-leader-dashboard", projectName);
	}

	private void inert(String path, String screenshot, String... texts) {
		browser.open(path);
		browser.waitFor(By.cssSelector(".chart canvas"));
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		@SuppressWarnings("unchecked")
		List<String> scripts = (List<String>) js.executeScript(
				"return Array.from(document.scripts).map(s => s.id || (s.getAttribute('src') || 'inline')"
						+ ".replace(/^\\/webjars\\/([^/]+)\\/[0-9][^/]*\\//, '/webjars/$1/'));");
		assertThat(scripts).as("the script elements of %s", path)
			// the application's own files only (the campaign page adds the copy button's script of its survey links)
			.contains("stats-data", "/webjars/htmx.org/dist/htmx.min.js", "/webjars/bootstrap/js/bootstrap.bundle.min.js",
					"/js/app.js", "/webjars/echarts/dist/echarts.min.js", "/js/charts.js")
			.isSubsetOf("stats-data", "/webjars/htmx.org/dist/htmx.min.js", "/webjars/bootstrap/js/bootstrap.bundle.min.js",
					"/js/app.js", "/webjars/echarts/dist/echarts.min.js", "/js/charts.js", "/js/survey-links.js")
			.containsOnlyOnce("stats-data", "/js/app.js");
		String data = (String) js.executeScript(
				"return JSON.stringify(JSON.parse(document.getElementById('stats-data').textContent));");
		for (String text : texts) {
			assertThat(data).as("the chart data of %s holds the text as typed", path)
				.contains(text.replace("\\", "\\\\").replace("\"", "\\\""));
		}
		assertThat(browser.errorMessages()).as("error messages on %s", path).isEmpty();
		assertThat(browser.consoleErrors()).as("console errors on %s", path).isEmpty();
		browser.screenshot(screenshot);
	}

}
