package io.estatedesk.survey;

import io.estatedesk.shared.BusinessClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.CaseHistory;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Return-call tasks from complaints, their results on the complaint, and survey audiences chosen in the database. */
@IntegrationTest
class SurveyIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReturnCalls returnCalls;

	@Autowired
	Surveys surveys;

	String office;

	long step(long complaint, String action, String body) throws Exception {
		long version = jdbc.queryForObject("select version from complaint where id = ?", Long.class, complaint);
		mvc.perform(post("/api/v1/complaints/" + complaint + "/actions/" + action).with(httpBasic(office, Fixtures.PASSWORD))
			.header("If-Match", "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk());
		return complaint;
	}

	/** A complaint taken to 已回复 through the API. */
	long repliedComplaint(long project) throws Exception {
		long category = jdbc.queryForObject("select id from complaint_category where name = '物业服务'", Long.class);
		MvcResult r = mvc.perform(post("/api/v1/complaints").with(httpBasic(office, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"projectId":%d,"complainant":"周先生","complainedAt":"2026-11-20T10:15:00","channel":"PHONE",
					 "categoryId":%d,"severity":"GENERAL","content":"垃圾清运不及时","contactPhone":"13900005678"}""".formatted(project, category)))
			.andExpect(status().isCreated()).andReturn();
		long id = ((Number) JsonPath.read(r.getResponse().getContentAsString(), "$.id")).longValue();
		long version = jdbc.queryForObject("select version from complaint where id = ?", Long.class, id);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/complaints/" + id)
			.with(httpBasic(office, Fixtures.PASSWORD)).header("If-Match", "\"" + version + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"analysis\":{\"causeAnalysis\":\"保洁排班不足\",\"correctiveAction\":\"增加一次清运\",\"handlingOpinion\":\"同意\"}}"))
			.andExpect(status().isOk());
		step(id, "submit", "{}");
		step(id, "reply", "{\"text\":\"已增加每日清运一次\",\"way\":\"电话\"}");
		return id;
	}

	Long openTask(long complaint) {
		return jdbc.queryForList("select id from return_call where kind = 'COMPLAINT' and case_id = ? and state = 'OPEN'", Long.class,
				complaint).stream().findFirst().orElse(null);
	}

	/** The open task of the complaint, once the return calls' listener (after the reply's commit) has made it. */
	Long awaitOpenTask(long complaint) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> openTask(complaint), java.util.Objects::nonNull);
	}

	@Test
	void aRepliedComplaintGetsItsReturnCallAndNotSatisfiedReopensIt() throws Exception {
		office = fixtures.staffWithRole("OFFICE");
		long project = fixtures.project(Fixtures.unique("回访"));
		long complaint = repliedComplaint(project);
		Long task = awaitOpenTask(complaint);
		assertThat(task).as("a return call is due once the owner has the reply").isNotNull();
		ReturnCalls.Task t = returnCalls.task(task);
		assertThat(t.assigneeId()).isEqualTo(fixtures.staffId(office));
		assertThat(t.contactPhone()).isEqualTo("13900005678");

		// not reached twice: still open, to be tried again; the third time ends it
		fixtures.as(office, () -> returnCalls.record(task, false, null, "无人接听", returnCalls.task(task).version()));
		assertThat(returnCalls.task(task).state()).isEqualTo(ReturnCallState.OPEN);
		assertThat(returnCalls.task(task).nextAttemptAt()).isNotNull();
		// reached but without a result: refused, nothing recorded
		assertThatThrownBy(() -> fixtures.as(office, () -> returnCalls.record(task, true, null, " ", returnCalls.task(task).version())))
			.isInstanceOf(InvalidInputException.class);
		fixtures.as(office, () -> returnCalls.record(task, true, false, "垃圾仍然堆放两天", returnCalls.task(task).version()));
		assertThat(returnCalls.task(task).state()).isEqualTo(ReturnCallState.DONE);
		assertThat(jdbc.queryForMap("select state, reopen_count from complaint where id = ?", complaint))
			.containsEntry("state", "IN_PROGRESS").containsEntry("reopen_count", 1);
		assertThat(returnCalls.attempts(task)).hasSize(2);
		// its history, step by step with the version each save produced; a finished call is not called again
		assertThat(returnCalls.history(task)).extracting(CaseHistory.Entry::kind)
			.containsExactly("CREATED", "CALL_ATTEMPT", "CALL_ATTEMPT", "STATE", "FIELD");
		assertThat(returnCalls.history(task).get(3)).extracting(CaseHistory.Entry::oldValue, CaseHistory.Entry::newValue,
				CaseHistory.Entry::version).containsExactly("OPEN", "DONE", returnCalls.task(task).version());
		assertThatThrownBy(() -> fixtures.as(office, () -> returnCalls.record(task, false, null, "", returnCalls.task(task).version())))
			.isInstanceOf(BusinessRuleException.class).hasMessage("returnCall.notOpen");

		// handled and replied again: a new return call; satisfied this time moves it on to its closing
		step(complaint, "submit", "{}");
		step(complaint, "reply", "{\"text\":\"已调整清运时间\",\"way\":\"电话\"}");
		Long second = await().atMost(Duration.ofSeconds(10)).until(() -> openTask(complaint), id -> id != null && !id.equals(task));
		assertThat(second).isNotNull().isNotEqualTo(task);
		fixtures.as(office, () -> returnCalls.record(second, true, true, "业主满意", returnCalls.task(second).version()));
		assertThat(jdbc.queryForObject("select state from complaint where id = ?", String.class, complaint)).isEqualTo("RETURN_VISITED");
	}

	@Test
	void aReturnCallRecordedOnTheComplaintItselfEndsItsTask() throws Exception {
		office = fixtures.staffWithRole("OFFICE");
		long complaint = repliedComplaint(fixtures.project(Fixtures.unique("回访二")));
		Long task = awaitOpenTask(complaint);
		step(complaint, "return-visit", "{\"yes\":true,\"text\":\"满意\"}");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(returnCalls.task(task).state()).isEqualTo(ReturnCallState.CLOSED));
		assertThat(returnCalls.task(task).satisfied()).as("the owner's answer counts in the rates").isTrue();
		assertThat(openTask(complaint)).isNull();
	}

	@Test
	void aCampaignAudienceOfOneHundredThousandOwnersIsChosenInTheDatabase() {
		String manager = fixtures.staffWithRole("MANAGER");
		long project = fixtures.project(Fixtures.unique("十万业主"));
		long building = fixtures.building(project, "1号楼");
		// 100,000 owners each holding a home, written by SQL in a few seconds; the pairs get their ids first, so no
		// join between the new rows is left to the planner's guess
		jdbc.execute("""
				create temp table pairs as
				  select g, nextval('unit_id_seq') unit_id, nextval('owner_id_seq') owner_id from generate_series(1, 100000) g;
				insert into unit (id, project_id, building_id, room_no, status, area, handover_date)
				  select unit_id, %1$d, %2$d, 'R' || g, 'OCCUPIED', 90, %3$s - (g %% 400) from pairs;
				insert into owner (id, name, gender, mobile, id_type, id_number)
				  select owner_id, '业主' || g, '女', '139' || lpad(g::text, 8, '0'), '其他', 'T' || g from pairs;
				insert into ownership (owner_id, unit_id, since) select owner_id, unit_id, %3$s from pairs;
				drop table pairs""".formatted(project, building, io.estatedesk.shared.BusinessClock.sqlToday()));
		long templateId = surveys.templates().get(0).id();
		long all = fixtures.as(manager, () -> surveys.createCampaign(templateId, "全体业主满意度", Surveys.Audience.PROJECT_ALL, project));
		assertThat(surveys.campaign(all).targets()).isEqualTo(100_000);
		assertThat(jdbc.queryForObject("select count(distinct token) from survey_target where campaign_id = ?", Long.class, all))
			.isEqualTo(100_000);
		// handed over 30 to 60 days ago: 31 of every 400 days of handover dates
		long recent = fixtures.as(manager, () -> surveys.createCampaign(templateId, "入住30天", Surveys.Audience.HANDOVER_30_DAYS, project));
		long expected = jdbc.queryForObject("select count(*) from unit where project_id = ? and handover_date between ? and ?",
				Long.class, project, BusinessClock.today().minusDays(60), BusinessClock.today().minusDays(30));
		assertThat(surveys.campaign(recent).targets()).isEqualTo(expected).isBetween(7_000, 8_500);
	}

	@Test
	void answersAreTakenOnceAndCheckedAgainstTheQuestions() {
		String manager = fixtures.staffWithRole("MANAGER");
		long project = fixtures.project(Fixtures.unique("问卷"));
		long unit = fixtures.unit(project, fixtures.building(project, "1号楼"), "1-0101", "OCCUPIED");
		long owner = fixtures.owner("钱女士", "13800004321", Fixtures.idNumber("11010119800101777"));
		fixtures.holds(owner, unit);
		jdbc.update("update ownership set project_id = ? where owner_id = ?", project, owner);
		long templateId = surveys.templates().get(0).id();
		long id = fixtures.as(manager, () -> surveys.createCampaign(templateId, "测试", Surveys.Audience.PROJECT_ALL, project));
		Surveys.Target target = surveys.targets(id, true, 0, 10).get(0);
		List<Surveys.Question> qs = surveys.questions(templateId);
		Map<Long, Surveys.Answer> bad = Map.of(qs.get(0).id(), new Surveys.Answer(9, null, null));
		assertThatThrownBy(() -> surveys.answer(target.id(), bad, "owner")).isInstanceOf(InvalidInputException.class);
		assertThat(surveys.target(target.id()).answeredAt()).isNull();
		Map<Long, Surveys.Answer> good = new java.util.HashMap<>();
		for (Surveys.Question q : qs) {
			switch (q.kind()) {
				case SCORE5 -> good.put(q.id(), new Surveys.Answer(5, null, null));
				case RECOMMEND, SCORE10 -> good.put(q.id(), new Surveys.Answer(10, null, null));
				case SINGLE -> good.put(q.id(), new Surveys.Answer(null, List.of(q.options().get(0)), null));
				case MULTIPLE -> good.put(q.id(), new Surveys.Answer(null, List.of(q.options().get(0), q.options().get(1)), null));
				case TEXT -> good.put(q.id(), new Surveys.Answer(null, null, "很好"));
			}
		}
		assertThat(surveys.answer(target.id(), good, "owner")).isTrue();
		assertThat(surveys.answer(target.id(), good, "owner")).as("a second use").isFalse();
		Surveys.Summary s = surveys.summary(id);
		assertThat(s.answered()).isEqualTo(1);
		assertThat(s.satisfaction()).isEqualByComparingTo("100.0");
		assertThat(s.nps()).isEqualByComparingTo("100.0");
	}

	@Test
	void aTemplateSavedWithAMistakeComesBackAsTypedWithEachMessageUnderItsField() throws Exception {
		var manager = user(fixtures.staffWithRole("MANAGER")).authorities(() -> "SURVEY_VIEW", () -> "SURVEY_MANAGE");
		String taken = surveys.templates().get(0).name();
		String name = Fixtures.unique("物业费调查");
		// the facade's rules: a name already used, a choice with one option
		String page = mvc.perform(post("/surveys/templates").with(manager).with(csrf()).param("name", taken)
			.param("description", "收费满意度").param("questions[0].kind", "SCORE5").param("questions[0].text", "您对收费是否满意？")
			.param("questions[0].options", "").param("questions[1].kind", "SINGLE").param("questions[1].text", "您如何缴费？")
			.param("questions[1].options", "微信").param("questions[2].kind", "TEXT").param("questions[2].text", "其他意见"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(errorOf(page, "name")).isEqualTo("已有同名的模板");
		assertThat(errorOf(page, "questions[1].options")).isEqualTo("选择题请至少填写两个选项");
		assertThat(errorOf(page, "questions[0].options")).isNull();
		assertThat(count(page, "选择题请至少填写两个选项")).as("under its field, not listed at the top").isEqualTo(1);
		assertThat(page).contains("请修改下面标出的 2 处");
		assertThat(page).contains("value=\"" + taken + "\"", "value=\"收费满意度\"", "value=\"您对收费是否满意？\"",
				"value=\"您如何缴费？\"", "value=\"微信\"", "value=\"其他意见\"");
		assertThat(selected(page, 1)).isEqualTo("SINGLE");
		assertThat(selected(page, 2)).isEqualTo("TEXT");

		// the form's own checks: the name's and a question's limit; nothing is saved
		String longText = "问".repeat(301);
		page = mvc.perform(post("/surveys/templates").with(manager).with(csrf()).param("name", "名".repeat(101))
			.param("description", "收费满意度").param("questions[0].kind", "SCORE5").param("questions[0].text", longText)
			.param("questions[1].kind", "SINGLE").param("questions[1].text", "您如何缴费？").param("questions[1].options", "微信，支付宝"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(errorOf(page, "name")).isEqualTo("内容过长：最多 100 个字。");
		assertThat(errorOf(page, "questions[0].text")).isEqualTo("内容过长：最多 300 个字。");
		assertThat(page).contains("value=\"" + longText + "\"", "value=\"微信，支付宝\"", "value=\"" + "名".repeat(101) + "\"");
		assertThat(selected(page, 1)).isEqualTo("SINGLE");
		assertThat(jdbc.queryForObject("select count(*) from survey_template where name like '名%' or name = ?", Integer.class, name))
			.isZero();

		// no question at all: said under the questions
		page = mvc.perform(post("/surveys/templates").with(manager).with(csrf()).param("name", name).param("questions[0].kind", "SCORE5"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(errorOf(page, "questions")).isEqualTo("请至少填写一道题");
		assertThat(page).contains("value=\"" + name + "\"");

		mvc.perform(post("/surveys/templates").with(manager).with(csrf()).param("name", name).param("description", "收费满意度")
			.param("questions[0].kind", "SCORE5").param("questions[0].text", "您对收费是否满意？")
			.param("questions[1].kind", "SINGLE").param("questions[1].text", "您如何缴费？").param("questions[1].options", "微信，支付宝")
			.param("questions[2].kind", "SCORE5").param("questions[2].text", ""))
			.andExpect(status().is3xxRedirection());
		long id = jdbc.queryForObject("select id from survey_template where name = ?", Long.class, name);
		assertThat(surveys.questions(id)).extracting(Surveys.Question::kind, Surveys.Question::text, Surveys.Question::options)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Surveys.Kind.SCORE5, "您对收费是否满意？", List.of()),
					org.assertj.core.groups.Tuple.tuple(Surveys.Kind.SINGLE, "您如何缴费？", List.of("微信", "支付宝")));
	}

	/** The message under the field (its element {@code <field>-error}), null when there is none. */
	static String errorOf(String page, String field) {
		Matcher m = Pattern.compile("id=\"" + Pattern.quote(field + "-error") + "\"[^>]*>([^<]*)</div>").matcher(page);
		return m.find() ? m.group(1).strip() : null;
	}

	/** The kind chosen on the template form's row. */
	static String selected(String page, int row) {
		return new io.estatedesk.support.FormPage(page).valueOf("questions[" + row + "].kind");
	}

	private static int count(String text, String part) {
		int n = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			n++;
		}
		return n;
	}

}
