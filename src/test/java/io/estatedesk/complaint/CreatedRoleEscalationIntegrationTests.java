package io.estatedesk.complaint;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.staff.StaffManagement;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/**
 * Who is told of an overdue complaint is whoever holds 接收投诉超时督办 on the matrix: a role an administrator creates on
 * the page receives it, and a 部门经理 whose role lost the permission does not.
 */
@IntegrationTest
class CreatedRoleEscalationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ComplaintManagement complaints;

	@Autowired
	ComplaintDeadlineJob job;

	@Autowired
	StaffManagement staff;

	@AfterEach
	void restore() {
		BusinessClock.resetForTesting();
		staff.setPermission("MANAGER", ComplaintManagement.ESCALATION, true);
	}

	@Test
	void aRoleCreatedOnThePageReceivesEscalationsOnceGrantedWhileAManagerWithoutThePermissionDoesNot() throws Exception {
		String roleName = "督办专员" + Fixtures.unique("");
		mvc.perform(post("/admin/roles/new").with(user("admin")).with(csrf())
			.param("code", "").param("name", roleName).param("description", "跟踪超时投诉"))
			.andExpect(redirectedUrlPattern("/admin/roles#role-ROLE_*"));
		long roleId = jdbc.queryForObject("select id from role where name = ?", Long.class, roleName);
		assertThat(jdbc.queryForList("select permission_code from role_permission where role_id = ?", String.class, roleId)).isEmpty();
		assertThat(page(get("/admin/roles"))).contains(roleName);
		assertThat(page(get("/admin/staff/new"))).contains(roleName);

		// the matrix as the page posts it: every box as it is, plus the new role's box, minus the 部门经理's
		long managerRole = jdbc.queryForObject("select id from role where code = 'MANAGER'", Long.class);
		MockHttpServletRequestBuilder matrix = post("/admin/roles").with(user("admin")).with(csrf());
		for (Map<String, Object> row : jdbc.queryForList("select role_id, permission_code from role_permission")) {
			long role = ((Number) row.get("role_id")).longValue();
			String code = (String) row.get("permission_code");
			if (role != managerRole || !code.equals(ComplaintManagement.ESCALATION)) {
				matrix.param("p_" + role + "_" + code, "on");
			}
		}
		matrix.param("p_" + roleId + "_" + ComplaintManagement.ESCALATION, "on");
		mvc.perform(matrix).andExpect(redirectedUrl("/admin/roles"));
		assertThat(jdbc.queryForList("select permission_code from role_permission where role_id = ?", String.class, roleId))
			.containsExactly(ComplaintManagement.ESCALATION);
		assertThat(jdbc.queryForObject("select detail from audit_event where action = 'ROLE_MATRIX' order by id desc limit 1",
				String.class)).contains(roleName + " +" + ComplaintManagement.ESCALATION).contains("部门经理 -" + ComplaintManagement.ESCALATION);

		String supervisor = Fixtures.unique("duban");
		mvc.perform(post("/admin/staff/new").with(user("admin")).with(csrf())
			.param("username", supervisor).param("displayName", "督办专员甲").param("password", "Start-2026x")
			.param("roleIds", String.valueOf(roleId))).andExpect(redirectedUrl("/admin/staff"));
		long supervisorId = fixtures.staffId(supervisor);
		long managerId = fixtures.staffId(fixtures.staffWithRole("MANAGER"));

		BusinessClock.setForTesting(Instant.parse("2026-11-29T16:30:00Z"), true);
		String office = fixtures.staffWithRole("OFFICE");
		long project = fixtures.project(Fixtures.unique("督办角色项目"));
		long category = jdbc.queryForObject("select id from complaint_category where name = '物业服务'", Long.class);
		LocalDateTime at = LocalDateTime.of(2026, 11, 16, 10, 0);
		long id = fixtures.as(office, () -> complaints.receive(new IntakeForm(project, at.toLocalDate(), "业主", at, null, null,
				null, null, Channel.PHONE, category, Severity.GENERAL, false, "楼道灯坏了两周无人修", "")));
		String code = jdbc.queryForObject("select code from complaint where id = ?", String.class, id);

		job.scheduled();

		String title = "投诉已超时（回复）：" + code;
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
				"select count(*) from notification where recipient_id = ? and title = ?", Long.class, supervisorId, title) == 1);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null", Long.class) == 0);
		List<Long> told = jdbc.queryForList("select recipient_id from notification where title = ?", Long.class, title);
		assertThat(told).contains(supervisorId).doesNotContain(managerId);
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user("admin")))
			.andReturn().getResponse().getContentAsString();
	}

}
