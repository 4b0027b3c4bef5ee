package io.estatedesk.lifecycle.browser;

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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules as the law says, in a real browser: a project's board shows the owners' assembly rule of its region with
 * its source; 维修设置 refuses fewer than two heating seasons next to the field; 承接查验 says which handover day it
 * measures against.
 */
@IntegrationTest
class RulesBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theBoardTheWarrantySettingsAndTheTakeoverShowTheRuleTheyApply() {
		String suffix = BrowserTestData.suffix();
		long project = fixtures.project("规则花园" + suffix);
		long building = fixtures.building(project, "1号楼");
		for (String room : new String[] { "1-0101", "1-0102" }) {
			long unit = fixtures.unit(project, building, room, "SOLD");
			jdbc.update("update unit set area = 100 where id = ?", unit);
			if (room.equals("1-0101")) {
				jdbc.update("update unit set handover_date = ? where id = ?", BusinessClock.today(), unit);
			}
		}
		String manager = fixtures.staffWithRole("MANAGER");
		browser.login(manager, Fixtures.PASSWORD);

		// exactly half delivered in Beijing: due, with the regulation it comes from
		browser.open("/lifecycle/projects/" + project);
		assertThat(browser.waitFor(By.id("assembly-trigger")).getText()).isEqualTo("已交付面积达到 50%，应召开首次业主大会");
		assertThat(browser.find(By.id("assembly-source")).getText()).contains("《北京市物业管理条例》");
		browser.screenshot("rules-01-assembly-beijing");

		// one heating season is less than the law's two: refused next to the field, nothing saved
		int versions = jdbc.queryForObject("select count(*) from warranty_rule_set", Integer.class);
		browser.open("/work-orders/settings");
		WebElement heating = browser.waitFor(By.cssSelector("tr[data-component=HEATING] input[name=period]"));
		heating.clear();
		heating.sendKeys("1");
		browser.typeDate(By.id("effectiveFrom"), BusinessClock.today().plusDays(1).toString());
		browser.click(browser.find(By.id("save-warranty")));
		WebElement error = browser.waitFor(By.cssSelector("tr[data-component=HEATING] .field-error"));
		assertThat(error.getText()).isEqualTo("保修期不得低于法定最低保修期限");
		assertThat(browser.find(By.cssSelector("tr[data-component=HEATING]")).getText()).contains("个采暖期")
			.contains("法定最低：2 个采暖期");
		// the page opens at the rules, so the message is in sight
		assertThat(browser.currentPath()).endsWith("#warranty");
		((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", error);
		browser.screenshot("rules-02-heating-refused");
		assertThat(jdbc.queryForObject("select count(*) from warranty_rule_set", Integer.class)).isEqualTo(versions);

		// no handover batch yet: the takeover page says it uses the planned day
		browser.open("/handover/takeover/" + project);
		assertThat(browser.waitFor(By.id("takeover-basis")).getText()).contains("尚无交房批次");
		browser.screenshot("rules-03-takeover-no-batch");
	}

}
