package io.estatedesk.repair.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.estatedesk.complaint.Channel;
import io.estatedesk.complaint.ComplaintManagement;
import io.estatedesk.complaint.Severity;
import io.estatedesk.repair.RepairFixtures;
import io.estatedesk.shared.BusinessClock;
import io.estatedesk.support.BrowserSession;
import io.estatedesk.support.BrowserTestData;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import io.estatedesk.support.UploadSamples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack of a contractor on the manager, in Chromium: the 施工单位 account uploads a script and then a "photo" page
 * that loads it (and an SVG and a JPEG that is also a page); a staff member does the same with a complaint attachment;
 * the same files are also put in the database as they could be stored before uploads were checked. The manager then
 * opens every stored file's address: no script runs (the title and window name stay as they were) and the audit log
 * shows no export of the owner archive.
 */
@IntegrationTest
class UploadedFilesBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	@Autowired
	RepairFixtures repair;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	ComplaintManagement complaints;

	String manager;

	String office;

	String contractor;

	long order;

	long complaint;

	Path files;

	@BeforeEach
	void setUp() throws Exception {
		String suffix = BrowserTestData.suffix();
		manager = fixtures.staffWithRole("MANAGER");
		office = fixtures.staffWithRole("OFFICE");
		contractor = fixtures.staffWithRole("CONTRACTOR");
		RepairFixtures.Order o = repair.dispatchedOrder(manager, "上传花园" + suffix, "5号楼", "防水公司" + suffix, contractor);
		order = o.id();
		long project = o.project();
		long category = jdbc.queryForObject("select id from complaint_category where name = '房屋质量'", Long.class);
		complaint = fixtures.as(office, () -> complaints.receive(new ComplaintManagement.Intake(project, "赵先生",
				BusinessClock.localNow().minusHours(2), null, null, "13900005678", Channel.PHONE, category, Severity.GENERAL,
				"外墙渗水", null)));
		files = Files.createDirectories(Path.of("target/upload-attack-" + suffix));
	}

	Path write(String name, byte[] data) throws Exception {
		return Files.write(files.resolve(name), data).toAbsolutePath();
	}

	Path write(String name, String text) throws Exception {
		return write(name, text.getBytes(StandardCharsets.UTF_8));
	}

	String chinese(String key) {
		return messages.getMessage(key, null, java.util.Locale.SIMPLIFIED_CHINESE);
	}

	/** Chooses the file in the form's file input and submits the form, as a user does. */
	void upload(By input, Path file) {
		browser.find(input).sendKeys(file.toString());
		browser.submitFormOf(input);
		browser.waitUntil(d -> !browser.errorMessages().isEmpty() || !browser.findAll(By.cssSelector(".alert-success")).isEmpty(),
				"the answer to the upload");
	}

	long nextPhotoId() {
		return jdbc.queryForObject("select coalesce(max(id), 0) + 1 from work_order_photo", Long.class);
	}

	@Test
	void noFileAContractorOrStaffUploadsRunsScriptInTheManagersBrowser() throws Exception {
		String payload = UploadSamples.PAYLOAD;
		String photos = "/work-orders/" + order + "/photos/";
		By photoInput = By.id("photo-file");

		// the attack as it was seen: the contractor uploads a script, then a "photo" page that loads it
		browser.login(contractor, Fixtures.PASSWORD);
		browser.open("/work-orders/" + order);
		long scriptId = nextPhotoId();
		upload(photoInput, write("evil.js", payload));
		assertThat(browser.errorMessages()).contains(chinese("upload.notImage"));
		browser.screenshot("upload-01-script-refused");
		upload(photoInput, write("photo.html", "<html><body><script src=\"" + photos + scriptId + "\"></script><script>"
				+ payload + "</script></body></html>"));
		assertThat(browser.errorMessages()).contains(chinese("upload.notImage"));
		upload(photoInput, write("photo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>" + payload + "</script></svg>"));
		assertThat(browser.errorMessages()).contains(chinese("upload.notImage"));
		// the polyglot is taken, as the picture it also is
		upload(photoInput, write("polyglot.jpg", UploadSamples.polyglotJpeg()));
		assertThat(browser.errorMessages()).isEmpty();
		browser.screenshot("upload-02-polyglot-taken-as-picture");
		browser.logout();

		// a staff member tries the same with a complaint attachment
		browser.login(office, Fixtures.PASSWORD);
		browser.open("/complaints/" + complaint);
		By attachmentInput = By.id("attachment-file");
		upload(attachmentInput, write("notice.html", "<html><script>" + payload + "</script></html>"));
		assertThat(browser.errorMessages()).contains(chinese("upload.notAllowed"));
		upload(attachmentInput, write("notice.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"" + payload.replace('\'', '`') + "\"/>"));
		assertThat(browser.errorMessages()).contains(chinese("upload.notAllowed"));
		upload(attachmentInput, write("notice.jpg", UploadSamples.polyglotJpeg()));
		assertThat(browser.errorMessages()).isEmpty();
		browser.logout();

		// and the same hostile files as they may already be stored from before uploads were checked
		long legacyScript = jdbc.queryForObject("""
				insert into work_order_photo (work_order_id, stage, file_name, content_type, size_bytes, data, uploaded_by)
				values (?, 'BEFORE', 'evil.js', 'application/javascript', 1, ?, ?) returning id""", Long.class, order,
				payload.getBytes(StandardCharsets.UTF_8), contractor);
		for (String[] legacy : List.of(new String[] { "photo.html", "text/html", "<html><script src=\"" + photos + legacyScript
				+ "\"></script><script>" + payload + "</script></html>" },
				new String[] { "photo.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>" + payload
						+ "</script></svg>" })) {
			jdbc.update("""
					insert into work_order_photo (work_order_id, stage, file_name, content_type, size_bytes, data, uploaded_by)
					values (?, 'BEFORE', ?, ?, 1, ?, ?)""", order, legacy[0], legacy[1], legacy[2].getBytes(StandardCharsets.UTF_8),
					contractor);
		}
		jdbc.update("""
				insert into complaint_attachment (complaint_id, file_name, content_type, size_bytes, data, uploaded_by)
				values (?, 'notice.html', 'text/html', 1, ?, ?)""", complaint,
				("<html><script>" + payload + "</script></html>").getBytes(StandardCharsets.UTF_8), office);

		// the manager looks at everything
		List<String> addresses = new ArrayList<>();
		jdbc.queryForList("select id from work_order_photo where work_order_id = ? order by id", Long.class, order)
			.forEach(id -> addresses.add(photos + id));
		jdbc.queryForList("select id from complaint_attachment where complaint_id = ? order by id", Long.class, complaint)
			.forEach(id -> addresses.add("/complaints/" + complaint + "/attachments/" + id));
		assertThat(addresses).hasSize(6);

		browser.login(manager, Fixtures.PASSWORD);
		browser.open("/work-orders/" + order);
		String title = browser.driver().getTitle();
		assertThat(browser.findAll(By.cssSelector("#photos img"))).hasSize(4);
		for (String address : addresses) {
			browser.open(address);
			Thread.sleep(300);
			assertNothingRan(address);
		}
		browser.open("/complaints/" + complaint);
		assertNothingRan("/complaints/" + complaint);
		assertThat(browser.driver().getTitle()).isNotEqualTo("PWNED");
		browser.open("/work-orders/" + order);
		assertThat(browser.driver().getTitle()).isEqualTo(title);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'EXPORT'", Long.class,
				manager)).as("exports of the owner archive recorded for the manager").isZero();
	}

	private void assertNothingRan(String address) {
		Object[] state = ((java.util.List<?>) ((JavascriptExecutor) browser.driver())
			.executeScript("return [document.title, window.name]")).toArray();
		assertThat(state[0]).as("title after opening " + address).isNotEqualTo("PWNED");
		assertThat(state[1]).as("window.name after opening " + address).isNotEqualTo("PWNED");
	}

}
