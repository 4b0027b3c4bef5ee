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
 * A record on the project duty board (项目职责) in a real browser: the filed 测算物业费 typed in words is marked under
 * its field with "请输入数字", everything else typed is still there, and once corrected the record is saved.
 */
@IntegrationTest
class DutyRecordBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aFeeEstimateInWordsIsMarkedUnderItsFieldWithEverythingTypedKeptThenSavedAsANumber() {
		long project = fixtures.project("测算花园" + BrowserTestData.suffix());
		String field = fixtures.staffWithRole("FIELD");
		browser.login(field, Fixtures.PASSWORD);
		browser.open("/lifecycle/projects/" + project);
		long item = jdbc.queryForObject("select id from duty_item where project_id = ? and code = 'FEE_FILING'", Long.class, project);
		String day = BusinessClock.today().minusDays(1).toString();

		browser.open("/lifecycle/duties/" + item);
		browser.type(By.id("counterparty"), "京华物业服务评估监理有限公司");
		browser.type(By.id("amount"), "三块二");
		browser.type(By.id("title"), "朝阳区住建委小区办");
		browser.typeDate(By.id("recordDate"), day);
		browser.type(By.id("reference"), "京朝建物备〔2026〕18号");
		browser.clickAndAwaitPage(By.id("add-record"));

		WebElement error = browser.waitFor(By.id("amount-error"));
		assertThat(error.getText()).isEqualTo("请输入数字，如 3.20。");
		WebElement amount = browser.find(By.id("amount"));
		assertThat(error.findElement(By.xpath("preceding-sibling::input[1]")).getDomAttribute("id")).isEqualTo("amount");
		assertThat(Math.abs(error.getRect().getY() - amount.getRect().getY())).isLessThan(80);
		assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("金额不能为负数");
		assertThat(amount.getDomProperty("value")).isEqualTo("三块二");
		assertThat(browser.find(By.id("counterparty")).getDomProperty("value")).isEqualTo("京华物业服务评估监理有限公司");
		assertThat(browser.find(By.id("title")).getDomProperty("value")).isEqualTo("朝阳区住建委小区办");
		assertThat(browser.find(By.id("recordDate")).getDomProperty("value")).isEqualTo(day);
		assertThat(browser.find(By.id("reference")).getDomProperty("value")).isEqualTo("京朝建物备〔2026〕18号");
		assertThat(browser.find(By.id("duty-records")).getText()).isEmpty();
		browser.screenshot("duty-01-fee-in-words");

		browser.type(By.id("amount"), "3.20");
		browser.clickAndAwaitPage(By.id("add-record"));
		assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("记录已添加。");
		assertThat(browser.find(By.id("duty-records")).getText()).contains(day, "朝阳区住建委小区办", "京华物业服务评估监理有限公司",
				"京朝建物备〔2026〕18号", "3.20");
	}

}
