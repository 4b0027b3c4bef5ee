package io.estatedesk.survey;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

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

	private static int count(String text, String part) {
		int n = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			n++;
		}
		return n;
	}

}
