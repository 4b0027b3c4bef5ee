package io.estatedesk.survey;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.estatedesk.support.BrowserTestData;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The owners' personal links as staff send them: one per target on the campaign page and on the target's page, in
 * the export, for SMS; seen only by whoever may run the campaign; no claim about links when nobody is asked.
 */
@IntegrationTest
class SurveyLinksIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SurveyLinks links;

	RequestPostProcessor manager;

	RequestPostProcessor office;

	long template;

	@BeforeEach
	void setUp() {
		manager = user(fixtures.staffWithRole("MANAGER")).authorities(() -> "SURVEY_VIEW", () -> "SURVEY_MANAGE");
		office = user(fixtures.staffWithRole("OFFICE")).authorities(() -> "SURVEY_VIEW", () -> "RETURN_CALL");
		template = jdbc.queryForObject("select id from survey_template where name = '入住满意度调查'", Long.class);
	}

	MvcResult start(long project, String name) throws Exception {
		return start(template, project, name);
	}

	MvcResult start(long template, long project, String name) throws Exception {
		return mvc.perform(post("/surveys/campaigns").with(manager).with(csrf()).param("templateId", String.valueOf(template))
			.param("name", name).param("audience", "PROJECT_ALL").param("projectId", String.valueOf(project)))
			.andExpect(status().is3xxRedirection()).andReturn();
	}

	String page(String path, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void everyTargetsLinkIsOnTheCampaignPageTheTargetPageTheExportAndReadyForSending() throws Exception {
		String name = Fixtures.unique("链接调查");
		long project = fixtures.project(name);
		long building = fixtures.building(project, "2号楼");
		List<String> mobiles = new ArrayList<>();
		for (String room : List.of("2-0101", "2-0102", "2-0103")) {
			String mobile = BrowserTestData.mobile();
			mobiles.add(mobile);
			long owner = fixtures.owner("链" + room, mobile, BrowserTestData.idNumber());
			fixtures.holds(owner, fixtures.unit(project, building, room, "OCCUPIED"));
		}
		MvcResult created = start(project, name);
		assertThat(created.getFlashMap().get("flashSuccess")).isEqualTo("survey.campaign.created");
		long campaign = jdbc.queryForObject("select id from survey_campaign where name = ?", Long.class, name);
		List<Long> targets = jdbc.queryForList("select id from survey_target where campaign_id = ? order by id", Long.class, campaign);
		List<String> urls = jdbc.queryForList("select token from survey_target where campaign_id = ? order by id", String.class, campaign)
			.stream().map(links::url).toList();
		assertThat(urls).hasSize(3).allSatisfy(u -> assertThat(u).matches("https?://.+/s/[A-Za-z0-9_-]{20,}"));

		// the campaign page: one link, one copy button and one QR code per target
		String html = page("/surveys/campaigns/" + campaign, manager);
		for (int i = 0; i < 3; i++) {
			assertThat(count(html, "value=\"" + urls.get(i) + "\"")).as("the link of target %d, once", i).isEqualTo(1);
			assertThat(html).contains("id=\"copy-" + targets.get(i) + "\"").contains("/surveys/targets/" + targets.get(i) + "/qr.svg");
		}
		assertThat(count(html, "class=\"survey-link")).isEqualTo(3);

		// the target's own page, and its QR code as SVG
		assertThat(page("/surveys/targets/" + targets.get(1), manager)).contains("value=\"" + urls.get(1) + "\"");
		MvcResult qr = mvc.perform(get("/surveys/targets/" + targets.get(1) + "/qr.svg").with(manager)).andExpect(status().isOk()).andReturn();
		assertThat(qr.getResponse().getContentType()).startsWith("image/svg+xml");
		assertThat(qr.getResponse().getContentAsString()).startsWith("<svg").contains("<path d=\"M");

		// the export: every target with the link still to be used
		byte[] xlsx = mvc.perform(get("/surveys/campaigns/" + campaign + "/export").with(manager)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx)); var rows = wb.getFirstSheet().openStream()) {
			List<Row> all = rows.toList();
			assertThat(all.get(0).getCellText(4)).isEqualTo("个人链接（未回答）");
			assertThat(all.subList(1, all.size())).extracting(r -> r.getCellText(4)).containsExactlyElementsOf(urls);
		}

		// ready for SMS: each unanswered target's mobile and link
		List<SurveyLinks.Link> toSend = new ArrayList<>();
		links.eachUnanswered(campaign, toSend::add);
		assertThat(toSend).extracting(SurveyLinks.Link::url).containsExactlyElementsOf(urls);
		assertThat(toSend).extracting(SurveyLinks.Link::mobile).containsExactlyInAnyOrderElementsOf(mobiles);

		// who may not run the campaign sees no link and gets no QR code
		String officePage = page("/surveys/campaigns/" + campaign, office);
		assertThat(urls).allSatisfy(u -> assertThat(officePage).doesNotContain(u));
		assertThat(page("/surveys/targets/" + targets.get(0), office)).doesNotContain(urls.get(0));
		mvc.perform(get("/surveys/targets/" + targets.get(0) + "/qr.svg").with(office)).andExpect(status().isForbidden());
	}

	@Test
	void aCampaignWithoutTargetsClaimsNoLinks() throws Exception {
		String name = Fixtures.unique("无人调查");
		long project = fixtures.project(name);
		MvcResult created = start(project, name);
		assertThat(created.getFlashMap().get("flashSuccess")).isEqualTo("survey.campaign.createdEmpty");
		String html = mvc.perform(get(created.getResponse().getRedirectedUrl()).with(manager).flashAttrs(created.getFlashMap()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).doesNotContain("已为每位调查对象生成个人链接").contains("没有符合条件的调查对象")
			.doesNotContain("class=\"survey-link");
	}

	/** A campaign of the template for one owner: its target. */
	long oneTarget(String templateName) throws Exception {
		String name = Fixtures.unique("答卷");
		long project = fixtures.project(name);
		long owner = fixtures.owner("答" + name, BrowserTestData.mobile(), BrowserTestData.idNumber());
		fixtures.holds(owner, fixtures.unit(project, fixtures.building(project, "5号楼"), "5-0101", "OCCUPIED"));
		long of = jdbc.queryForObject("select id from survey_template where name = ?", Long.class, templateName);
		start(of, project, name);
		return jdbc.queryForObject("select t.id from survey_target t join survey_campaign c on c.id = t.campaign_id where c.name = ?",
				Long.class, name);
	}

	/** The question ids of the target's questionnaire, by position (1 first). */
	List<Long> questions(long target) {
		return jdbc.queryForList("""
				select q.id from survey_question q join survey_campaign c on c.template_id = q.template_id
				join survey_target t on t.campaign_id = c.id where t.id = ? order by q.position""", Long.class, target);
	}

	/** The markup of one question on the page, from its fieldset to the end of it. */
	static String question(String page, long id) {
		int start = page.indexOf("data-question=\"" + id + "\"");
		assertThat(start).as("question %d on the page", id).isPositive();
		return page.substring(start, page.indexOf("</fieldset>", start));
	}

	/** The message under the field (its element {@code <field>-error}), null when there is none. */
	static String errorOf(String markup, String field) {
		Matcher m = Pattern.compile("id=\"" + Pattern.quote(field + "-error") + "\"[^>]*>([^<]*)</div>").matcher(markup);
		return m.find() ? m.group(1).strip() : null;
	}

	@Test
	void aPublicLinkAnsweredWithAMistakeComesBackWithEveryAnswerAndTheMessageUnderItsQuestion() throws Exception {
		long target = oneTarget("入住满意度调查");
		String token = jdbc.queryForObject("select token from survey_target where id = ?", String.class, target);
		// 1–3 SCORE5, 4 SINGLE, 5 RECOMMEND (0–10), 6 TEXT (optional)
		List<Long> q = questions(target);
		String page = mvc.perform(post("/s/" + token).with(csrf()).param("answers[" + q.get(0) + "]", "5")
			.param("answers[" + q.get(1) + "]", "4").param("answers[" + q.get(3) + "]", "物业服务")
			.param("answers[" + q.get(4) + "]", "11").param("answers[" + q.get(5) + "]", "希望多组织亲子活动"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).as("the questionnaire again, not a thank-you").contains("id=\"survey-form\"").doesNotContain("id=\"survey-done\"");
		assertThat(errorOf(question(page, q.get(2)), "answers[" + q.get(2) + "]")).isEqualTo("请回答这道题");
		assertThat(errorOf(question(page, q.get(4)), "answers[" + q.get(4) + "]")).isEqualTo("请选择 0 到 10 分");
		assertThat(count(page, "请回答这道题")).as("the message once, under its question, not listed at the top").isEqualTo(1);
		assertThat(page).contains("请修改下面标出的 2 处");
		// every answer given is still there
		assertThat(question(page, q.get(0))).containsPattern("value=\"5\" checked=\"checked\"").doesNotContain("-error");
		assertThat(question(page, q.get(1))).containsPattern("value=\"4\" checked=\"checked\"");
		assertThat(question(page, q.get(3))).contains("value=\"物业服务\" checked=\"checked\"");
		assertThat(question(page, q.get(5))).contains(">希望多组织亲子活动</textarea>");
		assertThat(jdbc.queryForObject("select answered_at is null from survey_target where id = ?", Boolean.class, target)).isTrue();

		String done = mvc.perform(post("/s/" + token).with(csrf()).param("answers[" + q.get(0) + "]", "5")
			.param("answers[" + q.get(1) + "]", "4").param("answers[" + q.get(2) + "]", "3")
			.param("answers[" + q.get(3) + "]", "物业服务").param("answers[" + q.get(4) + "]", "9")
			.param("answers[" + q.get(5) + "]", "希望多组织亲子活动"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(done).contains("id=\"survey-done\"").contains("感谢您的参与！");
		assertThat(jdbc.queryForList("select coalesce(score::text, array_to_string(choices, ','), text) from survey_answer where target_id = ? order by question_id",
				String.class, target)).containsExactly("5", "4", "3", "物业服务", "9", "希望多组织亲子活动");
		assertThat(jdbc.queryForObject("select answered_by from survey_target where id = ?", String.class, target)).isEqualTo("owner");
	}

	@Test
	void answersTakenByPhoneWithAMistakeComeBackAsGivenWithTheMessageUnderTheQuestion() throws Exception {
		long target = oneTarget("年度满意度调查");
		// 1–3 SCORE5, 4 MULTIPLE, 5 RECOMMEND, 6 TEXT (optional)
		List<Long> q = questions(target);
		String page = mvc.perform(post("/surveys/targets/" + target).with(office).with(csrf()).param("answers[" + q.get(0) + "]", "4")
			.param("answers[" + q.get(2) + "]", "5").param("answers[" + q.get(3) + "]", "节日活动", "亲子活动")
			.param("answers[" + q.get(4) + "]", "8").param("answers[" + q.get(5) + "]", "电话里说停车位紧张"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(errorOf(question(page, q.get(1)), "answers[" + q.get(1) + "]")).isEqualTo("请回答这道题");
		assertThat(count(page, "请回答这道题")).isEqualTo(1);
		assertThat(errorOf(page, "answers[" + q.get(0) + "]")).isNull();
		assertThat(question(page, q.get(0))).contains("value=\"4\" checked=\"checked\"");
		assertThat(question(page, q.get(2))).contains("value=\"5\" checked=\"checked\"");
		String multiple = question(page, q.get(3));
		assertThat(multiple).contains("value=\"节日活动\" checked=\"checked\"", "value=\"亲子活动\" checked=\"checked\"")
			.doesNotContain("value=\"健康讲座\" checked");
		assertThat(question(page, q.get(4))).contains("value=\"8\" checked=\"checked\"");
		assertThat(question(page, q.get(5))).contains(">电话里说停车位紧张</textarea>");
		assertThat(jdbc.queryForObject("select answered_at is null from survey_target where id = ?", Boolean.class, target)).isTrue();

		// a choice that is not offered is refused under its question, the rest kept
		page = mvc.perform(post("/surveys/targets/" + target).with(office).with(csrf()).param("answers[" + q.get(0) + "]", "4")
			.param("answers[" + q.get(1) + "]", "3").param("answers[" + q.get(2) + "]", "5")
			.param("answers[" + q.get(3) + "]", "节日活动", "广场舞").param("answers[" + q.get(4) + "]", "8"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(errorOf(question(page, q.get(3)), "answers[" + q.get(3) + "]")).isEqualTo("请从给出的选项中选择");
		assertThat(question(page, q.get(3))).contains("value=\"节日活动\" checked=\"checked\"");
		assertThat(question(page, q.get(1))).contains("value=\"3\" checked=\"checked\"");

		MvcResult saved = mvc.perform(post("/surveys/targets/" + target).with(office).with(csrf()).param("answers[" + q.get(0) + "]", "4")
			.param("answers[" + q.get(1) + "]", "3").param("answers[" + q.get(2) + "]", "5")
			.param("answers[" + q.get(3) + "]", "节日活动", "亲子活动").param("answers[" + q.get(4) + "]", "8"))
			.andExpect(status().is3xxRedirection()).andReturn();
		assertThat(saved.getFlashMap().get("flashSuccess")).isEqualTo("survey.answer.saved");
		assertThat(jdbc.queryForObject("select array_to_string(choices, ',') from survey_answer where target_id = ? and question_id = ?",
				String.class, target, q.get(3))).isEqualTo("节日活动,亲子活动");
		assertThat(jdbc.queryForObject("select count(*) from survey_answer where target_id = ?", Integer.class, target))
			.as("the optional text left out").isEqualTo(5);
	}

	private static int count(String text, String part) {
		int n = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			n++;
		}
		return n;
	}

}
