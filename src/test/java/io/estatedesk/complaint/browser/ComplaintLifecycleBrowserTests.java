package io.estatedesk.complaint.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.estatedesk.support.BrowserSession;
import io.estatedesk.support.BrowserTestData;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 投诉 in a real browser, as the staff work it: 内勤 receives a complaint through the intake form with the cascading
 * 项目 → 楼栋 → 房号 → 业主 pickers and takes it through follow-up, analysis, (领导批示 for a 重大 one), reply, return
 * call and closing; the history shows every step.
 */
@IntegrationTest
class ComplaintLifecycleBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	String office;

	String leader;

	String projectName;

	String ownerName;

	long unitId;

	long ownerId;

	@BeforeEach
	void setUp() {
		String suffix = BrowserTestData.suffix();
		projectName = "投诉花园" + suffix;
		ownerName = "韩" + suffix;
		long projectId = fixtures.project(projectName);
		long buildingId = fixtures.building(projectId, "5号楼");
		unitId = fixtures.unit(projectId, buildingId, "5-0302", "SOLD");
		ownerId = fixtures.owner(ownerName, BrowserTestData.mobile(), BrowserTestData.idNumber());
		fixtures.holds(ownerId, unitId);
		office = fixtures.staffWithRole("OFFICE");
		leader = fixtures.staffWithRole("LEADER");
	}

	@Test
	void takesAMajorComplaintFromIntakeThroughInstructionReplyAndReturnCallToClosed() {
		browser.login(office, Fixtures.PASSWORD);
		String path = receive("MAJOR", "卫生间顶棚渗水，楼上住户装修后出现，已持续一周", "complaint-01-intake-major");
		assertThat(browser.find(By.cssSelector(".alert-success")).getText()).startsWith("投诉已受理");
		assertThat(browser.find(By.tagName("h1")).getText()).as("badges of a 重大 complaint").contains("重大");
		assertThat(browser.find(By.tagName("main")).getText()).as("the intake as recorded")
			.contains(projectName, "5号楼", "5-0302", ownerName, "房屋质量", "卫生间顶棚渗水");
		browser.screenshot("complaint-02-received");

		addFollowup("电话", "已致电业主，约定明早上门查看渗水位置");
		assertState("处理中");
		analyse("楼上卫生间防水层在装修时被破坏", "责成施工单位重做楼上防水并修复顶棚", "由工程部跟进维修，费用由楼上装修方承担");
		browser.screenshot("complaint-03-analysed");
		act(By.id("submit-complaint"), "待领导批示");
		assertThat(browser.findAll(By.id("analysis-form"))).as("the analysis is locked while the leader decides").isEmpty();
		assertThat(browser.findAll(By.id("instruction-form"))).as("an 内勤 cannot instruct").isEmpty();
		browser.screenshot("complaint-04-pending-instruction");

		logout();
		browser.login(leader, Fixtures.PASSWORD);
		browser.open(path);
		assertState("待领导批示");
		browser.type(By.id("leaderInstruction"), "同意处理意见，三日内修复并回访");
		browser.screenshot("complaint-05-leader-instruction");
		act(By.id("approve"), "待回复");
		assertThat(browser.find(By.id("leader-instruction")).getText()).contains("同意处理意见，三日内修复并回访", "测试LEADER");
		assertThat(browser.findAll(By.id("reply-form"))).as("the leader does not reply: the receiver does").isEmpty();
		browser.screenshot("complaint-06-instructed");

		logout();
		browser.login(office, Fixtures.PASSWORD);
		browser.open(path);
		assertState("待回复");
		browser.type(By.id("replyContent"), "已安排施工单位本周五前修复顶棚，费用由楼上装修方承担");
		act(By.id("send-reply"), "已回复");
		browser.type(By.id("returnResult"), "业主确认顶棚已修复，对处理结果满意");
		browser.screenshot("complaint-07-return-call");
		act(By.id("satisfied"), "回访");
		browser.type(By.id("lesson"), "装修审批时须提醒装修方保护防水层");
		act(By.id("close-complaint"), "已关闭");
		browser.screenshot("complaint-08-closed");

		assertThat(browser.find(By.tagName("main")).getText()).as("the closed complaint's record")
			.contains("已致电业主，约定明早上门查看渗水位置", "楼上卫生间防水层在装修时被破坏", "同意处理意见，三日内修复并回访",
					"已安排施工单位本周五前修复顶棚", "业主确认顶棚已修复，对处理结果满意", "装修审批时须提醒装修方保护防水层");
		assertThat(browser.findAll(By.id("content"))).as("no more follow-ups once closed").isEmpty();

		List<String> history = history();
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
				browser.find(By.id("history")));
		browser.screenshot("complaint-09-history");
		assertThat(history).as("处理经过").anySatisfy(row -> assertThat(row).endsWith("测试OFFICE 受理"))
			.anySatisfy(row -> assertThat(row).contains("跟进", "电话：已致电业主"))
			.anySatisfy(row -> assertThat(row).contains("领导批示", "同意处理意见，三日内修复并回访"))
			.anySatisfy(row -> assertThat(row).contains("经验总结", "装修审批时须提醒装修方保护防水层"));
		assertThat(stateChanges(history)).as("the state changes in the history, in order")
			.containsExactly("受理 → 处理中", "处理中 → 待领导批示", "待领导批示 → 待回复", "待回复 → 已回复", "已回复 → 回访",
					"回访 → 已关闭");
		assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();

		// who did what: staff are shown by their names (测试OFFICE, 测试LEADER), not by their login names
		SoftAssertions byName = new SoftAssertions();
		byName.assertThat(history).as("处理经过 names the leader who instructed")
			.anySatisfy(row -> assertThat(row).contains("测试LEADER", "待领导批示 → 待回复"));
		byName.assertThat(history).as("处理经过 names the 内勤 who closed")
			.anySatisfy(row -> assertThat(row).contains("测试OFFICE", "回访 → 已关闭"));
		byName.assertThat(String.join("\n", history)).as("处理经过 shows no login names")
			.doesNotContain(office)
			.doesNotContain(leader);
		byName.assertThat(browser.find(By.id("followups")).getText()).as("跟进记录 names who followed up")
			.contains("测试OFFICE")
			.doesNotContain(office);
		byName.assertAll();
	}

	@Test
	void reopensAComplaintWhenTheOwnerIsNotSatisfied() {
		browser.login(office, Fixtures.PASSWORD);
		receive("GENERAL", "小区东门道闸经常抬杆失灵，车辆进出排队", "complaint-11-intake-general");
		assertThat(browser.find(By.tagName("h1")).getText()).as("no 重大 badge").doesNotContain("重大");
		addFollowup("上门", "已查看道闸，控制板老化");
		analyse("道闸控制板老化", "更换控制板", "物业公司三日内更换");
		act(By.id("submit-complaint"), "待回复");
		browser.type(By.id("replyContent"), "道闸控制板已更换");
		act(By.id("send-reply"), "已回复");

		browser.type(By.id("returnResult"), "业主反映更换后仍偶尔失灵");
		act(By.id("not-satisfied"), "处理中");
		assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("重新打开");
		assertThat(browser.find(By.tagName("h1")).getText()).as("the reopened badge").contains("重新打开 1 次");
		assertThat(browser.findAll(By.id("submit-complaint"))).as("the complaint is handled again").isNotEmpty();
		browser.screenshot("complaint-12-reopened");

		List<String> history = history();
		assertThat(history).as("处理经过")
			.anySatisfy(row -> assertThat(row).contains("重新打开", "业主反映更换后仍偶尔失灵"))
			.anySatisfy(row -> assertThat(row).contains("已回复 → 处理中", "不满意，重新打开"));
		assertThat(stateChanges(history)).as("the state changes in the history, in order")
			.containsExactly("受理 → 处理中", "处理中 → 待回复", "待回复 → 已回复", "已回复 → 处理中");
		assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
	}

	@Test
	void showsThePrintedFormAsAPdf() throws IOException, InterruptedException {
		browser.login(office, Fixtures.PASSWORD);
		String path = receive("GENERAL", "地下车库照明灯损坏多盏", "complaint-21-intake-to-print");
		String code = browser.find(By.id("complaint-code")).getText();

		WebElement print = browser.find(By.id("print"));
		assertThat(print.getText()).isEqualTo("打印处理单");
		String href = print.getDomProperty("href");
		assertThat(href).isEqualTo(browser.baseUrl() + path + "/form.pdf");
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", browser.sessionCookie()).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as("GET %s", href).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/pdf"));
		assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				d -> assertThat(d).startsWith("inline").contains(code + ".pdf"));
		assertThat(new String(Arrays.copyOf(response.body(), 5), StandardCharsets.ISO_8859_1)).as("the file's start")
			.isEqualTo("%PDF-");
		try (PDDocument pdf = Loader.loadPDF(response.body())) {
			assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", "")).as("the printed 投诉处理单")
				.contains("投诉处理单", "编号：" + code, projectName, ownerName, "地下车库照明灯损坏多盏");
		}
	}

	// ---- steps

	/**
	 * Fills in the intake form for the fixture's unit and owner, picking 项目 → 楼栋 → 房号 → 业主 as each list loads,
	 * receives the complaint and returns the new complaint's path.
	 */
	private String receive(String severity, String content, String screenshot) {
		browser.open("/complaints/new");
		assertThat(browser.waitFor(By.id("complainedAt")).getDomProperty("value")).as("投诉时间 is prefilled")
			.isNotBlank();
		assertThat(new Select(browser.find(By.id("receiverId"))).getFirstSelectedOption().getDomProperty("value"))
			.as("接报人 is the user by default")
			.isEqualTo(String.valueOf(fixtures.staffId(office)));
		browser.select(By.id("projectId"), projectName);
		selectWhenOffered(By.id("unit-building"), "5号楼");
		assertThat(selectWhenOffered(By.id("unitId"), "5-0302")).isEqualTo(String.valueOf(unitId));
		assertThat(selectWhenOffered(By.id("ownerId"), ownerName)).isEqualTo(String.valueOf(ownerId));
		browser.type(By.id("complainant"), ownerName);
		browser.select(By.id("channel"), "来电");
		browser.select(By.id("categoryId"), "房屋质量");
		new Select(browser.find(By.id("severity"))).selectByValue(severity);
		browser.type(By.id("content"), content);
		browser.type(By.id("remedy"), "尽快修复");
		((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0);");
		browser.screenshot(screenshot);
		browser.click(browser.find(By.id("save-complaint")));
		browser.waitUntil(d -> browser.currentPath().matches("/complaints/\\d+"), "the new complaint's page");
		assertNoError();
		assertState("受理");
		return browser.currentPath();
	}

	private static void addFollowup(String way, String content) {
		browser.type(By.id("way"), way);
		browser.type(By.id("content"), content);
		WebElement button = browser.find(By.id("add-followup"));
		browser.clickAndAwaitPage(button, "the page after adding the follow-up");
		assertNoError();
		assertThat(browser.waitFor(By.id("followups")).getText()).contains(way, content);
	}

	private static void analyse(String cause, String action, String opinion) {
		browser.type(By.id("causeAnalysis"), cause);
		browser.type(By.id("correctiveAction"), action);
		browser.type(By.id("handlingOpinion"), opinion);
		WebElement button = browser.find(By.id("save-analysis"));
		browser.clickAndAwaitPage(button, "the page after saving the analysis");
		assertNoError();
		assertThat(browser.waitFor(By.id("causeAnalysis")).getDomProperty("value")).isEqualTo(cause);
		assertThat(browser.find(By.id("correctiveAction")).getDomProperty("value")).isEqualTo(action);
		assertThat(browser.find(By.id("handlingOpinion")).getDomProperty("value")).isEqualTo(opinion);
	}

	/** Clicks a button that posts a step, waits for the complaint's page again and checks the state it shows. */
	private static void act(By button, String expectedState) {
		browser.clickAndAwaitPage(button);
		assertNoError();
		assertState(expectedState);
	}

	private static void assertState(String expected) {
		assertThat(browser.waitFor(By.id("complaint-state")).getText()).as("the complaint's state").isEqualTo(expected);
	}

	private static void assertNoError() {
		assertThat(browser.errorMessages()).as("error messages on %s", browser.currentPath()).isEmpty();
	}

	private static void logout() {
		browser.logout();
	}

	/**
	 * The rows of the 处理经过 table, as text; the blank the template leaves before each full-width colon ("状态 ：") is
	 * taken out.
	 */
	private static List<String> history() {
		return browser.findAll(By.cssSelector("#history tr"))
			.stream()
			.map(WebElement::getText)
			.map(row -> row.replaceAll("\\s+：\\s*", "："))
			.toList();
	}

	/** The "from → to" part of the state rows of the history, in order. */
	private static List<String> stateChanges(List<String> history) {
		return history.stream()
			.filter(row -> row.contains("状态："))
			.map(row -> row.substring(row.indexOf("状态：") + 3).replaceAll("（.*）", "").strip())
			.toList();
	}

	/**
	 * Waits until an htmx-loaded select offers an option starting with {@code textPrefix}, chooses it and returns its
	 * value; unlike {@link BrowserSession#selectWhenOffered} it reads the options again when htmx replaces them while
	 * they are being read.
	 */
	private static String selectWhenOffered(By by, String textPrefix) {
		String value = new WebDriverWait(browser.driver(), BrowserSession.WAIT).ignoring(StaleElementReferenceException.class)
			.withMessage("an option starting with '" + textPrefix + "' in " + by)
			.until(d -> d.findElements(by)
				.stream()
				.flatMap(select -> select.findElements(By.tagName("option")).stream())
				.filter(o -> o.getText().strip().startsWith(textPrefix))
				.map(o -> o.getDomProperty("value"))
				.findFirst()
				.orElse(null));
		new WebDriverWait(browser.driver(), BrowserSession.WAIT).ignoring(StaleElementReferenceException.class)
			.until(d -> {
				new Select(d.findElement(by)).selectByValue(value);
				return true;
			});
		return value;
	}

}
