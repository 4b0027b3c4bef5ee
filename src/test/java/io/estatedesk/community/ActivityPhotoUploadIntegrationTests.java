package io.estatedesk.community;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.FormPage;
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

/** Activity photos: pictures only (an SVG is no photo), the caption kept when the file is refused. */
@IntegrationTest
class ActivityPhotoUploadIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	Activities activities;

	UploadChecks checks;

	String field;

	long activity;

	@BeforeEach
	void setUp() {
		checks = new UploadChecks(jdbc, messages);
		field = fixtures.staffWithRole("FIELD");
		activity = fixtures.as(field, () -> activities.create(new Activities.ActivityForm(Fixtures.unique("植树"), null, null,
				BusinessClock.localNow().plusDays(5), "小区绿地", "1000", "20", null, "")));
	}

	MockHttpServletResponse upload(MockMultipartFile file) throws Exception {
		return mvc.perform(multipart("/activities/" + activity + "/photos").file(file).param("caption", "业主合影")
			.with(checks.as(field)).with(csrf())).andReturn().getResponse();
	}

	long photos() {
		return jdbc.queryForObject("select count(*) from activity_photo where activity_id = ?", Long.class, activity);
	}

	@Test
	void svgPagesScriptsProgramsAndDocumentsAreRefusedWithTheCaptionKept() throws Exception {
		for (UploadSamples.Hostile h : UploadSamples.hostile("file")) {
			MockHttpServletResponse page = upload(h.file());
			checks.refusedWith(page, h.photoRefusal());
			assertThat(page.getStatus()).as("the page again, not a redirect").isEqualTo(200);
			FormPage form = new FormPage(page.getContentAsString());
			assertThat(form.errorUnder("file")).isNotBlank();
			assertThat(form.valueOf("caption")).isEqualTo("业主合影");
		}
		checks.refusedWith(upload(UploadSamples.file("file", "a.pdf", "image/jpeg", UploadSamples.pdf())), "upload.notImage");
		checks.refusedWith(upload(UploadSamples.file("file", "big.jpg", "image/jpeg", UploadSamples.oversize(10L * 1024 * 1024))),
				"upload.tooLarge.PHOTO");
		assertThat(photos()).isZero();
	}

	@Test
	void aPhotoIsStoredReencodedAndShownInlineAsTheImageItIs() throws Exception {
		assertThat(upload(UploadSamples.file("file", "合影.png", "image/svg+xml", UploadSamples.png())).getStatus()).isEqualTo(302);
		assertThat(upload(UploadSamples.file("file", "合影2.svg", "image/svg+xml", UploadSamples.polyglotJpeg())).getStatus())
			.isEqualTo(302);
		var ids = jdbc.queryForList("select id from activity_photo where activity_id = ? order by id", Long.class, activity);
		UploadChecks.servedAsData(download(ids.get(0)), "image/png", true);
		MockHttpServletResponse jpeg = download(ids.get(1));
		UploadChecks.servedAsData(jpeg, "image/jpeg", true);
		assertThat(UploadSamples.holdsScript(jpeg.getContentAsByteArray())).isFalse();
	}

	@Test
	void aPhotoStoredBeforeUploadsWereCheckedIsADownloadOfUnknownType() throws Exception {
		long id = jdbc.queryForObject("""
				insert into activity_photo (activity_id, file_name, content_type, size_bytes, data, caption, uploaded_by)
				values (?, 'a.svg', 'image/svg+xml', 10, ?, '', ?) returning id""", Long.class, activity,
				"<svg onload=alert(1)>".getBytes(), field);
		UploadChecks.servedAsData(download(id), "application/octet-stream", false);
	}

	MockHttpServletResponse download(long id) throws Exception {
		return mvc.perform(get("/activities/" + activity + "/photos/" + id).with(checks.as(field))).andReturn().getResponse();
	}

}
