package io.estatedesk.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.CaseHistory;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/** An activity keeps its history: planned, state moves, sign-ups; a conflicting save is told what changed meanwhile. */
@IntegrationTest
class ActivityHistoryIntegrationTests {

	@Autowired
	Activities activities;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Test
	void theHistoryRecordsEachStepAndAConflictCarriesTheChangesSinceTheUsersVersion() throws Exception {
		String field = fixtures.staffWithRole("FIELD");
		long project = fixtures.project(Fixtures.unique("活动经过"));
		long unit = fixtures.unit(project, fixtures.building(project, "1号楼"), "1-0101", "OCCUPIED");
		long owner = fixtures.owner("经过业主", "13900007777", null);
		fixtures.holds(owner, unit);
		long id = fixtures.as(field, () -> activities.create(new Activities.ActivityForm(Fixtures.unique("观影"), null, null,
				BusinessClock.localNow().plusDays(3), "会所", "200", "10", null, "")));
		long read = activities.get(id).version();
		fixtures.as(field, () -> activities.changeState(id, Activities.State.OPEN, read));
		fixtures.as(field, () -> activities.signUp(id, new Activities.SignUpForm(owner, null, 2, "")));

		List<CaseHistory.Entry> h = activities.history(id);
		assertThat(h).extracting(CaseHistory.Entry::kind).containsExactly("PLANNED", "STATE", "SIGNED_UP");
		assertThat(h.get(1).oldValue()).isEqualTo("PLANNED");
		assertThat(h.get(1).newValue()).isEqualTo("OPEN");
		assertThat(h.get(2).note()).contains("经过业主");
		assertThat(h).extracting(CaseHistory.Entry::actor).containsOnly(field);

		// a save based on the version read before sign-up opened: refused, with what happened since
		Activities.Activity a = activities.get(id);
		assertThatThrownBy(() -> fixtures.as(field, () -> activities.update(id, new Activities.ActivityForm(a.title(), null,
				null, a.startsAtLocal(), "操场", "200", "10", null, ""), read)))
			.isInstanceOfSatisfying(ChangedMeanwhile.class, e -> assertThat(e.changes()).isNotEmpty()
				.allSatisfy(c -> assertThat(((CaseHistory.Entry) c).version()).isGreaterThan(read)));

		// a move the table forbids is refused with its message, and nothing is written
		assertThatThrownBy(() -> fixtures.as(field, () -> activities.perform(id, ActivityAction.OPEN_SIGNUP,
				activities.get(id).version())))
			.isInstanceOf(BusinessRuleException.class).hasMessage("community.activity.transition.OPEN");
		assertThat(activities.history(id)).hasSize(3);

		var auth = user(field).authorities(List.of("COMMUNITY_VIEW", "COMMUNITY_EDIT").stream()
			.map(SimpleGrantedAuthority::new).toList());
		mvc.perform(get("/activities/{id}", id).with(auth)).andExpect(status().isOk())
			.andExpect(content().string(containsString("处理经过")))
			.andExpect(content().string(containsString("报名中")))
			// open with a sign-up: finish or cancel, not back to planned, and no second "open"
			.andExpect(content().string(containsString("id=\"to-FINISHED\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"to-PLANNED\""))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"to-OPEN\""))));
		mvc.perform(post("/activities/{id}/state", id).with(auth).with(csrf()).param("action", "FINISH")
			.param("version", Long.toString(activities.get(id).version())))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess",
					"community.activity.state.changed.FINISHED"));
		assertThat(activities.get(id).state()).isEqualTo(Activities.State.FINISHED);
		assertThat(activities.history(id)).last().satisfies(e -> assertThat(e.newValue()).isEqualTo("FINISHED"));
	}

}
