package io.estatedesk.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

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
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages a clerk uses most fit the screen: on a phone (390×844) and on an office screen (1366×900) none of them
 * scrolls sideways — the complaint list, a complaint with its work orders, the new-complaint form, the work-order
 * list and a work order. On a phone the lists show cards and the complaint filters fold behind 筛选.
 * <p>
 * With {@code -Dscreenshots=docs/screenshots} each page is also saved there as {@code <width>-<page>.png} (the
 * screenshots in the README are taken so).
 */
@IntegrationTest
class ScreenWidthBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	long complaintId;

	long workOrderId;

	@BeforeEach
	void setUp() throws Exception {
		String suffix = BrowserTestData.suffix();
		long projectId = fixtures.project("金第家园二期" + suffix);
		long buildingId = fixtures.building(projectId, "12号楼");
		long unitId = fixtures.unit(projectId, buildingId, "3-1502", "OCCUPIED");
		jdbc.update("update unit set handover_date = ? where id = ?", BusinessClock.today().minusMonths(14), unitId);
		long ownerId = fixtures.owner("欧阳" + suffix, BrowserTestData.mobile(), BrowserTestData.idNumber());
		fixtures.holds(ownerId, unitId);
		long category = jdbc.queryForObject("select id from complaint_category where name = '房屋质量'", Long.class);
		complaintId = post("/api/v1/complaints", """
				{"projectId":%d,"unitId":%d,"ownerId":%d,"complainant":"欧阳%s","complainedAt":"2026-11-20T09:30:00",
				 "channel":"PHONE","categoryId":%d,"severity":"MAJOR","content":"主卧飘窗下方墙面渗水，雨后尤其明显，墙纸起皮发霉，业主要求尽快查明原因并修复"}"""
			.formatted(projectId, unitId, ownerId, suffix, category));
		long trade = jdbc.queryForObject("select id from repair_trade where code = 'WATERPROOF'", Long.class);
		workOrderId = post("/api/v1/work-orders", """
				{"projectId":%d,"unitId":%d,"ownerId":%d,"complaintId":%d,"source":"COMPLAINT","tradeId":%d,
				 "location":"主卧飘窗","description":"主卧飘窗下方墙面渗水，需检查外墙防水及窗框打胶","urgency":"EMERGENCY"}"""
			.formatted(projectId, unitId, ownerId, complaintId, trade));
		post("/api/v1/work-orders", """
				{"projectId":%d,"unitId":%d,"ownerId":%d,"complaintId":%d,"source":"COMPLAINT","tradeId":%d,
				 "location":"卫生间","description":"卫生间地面渗水到楼下","urgency":"NORMAL"}"""
			.formatted(projectId, unitId, ownerId, complaintId, trade));
	}

	private long post(String path, String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(browser.baseUrl() + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("admin:" + IntegrationTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return ((Number) com.jayway.jsonpath.JsonPath.read(response.body(), "$.id")).longValue();
	}

	/** The five pages, each with an element that shows it is there. */
	private Map<String, String[]> pages() {
		Map<String, String[]> pages = new LinkedHashMap<>();
		pages.put("complaint-list", new String[] { "/complaints", "#complaints-table" });
		pages.put("complaint", new String[] { "/complaints/" + complaintId, "#complaint-sections a[href*='/work-orders/']" });
		pages.put("complaint-new", new String[] { "/complaints/new", "#intake-form" });
		pages.put("work-order-list", new String[] { "/work-orders", "#workorders-table" });
		pages.put("work-order", new String[] { "/work-orders/" + workOrderId, "main h1" });
		return pages;
	}

	@Test
	void noPageScrollsSidewaysOnAPhoneAndTheComplaintListStartsWithTheComplaints() {
		browser.phone(390, 844);
		browser.login("admin", IntegrationTest.ADMIN_PASSWORD);
		for (Map.Entry<String, String[]> page : pages().entrySet()) {
			openAndCheckWidth(page.getKey(), page.getValue(), 390);
		}

		// the other lists use the same cards
		for (String list : java.util.List.of("/owners", "/units", "/calls", "/visits", "/return-calls", "/activities")) {
			browser.open(list);
			browser.waitFor(By.cssSelector("main h1"));
			assertThat(scrollOverflow()).as("%s scrolls sideways at 390 px", list).isLessThanOrEqualTo(0L);
		}

		browser.open("/complaints");
		WebElement table = browser.waitFor(By.id("complaints-table"));
		browser.waitFor(By.cssSelector("#complaints-table td[data-label]"));
		assertThat(browser.find(By.id("complaint-filters")).isDisplayed()).as("the filters are folded away").isFalse();
		WebElement firstRow = table.findElement(By.cssSelector("tbody tr"));
		assertThat(firstRow.getRect().getY()).as("the first complaint shows on the first screen").isLessThan(844);
		for (String column : java.util.List.of("状态", "负责人", "回复时限")) {
			WebElement cell = firstRow.findElement(By.cssSelector("td[data-label='" + column + "']"));
			assertThat(cell.isDisplayed()).as("the card shows %s under its name", column).isTrue();
			assertThat(cell.getRect().getX() + cell.getRect().getWidth()).as("%s fits the screen", column).isLessThanOrEqualTo(390);
		}
		assertThat(firstRow.getRect().getX() + firstRow.getRect().getWidth()).as("the card fits the screen").isLessThanOrEqualTo(390);
		browser.click(browser.find(By.id("complaint-filters-toggle")));
		browser.waitFor(By.id("cf-state"));
		assertThat(scrollOverflow()).as("the unfolded filters fit the screen too").isLessThanOrEqualTo(0L);
		assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
	}

	@Test
	void noPageScrollsSidewaysOnAnOfficeScreen() {
		browser.login("admin", IntegrationTest.ADMIN_PASSWORD);
		for (Map.Entry<String, String[]> page : pages().entrySet()) {
			openAndCheckWidth(page.getKey(), page.getValue(), 1366);
		}
		browser.open("/complaints");
		assertThat(browser.waitFor(By.id("complaint-filters")).isDisplayed()).as("the filters stand open on a wide screen").isTrue();
		assertThat(browser.findAll(By.id("complaint-filters-toggle")).get(0).isDisplayed()).isFalse();

		// in English the menu still fits on one line
		browser.open("/complaints?lang=en");
		WebElement menu = browser.waitFor(By.cssSelector("#mainNav .navbar-nav.me-auto"));
		WebElement first = menu.findElement(By.cssSelector(".nav-link"));
		assertThat(menu.getText()).contains("Complaints");
		assertThat(menu.getRect().getHeight()).as("the English menu takes one line").isLessThan(2 * first.getRect().getHeight());
		assertThat(scrollOverflow()).isLessThanOrEqualTo(0L);
		// the dashboard's charts in English (legends above the plots)
		openAndCheckWidth("dashboard-en", new String[] { "/dashboard", "[data-chart] canvas" }, 1366);
		browser.open("/complaints?lang=zh_CN");
		assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
	}

	private void openAndCheckWidth(String name, String[] page, int width) {
		browser.open(page[0]);
		browser.waitFor(By.cssSelector(page[1]));
		browser.waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")),
				"the page " + page[0] + " has loaded");
		assertThat(scrollOverflow()).as("%s (%s) scrolls sideways at %d px", name, page[0], width).isLessThanOrEqualTo(0L);
		String dir = System.getProperty("screenshots");
		if (dir != null && !dir.isBlank()) {
			try {
				Path target = Path.of(dir).resolve(width + "-" + name + ".png");
				Files.createDirectories(target.getParent());
				Files.copy(browser.screenshot("width-" + width + "-" + name), target, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	/** How many pixels the page is wider than the window: document.documentElement.scrollWidth − window.innerWidth. */
	private long scrollOverflow() {
		Object overflow = ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		return ((Number) overflow).longValue();
	}

}
