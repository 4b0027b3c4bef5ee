package io.estatedesk.repair.browser;

import java.util.List;

import io.estatedesk.repair.RepairFixtures;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work order's forms in a real browser, one mistake each: raising one (工种 narrows the contractors offered, a bad
 * number is refused under its field with everything else kept), completing it (维修情况 missing, 用料 kept) and its
 * charge ("三块二" is not a cost).
 */
@IntegrationTest
class RepairFormsBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	@Autowired
	RepairFixtures repair;

	@Autowired
	JdbcTemplate jdbc;

	String manager;

	String suffix;

	@BeforeEach
	void setUp() {
		suffix = BrowserTestData.suffix();
		manager = fixtures.staffWithRole("MANAGER");
	}

	@Test
	void raisingOneOffersTheTradesContractorsOnlyAndKeepsEverythingTypedAfterABadNumber() {
		long project = fixtures.project("报修花园" + suffix);
		long unit = fixtures.unit(project, fixtures.building(project, "3号楼"), "3-0202", "OCCUPIED");
		String waterproof = "防水公司" + suffix;
		String plumbing = "水电公司" + suffix;
		repair.contractor(manager, waterproof, "WATERPROOF");
		repair.contractor(manager, plumbing, "PLUMBING_ELECTRIC");

		browser.login(manager, Fixtures.PASSWORD);
		browser.open("/work-orders/new?unitId=" + unit);
		browser.waitFor(By.id("workorder-form"));
		assertThat(offered()).as("before a trade is chosen every active contractor").contains(waterproof, plumbing);
		browser.select(By.id("tradeId"), "防水");
		browser.waitUntil(d -> !offered().contains(plumbing), "the contractors narrowed to the trade");
		assertThat(offered()).contains(waterproof).doesNotContain(plumbing);
		browser.selectWhenOffered(By.id("contractorId"), waterproof);
		browser.type(By.id("location"), "主卫地面");
		browser.type(By.id("description"), "主卫地面渗水到楼下" + suffix);
		browser.type(By.id("contactName"), "孙先生");
		browser.type(By.id("contactPhone"), "12345");
		browser.clickAndAwaitPage(browser.find(By.id("save-workorder")), "the form again");

		assertThat(browser.find(By.id("contactPhone-error")).getText()).isEqualTo(BrowserTestData.PHONE_MESSAGE);
		assertThat(browser.find(By.id("contactPhone")).getDomAttribute("aria-describedby")).isEqualTo("contactPhone-error");
		assertThat(browser.find(By.cssSelector("#workorder-form [data-form-alert]")).getText()).contains("请修改下面标出的 1 处");
		assertThat(value("contactPhone")).isEqualTo("12345");
		assertThat(value("contactName")).isEqualTo("孙先生");
		assertThat(value("location")).isEqualTo("主卫地面");
		assertThat(value("description")).isEqualTo("主卫地面渗水到楼下" + suffix);
		assertThat(browser.selectedText(By.id("tradeId"))).isEqualTo("防水");
		assertThat(browser.selectedText(By.id("contractorId"))).startsWith(waterproof);
		assertThat(offered()).as("still narrowed to the trade").doesNotContain(plumbing);
		browser.screenshot("repair-forms-01-raise-error");

		browser.type(By.id("contactPhone"), "0571-88886666转801");
		browser.clickAndAwaitPage(browser.find(By.id("save-workorder")), "the work order");
		assertThat(browser.errorMessages()).isEmpty();
		assertThat(browser.waitFor(By.id("workorder-state")).getText()).isEqualTo("已派工");
		assertThat(browser.find(By.id("workorder-contractor")).getText()).isEqualTo(waterproof);
		assertThat(jdbc.queryForObject("select contact_phone from work_order where description = ?", String.class,
				"主卫地面渗水到楼下" + suffix)).isEqualTo("0571-88886666转801");
	}

	@Test
	void completingOneWithoutWhatWasDoneKeepsTheMaterialsAndACostInWordsIsRefusedAsNoNumber() {
		String account = fixtures.staffWithRole("CONTRACTOR");
		RepairFixtures.Order order = repair.dispatchedOrder(manager, "完工花园" + suffix, "5号楼", "防水公司" + suffix, account);

		browser.login(account, Fixtures.PASSWORD);
		browser.open("/work-orders/" + order.id());
		browser.clickAndAwaitPage(By.id("start"));
		assertThat(browser.waitFor(By.id("workorder-state")).getText()).isEqualTo("维修中");
		browser.type(By.id("finishMaterials"), "聚氨酯防水涂料 5 公斤");
		browser.clickAndAwaitPage(By.id("finish"));

		assertThat(browser.find(By.id("finishNote-error")).getText()).isEqualTo("请填写维修情况");
		assertThat(browser.find(By.id("finishNote")).getDomAttribute("aria-describedby")).isEqualTo("finishNote-error");
		assertThat(value("finishMaterials")).isEqualTo("聚氨酯防水涂料 5 公斤");
		assertThat(browser.find(By.id("workorder-state")).getText()).as("nothing saved").isEqualTo("维修中");
		browser.screenshot("repair-forms-02-finish-error");
		browser.type(By.id("finishNote"), "凿开地面重做防水层，闭水试验 48 小时无渗漏");
		browser.clickAndAwaitPage(By.id("finish"));
		assertThat(browser.errorMessages()).isEmpty();
		assertThat(browser.waitFor(By.id("workorder-state")).getText()).isEqualTo("待验收");
		assertThat(jdbc.queryForObject("select materials from work_order where id = ?", String.class, order.id()))
			.isEqualTo("聚氨酯防水涂料 5 公斤");

		browser.logout();
		browser.login(manager, Fixtures.PASSWORD);
		browser.open("/work-orders/" + order.id());
		browser.select(By.id("charge"), "有偿维修");
		browser.type(By.id("cost"), "三块二");
		browser.type(By.id("chargeMaterials"), "聚氨酯防水涂料 6 公斤");
		browser.clickAndAwaitPage(By.id("save-charge"));
		assertThat(browser.find(By.id("cost-error")).getText()).isEqualTo("请输入数字，如 3.20。");
		assertThat(value("cost")).isEqualTo("三块二");
		assertThat(value("chargeMaterials")).isEqualTo("聚氨酯防水涂料 6 公斤");
		assertThat(browser.selectedText(By.id("charge"))).isEqualTo("有偿维修");
		browser.type(By.id("cost"), "320.50");
		browser.clickAndAwaitPage(By.id("save-charge"));
		assertThat(browser.errorMessages()).isEmpty();
		assertThat(jdbc.queryForObject("select charge || ' ' || cost || ' ' || materials from work_order where id = ?",
				String.class, order.id())).isEqualTo("PAID 320.50 聚氨酯防水涂料 6 公斤");
		assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
	}

	private static List<String> offered() {
		// each option reads "name（its trades）"
		return browser.findAll(By.cssSelector("#contractorId option")).stream()
			.map(o -> o.getText().replaceFirst("\uff08.*", "")).toList();
	}


	private static String value(String id) {
		return browser.find(By.id(id)).getDomProperty("value");
	}

}
