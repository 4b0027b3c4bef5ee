package io.estatedesk.estate.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.estatedesk.support.BrowserSession;
import io.estatedesk.support.BrowserTestData;
import io.estatedesk.support.IntegrationTest;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 导入 in a real browser: upload an xlsx, watch the progress, read the rejected rows, find the imported owners. */
@IntegrationTest
class ArchiveImportBrowserTests {

	/** The column headings of the import template, in its order. */
	private static final List<String> COLUMNS = List.of("项目", "楼栋", "房号", "楼层", "建筑面积", "户型", "房屋状态", "交房日期",
			"业主姓名", "性别", "手机号码", "其他电话", "证件类型", "证件号码", "签约日期", "标签", "备注");

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@LocalServerPort
	int port;

	@TempDir
	Path tempDir;

	@Test
	void importsAFileAndReportsTheBadRow() throws IOException, InterruptedException {
		String suffix = BrowserTestData.suffix();
		String projectName = "导入测试苑" + suffix;
		new BrowserTestData(port).createProject(projectName);
		String good1 = "钱" + suffix + "甲";
		String good2 = "孙" + suffix + "乙";
		String bad = "李" + suffix + "丙";
		String goodMobile1 = BrowserTestData.mobile();
		String goodMobile2 = BrowserTestData.mobile();
		Path file = tempDir.resolve("业主档案-" + suffix + ".xlsx");
		// every cell filled: see importsRowsWhoseLastCellsAreEmpty for rows that leave the last columns blank
		writeSheet(file,
				row(projectName, "2号楼", "2-0101", "1", "89.5", "两室一厅", "已售", "2024-06-30", good1, "男", goodMobile1,
						"0571-88880001", "居民身份证", BrowserTestData.idNumber(), "2023-12-01", "VIP", "导入测试"),
				row(projectName, "2号楼", "2-0102", "1", "120", "三室两厅", "已交房", "2024-06-30", good2, "女", goodMobile2,
						"0571-88880002", "居民身份证", BrowserTestData.idNumber(), "2023-12-02", "老业主", "导入测试"),
				row(projectName, "2号楼", "2-0103", "1", "89.5", "两室一厅", "已售", "2024-06-30", bad, "男", "12345",
						"0571-88880003", "居民身份证", BrowserTestData.idNumber(), "2023-12-03", "VIP", "手机号码不对"));
		int badRowNo = 4; // header is Excel row 1, so the third data row is row 4

		browser.login("admin", IntegrationTest.ADMIN_PASSWORD);
		browser.open("/imports");
		browser.screenshot("import-01-upload-page");
		String jobPath = upload(file);
		browser.screenshot("import-02-finished");

		WebElement rejections = browser.waitFor(By.id("rejections"));
		List<List<String>> rejected = new ArrayList<>();
		for (WebElement tr : rejections.findElements(By.cssSelector("tbody tr"))) {
			rejected.add(tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
		}
		assertThat(rejected).as("rejected rows (行号, 列, 原因)").isNotEmpty();
		assertThat(rejected).extracting(r -> r.get(0)).as("rejected row numbers").containsOnly(String.valueOf(badRowNo));
		assertThat(rejected).extracting(r -> r.get(1)).as("rejected columns").containsExactly("手机号码");
		assertThat(rejected.get(0).get(2)).as("reason").isNotBlank();
		assertThat(browser.find(By.id("progress")).getText()).contains("成功 2 行", "错误 1 行");

		WebElement report = browser.find(By.id("download-report"));
		assertThat(report.getDomProperty("href")).isEqualTo(browser.baseUrl() + jobPath + "/report");
		assertThat(reportRows(report.getDomProperty("href"))).as("the error report's rows")
			.anySatisfy(r -> assertThat(r).contains(String.valueOf(badRowNo), "手机号码"));

		List<String> names = ownersOfProject(projectName);
		assertThat(names).as("owners of %s", projectName).containsExactlyInAnyOrder(good1, good2);
		String tableText = browser.find(By.id("owners-table")).getText();
		assertThat(tableText).contains(BrowserTestData.masked(goodMobile1), BrowserTestData.masked(goodMobile2))
			.doesNotContain(goodMobile1)
			.contains("2号楼 2-0101", "2号楼 2-0102");
		browser.screenshot("import-03-imported-owners");

		assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
	}

	/**
	 * A sheet as Excel saves it when the last columns of a row (标签, 备注) are left blank: the row simply has fewer
	 * cells than the header row. Such rows are ordinary and must import like any other.
	 */
	@Test
	void importsRowsWhoseLastCellsAreEmpty() throws IOException {
		String suffix = BrowserTestData.suffix();
		String projectName = "空列测试苑" + suffix;
		new BrowserTestData(port).createProject(projectName);
		String full = "周" + suffix + "甲";
		String shorter = "吴" + suffix + "乙";
		Path file = tempDir.resolve("末列留空-" + suffix + ".xlsx");
		writeSheet(file,
				row(projectName, "3号楼", "3-0101", "1", "89.5", "两室一厅", "已售", "2024-06-30", full, "男",
						BrowserTestData.mobile(), "0571-88880004", "居民身份证", BrowserTestData.idNumber(), "2023-12-01", "VIP",
						"全部填写"),
				row(projectName, "3号楼", "3-0102", "1", "120", "三室两厅", "已售", "2024-06-30", shorter, "女",
						BrowserTestData.mobile(), "", "居民身份证", BrowserTestData.idNumber(), "2023-12-02", "", ""));

		browser.login("admin", IntegrationTest.ADMIN_PASSWORD);
		browser.open("/imports");
		upload(file);
		browser.screenshot("import-04-last-cells-empty");
		assertThat(browser.find(By.id("progress")).getText()).contains("成功 2 行", "错误 0 行", "全部行已导入。");

		assertThat(ownersOfProject(projectName)).as("owners of %s", projectName).containsExactlyInAnyOrder(full, shorter);
	}

	/** Uploads a file on /imports, waits for the import to end and checks it ended well; returns the job's path. */
	private static String upload(Path file) {
		browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.click(browser.find(By.id("upload")));
		browser.waitUntil(d -> browser.currentPath().matches("/imports/\\d+"), "the import's progress page");
		String jobPath = browser.currentPath();
		String status = browser.waitUntil(d -> d.findElements(By.id("import-status"))
			.stream()
			.map(WebElement::getText)
			.filter(s -> s.equals("导入完成") || s.equals("导入失败"))
			.findFirst()
			.orElse(null), "the import to end (导入完成 or 导入失败)", Duration.ofSeconds(30));
		assertThat(status).as("import status; the page says: %s", browser.find(By.id("progress")).getText())
			.isEqualTo("导入完成");
		return jobPath;
	}

	/** The names in the owner list filtered by a project, chosen in the filter form. */
	private static List<String> ownersOfProject(String projectName) {
		browser.open("/owners");
		browser.select(By.id("f-project"), projectName);
		browser.submitFormOf(By.id("f-project"));
		browser.waitUntil(d -> browser.currentPath().contains("projectId="), "the list filtered by project");
		return browser.findAll(By.cssSelector("#owners-table tbody tr td:first-child"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private static List<String> row(String... values) {
		return List.of(values);
	}

	@SafeVarargs
	private static void writeSheet(Path file, List<String>... rows) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			Workbook wb = new Workbook(out, "EstateDesk", "1.0");
			Worksheet ws = wb.newWorksheet("业主档案");
			for (int c = 0; c < COLUMNS.size(); c++) {
				ws.value(0, c, COLUMNS.get(c));
			}
			for (int r = 0; r < rows.length; r++) {
				for (int c = 0; c < rows[r].size(); c++) {
					if (!rows[r].get(c).isEmpty()) {
						ws.value(r + 1, c, rows[r].get(c));
					}
				}
			}
			wb.finish();
		}
	}

	/** Downloads the error report with the browser's session and reads its rows as text. */
	private static List<List<String>> reportRows(String url) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", browser.sessionCookie()).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(response.body()));
				Stream<Row> rows = wb.getFirstSheet().openStream()) {
			return rows.map(r -> r.stream().map(c -> c == null ? "" : c.getText()).toList()).toList();
		}
	}

}
