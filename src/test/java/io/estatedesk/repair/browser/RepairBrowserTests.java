package io.estatedesk.repair.browser;

import io.estatedesk.shared.BusinessClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

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
 * 维修 in a real browser: 外勤 raises two work orders from one complaint and dispatches them to two contractors; each
 * contractor's account sees only its own, starts it and reports it finished; the owner accepts one and rejects the
 * other (返工); after the rework both are 已完成 and the complaint has moved on to 待回复.
 */
@IntegrationTest
class RepairBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	String field;

	String manager;

	String waterproofer;

	String plumber;

	String waterproofName;

	String plumbingName;

	long complaintId;

	String projectName;

	@BeforeEach
	void setUp() throws Exception {
		String suffix = BrowserTestData.suffix();
		projectName = "维修花园" + suffix;
		long projectId = fixtures.project(projectName);
		long buildingId = fixtures.building(projectId, "2号楼");
		long unitId = fixtures.unit(projectId, buildingId, "2-1101", "OCCUPIED");
		jdbc.update("update unit set handover_date = ? where id = ?", BusinessClock.today().minusMonths(14), unitId);
		long ownerId = fixtures.owner("钱" + suffix, BrowserTestData.mobile(), BrowserTestData.idNumber());
		fixtures.holds(ownerId, unitId);
		field = fixtures.staffWithRole("FIELD");
		manager = fixtures.staffWithRole("MANAGER");
		waterproofName = "防水公司" + suffix;
		plumbingName = "水电公司" + suffix;
		waterproofer = contractor(waterproofName, "WATERPROOF");
		plumber = contractor(plumbingName, "PLUMBING_ELECTRIC");
		long category = jdbc.queryForObject("select id from complaint_category where name = '房屋质量'", Long.class);
		complaintId = postComplaint("""
				{"projectId":%d,"unitId":%d,"ownerId":%d,"complainant":"钱%s","complainedAt":"2026-11-20T09:30:00",
				 "channel":"PHONE","categoryId":%d,"severity":"GENERAL","content":"卫生间地面渗水到楼下，厨房水管接口也在滴水"}"""
			.formatted(projectId, unitId, ownerId, suffix, category));
	}

	/** A contractor of one trade with a 施工单位 account acting for it (the registry is tested elsewhere). */
	String contractor(String name, String tradeCode) {
		long id = jdbc.queryForObject("""
				insert into contractor (name, kind, contact_name, contact_phone) values (?, 'CONTRACTOR', '联系人', '13900000000')
				returning id""", Long.class, name);
		jdbc.update("insert into contractor_trade (contractor_id, trade_id) select ?, id from repair_trade where code = ?", id,
				tradeCode);
		String account = fixtures.staffWithRole("CONTRACTOR");
		jdbc.update("insert into contractor_member (staff_id, contractor_id) values (?, ?)", fixtures.staffId(account), id);
		return account;
	}

	long postComplaint(String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/api/v1/complaints"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((field + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return ((Number) com.jayway.jsonpath.JsonPath.read(response.body(), "$.id")).longValue();
	}

	@Test
	void twoWorkOrdersFromOneComplaintGoThroughTwoContractorsReworkAndAcceptanceAndTheComplaintMovesOn() {
		browser.login(field, Fixtures.PASSWORD);
		browser.open("/complaints/" + complaintId);
		raise("防水", "卫生间、有防水要求的房间和外墙面的防渗漏", "主卫", "卫生间地面渗水到楼下厨房顶棚", waterproofName,
				"repair-01-first-order");
		raise("水电", "给排水管道", "厨房", "厨房水管接口滴水", plumbingName, "repair-02-second-order");
		awaitComplaintState("处理中");
		assertThat(browser.find(By.id("complaint-state")).getText()).as("the complaint is being handled").isEqualTo("处理中");
		List<WebElement> links = browser.findAll(By.cssSelector("#complaint-sections table a[href*='/work-orders/']"));
		assertThat(links).as("both work orders on the complaint's page").hasSize(2);
		String waterproofOrder = path(links.get(1));
		String plumbingOrder = path(links.get(0));
		browser.screenshot("repair-03-complaint-with-orders");

		// the waterproofing contractor sees its own order only, starts it and reports it done
		browser.logout();
		browser.login(waterproofer, Fixtures.PASSWORD);
		browser.open("/work-orders");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("本单位的维修工单");
		assertThat(browser.findAll(By.cssSelector("#workorders-table tbody tr"))).hasSize(1);
		browser.screenshot("repair-04-contractor-list");
		browser.open(plumbingOrder);
		assertThat(browser.find(By.tagName("main")).getText()).as("another contractor's order").contains("该维修工单不存在");
		assertThat(browser.consoleErrors()).as("answered 404").singleElement().asString().contains("404");
		finishAsContractor(waterproofOrder, "已凿除地面重做防水层，闭水试验48小时无渗漏");
		browser.screenshot("repair-05-finished");

		browser.logout();
		browser.login(plumber, Fixtures.PASSWORD);
		finishAsContractor(plumbingOrder, "已更换厨房水管接口及密封圈");

		// the owner accepts the waterproofing and rejects the plumbing
		browser.logout();
		browser.login(field, Fixtures.PASSWORD);
		browser.open(waterproofOrder);
		accept(5);
		browser.open(plumbingOrder);
		browser.type(By.id("rejectReason"), "业主开水龙头后接口仍在滴水");
		act(By.id("reject"), "返工");
		browser.screenshot("repair-06-rework");
		browser.open("/complaints/" + complaintId);
		assertThat(browser.find(By.id("complaint-state")).getText()).as("one repair still open").isEqualTo("处理中");

		browser.logout();
		browser.login(plumber, Fixtures.PASSWORD);
		browser.open(plumbingOrder);
		browser.type(By.id("finishNote"), "返工：更换整段软管，试水30分钟无渗漏");
		act(By.id("finish"), "待验收");

		browser.logout();
		browser.login(field, Fixtures.PASSWORD);
		browser.open(plumbingOrder);
		accept(4);
		List<String> history = browser.findAll(By.cssSelector("#history tr")).stream().map(WebElement::getText).toList();
		assertThat(history).as("the plumbing order's history")
			.anySatisfy(row -> assertThat(row).contains("派工", plumbingName))
			.anySatisfy(row -> assertThat(row).contains("待验收", "返工", "业主开水龙头后接口仍在滴水"))
			.anySatisfy(row -> assertThat(row).contains("返工", "待验收", "更换整段软管"))
			.anySatisfy(row -> assertThat(row).contains("待验收", "已完成", "业主评分 4"));
		browser.screenshot("repair-07-completed");

		// every repair accepted, but its 处理单 lacks 原因分析 and 处理意见: it waits for its owner to complete them
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(500))
			.until(() -> {
				browser.open("/complaints/" + complaintId);
				return !browser.findAll(By.id("repairs-done")).isEmpty();
			});
		assertThat(browser.find(By.id("complaint-state")).getText()).as("no reply with a blank 处理单").isEqualTo("处理中");
		assertThat(browser.find(By.id("complaint-sections")).getText()).contains("已完成");
		assertThat(browser.find(By.id("correctiveAction")).getDomProperty("value")).as("整改措施 from the repairs")
			.contains("维修已完成并经业主验收", waterproofName, plumbingName);
		browser.type(By.id("causeAnalysis"), "楼上卫生间防水层破损，厨房水管接口老化");
		browser.type(By.id("handlingOpinion"), "两项维修均已完成并经业主验收");
		browser.clickAndAwaitPage(By.id("submit-complaint"));
		assertThat(browser.errorMessages()).as("error messages on %s", browser.currentPath()).isEmpty();
		assertThat(browser.waitFor(By.id("complaint-state")).getText()).isEqualTo("待回复");
		assertThat(browser.findAll(By.id("repairs-done"))).as("the mark is gone once submitted").isEmpty();
		browser.screenshot("repair-08-complaint-pending-reply");
		assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
	}

	private void raise(String trade, String component, String location, String description, String contractor,
			String screenshot) {
		browser.click(browser.waitFor(By.linkText("派维修工单")));
		browser.waitFor(By.id("workorder-form"));
		assertThat(browser.find(By.id("from-complaint")).getText()).contains("卫生间地面渗水到楼下");
		browser.select(By.id("tradeId"), trade);
		browser.select(By.id("component"), component);
		browser.waitUntil(d -> d.findElement(By.id("warranty-hint")).getText().contains("保修期内"),
				"the warranty decision for " + component);
		browser.type(By.id("location"), location);
		browser.type(By.id("description"), description);
		browser.selectWhenOffered(By.id("contractorId"), contractor);
		browser.screenshot(screenshot);
		WebElement button = browser.find(By.id("save-workorder"));
		browser.clickAndAwaitPage(button, "the complaint page after raising");
		assertThat(browser.errorMessages()).isEmpty();
		assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("维修工单已提交。");
	}

	/**
	 * Opens the complaint's page until it shows the state (up to 10 s): the complaint takes in its work orders' news
	 * in its own time.
	 */
	private void awaitComplaintState(String state) {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(500))
			.until(() -> {
				browser.open("/complaints/" + complaintId);
				return browser.find(By.id("complaint-state")).getText().equals(state);
			});
	}

	private static String path(WebElement link) {
		String href = link.getDomProperty("href");
		return href.substring(href.indexOf("/work-orders/"));
	}

	private void finishAsContractor(String order, String note) {
		browser.open(order);
		assertState("已派工");
		act(By.id("start"), "维修中");
		browser.type(By.id("finishNote"), note);
		act(By.id("finish"), "待验收");
	}

	private void accept(int rating) {
		assertState("待验收");
		browser.click(browser.find(By.id("rating-" + rating)));
		act(By.id("accept"), "已完成");
	}

	private static void act(By button, String expectedState) {
		browser.clickAndAwaitPage(button);
		assertThat(browser.errorMessages()).as("error messages on %s", browser.currentPath()).isEmpty();
		assertState(expectedState);
	}

	private static void assertState(String expected) {
		assertThat(browser.waitFor(By.id("workorder-state")).getText()).as("the work order's state").isEqualTo(expected);
	}

}
