package io.estatedesk.lifecycle;

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

/** Attachments of the duty board's records (contracts, facilities): documents or pictures, the record's text kept. */
@IntegrationTest
class DutyRecordAttachmentIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageSource messages;

	UploadChecks checks;

	String field;

	long item;

	@BeforeEach
	void setUp() throws Exception {
		checks = new UploadChecks(jdbc, messages);
		field = fixtures.staffWithRole("FIELD");
		long project = fixtures.project(Fixtures.unique("合同项目"));
		// the board is laid out when it is first opened
		mvc.perform(get("/lifecycle/projects/" + project).with(checks.as(field)));
		item = jdbc.queryForObject("select id from duty_item where project_id = ? and kind = 'CONTRACTS' order by id limit 1",
				Long.class, project);
	}

	MockHttpServletResponse record(MockMultipartFile file) throws Exception {
		return mvc.perform(multipart("/lifecycle/duties/" + item + "/records").file(file).param("title", "前期物业服务合同（签字版）")
			.param("reference", "WY-2026-01").param("content", "已与物业公司签订").with(checks.as(field)).with(csrf()))
			.andReturn()
			.getResponse();
	}

	long records() {
		return jdbc.queryForObject("select count(*) from duty_record where duty_item_id = ?", Long.class, item);
	}

	@Test
	void aHostileAttachmentIsRefusedNextToTheFieldWithEverythingTypedKept() throws Exception {
		for (UploadSamples.Hostile h : UploadSamples.hostile("attachment")) {
			MockHttpServletResponse page = record(h.file());
			checks.refusedWith(page, h.attachmentRefusal());
			assertThat(page.getContentAsString()).contains("前期物业服务合同（签字版）", "WY-2026-01", "已与物业公司签订");
		}
		checks.refusedWith(record(UploadSamples.file("attachment", "big.pdf", "application/pdf",
				UploadSamples.oversize(20L * 1024 * 1024))), "upload.tooLarge.ATTACHMENT");
		assertThat(records()).isZero();
	}

	@Test
	void aContractAsPdfOrSpreadsheetIsADownloadOfItsRealTypeAndAPictureIsShownInline() throws Exception {
		assertThat(record(UploadSamples.file("attachment", "合同.pdf", "application/octet-stream", UploadSamples.pdf())).getStatus())
			.isEqualTo(302);
		assertThat(record(UploadSamples.file("attachment", "签字页.html", "text/html", UploadSamples.polyglotJpeg())).getStatus())
			.isEqualTo(302);
		var ids = jdbc.queryForList("select id from duty_record where duty_item_id = ? order by id", Long.class, item);
		UploadChecks.servedAsData(download(ids.get(0)), "application/pdf", false);
		MockHttpServletResponse picture = download(ids.get(1));
		UploadChecks.servedAsData(picture, "image/jpeg", true);
		assertThat(UploadSamples.holdsScript(picture.getContentAsByteArray())).isFalse();
	}

	@Test
	void anAttachmentStoredBeforeUploadsWereCheckedIsADownloadOfUnknownType() throws Exception {
		long id = jdbc.queryForObject("""
				insert into duty_record (duty_item_id, actor, record_date, title, content, response, counterparty, reference,
				  attachment_name, attachment_type, attachment)
				values (?, ?, current_date, '旧合同', '', '', '', '', 'old.html', 'text/html', ?) returning id""", Long.class, item,
				field, "<script>alert(1)</script>".getBytes());
		UploadChecks.servedAsData(download(id), "application/octet-stream", false);
	}

	MockHttpServletResponse download(long record) throws Exception {
		return mvc.perform(get("/lifecycle/duties/" + item + "/records/" + record + "/attachment").with(checks.as(field)))
			.andReturn()
			.getResponse();
	}

}
