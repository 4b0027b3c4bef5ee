package io.estatedesk.handover;

import java.time.LocalDateTime;

import io.estatedesk.shared.BusinessClock;
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
 * The photo of a defect found at the handover inspection: checked before anything of the inspection is recorded, so a
 * bad file keeps the results and notes as typed; a good one lands on the work order raised for the defect.
 */
@IntegrationTest
class HandoverPhotoUploadIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	HandoverManagement handover;

	UploadChecks checks;

	String field;

	long unit;

	long item;

	@BeforeEach
	void setUp() {
		checks = new UploadChecks(jdbc, messages);
		String manager = fixtures.staffWithRole("MANAGER");
		field = fixtures.staffWithRole("FIELD");
		long project = fixtures.project(Fixtures.unique("验房照片"));
		long building = fixtures.building(project, "3号楼");
		fixtures.unit(project, building, "3-0101", "SOLD");
		long batch = fixtures.as(manager, () -> handover.createBatch(new HandoverManagement.BatchForm(project, "第一批",
				BusinessClock.today(), BusinessClock.today().plusDays(20), "")));
		fixtures.as(manager, () -> handover.addUnits(batch, building, null));
		LocalDateTime at = BusinessClock.localNow().plusDays(1).withHour(9).withMinute(0).withSecond(0).withNano(0);
		fixtures.as(manager, () -> handover.addSlot(batch, at, at.plusHours(2), 5));
		long slot = jdbc.queryForObject("select max(id) from handover_slot where batch_id = ?", Long.class, batch);
		unit = jdbc.queryForObject("select id from handover_unit where batch_id = ?", Long.class, batch);
		fixtures.as(field, () -> handover.book(unit, slot, "电话", version()));
		item = jdbc.queryForObject("select id from handover_check_item where room = '卫生间' order by sort_order limit 1", Long.class);
	}

	long version() {
		return jdbc.queryForObject("select version from handover_unit where id = ?", Long.class, unit);
	}

	MockHttpServletResponse inspect(MockMultipartFile photo) throws Exception {
		return mvc.perform(multipart("/handover/units/" + unit + "/inspection").file(photo)
			.param("version", String.valueOf(version())).param("result[" + item + "]", "fail").param("note[" + item + "]", "地漏返水，瓷砖空鼓")
			.with(checks.as(field)).with(csrf())).andReturn().getResponse();
	}

	@Test
	void aHostilePhotoIsRefusedNextToItsItemAndNothingOfTheInspectionIsRecorded() throws Exception {
		for (UploadSamples.Hostile h : UploadSamples.hostile("photo[" + item + "]")) {
			MockHttpServletResponse page = inspect(h.file());
			checks.refusedWith(page, h.photoRefusal());
			assertThat(page.getContentAsString()).contains("地漏返水，瓷砖空鼓");
		}
		checks.refusedWith(inspect(UploadSamples.file("photo[" + item + "]", "big.jpg", "image/jpeg",
				UploadSamples.oversize(10L * 1024 * 1024))), "upload.tooLarge.PHOTO");
		assertThat(jdbc.queryForObject("select count(*) from handover_result where handover_unit_id = ?", Long.class, unit)).isZero();
		assertThat(jdbc.queryForObject("select state from handover_unit where id = ?", String.class, unit)).isEqualTo("BOOKED");
	}

	@Test
	void aGoodPhotoIsStoredReencodedOnTheWorkOrderRaisedForTheDefect() throws Exception {
		assertThat(inspect(UploadSamples.file("photo[" + item + "]", "地漏.html", "text/html", UploadSamples.polyglotJpeg())).getStatus())
			.isEqualTo(302);
		var row = jdbc.queryForMap("""
				select p.id, p.work_order_id, p.content_type, p.content_checked, p.data, r.photo_name from handover_result r
				join work_order_photo p on p.work_order_id = r.work_order_id where r.handover_unit_id = ?""", unit);
		assertThat(row).containsEntry("content_type", "image/jpeg").containsEntry("content_checked", true)
			.containsEntry("photo_name", "地漏.jpg");
		assertThat(UploadSamples.holdsScript((byte[]) row.get("data"))).isFalse();
		String manager = fixtures.staffWithRole("MANAGER");
		UploadChecks.servedAsData(mvc.perform(get("/work-orders/" + row.get("work_order_id") + "/photos/" + row.get("id"))
			.with(checks.as(manager))).andReturn().getResponse(), "image/jpeg", true);
	}

}
