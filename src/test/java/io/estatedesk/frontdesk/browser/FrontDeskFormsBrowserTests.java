package io.estatedesk.frontdesk.browser;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 来电 and 来访 forms after a mistake: the message stands under its field in Chinese, every typed value — the
 * typed times too — is still there, and once corrected the record carries the times as typed.
 */
@IntegrationTest
class FrontDeskFormsBrowserTests {

	static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	String office;

	String suffix;

	String projectName;

	/** Yesterday at a fixed time: in the past at any hour the suite runs, and shown as typed. */
	static LocalDateTime yesterdayAt(int hour, int minute) {
		return BusinessClock.today().minusDays(1).atTime(hour, minute);
	}

	@BeforeEach
	void setUp() {
		suffix = BrowserTestData.suffix();
		projectName = "前台花园" + suffix;
		fixtures.project(projectName);
		office = fixtures.staffWithRole("OFFICE");
	}

	@Test
	void aCallWithABadNumberKeepsEverythingTypedAndIsRecordedAtTheTypedTimeOnceCorrected() {
		LocalDateTime at = yesterdayAt(8, 15);
		String caller = "褚女士" + suffix;
		browser.login(office, Fixtures.PASSWORD);
		browser.open("/calls");
		browser.type(By.id("callerPhone"), "12345");
		browser.type(By.id("callerName"), caller);
		setValue(By.id("receivedAt"), at.format(INPUT));
		browser.select(By.id("call-project"), projectName);
		browser.click(browser.find(By.id("type-CONSULT")));
		browser.type(By.id("topic"), "物业费");
		browser.type(By.id("content"), "询问物业费缴纳方式" + suffix);
		browser.type(By.id("answer"), "可在物业服务中心缴纳");
		browser.type(By.id("location"), "无");
		browser.click(browser.find(By.id("followUp")));
		browser.clickAndAwaitPage(By.id("save-call"));

		assertThat(browser.find(By.id("callerPhone-error")).getText()).isEqualTo(BrowserTestData.PHONE_MESSAGE);
		assertThat(browser.find(By.id("callerPhone")).getDomAttribute("aria-describedby")).isEqualTo("callerPhone-error");
		assertThat(browser.find(By.cssSelector("#call-form [data-form-alert]")).getText()).contains("请修改下面标出的 1 处");
		assertThat(value("callerPhone")).isEqualTo("12345");
		assertThat(value("callerName")).isEqualTo(caller);
		assertThat(value("receivedAt")).as("the typed time, not now").isEqualTo(at.format(INPUT));
		assertThat(new Select(browser.find(By.id("call-project"))).getFirstSelectedOption().getText()).isEqualTo(projectName);
		assertThat(browser.find(By.id("type-CONSULT")).isSelected()).isTrue();
		assertThat(value("topic")).isEqualTo("物业费");
		assertThat(value("content")).isEqualTo("询问物业费缴纳方式" + suffix);
		assertThat(value("answer")).isEqualTo("可在物业服务中心缴纳");
		assertThat(value("location")).isEqualTo("无");
		assertThat(browser.find(By.id("followUp")).isSelected()).isTrue();
		browser.screenshot("frontdesk-forms-01-call-error");

		String mobile = BrowserTestData.mobile();
		browser.type(By.id("callerPhone"), mobile);
		browser.clickAndAwaitPage(By.id("save-call"));
		assertThat(browser.errorMessages()).isEmpty();
		assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("来电已记录。");

		browser.open("/calls?q=" + suffix);
		String row = browser.find(By.id("calls")).getText();
		assertThat(row).contains(at.format(DateTimeFormatter.ofPattern("MM-dd HH:mm")), caller, "咨询", "询问物业费缴纳方式" + suffix);
		Timestamp stored = jdbc.queryForObject("select received_at from call_log where caller_name = ?", Timestamp.class, caller);
		assertThat(LocalDateTime.ofInstant(stored.toInstant(), BusinessClock.ZONE)).isEqualTo(at);
		assertThat(jdbc.queryForObject("select caller_phone from call_log where caller_name = ?", String.class, caller))
			.isEqualTo(mobile);
	}

	@Test
	void aVisitWithABadNumberKeepsEverythingTypedAndIsRegisteredWithTheTypedTimesOnceCorrected() {
		LocalDateTime in = yesterdayAt(15, 40);
		LocalDateTime out = yesterdayAt(16, 25);
		String visitor = "郑师傅" + suffix;
		browser.login(office, Fixtures.PASSWORD);
		browser.open("/visits");
		assertThat(new Select(browser.find(By.id("identity"))).getFirstSelectedOption().getDomProperty("value"))
			.as("nobody is taken for an owner").isEmpty();
		assertThat(new Select(browser.find(By.id("gender"))).getFirstSelectedOption().getDomProperty("value")).isEmpty();
		browser.select(By.id("identity"), "施工人员");
		browser.type(By.id("visit-name"), visitor);
		browser.select(By.id("gender"), "女");
		browser.type(By.id("employer"), "北京宏达装饰工程有限公司");
		browser.type(By.id("visit-phone"), "abc123");
		browser.type(By.id("people"), "3");
		browser.type(By.id("reason"), "办理装修登记" + suffix);
		setValue(By.id("timeIn"), in.format(INPUT));
		setValue(By.id("timeOut"), out.format(INPUT));
		browser.type(By.id("host"), "陈内勤");
		browser.clickAndAwaitPage(By.id("save-visit"));

		assertThat(browser.find(By.id("phone-error")).getText()).isEqualTo(BrowserTestData.PHONE_MESSAGE);
		assertThat(new Select(browser.find(By.id("identity"))).getFirstSelectedOption().getText()).isEqualTo("施工人员");
		assertThat(value("visit-name")).isEqualTo(visitor);
		assertThat(new Select(browser.find(By.id("gender"))).getFirstSelectedOption().getText()).isEqualTo("女");
		assertThat(value("employer")).isEqualTo("北京宏达装饰工程有限公司");
		assertThat(value("visit-phone")).isEqualTo("abc123");
		assertThat(value("people")).isEqualTo("3");
		assertThat(value("reason")).isEqualTo("办理装修登记" + suffix);
		assertThat(value("timeIn")).as("the typed time, not now").isEqualTo(in.format(INPUT));
		assertThat(value("timeOut")).isEqualTo(out.format(INPUT));
		assertThat(value("host")).isEqualTo("陈内勤");
		browser.screenshot("frontdesk-forms-02-visit-error");

		browser.type(By.id("visit-phone"), "0571-88886666-801");
		browser.clickAndAwaitPage(By.id("save-visit"));
		assertThat(browser.errorMessages()).isEmpty();
		assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("来访已登记。");
		assertThat(browser.currentPath()).isEqualTo("/visits?day=" + in.toLocalDate());
		String row = browser.find(By.xpath("//table[@id='visits']//tr[td[contains(., '" + visitor + "')]]")).getText();
		assertThat(row).contains("施工人员", visitor, "女", "北京宏达装饰工程有限公司", "办理装修登记" + suffix, "3", "15:40", "16:25",
				"陈内勤");
		var stored = jdbc.queryForMap("select time_in, time_out, phone from visit where name = ?", visitor);
		assertThat(LocalDateTime.ofInstant(((Timestamp) stored.get("time_in")).toInstant(), BusinessClock.ZONE)).isEqualTo(in);
		assertThat(LocalDateTime.ofInstant(((Timestamp) stored.get("time_out")).toInstant(), BusinessClock.ZONE)).isEqualTo(out);
		assertThat(stored.get("phone")).isEqualTo("0571-88886666-801");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	private static String value(String id) {
		return browser.find(By.id(id)).getDomProperty("value");
	}

	/**
	 * Puts a date and time into a datetime-local input as the picker does: its segments follow the browser's locale,
	 * so the value is set and the input told, as after typing.
	 */
	private static void setValue(By by, String value) {
		var input = browser.waitFor(by);
		((JavascriptExecutor) browser.driver()).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
						+ "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
				input, value);
		assertThat(input.getDomProperty("value")).isEqualTo(value);
	}

}
