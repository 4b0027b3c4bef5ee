package io.estatedesk.office.browser;

import io.estatedesk.shared.BusinessClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

import io.estatedesk.support.BrowserSession;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 考勤 in a real browser: the 内勤 imports a month of the time clock's punches, a staff member who forgot to punch in
 * one morning files a 未打卡说明, the 部门经理 approves it and the month's statistics no longer count that day missing.
 */
@IntegrationTest
class AttendanceBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aMonthOfPunchesANoteForAMissedPunchApprovedByTheManagerChangesTheStatistics() throws IOException {
		YearMonth month = YearMonth.of(2026, 10);
		LocalDate forgotten = LocalDate.of(2026, 10, 13);
		String clerk = fixtures.staffWithRole("FIELD");
		String manager = fixtures.staffWithRole("MANAGER");
		Path punches = Files.createTempFile("punches", ".xlsx");
		Files.write(punches, punches(clerk, month, forgotten));

		browser.login(manager, Fixtures.PASSWORD);
		browser.open("/attendance?month=" + month);
		browser.find(By.id("punch-file")).sendKeys(punches.toAbsolutePath().toString());
		browser.click(browser.find(By.id("import-punches")));
		assertThat(browser.waitFor(By.id("import-result")).getText()).isEqualTo("读取 " + (month.lengthOfMonth() * 2 - 1) + " 行，新增打卡 " + (month.lengthOfMonth() * 2 - 1) + " 条。");
		browser.open("/attendance?month=" + month);
		assertThat(missing(clerk)).as("the morning without a punch").isEqualTo("1");
		browser.screenshot("attendance-01-imported");
		browser.logout();

		browser.login(clerk, Fixtures.PASSWORD);
		browser.open("/attendance?month=" + month);
		WebElement day = browser.find(By.xpath("//table[@id='attendance-days']//tr[td[starts-with(., '" + forgotten + "')]]"));
		assertThat(day.getText()).contains("未打卡");
		browser.typeDate(By.id("day"), forgotten.toString());
		browser.select(By.id("kind"), "上班未打卡");
		typeTime(By.id("time"), "08:50");
		browser.type(By.id("reason"), "早上到楼盘接待业主，忘记打卡");
		browser.clickAndAwaitPage(By.id("file-note"));
		assertThat(browser.find(By.id("my-notes")).getText()).contains(forgotten.toString(), "上班未打卡", "待审批");
		browser.logout();

		browser.login(manager, Fixtures.PASSWORD);
		browser.open("/attendance/notes");
		WebElement row = browser.find(By.xpath("//table[@id='notes']//tr[td[.='测试FIELD'] and td[.='" + forgotten + "']]"));
		assertThat(row.getText()).contains("早上到楼盘接待业主，忘记打卡", "08:50");
		browser.clickAndAwaitPage(row.findElement(By.xpath(".//button[starts-with(@id, 'approve-')]")), "the notes after approving");
		assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("已批准，考勤统计已更新。");
		browser.open("/attendance?month=" + month);
		assertThat(missing(clerk)).as("approved: the day counts as punched in at 08:50").isEqualTo("0");
		browser.screenshot("attendance-02-approved");
	}

	@Test
	void aMeetingsActionItemShowsInItsOwnersTaskListAndTheirProgressInTheMeeting() {
		String manager = fixtures.staffWithRole("MANAGER");
		String field = fixtures.staffWithRole("FIELD");
		long fieldId = jdbc.queryForObject("select id from staff_account where username = ?", Long.class, field);
		String title = "十二月业主答谢会方案" + fieldId;

		browser.login(manager, Fixtures.PASSWORD);
		browser.open("/meetings");
		browser.type(By.id("m-title"), "十一月部门例会" + fieldId);
		browser.type(By.id("m-agenda"), "1. 投诉回访情况 2. 年底业主活动");
		browser.submitFormOf(By.id("m-title"));
		browser.type(By.id("minutes"), "回访完成率偏低，需加强；年底举办业主答谢会。");
		browser.submitFormOf(By.id("minutes"));
		browser.type(By.id("task-title"), title);
		new Select(browser.find(By.id("task-owner"))).selectByValue(String.valueOf(fieldId));
		browser.typeDate(By.id("task-due"), BusinessClock.today().plusDays(10).toString());
		browser.submitFormOf(By.id("task-title"));
		assertThat(browser.find(By.tagName("main")).getText()).contains(title, "回访完成率偏低，需加强");
		browser.logout();

		browser.login(field, Fixtures.PASSWORD);
		browser.open("/tasks");
		WebElement progress = browser.find(By.cssSelector("input[aria-label^='" + title + "']"));
		progress.clear();
		progress.sendKeys("100");
		By saved = By.cssSelector("input[aria-label^='" + title + "']");
		browser.submitFormOf(saved);
		assertThat(browser.waitFor(saved).getDomProperty("value")).isEqualTo("100");
		browser.screenshot("office-01-tasks");
	}

	@Test
	void aNoteWithoutAReasonIsMarkedUnderTheReasonWithTheDayKindAndTimeKeptThenFiledOnceTheReasonIsGiven() {
		// a day that is in the past at any hour of any day the suite runs
		LocalDate day = BusinessClock.today().minusDays(2);
		String clerk = fixtures.staffWithRole("FIELD");
		browser.login(clerk, Fixtures.PASSWORD);
		browser.open("/attendance");
		assertThat(browser.find(By.cssSelector("#attendance-days thead")).getText()).contains("日期", "上班打卡", "下班打卡", "情况");
		browser.typeDate(By.id("day"), day.toString());
		browser.select(By.id("kind"), "上班未打卡");
		typeTime(By.id("time"), "08:40");
		browser.clickAndAwaitPage(By.id("file-note"));

		WebElement error = browser.waitFor(By.id("reason-error"));
		assertThat(error.getText()).isEqualTo("请填写原因");
		// under its field, not in a banner far away
		WebElement reason = browser.find(By.id("reason"));
		assertThat(error.findElement(By.xpath("preceding-sibling::input[1]")).getDomAttribute("id")).isEqualTo("reason");
		assertThat(Math.abs(error.getRect().getY() - reason.getRect().getY())).isLessThan(80);
		assertThat(reason.getDomAttribute("aria-describedby")).isEqualTo("reason-error");
		assertThat(browser.find(By.id("day")).getDomProperty("value")).isEqualTo(day.toString());
		assertThat(new Select(browser.find(By.id("kind"))).getFirstSelectedOption().getText()).isEqualTo("上班未打卡");
		assertThat(browser.find(By.id("time")).getDomProperty("value")).isEqualTo("08:40");
		assertThat(browser.find(By.cssSelector("#note-form [data-form-alert]")).getText()).contains("请修改下面标出的 1 处");
		browser.screenshot("attendance-03-note-error");

		browser.type(By.id("reason"), "早上陪业主验房，忘记打卡");
		browser.clickAndAwaitPage(By.id("file-note"));
		assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("未打卡说明已提交，等待部门经理审批。");
		assertThat(browser.find(By.id("my-notes")).getText()).contains(day.toString(), "上班未打卡", "待审批", "早上陪业主验房");
	}

	private String missing(String username) {
		return browser.find(By.xpath("//table[@id='attendance-stats']//tr[@data-username='" + username + "']/td[contains(@class, 'missing')]"))
			.getText();
	}

	/** Types a time as a user does; the browser's locale decides whether it also wants AM/PM. */
	private void typeTime(By by, String hhmm) {
		WebElement input = browser.waitFor(by);
		input.sendKeys(hhmm.replace(":", ""));
		if (!hhmm.equals(input.getDomProperty("value"))) {
			input.sendKeys("AM");
		}
		assertThat(input.getDomProperty("value")).isEqualTo(hhmm);
	}

	/** The time clock's export: a row per punch, 08:55 and 18:05 every day, but no morning punch on {@code forgotten}. */
	private static byte[] punches(String username, YearMonth month, LocalDate forgotten) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook wb = new Workbook(out, "TimeClock", "1.0");
		Worksheet ws = wb.newWorksheet("打卡记录");
		ws.value(0, 0, "用户名");
		ws.value(0, 1, "打卡时间");
		int r = 1;
		for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
			if (!d.equals(forgotten)) {
				ws.value(r, 0, username);
				ws.value(r++, 1, LocalDateTime.of(d.getYear(), d.getMonth(), d.getDayOfMonth(), 8, 55));
				ws.style(r - 1, 1).format("yyyy-mm-dd hh:mm").set();
			}
			ws.value(r, 0, username);
			ws.value(r++, 1, d + " 18:05");
		}
		wb.finish();
		return out.toByteArray();
	}

}
