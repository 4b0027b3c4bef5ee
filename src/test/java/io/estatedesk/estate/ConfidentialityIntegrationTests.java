package io.estatedesk.estate;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;

import io.estatedesk.staff.StaffManagement;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A role without OWNER_REVEAL never receives a full phone or ID number, on any path; reveals and exports are recorded. */
@IntegrationTest
class ConfidentialityIntegrationTests {

	static final String MOBILE = "13912345678";

	static final String ID = Fixtures.idNumber("11010519800101123");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	StaffManagement staff;

	@Autowired
	JdbcTemplate jdbc;

	String leader;

	String office;

	long ownerId;

	String projectName;

	@BeforeEach
	void setUp() {
		leader = fixtures.staffWithRole("LEADER");
		office = fixtures.staffWithRole("OFFICE");
		projectName = Fixtures.unique("保密项目");
		long p = fixtures.project(projectName);
		long b = fixtures.building(p, "1号楼");
		long u = fixtures.unit(p, b, "1-0101", "SOLD");
		ownerId = fixtures.owner(Fixtures.unique("保密业主"), MOBILE, ID);
		fixtures.holds(ownerId, u);
		// the leader may export, but still may not reveal
		staff.setPermission("LEADER", "ARCHIVE_EXPORT", true);
	}

	@AfterEach
	void restore() {
		staff.setPermission("LEADER", "ARCHIVE_EXPORT", false);
	}

	private String page(String username, String path) throws Exception {
		return mvc.perform(get(path).with(user(username))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	@Test
	void pagesShowMaskedNumbersToARoleWithoutReveal() throws Exception {
		String list = page(leader, "/owners?projectId=" + jdbc.queryForObject("select id from project where name = ?", Long.class, projectName));
		assertThat(list).contains("139****5678").doesNotContain(MOBILE);
		String detail = page(leader, "/owners/" + ownerId);
		assertThat(detail).contains("139****5678").doesNotContain(MOBILE).doesNotContain(ID).doesNotContain("id=\"reveal\"");
		String edit = mvc.perform(get("/owners/" + ownerId + "/edit").with(user(leader))).andReturn().getResponse().getContentAsString();
		assertThat(edit).doesNotContain(MOBILE).doesNotContain(ID);
		mvc.perform(post("/owners/" + ownerId + "/reveal").with(user(leader)).with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void exportIsMaskedForARoleWithoutRevealAndRecorded() throws Exception {
		long before = jdbc.queryForObject("select count(*) from audit_event where action = 'EXPORT' and username = ?", Long.class, leader);
		byte[] xlsx = mvc.perform(get("/owners/export?name=" + ownerName()).with(user(leader))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		String cells = cells(xlsx);
		assertThat(cells).contains("139****5678").doesNotContain(MOBILE).doesNotContain(ID);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'EXPORT' and username = ?", Long.class, leader))
			.isEqualTo(before + 1);
	}

	@Test
	void apiMasksNumbersAndRefusesRevealWithoutPermission() throws Exception {
		String list = mvc.perform(get("/api/v1/owners?name=" + ownerName()).with(httpBasic(leader, Fixtures.PASSWORD)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("139****5678").doesNotContain(MOBILE);
		String one = mvc.perform(get("/api/v1/owners/" + ownerId).with(httpBasic(leader, Fixtures.PASSWORD)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(one).doesNotContain(MOBILE).doesNotContain(ID);
		mvc.perform(get("/api/v1/owners/" + ownerId + "?reveal=true").with(httpBasic(leader, Fixtures.PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/owners?reveal=true").with(httpBasic(leader, Fixtures.PASSWORD)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aRoleWithRevealSeesFullNumbersOnlyOnRequestAndEveryRevealIsRecorded() throws Exception {
		String detail = page(office, "/owners/" + ownerId);
		assertThat(detail).doesNotContain(MOBILE).contains("id=\"reveal\"");
		String revealed = mvc.perform(post("/owners/" + ownerId + "/reveal").with(user(office)).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(revealed).contains(MOBILE).contains(ID);
		String api = mvc.perform(get("/api/v1/owners/" + ownerId + "?reveal=true").with(httpBasic(office, Fixtures.PASSWORD)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(api).contains(MOBILE);
		List<String> targets = jdbc.queryForList("select target from audit_event where action = 'REVEAL' and username = ?",
				String.class, office);
		assertThat(targets).hasSize(2).allMatch(t -> t.startsWith("业主#" + ownerId));
		byte[] xlsx = mvc.perform(get("/owners/export?name=" + ownerName()).with(user(office))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(cells(xlsx)).contains(MOBILE);
		assertThat(jdbc.queryForObject("select detail from audit_event where action = 'EXPORT' and username = ?", String.class, office))
			.contains("含完整电话和证件号码");
	}

	@Test
	void auditTrailIsVisibleToAdministratorsOnly() throws Exception {
		mvc.perform(get("/admin/audit?tab=data").with(user(office))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/audit?tab=data").with(user("admin"))).andExpect(status().isOk());
	}

	private String ownerName() {
		return jdbc.queryForObject("select name from owner where id = ?", String.class, ownerId);
	}

	private static String cells(byte[] xlsx) throws Exception {
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
				var rows = wb.getFirstSheet().openStream()) {
			return rows.map(Row::toString).collect(Collectors.joining("\n"));
		}
	}

}
