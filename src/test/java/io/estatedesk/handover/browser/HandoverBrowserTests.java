package io.estatedesk.handover.browser;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import io.estatedesk.support.BrowserSession;
import io.estatedesk.support.BrowserTestData;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 交房 in a real browser: a 部门经理 creates a batch with a building's units and an appointment slot; 外勤 books the
 * owner, inspects the home (one failed item becomes a work order), records the documents, keys and meter readings and
 * the owner's signature; the unit then shows 已交房 with its handover date and warranty dates.
 */
@IntegrationTest
class HandoverBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	String manager;

	String field;

	String projectName;

	String ownerName;

	long unitId;

	@BeforeEach
	void setUp() {
		String suffix = BrowserTestData.suffix();
		projectName = "交房花园" + suffix;
		ownerName = "孙" + suffix;
		long projectId = fixtures.project(projectName);
		long buildingId = fixtures.building(projectId, "3号楼");
		unitId = fixtures.unit(projectId, buildingId, "3-0601", "SOLD");
		jdbc.update("update unit set area = 118.50 where id = ?", unitId);
		long ownerId = fixtures.owner(ownerName, BrowserTestData.mobile(), BrowserTestData.idNumber());
		fixtures.holds(ownerId, unitId);
		manager = fixtures.staffWithRole("MANAGER");
		field = fixtures.staffWithRole("FIELD");
	}

	@Test
	void aBatchBooksInspectsAndHandsOverAUnitWhoseDefectBecomesAWorkOrderAndWhoseWarrantyStarts() {
		browser.login(manager, Fixtures.PASSWORD);
		browser.open("/handover");
		browser.select(By.id("projectId"), projectName);
		browser.type(By.id("name"), "第一批（3号楼）");
		click(By.id("create-batch"));
		assertThat(browser.find(By.cssSelector(".alert-success")).getText()).startsWith("交房批次已建立");
		browser.select(By.id("buildingId"), "3号楼");
		click(By.id("add-units"));
		assertThat(browser.findAll(By.cssSelector("#batch-units tbody tr"))).hasSize(1);
		LocalDate tomorrow = BusinessClock.today().plusDays(1);
		// one mistake first: the homes per slot in words
		setValue(By.id("slotStartsAt"), tomorrow + "T09:00");
		setValue(By.id("slotEndsAt"), tomorrow + "T11:30");
		browser.type(By.id("slotCapacity"), "六");
		browser.clickAndAwaitPage(By.id("add-slot"));
		assertThat(browser.find(By.id("slotCapacity-error")).getText()).isEqualTo("请输入数字，如 3.20。");
		assertThat(browser.find(By.id("slotCapacity")).getDomProperty("value")).isEqualTo("六");
		assertThat(browser.find(By.id("slotStartsAt")).getDomProperty("value")).startsWith(tomorrow + "T09:00");
		assertThat(browser.find(By.id("slotEndsAt")).getDomProperty("value")).startsWith(tomorrow + "T11:30");
		assertThat(browser.find(By.id("slots")).getText()).contains("暂无记录");
		browser.type(By.id("slotCapacity"), "6");
		click(By.id("add-slot"));
		assertThat(browser.find(By.id("slots")).getText()).contains("09:00 – 11:30", "已约 0 / 6 户");
		browser.screenshot("handover-01-batch");
		String batchPath = browser.currentPath();

		browser.logout();
		browser.login(field, Fixtures.PASSWORD);
		browser.open(batchPath);
		click(By.linkText("3号楼 3-0601"));
		assertState("待预约");
		browser.selectWhenOffered(By.id("slotId"), tomorrow.format(DateTimeFormatter.ofPattern("MM-dd")) + " 09:00");
		browser.select(By.id("noticeWay"), "短信");
		click(By.id("book"));
		assertState("已预约");
		assertThat(browser.find(By.id("booked-slot")).getText()).contains("09:00", "已短信通知");

		// inspection: everything passes except the bathroom's waterproofing
		WebElement failRadio = browser.find(By.xpath(
				"//tr[td[contains(., '闭水试验')]]//input[@value='fail']"));
		browser.click(failRadio);
		// one mistake first: 不合格 without saying what is wrong
		browser.clickAndAwaitPage(By.id("save-inspection"));
		assertState("已预约");
		WebElement note = browser.find(By.xpath("//tr[td[contains(., '闭水试验')]]//input[starts-with(@name, 'note[')]"));
		String noteId = note.getDomAttribute("id");
		assertThat(browser.find(By.id(noteId + "-error")).getText()).isEqualTo("不合格的项目请写明问题");
		assertThat(browser.find(By.xpath("//tr[td[contains(., '闭水试验')]]//input[@value='fail']")).isSelected())
			.as("the item stays 不合格").isTrue();
		assertThat(browser.findAll(By.cssSelector("#checklist input[value='fail']:checked"))).hasSize(1);
		note = browser.find(By.id(noteId));
		note.sendKeys("闭水试验后楼下顶棚有水迹");
		browser.screenshot("handover-02-inspection");
		click(By.id("save-inspection"));
		assertState("已验房");
		WebElement orderLink = browser.find(By.xpath("//tr[td[contains(., '闭水试验')]]//a[contains(@href, '/work-orders/')]"));
		assertThat(orderLink.getText()).startsWith("WX-");
		assertThat(browser.findAll(By.cssSelector("#checklist a[href*='/work-orders/']"))).as("one work order only").hasSize(1);

		// documents, keys, readings, signature — one mistake first: the keys in words
		LocalDate day = BusinessClock.today().minusDays(1);
		browser.click(browser.find(By.id("qualityGuarantee")));
		browser.click(browser.find(By.id("usageManual")));
		browser.type(By.id("keysCount"), "三把");
		browser.typeDate(By.id("handoverDate"), day.toString());
		browser.type(By.id("waterReading"), "0.5");
		browser.type(By.id("electricityReading"), "12");
		browser.type(By.id("gasReading"), "0");
		browser.type(By.id("confirmedBy"), "业主本人及其配偶");
		browser.clickAndAwaitPage(By.id("accept-handover"));
		assertState("已验房");
		assertThat(browser.find(By.id("keysCount-error")).getText()).isEqualTo("请输入数字，如 3.20。");
		assertThat(browser.find(By.id("keysCount")).getDomAttribute("aria-describedby")).isEqualTo("keysCount-error");
		assertThat(browser.find(By.cssSelector("#accept-form [data-form-alert]")).getText()).contains("请修改下面标出的 1 处");
		assertThat(browser.find(By.id("qualityGuarantee")).isSelected()).isTrue();
		assertThat(browser.find(By.id("usageManual")).isSelected()).isTrue();
		assertThat(browser.find(By.id("keysCount")).getDomProperty("value")).isEqualTo("三把");
		assertThat(browser.find(By.id("handoverDate")).getDomProperty("value")).as("the typed day, not today")
			.isEqualTo(day.toString());
		assertThat(browser.find(By.id("waterReading")).getDomProperty("value")).isEqualTo("0.5");
		assertThat(browser.find(By.id("electricityReading")).getDomProperty("value")).isEqualTo("12");
		assertThat(browser.find(By.id("gasReading")).getDomProperty("value")).isEqualTo("0");
		assertThat(browser.find(By.id("confirmedBy")).getDomProperty("value")).isEqualTo("业主本人及其配偶");
		browser.screenshot("handover-03-documents-error");
		browser.type(By.id("keysCount"), "3");
		browser.screenshot("handover-03-documents");
		click(By.id("accept-handover"));
		assertState("已收房");
		assertThat(browser.find(By.id("handover-date")).getText()).isEqualTo(day.toString());
		assertThat(browser.find(By.id("print-confirmation")).getText()).isEqualTo("打印交房确认书");
		assertThat(browser.find(By.id("history")).getText()).contains("待预约 → 已预约", "已预约 → 已验房", "已验房 → 已收房",
				"不合格 1 项，已派维修工单 1 张");
		browser.screenshot("handover-04-handed-over");

		// the work order is a handover defect of this unit
		browser.click(orderLink = browser.find(By.cssSelector("#checklist a[href*='/work-orders/']")));
		browser.waitFor(By.id("workorder-state"));
		assertThat(browser.find(By.tagName("main")).getText()).contains("交房问题", "防水", "闭水试验后楼下顶棚有水迹");

		// the unit: 已交房 with its handover date and the warranty running from it
		browser.open("/units/" + unitId);
		String page = browser.find(By.tagName("main")).getText();
		assertThat(page).contains("已交房", day.toString(), "保修期（自交房日起）",
				"保修至 " + day.plusYears(5), "保修至 " + day.plusYears(2));
		browser.screenshot("handover-05-unit");
		assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
	}

	private static void click(By button) {
		browser.clickAndAwaitPage(button);
		assertThat(browser.errorMessages()).as("error messages on %s", browser.currentPath()).isEmpty();
	}

	private static void assertState(String expected) {
		assertThat(browser.waitFor(By.id("handover-state")).getText()).as("the handover state").isEqualTo(expected);
	}

	/** Sets a datetime-local input (its typing order depends on the browser's locale). */
	private static void setValue(By by, String value) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", browser.find(by), value);
	}

}
