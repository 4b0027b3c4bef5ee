package io.estatedesk.complaint;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.Downloads;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import io.estatedesk.support.UploadChecks;
import io.estatedesk.support.UploadSamples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** Complaint attachments: pictures and PDF/Office documents by their bytes, the rest refused, all served as data. */
@IntegrationTest
class ComplaintAttachmentUploadIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	ComplaintManagement complaints;

	UploadChecks checks;

	String office;

	long complaint;

	@BeforeEach
	void setUp() {
		checks = new UploadChecks(jdbc, messages);
		office = fixtures.staffWithRole("OFFICE");
		long project = fixtures.project(Fixtures.unique("附件项目"));
		long category = jdbc.queryForObject("select id from complaint_category where name = '房屋质量'", Long.class);
		complaint = fixtures.as(office, () -> complaints.receive(new ComplaintManagement.Intake(project, "王女士",
				BusinessClock.localNow().minusHours(1), null, null, "13900001234", Channel.PHONE, category, Severity.GENERAL,
				"卫生间渗水", null)));
	}

	MockHttpServletResponse upload(MockMultipartFile file) throws Exception {
		return mvc.perform(multipart("/complaints/" + complaint + "/attachments").file(file).with(checks.as(office)).with(csrf()))
			.andReturn()
			.getResponse();
	}

	long attachments() {
		return jdbc.queryForObject("select count(*) from complaint_attachment where complaint_id = ?", Long.class, complaint);
	}

	MockHttpServletResponse download(long id) throws Exception {
		return mvc.perform(get("/complaints/" + complaint + "/attachments/" + id).with(checks.as(office))).andReturn().getResponse();
	}

	long last() {
		return jdbc.queryForObject("select max(id) from complaint_attachment where complaint_id = ?", Long.class, complaint);
	}

	@Test
	void pagesSvgScriptsAndRenamedProgramsAreRefusedNextToTheFieldAndNothingIsStored() throws Exception {
		for (UploadSamples.Hostile h : UploadSamples.hostile("file")) {
			checks.refusedWith(upload(h.file()), h.attachmentRefusal());
		}
		assertThat(attachments()).isZero();
	}

	@Test
	void anAttachmentAboveTheLimitIsRefusedAndTheFormStatesTheLimit() throws Exception {
		MockHttpServletResponse page = upload(UploadSamples.file("file", "big.pdf", "application/pdf",
				UploadSamples.oversize(20L * 1024 * 1024)));
		checks.refusedWith(page, "upload.tooLarge.ATTACHMENT");
		assertThat(page.getContentAsString()).contains(checks.chinese("upload.help.ATTACHMENT", 20));
		assertThat(attachments()).isZero();
	}

	@Test
	void picturesArePicturesInlineAndDocumentsAreDownloadsOfTheirRealType() throws Exception {
		assertThat(upload(UploadSamples.file("file", "渗水.jpg", "image/jpeg", UploadSamples.jpeg())).getStatus()).isEqualTo(302);
		UploadChecks.servedAsData(download(last()), "image/jpeg", true);
		assertThat(upload(UploadSamples.file("file", "截图.png", "image/png", UploadSamples.png())).getStatus()).isEqualTo(302);
		UploadChecks.servedAsData(download(last()), "image/png", true);
		assertThat(upload(UploadSamples.file("file", "检测报告.pdf", "text/html", UploadSamples.pdf())).getStatus()).isEqualTo(302);
		UploadChecks.servedAsData(download(last()), "application/pdf", false);
		assertThat(upload(UploadSamples.file("file", "清单.xlsx", "application/octet-stream", UploadSamples.xlsx())).getStatus())
			.isEqualTo(302);
		MockHttpServletResponse xlsx = download(last());
		UploadChecks.servedAsData(xlsx, Downloads.XLSX, false);
		assertThat(xlsx.getHeader("Content-Disposition")).contains("filename*=UTF-8''%E6%B8%85%E5%8D%95.xlsx");
		assertThat(attachments()).isEqualTo(4);
	}

	@Test
	void aJpegThatIsAlsoAPageIsKeptOnlyAsItsPicture() throws Exception {
		assertThat(upload(UploadSamples.file("file", "invoice.html", "text/html", UploadSamples.polyglotJpeg())).getStatus())
			.isEqualTo(302);
		MockHttpServletResponse file = download(last());
		UploadChecks.servedAsData(file, "image/jpeg", true);
		assertThat(UploadSamples.holdsScript(file.getContentAsByteArray())).isFalse();
		assertThat(file.getHeader("Content-Disposition")).contains("invoice.jpg");
	}

	@Test
	void anAttachmentStoredBeforeUploadsWereCheckedIsADownloadOfUnknownType() throws Exception {
		long id = jdbc.queryForObject("""
				insert into complaint_attachment (complaint_id, file_name, content_type, size_bytes, data, uploaded_by)
				values (?, 'a.svg', 'image/svg+xml', 10, ?, ?) returning id""", Long.class, complaint,
				"<svg onload=alert(1)>".getBytes(), office);
		UploadChecks.servedAsData(download(id), "application/octet-stream", false);
	}

}
