package io.estatedesk.complaint.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import io.estatedesk.complaint.Channel;
import io.estatedesk.complaint.ComplaintManagement;
import io.estatedesk.complaint.Severity;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The complaint's forms after a mistake, in Chromium: the message stands in Chinese under the field that caused it,
 * and everything typed — times, choices, long texts — is still there, so correcting the one field is enough.
 */
@IntegrationTest
class ComplaintFormsBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	@Autowired
	ComplaintManagement complaints;

	@Autowired
	JdbcTemplate jdbc;

	String office;

	String projectName;

	long projectId;

	@BeforeEach
	void setUp() {
		projectName = "表单花园" + BrowserTestData.suffix();
		projectId = fixtures.project(projectName);
		office = fixtures.staffWithRole("OFFICE");
	}

	long category() {
		return jdbc.queryForObject("select id from complaint_category where name = '房屋质量'", Long.class);
	}

	long complaint(String receiver) {
		return fixtures.as(receiver, () -> complaints.receive(new ComplaintManagement.Intake(projectId, "表单业主",
				BusinessClock.localNowToMinute().minusHours(1), null, null, BrowserTestData.mobile(), Channel.PHONE,
				category(), Severity.GENERAL, "地下车库顶板渗水，车辆被污", "尽快处理")));
	}

	static String value(String id) {
		return browser.waitFor(By.id(id)).getDomProperty("value");
	}

	static String selected(String id) {
		return new Select(browser.find(By.id(id))).getFirstSelectedOption().getText();
	}

	/** The message under a field: the fragment's error element, pointed at by the field's aria-describedby. */
	static String errorOf(String id) {
		WebElement field = browser.waitFor(By.id(id));
		assertThat(field.getDomAttribute("class")).as("%s is marked", id).contains("is-invalid");
		assertThat(field.getDomAttribute("aria-describedby")).as("%s points at its message", id).isEqualTo(id + "-error");
		WebElement error = browser.find(By.id(id + "-error"));
		// the message stands right under its field, not in a banner somewhere else on the page
		long gap = (Long) ((JavascriptExecutor) browser.driver()).executeScript("""
				const f = arguments[0].getBoundingClientRect(), e = arguments[1].getBoundingClientRect();
				return Math.round(e.top - f.bottom);""", field, error);
		assertThat(gap).as("distance between %s and its message", id).isBetween(0L, 60L);
		return error.getText();
	}

	static void setValue(String id, String value) {
		((JavascriptExecutor) browser.driver()).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
				browser.waitFor(By.id(id)), value);
	}

	@Test
	void intakeWithAWrongPhoneKeepsEverythingTypedAndSaysWhatIsWrongUnderThePhone() {
		browser.login(office, Fixtures.PASSWORD);
		browser.open("/complaints/new");
		String at = BusinessClock.localNowToMinute().minusHours(3).toString();
		browser.select(By.id("projectId"), projectName);
		browser.type(By.id("complainant"), "郑女士");
		setValue("complainedAt", at);
		browser.type(By.id("contactPhone"), "12345");
		browser.select(By.id("channel"), "来访");
		browser.select(By.id("categoryId"), "房屋质量");
		new Select(browser.find(By.id("severity"))).selectByValue("MAJOR");
		browser.type(By.id("content"), "单元门禁失灵，老人进出不便");
		browser.type(By.id("remedy"), "本周内修好");
		browser.clickAndAwaitPage(By.id("save-complaint"));

		assertThat(errorOf("contactPhone")).startsWith("电话号码格式不正确");
		assertThat(browser.find(By.cssSelector("[data-form-alert]")).getText()).contains("请修改下面标出的 1 处");
		assertThat(selected("projectId")).isEqualTo(projectName);
		assertThat(value("complainant")).isEqualTo("郑女士");
		assertThat(value("complainedAt")).as("the typed time, not now").startsWith(at);
		assertThat(value("contactPhone")).isEqualTo("12345");
		assertThat(selected("channel")).isEqualTo("来访");
		assertThat(selected("categoryId")).isEqualTo("房屋质量");
		assertThat(new Select(browser.find(By.id("severity"))).getFirstSelectedOption().getDomProperty("value"))
			.isEqualTo("MAJOR");
		assertThat(value("content")).isEqualTo("单元门禁失灵，老人进出不便");
		assertThat(value("remedy")).isEqualTo("本周内修好");

		browser.type(By.id("contactPhone"), "0571-88886666-801");
		browser.clickAndAwaitPage(By.id("save-complaint"));
		assertThat(browser.currentPath()).matches("/complaints/\\d+");
		assertThat(browser.errorMessages()).isEmpty();
		long id = Long.parseLong(browser.currentPath().substring("/complaints/".length()));
		assertThat(jdbc.queryForObject("select complained_at = ? from complaint where id = ?", Boolean.class,
				java.sql.Timestamp.from(LocalDateTime.parse(at).atZone(BusinessClock.ZONE).toInstant()), id))
			.as("saved with the typed time").isTrue();
	}

	@Test
	void submittingTheAnalysisWithoutSavingKeepsTheTextsAndNamesTheMissingOne() {
		long id = complaint(office);
		browser.login(office, Fixtures.PASSWORD);
		browser.open("/complaints/" + id);
		browser.select(By.id("causeType"), "施工质量");
		browser.type(By.id("causeAnalysis"), "顶板防水层施工时搭接不足");
		browser.type(By.id("correctiveAction"), "重做顶板防水并清洗车辆");
		browser.clickAndAwaitPage(By.id("submit-complaint"));

		assertThat(errorOf("handlingOpinion")).isEqualTo("提交前请填写处理意见");
		assertThat(selected("causeType")).isEqualTo("施工质量");
		assertThat(value("causeAnalysis")).isEqualTo("顶板防水层施工时搭接不足");
		assertThat(value("correctiveAction")).isEqualTo("重做顶板防水并清洗车辆");
		assertThat(browser.find(By.id("complaint-state")).getText()).as("refused: nothing saved").isEqualTo("受理");

		// 20,000 characters: refused under the field with the limit, the text still there (not an English error page)
		String tooLong = "渗".repeat(20_000);
		setValue("causeAnalysis", tooLong);
		browser.type(By.id("handlingOpinion"), "由施工单位承担费用");
		browser.clickAndAwaitPage(By.id("submit-complaint"));
		assertThat(errorOf("causeAnalysis")).isEqualTo("内容过长：最多 10000 个字。");
		assertThat(value("causeAnalysis")).hasSize(20_000);
		assertThat(value("handlingOpinion")).isEqualTo("由施工单位承担费用");
		assertThat(value("correctiveAction")).isEqualTo("重做顶板防水并清洗车辆");

		browser.type(By.id("causeAnalysis"), "顶板防水层施工时搭接不足");
		browser.clickAndAwaitPage(By.id("submit-complaint"));
		assertThat(browser.errorMessages()).isEmpty();
		assertThat(browser.find(By.id("complaint-state")).getText()).isEqualTo("待回复");
		assertThat(jdbc.queryForObject("select handling_opinion from complaint where id = ?", String.class, id))
			.as("submitted with what the form carried").isEqualTo("由施工单位承担费用");
	}

	@Test
	void aTransferWithoutReasonKeepsTheChosenPersonAndSaysSoUnderTheReason() {
		long id = complaint(office);
		String manager = fixtures.staffWithRole("MANAGER");
		String other = fixtures.staffWithRole("FIELD");
		String otherId = String.valueOf(fixtures.staffId(other));
		browser.login(manager, Fixtures.PASSWORD);
		browser.open("/complaints/" + id);
		new Select(browser.waitFor(By.id("handlerId"))).selectByValue(otherId);
		browser.clickAndAwaitPage(By.id("transfer-submit"));

		assertThat(errorOf("reason")).isEqualTo("请填写转交原因");
		assertThat(new Select(browser.find(By.id("handlerId"))).getFirstSelectedOption().getDomProperty("value"))
			.as("the person chosen, not the current handler").isEqualTo(otherId);

		browser.type(By.id("reason"), "业主要求外勤上门");
		browser.clickAndAwaitPage(By.id("transfer-submit"));
		assertThat(browser.errorMessages()).isEmpty();
		assertThat(jdbc.queryForObject("select handler_id from complaint where id = ?", Long.class, id))
			.isEqualTo(fixtures.staffId(other));
	}

}
