package io.estatedesk.office;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The department's forms answer a mistake on the same page, under the field, with what was typed still there. */
@IntegrationTest
class OfficeFormsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aNoteForADayAfterTodayIsMarkedUnderTheDayAndKeepsTheReason() throws Exception {
		String clerk = fixtures.staffWithRole("FIELD");
		String tomorrow = BusinessClock.today().plusDays(1).toString();
		mvc.perform(post("/attendance/notes").with(office(clerk)).with(csrf()).param("day", tomorrow).param("kind", "MISSED_IN")
			.param("time", "08:50").param("reason", "到楼盘接待业主"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"day-error\"")))
			.andExpect(content().string(containsString("须在 2000-01-01 至今天之间")))
			.andExpect(content().string(containsString("value=\"" + tomorrow + "\"")))
			.andExpect(content().string(containsString("value=\"08:50\"")))
			.andExpect(content().string(containsString("value=\"到楼盘接待业主\"")));
		assertThat(jdbc.queryForObject("select count(*) from attendance_note n join staff_account a on a.id = n.staff_id where a.username = ?",
				Integer.class, clerk)).isZero();
	}

	@Test
	void aMeetingWithoutATitleIsMarkedUnderTheTitleWithItsTimeAndAgendaKept() throws Exception {
		String manager = fixtures.staffWithRole("MANAGER");
		String held = BusinessClock.today().minusDays(1) + "T09:30";
		mvc.perform(post("/meetings").with(office(manager)).with(csrf()).param("title", " ").param("heldAt", held)
			.param("place", "三楼会议室").param("agenda", "投诉回访情况"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写会议名称")))
			.andExpect(content().string(containsString("value=\"" + held)))
			.andExpect(content().string(containsString("value=\"三楼会议室\"")))
			.andExpect(content().string(containsString(">投诉回访情况</textarea>")));
	}

	@Test
	void aProgressAboveAHundredIsMarkedUnderThatTasksFieldOnThePageItCameFrom() throws Exception {
		String manager = fixtures.staffWithRole("MANAGER");
		long owner = fixtures.staffId(manager);
		long plan = jdbc.queryForObject("insert into work_plan (title, period, created_by) values ('年度计划', '2026年', ?) returning id",
				Long.class, manager);
		long task = jdbc.queryForObject("insert into office_task (plan_id, title, owner_id) values (?, '整理档案', ?) returning id",
				Long.class, plan, owner);
		mvc.perform(post("/tasks/" + task).with(office(manager)).with(csrf()).param("progress", "150").param("back", "/plans/" + plan))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"progress-" + task + "-error\"")))
			.andExpect(content().string(containsString("进度应在 0 到 100 之间")))
			.andExpect(content().string(containsString("value=\"150\"")))
			.andExpect(content().string(containsString("年度计划")));
		assertThat(jdbc.queryForObject("select progress from office_task where id = ?", Integer.class, task)).isZero();
	}

	private static RequestPostProcessor office(String username) {
		return user(username).authorities(() -> "ATTENDANCE_VIEW", () -> "OFFICE_EDIT", () -> "ATTENDANCE_MANAGE");
	}

}
