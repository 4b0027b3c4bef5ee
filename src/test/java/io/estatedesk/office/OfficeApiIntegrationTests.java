package io.estatedesk.office;

import java.nio.charset.StandardCharsets;

import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Attendance and meetings through the API: a csv import, a note refused without its reason, an approval, a task. */
@IntegrationTest
class OfficeApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void importsACsvOfPunchesAndApprovesANoteForAMissedPunch() throws Exception {
		String clerk = fixtures.staffWithRole("OFFICE");
		String manager = fixtures.staffWithRole("MANAGER");
		String csv = "用户名,打卡时间\n" + clerk + ",2026-09-01 08:58\n" + clerk + ",2026-09-01 18:02\n" + clerk
				+ ",2026-09-02 18:10\n" + clerk + ",2026-09-02 18:10\n" + "nobody,2026-09-02 09:00\n";
		mvc.perform(multipart("/api/v1/attendance/punches")
			.file(new MockMultipartFile("file", "punches.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(httpBasic(manager, Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(5))
			.andExpect(jsonPath("$.added").value(3))
			.andExpect(jsonPath("$.rejected[0]").value("6：nobody 不是在职员工"));
		mvc.perform(multipart("/api/v1/attendance/punches")
			.file(new MockMultipartFile("file", "punches.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(httpBasic(clerk, Fixtures.PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/attendance/days?month=2026-09").with(httpBasic(clerk, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$[1].day").value("2026-09-02"))
			.andExpect(jsonPath("$[1].missing").value(true));

		mvc.perform(post("/api/v1/attendance/notes").with(httpBasic(clerk, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"day\":\"2026-09-02\",\"kind\":\"MISSED_IN\",\"time\":\"08:55\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.reason").exists());
		mvc.perform(post("/api/v1/attendance/notes").with(httpBasic(clerk, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"day\":\"2026-09-02\",\"kind\":\"MISSED_IN\",\"time\":\"08:55\",\"reason\":\"外出接待业主\"}"))
			.andExpect(status().isCreated());
		long note = jdbc.queryForObject("select n.id from attendance_note n join staff_account a on a.id = n.staff_id where a.username = ?",
				Long.class, clerk);
		mvc.perform(post("/api/v1/attendance/notes/" + note + "/decision").with(httpBasic(manager, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true,\"note\":\"同意\",\"version\":0}"))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/attendance/days?month=2026-09").with(httpBasic(clerk, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$[1].missing").value(false))
			.andExpect(jsonPath("$[1].fromNote").value(true));
	}

	@Test
	void aMeetingsActionItemIsInItsOwnersTasks() throws Exception {
		String manager = fixtures.staffWithRole("MANAGER");
		String field = fixtures.staffWithRole("FIELD");
		long fieldId = fixtures.staffId(field);
		String created = mvc.perform(post("/api/v1/meetings").with(httpBasic(manager, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"周例会\",\"heldAt\":\"2026-11-23T09:00:00\",\"agenda\":\"回访率\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long meeting = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
		mvc.perform(post("/api/v1/meetings/" + meeting + "/tasks").with(httpBasic(manager, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"补打未接通回访\",\"ownerId\":" + fieldId + ",\"dueDate\":\"2026-11-30\"}"))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/tasks").with(httpBasic(field, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$[0].title").value("补打未接通回访"))
			.andExpect(jsonPath("$[0].meetingId").value(meeting));
	}

}
