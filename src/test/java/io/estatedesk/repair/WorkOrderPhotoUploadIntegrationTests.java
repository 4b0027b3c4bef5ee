package io.estatedesk.repair;

import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

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

/**
 * Work-order photos, as the contractor's account sends them: only decodable pictures are stored (re-encoded), everything
 * else gets the reason next to the field, and every stored photo comes back as data, never as a page.
 */
@IntegrationTest
class WorkOrderPhotoUploadIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	RepairFixtures repair;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageSource messages;

	UploadChecks checks;

	String contractor;

	long order;

	@BeforeEach
	void setUp() {
		checks = new UploadChecks(jdbc, messages);
		String manager = fixtures.staffWithRole("MANAGER");
		contractor = fixtures.staffWithRole("CONTRACTOR");
		order = repair.dispatchedOrder(manager, Fixtures.unique("照片项目"), "1号楼", Fixtures.unique("防水"), contractor).id();
	}

	MockHttpServletResponse upload(MockMultipartFile file) throws Exception {
		return mvc.perform(multipart("/work-orders/" + order + "/photos").file(file).param("stage", "BEFORE")
			.with(checks.as(contractor)).with(csrf())).andReturn().getResponse();
	}

	long photos() {
		return jdbc.queryForObject("select count(*) from work_order_photo where work_order_id = ?", Long.class, order);
	}

	@Test
	void aContractorsPageScriptSvgOrProgramIsRefusedNextToTheFieldAndNothingIsStored() throws Exception {
		for (UploadSamples.Hostile h : UploadSamples.hostile("file")) {
			checks.refusedWith(upload(h.file()), h.photoRefusal());
		}
		// documents are no photos either
		checks.refusedWith(upload(UploadSamples.file("file", "a.pdf", "application/pdf", UploadSamples.pdf())), "upload.notImage");
		checks.refusedWith(upload(UploadSamples.file("file", "a.xlsx", "image/png", UploadSamples.xlsx())), "upload.notImage");
		assertThat(photos()).isZero();
	}

	@Test
	void aPhotoAboveTheLimitIsRefusedWithTheLimitStatedInTheForm() throws Exception {
		MockHttpServletResponse page = upload(UploadSamples.file("file", "big.jpg", "image/jpeg",
				UploadSamples.oversize(10L * 1024 * 1024)));
		checks.refusedWith(page, "upload.tooLarge.PHOTO");
		assertThat(page.getContentAsString()).contains(checks.chinese("upload.help.PHOTO", 10));
		assertThat(photos()).isZero();
	}

	@Test
	void aJpegThatIsAlsoAPageIsStoredAsAPureJpegAndShownInlineAsAnImage() throws Exception {
		assertThat(upload(UploadSamples.file("file", "photo.html", "text/html", UploadSamples.polyglotJpeg())).getStatus())
			.isEqualTo(302);
		var row = jdbc.queryForMap("select id, file_name, content_type, content_checked, data from work_order_photo where work_order_id = ?",
				order);
		assertThat(row).containsEntry("file_name", "photo.jpg").containsEntry("content_type", "image/jpeg")
			.containsEntry("content_checked", true);
		assertThat(UploadSamples.holdsScript((byte[]) row.get("data"))).isFalse();

		MockHttpServletResponse file = mvc.perform(get("/work-orders/" + order + "/photos/" + row.get("id"))
			.with(checks.as(contractor))).andReturn().getResponse();
		UploadChecks.servedAsData(file, "image/jpeg", true);
		assertThat(ImageIO.read(new ByteArrayInputStream(file.getContentAsByteArray()))).isNotNull();
	}

	@Test
	void realJpegAndPngPhotosAreAcceptedWithTheTypeTheirBytesProve() throws Exception {
		assertThat(upload(UploadSamples.file("file", "before.jpg", "application/octet-stream", UploadSamples.jpeg())).getStatus())
			.isEqualTo(302);
		assertThat(upload(UploadSamples.file("file", "after", "image/jpeg", UploadSamples.png())).getStatus()).isEqualTo(302);
		assertThat(jdbc.queryForList("select content_type from work_order_photo where work_order_id = ? order by id", String.class,
				order)).containsExactly("image/jpeg", "image/png");
		long png = jdbc.queryForObject("select max(id) from work_order_photo where work_order_id = ?", Long.class, order);
		UploadChecks.servedAsData(mvc.perform(get("/work-orders/" + order + "/photos/" + png).with(checks.as(contractor)))
			.andReturn().getResponse(), "image/png", true);
	}

	@Test
	void aPhotoStoredBeforeUploadsWereCheckedIsADownloadOfUnknownTypeWhateverItClaimed() throws Exception {
		long id = jdbc.queryForObject("""
				insert into work_order_photo (work_order_id, stage, file_name, content_type, size_bytes, data, uploaded_by)
				values (?, 'BEFORE', 'x.html', 'text/html', 40, ?, ?) returning id""", Long.class, order,
				("<script>" + UploadSamples.PAYLOAD + "</script>").getBytes(), contractor);
		MockHttpServletResponse file = mvc.perform(get("/work-orders/" + order + "/photos/" + id).with(checks.as(contractor)))
			.andReturn().getResponse();
		UploadChecks.servedAsData(file, "application/octet-stream", false);
	}

}
