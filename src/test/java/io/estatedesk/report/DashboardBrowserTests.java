package io.estatedesk.report;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import io.estatedesk.complaint.Channel;
import io.estatedesk.complaint.ComplaintManagement;
import io.estatedesk.complaint.Severity;
import io.estatedesk.shared.CaseFigures;
import io.estatedesk.support.BrowserSession;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 部门经理 and 公司领导 dashboards of one project with three complaints (one overdue, two with a cause type): the
 * figures are the database's, the charts are drawn, and a chart's bar opens the list behind it.
 */
@IntegrationTest
class DashboardBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	@Autowired
	ComplaintManagement complaints;

	@Autowired
	Dashboards dashboards;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	long project;

	String projectName;

	long overdue;

	long leak;

	@BeforeEach
	void setUp() {
		projectName = Fixtures.unique("看板花园");
		project = fixtures.project(projectName);
		long unit = fixtures.unit(project, fixtures.building(project, "1号楼"), "1-0101", "OCCUPIED");
		String office = fixtures.staffWithRole("OFFICE");
		long category = jdbc.queryForObject("select id from complaint_category where name = '房屋质量'", Long.class);
		LocalDateTime now = BusinessClock.localNowToMinute();
		List<String> contents = List.of("客厅顶棚渗水", "卫生间地漏返味", "小区大门门禁失灵");
		long[] ids = new long[3];
		for (int i = 0; i < 3; i++) {
			String content = contents.get(i);
			ids[i] = fixtures.as(office, () -> complaints.receive(new ComplaintManagement.Intake(project, "看板业主", now, unit,
					null, "13900001111", Channel.PHONE, category, Severity.GENERAL, content, "")));
		}
		overdue = ids[2];
		leak = ids[0];
		// received ten days ago and never answered: overdue, in the 7–30 days column
		jdbc.update("update complaint set complained_at = " + BusinessClock.sqlNow() + " - interval '10 days', reply_due = " + BusinessClock.sqlNow() + " - interval '2 days' where id = ?",
				overdue);
		jdbc.update("update complaint set cause_type = 'CONSTRUCTION' where id = ?", ids[0]);
		jdbc.update("update complaint set cause_type = 'DESIGN' where id = ?", ids[1]);
	}

	@Test
	void theFiguresAreTheDatabasesAndTheOpenComplaintsAreSplitByAge() {
		Dashboards.Manager d = dashboards.manager(DashboardController.period(project, null, null));
		assertThat(d.complaints().open()).isEqualTo(3);
		assertThat(d.complaints().overdue()).isEqualTo(1);
		CaseFigures.Aged received = d.complaintAges().stream().filter(a -> a.state().equals("RECEIVED")).findFirst().orElseThrow();
		assertThat(received.day()).as("received just now").isEqualTo(2);
		assertThat(received.days30()).as("received ten days ago").isEqualTo(1);
		assertThat(received.total()).isEqualTo(3);
		YearMonth month = BusinessClock.thisMonth();
		assertThat(d.complaintMonths()).singleElement().satisfies(m -> {
			assertThat(m.month()).isEqualTo(month.atDay(1));
			assertThat(m.count()).isEqualTo(3);
		});
		assertThat(d.causes()).extracting(c -> c.cause().name()).containsExactlyInAnyOrder("CONSTRUCTION", "DESIGN");
		Dashboards.Leader leader = dashboards.leader(month, 12);
		assertThat(leader.projects()).filteredOn(r -> r.projectId() == project).singleElement()
			.satisfies(r -> assertThat(r.complaints().count()).isEqualTo(3));
	}

	@Test
	void theManagerSeesTheProjectsFiguresAndABarOpensTheListBehindIt() {
		String manager = fixtures.staffWithRole("MANAGER");
		browser.login(manager, Fixtures.PASSWORD);
		browser.open("/dashboard?projectId=" + project);
		assertThat(browser.find(By.id("kpi-complaints-open")).getText()).isEqualTo("3");
		assertThat(browser.find(By.id("kpi-complaints-overdue")).getText()).isEqualTo("1");
		browser.waitFor(By.cssSelector("#chart-complaint-ages canvas"));
		assertThat(browser.findAll(By.cssSelector(".chart canvas"))).as("every chart drawn").hasSizeGreaterThanOrEqualTo(6);
		browser.screenshot("dashboard-01-manager");

		JsonNode data = json.readTree(browser.find(By.id("stats-data")).getDomProperty("textContent"));
		JsonNode construction = null;
		for (JsonNode series : data.get("causes").get("series")) {
			if (series.get("name").asString().equals("施工质量")) {
				construction = series;
			}
		}
		assertThat(construction).as("the 施工质量 series").isNotNull();
		int last = construction.get("values").size() - 1;
		assertThat(construction.get("values").get(last).asLong()).isEqualTo(1);
		browser.open(construction.get("links").get(last).asString());
		String list = browser.find(By.tagName("main")).getText();
		assertThat(list).contains(code(leak), "共 1 条").doesNotContain(code(overdue));

		browser.open("/dashboard?projectId=" + project);
		browser.clickAndAwaitPage(By.id("kpi-complaints-overdue"));
		assertThat(browser.find(By.tagName("main")).getText()).contains(code(overdue), "共 1 条").doesNotContain(code(leak));
	}

	private String code(long complaintId) {
		return jdbc.queryForObject("select code from complaint where id = ?", String.class, complaintId);
	}

	@Test
	void theLeaderSeesEachProjectThisMonthAgainstTheMonthBefore() {
		String leader = fixtures.staffWithRole("LEADER");
		browser.login(leader, Fixtures.PASSWORD);
		browser.open("/dashboard/leader");
		String row = browser.find(By.xpath("//table[@id='leader-projects']//tr[td/a[.='" + projectName + "']]")).getText();
		assertThat(row).startsWith(projectName + " 3");
		browser.waitFor(By.cssSelector(".chart canvas"));
		browser.screenshot("dashboard-02-leader");
	}

}
