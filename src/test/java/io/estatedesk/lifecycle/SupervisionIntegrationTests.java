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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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

}
