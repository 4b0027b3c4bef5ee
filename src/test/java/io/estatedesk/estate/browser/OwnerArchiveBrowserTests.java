package io.estatedesk.estate.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.estatedesk.support.BrowserSession;
import io.estatedesk.support.BrowserTestData;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 业主档案 in a real browser: creating an owner with the cascading unit picker, the filtered list, a phone screen. */
@IntegrationTest
class OwnerArchiveBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	@Test
	void createsAnOwnerWithAUnitAndFindsItInTheFilteredList() {
		String suffix = BrowserTestData.suffix();
		String projectName = "浏览器花园" + suffix;
		String ownerName = "柳" + suffix;
		String mobile = BrowserTestData.mobile();
		String idNumber = BrowserTestData.idNumber();
		BrowserTestData data = new BrowserTestData(port);
		long projectId = data.createProject(projectName);
		long buildingId = data.createBuilding(projectId, "1号楼", 18);
		long unitId = data.createUnit(buildingId, "1-0101", "SOLD", 89.5, "两室一厅");

		browser.login("admin", IntegrationTest.ADMIN_PASSWORD);
		browser.screenshot("owner-01-workbench");

		browser.open("/owners/new");
		browser.type(By.id("name"), ownerName);
		browser.select(By.id("gender"), "女");
		browser.type(By.id("mobile"), mobile);
		browser.type(By.id("otherPhone"), "0571-88886666");
		assertThat(new Select(browser.find(By.id("idType"))).getFirstSelectedOption().getText())
			.as("default ID type").isEqualTo("居民身份证");
		browser.type(By.id("idNumber"), idNumber);
		browser.type(By.id("tags"), "VIP 浏览器测试");
		browser.type(By.id("notes"), "浏览器测试建档");

		// 项目 → 楼栋 → 房号: each choice makes htmx load the next list
		browser.select(By.id("unit-project"), projectName);
		assertThat(browser.selectWhenOffered(By.id("unit-building"), "1号楼")).isEqualTo(String.valueOf(buildingId));
		assertThat(browser.selectWhenOffered(By.id("unitId"), "1-0101")).isEqualTo(String.valueOf(unitId));
		browser.typeDate(By.id("contractDate"), "2024-03-15");
		browser.screenshot("owner-02-new-owner-form");

		browser.submitFormOf(By.id("name"));
		browser.waitUntil(d -> browser.currentPath().matches("/owners/\\d+"), "the new owner's page");
		String ownerPath = browser.currentPath();

		assertThat(browser.waitFor(By.id("owner-name")).getText()).isEqualTo(ownerName);
		assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("业主已建档。");
		String shownMobile = browser.find(By.id("owner-mobile")).getText();
		assertThat(shownMobile).as("the mobile number is masked").isEqualTo(BrowserTestData.masked(mobile))
			.doesNotContain(mobile);
		assertThat(browser.find(By.id("owner-id-number")).getText()).as("the ID number is masked")
			.isEqualTo(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));
		assertThat(browser.find(By.tagName("main")).getText()).as("nowhere on the page in full")
			.doesNotContain(mobile)
			.doesNotContain(idNumber)
			.contains(projectName + " 1号楼 1-0101")
			.contains("2024-03-15");
		browser.screenshot("owner-03-owner-page");

		browser.open("/owners");
		browser.select(By.id("f-project"), projectName);
		browser.type(By.id("f-name"), ownerName.substring(0, 3));
		browser.submitFormOf(By.id("f-name"));
		browser.waitUntil(d -> browser.currentPath().contains("name="), "the filtered list");
		assertThat(new Select(browser.find(By.id("f-project"))).getFirstSelectedOption().getText())
			.as("the filter keeps the chosen project").isEqualTo(projectName);
		WebElement table = browser.waitFor(By.id("owners-table"));
		List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
		assertThat(rows).as("owners of %s named %s…", projectName, ownerName.substring(0, 3)).hasSize(1);
		assertThat(rows.get(0).getText()).contains(ownerName, BrowserTestData.masked(mobile), "1-0101")
			.doesNotContain(mobile);
		browser.screenshot("owner-04-filtered-list");

		browser.click(table.findElement(By.linkText(ownerName)));
		browser.waitUntil(ExpectedConditions.urlToBe(browser.baseUrl() + ownerPath), "the owner page from the list");
		assertThat(browser.waitFor(By.id("owner-name")).getText()).isEqualTo(ownerName);
		browser.screenshot("owner-05-owner-page-from-list");

		assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
	}

	@Test
	void ownerListIsUsableOnAPhone() {
		browser.phone(390, 844);
		browser.login("admin", IntegrationTest.ADMIN_PASSWORD);
		browser.open("/owners");

		WebElement toggler = browser.waitFor(By.cssSelector(".navbar-toggler"));
		assertThat(toggler.isDisplayed()).as("the navbar collapses behind a toggler").isTrue();
		assertThat(browser.find(By.id("mainNav")).isDisplayed()).as("the menu is folded away").isFalse();
		WebElement filter = browser.find(By.id("f-name")).findElement(By.xpath("ancestor::form"));
		assertThat(filter.isDisplayed()).as("the filter form").isTrue();
		for (String id : List.of("f-project", "f-building", "f-status", "f-room", "f-name", "f-phone")) {
			WebElement field = browser.find(By.id(id));
			assertThat(field.isDisplayed()).as("filter field #%s", id).isTrue();
			assertThat(field.getRect().getX() + field.getRect().getWidth()).as("#%s fits the screen width", id)
				.isLessThanOrEqualTo(390);
		}
		assertThat(pageOverflow()).as("the page does not scroll sideways on a phone").isLessThanOrEqualTo(0L);
		browser.screenshot("phone-01-owner-list");

		browser.click(toggler);
		browser.waitFor(By.cssSelector("#mainNav.collapse.show"));
		assertThat(browser.find(By.id("mainNav")).getText()).contains("工作台", "业主档案");
		browser.screenshot("phone-02-menu-open");

		assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
	}

	/** How many pixels the page is wider than the window (0 or less when nothing sticks out). */
	private long pageOverflow() {
		Object overflow = ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		return ((Number) overflow).longValue();
	}

}
