package io.estatedesk.lifecycle;

import io.estatedesk.shared.BusinessClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Scored inspections of the property company, rectification notices and their re-inspection. */
@IntegrationTest
class SupervisionIntegrationTests {

	@Autowired
	Supervision supervision;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anInspectionIsScoredOnTheChecklistAndANoticeStaysOpenUntilItsReinspectionPasses() throws Exception {
		String field = fixtures.staffWithRole("FIELD");
		long project = fixtures.project(Fixtures.unique("物业监督"));
		Map<Long, BigDecimal> scores = new HashMap<>();
		supervision.checklist().forEach(i -> scores.put(i.id(), BigDecimal.valueOf(i.maxScore())));
		Supervision.ChecklistItem cleaning = supervision.checklist().get(0);
		// a score above the item's maximum is refused and nothing is saved
		scores.put(cleaning.id(), BigDecimal.valueOf(cleaning.maxScore() + 1));
		assertThatThrownBy(() -> fixtures.as(field, () -> supervision.inspect(project, BusinessClock.today(), "金第物业", scores, Map.of(), "")))
			.isInstanceOf(InvalidInputException.class);
		assertThat(supervision.inspections(project)).isEmpty();
		scores.put(cleaning.id(), BigDecimal.valueOf(cleaning.maxScore() - 3));
		long id = fixtures.as(field, () -> supervision.inspect(project, BusinessClock.today(), "金第物业", scores, Map.of(cleaning.id(), "楼道有垃圾"), "总体良好"));
		Supervision.Inspection i = supervision.inspection(id);
		assertThat(i.total()).isEqualByComparingTo(i.maxTotal().subtract(BigDecimal.valueOf(3)));
		assertThat(i.maxTotal()).isEqualByComparingTo("100");
		assertThat(i.percent()).isEqualByComparingTo("97.0");

		fixtures.as(field, () -> supervision.addNotice(id, cleaning.id(), "每日两次清扫楼道", BusinessClock.today().plusDays(3)));
		Supervision.Notice n = supervision.notices(project, null).get(0);
		fixtures.as(field, () -> supervision.reinspect(n.id(), false, "仍有垃圾", BusinessClock.today(), BusinessClock.today().plusDays(5), n.version()));
		Supervision.Notice failed = supervision.notices(project, null).get(0);
		assertThat(failed.state()).isEqualTo("FAILED");
		assertThat(failed.deadline()).isEqualTo(BusinessClock.today().plusDays(5));
		assertThat(supervision.inspection(id).openNotices()).isEqualTo(1);
		fixtures.as(field, () -> supervision.reinspect(failed.id(), true, "已整改", BusinessClock.today(), null, failed.version()));
		assertThat(supervision.notices(project, null).get(0).state()).isEqualTo("PASSED");
		assertThat(supervision.inspection(id).openNotices()).isZero();

		// and through the API
		StringBuilder json = new StringBuilder("{\"projectId\":" + project + ",\"inspectedOn\":\"" + BusinessClock.today() + "\",\"scores\":{");
		supervision.checklist().forEach(c -> json.append('"').append(c.id()).append("\":").append(c.maxScore()).append(','));
		json.setLength(json.length() - 1);
		json.append("}}");
		mvc.perform(post("/api/v1/supervision/inspections").with(httpBasic(field, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(json.toString()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.inspection.total").value(100));
	}

	@Test
	void theInspectionShowsTheInspectorByNameNotByLoginName() throws Exception {
		String manager = fixtures.staffWithRole("MANAGER");
		String name = "王经理" + manager.substring(manager.length() - 4);
		jdbc.update("update staff_account set display_name = ? where username = ?", name, manager);
		long project = fixtures.project(Fixtures.unique("检查人"));
		Map<Long, BigDecimal> scores = new HashMap<>();
		supervision.checklist().forEach(i -> scores.put(i.id(), BigDecimal.valueOf(i.maxScore())));
		long id = fixtures.as(manager, () -> supervision.inspect(project, BusinessClock.today(), "金第物业", scores, Map.of(), ""));

		assertThat(supervision.inspection(id).inspectorName()).isEqualTo(name);
		mvc.perform(get("/supervision/" + id).with(user(manager).authorities(() -> "LIFECYCLE_VIEW")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("金第物业 · " + name)))
			.andExpect(content().string(not(containsString(" · " + manager))));
		mvc.perform(get("/api/v1/supervision/inspections/" + id).with(httpBasic(manager, Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.inspection.inspectorName").value(name));
	}

	@Test
	void aNewInspectionIsOfferedWithoutAProjectAndAScoreInWordsIsMarkedWithEverythingTypedKept() throws Exception {
		String field = fixtures.staffWithRole("FIELD");
		long project = fixtures.project(Fixtures.unique("新的检查"));
		var editor = user(field).authorities(() -> "LIFECYCLE_VIEW", () -> "SUPERVISION_EDIT");
		mvc.perform(get("/supervision").with(editor))
			.andExpect(content().string(containsString("id=\"new-inspection\" href=\"/supervision/new\"")));
		mvc.perform(get("/supervision/new").with(editor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"projectId\"")));

		Supervision.ChecklistItem first = supervision.checklist().get(0);
		var request = post("/supervision/new").with(editor).with(csrf())
			.param("inspectedOn", BusinessClock.today().toString()).param("propertyCompany", "金第物业服务有限公司")
			.param("notes", "总体良好");
		supervision.checklist().forEach(c -> request.param("scores[" + c.id() + "]", c.id() == first.id() ? "九分" : String.valueOf(c.maxScore())));
		request.param("itemNotes[" + first.id() + "]", "楼道有垃圾");
		mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请选择项目")))
			.andExpect(content().string(containsString("请输入数字")))
			.andExpect(content().string(containsString("value=\"九分\"")))
			.andExpect(content().string(containsString("value=\"楼道有垃圾\"")))
			.andExpect(content().string(containsString("value=\"金第物业服务有限公司\"")))
			.andExpect(content().string(containsString(">总体良好</textarea>")));
		assertThat(supervision.inspections(project)).isEmpty();

		var fixed = post("/supervision/new").with(editor).with(csrf()).param("projectId", String.valueOf(project))
			.param("inspectedOn", BusinessClock.today().toString()).param("propertyCompany", "金第物业服务有限公司");
		supervision.checklist().forEach(c -> fixed.param("scores[" + c.id() + "]", String.valueOf(c.maxScore())));
		mvc.perform(fixed).andExpect(status().is3xxRedirection());
		assertThat(supervision.inspections(project)).hasSize(1);
	}

	@Test
	void aNoticeWithoutARequirementAndAFailedReinspectionWithoutANewDeadlineAreMarkedUnderTheirFields() throws Exception {
		String field = fixtures.staffWithRole("FIELD");
		long project = fixtures.project(Fixtures.unique("整改"));
		Map<Long, BigDecimal> scores = new HashMap<>();
		supervision.checklist().forEach(i -> scores.put(i.id(), BigDecimal.valueOf(i.maxScore())));
		long id = fixtures.as(field, () -> supervision.inspect(project, BusinessClock.today(), "金第物业", scores, Map.of(), ""));
		var editor = user(field).authorities(() -> "LIFECYCLE_VIEW", () -> "SUPERVISION_EDIT");
		String deadline = BusinessClock.today().plusDays(3).toString();

		mvc.perform(post("/supervision/" + id + "/notices").with(editor).with(csrf())
			.param("itemId", String.valueOf(supervision.checklist().get(0).id())).param("requirement", "").param("deadline", deadline))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"requirement-error\"")))
			.andExpect(content().string(containsString("请填写整改要求")))
			.andExpect(content().string(containsString("value=\"" + deadline + "\"")));
		assertThat(supervision.notices(null, id)).isEmpty();

		fixtures.as(field, () -> supervision.addNotice(id, supervision.checklist().get(0).id(), "每日两次清扫楼道",
				BusinessClock.today().plusDays(3)));
		Supervision.Notice n = supervision.notices(null, id).get(0);
		mvc.perform(post("/supervision/notices/" + n.id() + "/reinspection").with(editor).with(csrf())
			.param("inspectionId", String.valueOf(id)).param("version", String.valueOf(n.version()))
			.param("passed", "false").param("result", "楼道仍有垃圾"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"newDeadline-error\"")))
			.andExpect(content().string(containsString("请填写整改期限")))
			.andExpect(content().string(containsString("value=\"楼道仍有垃圾\"")));
		assertThat(supervision.notice(n.id()).state()).isEqualTo("OPEN");
	}

}
