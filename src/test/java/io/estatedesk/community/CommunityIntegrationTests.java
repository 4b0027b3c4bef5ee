package io.estatedesk.community;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.FormPage;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-ups keep to the places: a full activity puts owners on the waiting list, which moves up on a cancellation. */
@IntegrationTest
class CommunityIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Activities activities;

	private List<Long> owners(int n) {
		long project = fixtures.project(Fixtures.unique("活动"));
		long building = fixtures.building(project, "1号楼");
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			long unit = fixtures.unit(project, building, "1-0" + (101 + i), "OCCUPIED");
			long owner = fixtures.owner("业主" + i, "1390000" + (1000 + i), null);
			fixtures.holds(owner, unit);
			ids.add(owner);
		}
		return ids;
	}

	private long openActivity(String field, int capacity) {
		return fixtures.as(field, () -> {
			long id = activities.create(new Activities.ActivityForm(Fixtures.unique("植树"), null, null,
					BusinessClock.localNow().plusDays(5), "小区绿地", "1000", Integer.toString(capacity), null, ""));
			activities.changeState(id, Activities.State.OPEN, activities.get(id).version());
			return id;
		});
	}

	@Test
	void signUpRespectsCapacityAndTheWaitingListMovesUpOnACancellation() {
		String field = fixtures.staffWithRole("FIELD");
		List<Long> o = owners(6);
		long id = openActivity(field, 3);
		fixtures.as(field, () -> {
			Activities.SignUp a = activities.signUp(id, new Activities.SignUpForm(o.get(0), null, 2, ""));
			Activities.SignUp b = activities.signUp(id, new Activities.SignUpForm(o.get(1), null, 1, ""));
			assertThat(a.status()).isEqualTo(Activities.Status.CONFIRMED);
			assertThat(b.status()).isEqualTo(Activities.Status.CONFIRMED);
			// full: the next ones wait, in order
			Activities.SignUp c = activities.signUp(id, new Activities.SignUpForm(o.get(2), null, 1, ""));
			Activities.SignUp d = activities.signUp(id, new Activities.SignUpForm(o.get(3), null, 1, ""));
			Activities.SignUp e = activities.signUp(id, new Activities.SignUpForm(o.get(4), null, 1, ""));
			assertThat(List.of(c.status(), d.status(), e.status())).containsOnly(Activities.Status.WAITING);
			assertThat(List.of(c.position(), d.position(), e.position())).containsExactly(1, 2, 3);
			assertThat(activities.get(id).confirmedPeople()).isEqualTo(3);
			// the same owner twice: refused
			assertThatThrownBy(() -> activities.signUp(id, new Activities.SignUpForm(o.get(3), null, 1, "")))
				.isInstanceOf(InvalidInputException.class);

			// a confirmed party of one leaves: the first waiting becomes confirmed, the others move up
			List<Activities.SignUp> promoted = activities.cancel(id, b.id());
			assertThat(promoted).extracting(Activities.SignUp::ownerId).containsExactly(o.get(2));
			assertThat(activities.signUp(id, c.id()).status()).isEqualTo(Activities.Status.CONFIRMED);
			assertThat(activities.signUps(id, Activities.Status.WAITING)).extracting(Activities.SignUp::ownerId,
					Activities.SignUp::position).containsExactly(org.assertj.core.groups.Tuple.tuple(o.get(3), 1),
							org.assertj.core.groups.Tuple.tuple(o.get(4), 2));

			// a party of two leaves: two waiting ones of one person each move up
			activities.cancel(id, a.id());
			assertThat(activities.signUps(id, Activities.Status.WAITING)).isEmpty();
			assertThat(activities.get(id).confirmedPeople()).isEqualTo(3);

			// cancelling a waiting sign-up renumbers who is left behind it
			Activities.SignUp f = activities.signUp(id, new Activities.SignUpForm(o.get(5), null, 1, ""));
			Activities.SignUp g = activities.signUp(id, new Activities.SignUpForm(o.get(1), null, 1, ""));
			assertThat(List.of(f.position(), g.position())).containsExactly(1, 2);
			assertThat(activities.cancel(id, f.id())).isEmpty();
			assertThat(activities.signUp(id, g.id()).position()).isEqualTo(1);
		});
	}

	@Test
	void concurrentSignUpsForTheLastPlaceCannotBothBeConfirmed() throws Exception {
		String field = fixtures.staffWithRole("FIELD");
		for (int round = 0; round < 5; round++) {
			List<Long> o = owners(3);
			long id = openActivity(field, 2);
			fixtures.as(field, () -> activities.signUp(id, new Activities.SignUpForm(o.get(0), null, 1, "")));
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<Activities.SignUp>> results = new ArrayList<>();
				for (long owner : List.of(o.get(1), o.get(2))) {
					Callable<Activities.SignUp> task = () -> {
						start.await();
						return fixtures.as(field, () -> activities.signUp(id, new Activities.SignUpForm(owner, null, 1, "")));
					};
					results.add(pool.submit(task));
				}
				start.countDown();
				List<Activities.Status> statuses = new ArrayList<>();
				for (Future<Activities.SignUp> r : results) {
					statuses.add(r.get().status());
				}
				assertThat(statuses).containsExactlyInAnyOrder(Activities.Status.CONFIRMED, Activities.Status.WAITING);
				assertThat(jdbc.queryForObject(
						"select sum(people) from activity_signup where activity_id = ? and status = 'CONFIRMED'", Long.class, id))
					.isEqualTo(2);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void theApiSignsUpAndRefusesBadInputInChinese() throws Exception {
		String field = fixtures.staffWithRole("FIELD");
		List<Long> o = owners(2);
		long id = openActivity(field, 1);
		mvc.perform(post("/api/v1/activities").with(httpBasic(field, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"\",\"place\":\"会所\",\"capacity\":\"0\",\"budget\":\"-5\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.title").value("请填写活动名称"))
			.andExpect(jsonPath("$.errors.capacity").value("名额应为大于0的整数"))
			.andExpect(jsonPath("$.errors.budget").value("请填写不小于0的金额（元），最多两位小数"));
		mvc.perform(post("/api/v1/activities/{id}/signups", id).with(httpBasic(field, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"ownerId\":%d}".formatted(o.get(0))))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("CONFIRMED"));
		mvc.perform(post("/api/v1/activities/{id}/signups", id).with(httpBasic(field, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"ownerId\":%d,\"people\":2}".formatted(o.get(1))))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("WAITING")).andExpect(jsonPath("$.position").value(1));
		long first = jdbc.queryForObject("select id from activity_signup where activity_id = ? and owner_id = ?", Long.class, id, o.get(0));
		// the waiting party of two does not fit the one free place: it keeps waiting
		mvc.perform(post("/api/v1/activities/{id}/signups/{s}/cancel", id, first).with(httpBasic(field, Fixtures.PASSWORD)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
		mvc.perform(get("/api/v1/activities/{id}", id).with(httpBasic(field, Fixtures.PASSWORD)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.waiting[0].position").value(1));
		// open for sign-up with someone waiting: the page's actions, not 退回计划中
		mvc.perform(get("/api/v1/activities/{id}/actions", id).with(httpBasic(field, Fixtures.PASSWORD)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("OPEN"))
			.andExpect(jsonPath("$.actions", org.hamcrest.Matchers.hasItems("SIGN_UP", "FINISH", "CANCEL")))
			.andExpect(jsonPath("$.actions", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("BACK_TO_PLANNED"))))
			.andExpect(jsonPath("$.actions", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("OPEN_SIGNUP"))));
		String leader = fixtures.staffWithRole("LEADER");
		mvc.perform(post("/api/v1/activities/{id}/signups", id).with(httpBasic(leader, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"ownerId\":%d}".formatted(o.get(0))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/activities/{id}/actions", id).with(httpBasic(leader, Fixtures.PASSWORD)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.actions.length()").value(0));
	}

	@Test
	void pagesShowTheActivityItsSummaryAndFieldErrors() throws Exception {
		String field = fixtures.staffWithRole("FIELD");
		List<Long> o = owners(1);
		long id = openActivity(field, 5);
		fixtures.as(field, () -> activities.signUp(id, new Activities.SignUpForm(o.get(0), null, 2, "")));
		var auth = user(field).authorities(List.of("COMMUNITY_VIEW", "COMMUNITY_EDIT", "COMMUNITY_MANAGE").stream()
			.map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList());
		mvc.perform(get("/activities/{id}", id).with(auth)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("活动小结")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("业主0")));
		mvc.perform(get("/activities").with(auth)).andExpect(status().isOk());
		mvc.perform(get("/brand-plans").with(auth)).andExpect(status().isOk());
		// a 推广计划 with too long a name: the limit under the field, every typed value still there
		String longTitle = "社区文化推广".repeat(17);
		mvc.perform(post("/brand-plans").with(auth).with(csrf()).param("title", longTitle).param("periodFrom", "2026-01-01")
			.param("periodTo", "2026-03-31").param("budget", "1200").param("goal", "每月一次活动"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("内容过长：最多 100 个字。")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + longTitle + "\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"2026-03-31\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("每月一次活动</textarea>")));
		mvc.perform(get("/care").with(auth)).andExpect(status().isOk());
		mvc.perform(get("/care/rules/new").with(auth)).andExpect(status().isOk());
		mvc.perform(get("/activities/new").with(auth)).andExpect(status().isOk());
		// a time that cannot be read is told by the binding (the form's other checks follow once it can be read)
		mvc.perform(post("/activities/new").with(auth).with(csrf()).param("title", "").param("capacity", "abc")
			.param("startsAt", "2026-13-01T10:00").param("place", "会所"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("须为日期和时间")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"2026-13-01T10:00\"")));
		mvc.perform(post("/activities/new").with(auth).with(csrf()).param("title", "").param("capacity", "abc")
			.param("startsAt", "2026-12-20T10:00").param("place", "会所"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("请填写活动名称")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("名额应为大于0的整数")));
		long signUp = jdbc.queryForObject("select id from activity_signup where activity_id = ?", Long.class, id);
		mvc.perform(post("/activities/{id}/attendance", id).with(auth).with(csrf())
			.param("marks[0].signUpId", Long.toString(signUp)).param("marks[0].attended", "yes"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select attended from activity_signup where id = ?", Boolean.class, signUp)).isTrue();
		mvc.perform(get("/activities/owners").param("q", "13900001000").with(auth)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("业主0")));
		mvc.perform(get("/owners/{id}", o.get(0)).with(auth)).andExpect(status().isOk());
	}

	@Test
	void attendanceSavedWithAMistakeComesBackWithTheMessageUnderItsFieldAndEveryRowAsLeft() throws Exception {
		String field = fixtures.staffWithRole("FIELD");
		List<Long> o = owners(2);
		long id = openActivity(field, 5);
		long first = fixtures.as(field, () -> activities.signUp(id, new Activities.SignUpForm(o.get(0), null, 1, "")).id());
		long second = fixtures.as(field, () -> activities.signUp(id, new Activities.SignUpForm(o.get(1), null, 2, "")).id());
		var auth = user(field).authorities(List.of("COMMUNITY_VIEW", "COMMUNITY_EDIT").stream()
			.map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList());
		// the page's form names its rows as posted
		FormPage shown = new FormPage(mvc.perform(get("/activities/{id}", id).with(auth)).andReturn().getResponse().getContentAsString());
		assertThat(shown.valueOf("marks[0].signUpId")).isEqualTo(Long.toString(first));
		assertThat(shown.valueOf("marks[1].signUpId")).isEqualTo(Long.toString(second));
		assertThat(shown.valueOf("marks[0].attended")).isEmpty();

		// the mistake: a score for an owner who did not come
		var response = mvc.perform(post("/activities/{id}/attendance", id).with(auth).with(csrf())
			.param("marks[0].signUpId", Long.toString(first)).param("marks[0].attended", "no").param("marks[0].score", "4")
			.param("marks[0].feedback", "临时有事")
			.param("marks[1].signUpId", Long.toString(second)).param("marks[1].attended", "yes").param("marks[1].score", "5")
			.param("marks[1].feedback", "孩子很喜欢")).andReturn().getResponse();
		assertThat(response.getStatus()).as("the page again, not a redirect").isEqualTo(200);
		FormPage page = new FormPage(response.getContentAsString());
		assertThat(page.errorUnder("marks[0].score")).isEqualTo("未到场的业主不能评分");
		assertThat(page.hasErrorUnder("marks[1].score")).isFalse();
		assertThat(page.valueOf("marks[0].attended")).isEqualTo("no");
		assertThat(page.valueOf("marks[0].score")).isEqualTo("4");
		assertThat(page.valueOf("marks[0].feedback")).isEqualTo("临时有事");
		assertThat(page.valueOf("marks[1].attended")).isEqualTo("yes");
		assertThat(page.valueOf("marks[1].score")).isEqualTo("5");
		assertThat(page.valueOf("marks[1].feedback")).isEqualTo("孩子很喜欢");
		assertThat(page.html()).contains("请修改下面标出的 1 处").doesNotContain("到场与评分没有保存");
		assertThat(jdbc.queryForObject("select count(*) from activity_signup where activity_id = ? and attended is not null",
				Long.class, id)).isZero();

		// a score that is no number, too long a remark: each under its field, the other row untouched
		String longFeedback = "活动安排得很好".repeat(143);
		page = new FormPage(mvc.perform(post("/activities/{id}/attendance", id).with(auth).with(csrf())
			.param("marks[0].signUpId", Long.toString(first)).param("marks[0].attended", "yes").param("marks[0].score", "好")
			.param("marks[1].signUpId", Long.toString(second)).param("marks[1].attended", "yes")
			.param("marks[1].feedback", longFeedback)).andReturn().getResponse().getContentAsString());
		assertThat(page.errorUnder("marks[0].score")).isEqualTo("请输入数字，如 3.20。");
		assertThat(page.errorUnder("marks[1].feedback")).isEqualTo("内容过长：最多 1000 个字。");
		assertThat(page.valueOf("marks[1].feedback")).isEqualTo(longFeedback);

		// corrected: saved
		mvc.perform(post("/activities/{id}/attendance", id).with(auth).with(csrf())
			.param("marks[0].signUpId", Long.toString(first)).param("marks[0].attended", "no").param("marks[0].feedback", "临时有事")
			.param("marks[1].signUpId", Long.toString(second)).param("marks[1].attended", "yes").param("marks[1].score", "5"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForMap("select attended, score, feedback from activity_signup where id = ?", first))
			.containsEntry("attended", false).containsEntry("feedback", "临时有事");
		assertThat(jdbc.queryForObject("select score from activity_signup where id = ?", Integer.class, second)).isEqualTo(5);
	}

}
