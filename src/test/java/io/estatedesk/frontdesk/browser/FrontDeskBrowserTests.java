package io.estatedesk.frontdesk.browser;

import io.estatedesk.shared.BusinessClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import io.estatedesk.support.BrowserSession;
import io.estatedesk.support.BrowserTestData;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 内勤 in a real browser: a complaint call from an owner found by the number they call from becomes a complaint with
 * the call's data; a visitor is entered with every field of the 《来访登记簿》 and the day's register is printed.
 */
@IntegrationTest
class FrontDeskBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	String office;

	String ownerName;

	String mobile;

	String projectName;

	@BeforeEach
	void setUp() {
		String suffix = BrowserTestData.suffix();
		projectName = "内勤花园" + suffix;
		ownerName = "蒋" + suffix;
		mobile = BrowserTestData.mobile();
		long project = fixtures.project(projectName);
		long unit = fixtures.unit(project, fixtures.building(project, "6号楼"), "6-1202", "OCCUPIED");
		long owner = fixtures.owner(ownerName, mobile, BrowserTestData.idNumber());
		fixtures.holds(owner, unit);
		office = fixtures.staffWithRole("OFFICE");
	}

	@Test
	void aComplaintCallFromAKnownOwnersNumberBecomesAComplaintWithTheCallsData() {
		browser.login(office, Fixtures.PASSWORD);
		browser.open("/calls");
		browser.type(By.id("callerPhone"), mobile);
		WebElement pick = browser.waitFor(By.xpath("//div[@id='callers']//label[contains(., '" + ownerName + "')]"));
		assertThat(pick.getText()).contains("6号楼 6-1202");
		browser.click(pick);
		browser.click(browser.find(By.id("type-COMPLAINT")));
		browser.select(By.id("categoryId"), "物业服务");
		browser.type(By.id("topic"), "物业服务");
		browser.type(By.id("content"), "楼道声控灯坏了一个月没人修");
		browser.type(By.id("answer"), "已记录，今天通知物业维修并回复您");
		browser.screenshot("frontdesk-01-call");
		click(By.id("save-call"));
		assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("来电已记录，并已受理为投诉。");
		String page = browser.find(By.tagName("main")).getText();
		assertThat(page).as("the complaint from the call").contains(ownerName, projectName, "6号楼 6-1202", "楼道声控灯坏了一个月没人修",
				"来电", "物业服务", "测试OFFICE");
		assertThat(browser.find(By.id("complaint-state")).getText()).isEqualTo("受理");
		browser.screenshot("frontdesk-02-complaint");

		browser.open("/calls");
		assertThat(browser.find(By.id("calls")).getText()).contains(ownerName, "投诉", "楼道声控灯坏了一个月没人修", "TS-");
	}

	@Test
	void aVisitorIsRegisteredWithEveryFieldAndTheDaysRegisterPrints() throws Exception {
		browser.login(office, Fixtures.PASSWORD);
		browser.open("/visits");
		browser.select(By.id("identity"), "施工人员");
		browser.type(By.id("visit-name"), "郑师傅");
		browser.select(By.id("gender"), "男");
		browser.type(By.id("employer"), "北京宏达装饰工程有限公司");
		browser.type(By.id("visit-phone"), "13712345678");
		browser.type(By.id("people"), "2");
		browser.type(By.id("reason"), "办理6-1202装修登记");
		browser.type(By.id("host"), "测试OFFICE");
		click(By.id("save-visit"));
		assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("来访已登记。");
		String row = browser.find(By.id("visits")).getText();
		assertThat(row).contains("施工人员", "郑师傅", "男", "北京宏达装饰工程有限公司", "137****5678", "办理6-1202装修登记", "2", "测试OFFICE")
			.doesNotContain("13712345678");
		click(By.id("reveal-phones"));
		assertThat(browser.find(By.id("visits")).getText()).as("after 显示完整号码").contains("13712345678");
		click(By.xpath("//tr[td[contains(., '郑师傅')]]//button[contains(., '离开')]"));
		assertThat(browser.find(By.id("visits")).getText()).as("masked again").doesNotContain("13712345678");
		browser.screenshot("frontdesk-03-visits");

		String masked = register(browser.find(By.id("print-register")).getDomProperty("href"));
		assertThat(masked).contains("来访登记簿" + BusinessClock.today(), "身份", "姓名", "性别", "工作单位", "联系电话", "来访事由",
				"来访时间", "离开时间", "接待人", "施工人员", "郑师傅", "北京宏达装饰工程有限公司", "137****5678", "办理6-1202装修登记")
			.doesNotContain("13712345678");
		assertThat(register(browser.find(By.id("print-register-full")).getDomProperty("href"))).contains("13712345678");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	/** The text of the printed register behind a link, fetched in the browser's session. */
	private static String register(String href) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create(href)).header("Cookie", browser.sessionCookie()).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		try (PDDocument pdf = Loader.loadPDF(response.body())) {
			return new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
		}
	}

	private static void click(By button) {
		browser.clickAndAwaitPage(button);
		assertThat(browser.errorMessages()).as("error messages on %s", browser.currentPath()).isEmpty();
	}

}
