package io.estatedesk.survey.browser;

import java.util.List;

import io.estatedesk.support.BrowserSession;
import io.estatedesk.support.BrowserTestData;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 新建问卷模板 and 电话调查 after a mistake: the message stands under its field or question in Chinese and every value
 * typed or ticked is still there; once corrected the template and the answers are saved as given.
 */
@IntegrationTest
class SurveyFormsBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	String manager;

	String suffix;

	@BeforeEach
	void setUp() {
		suffix = BrowserTestData.suffix();
		manager = fixtures.staffWithRole("MANAGER");
	}

	@Test
	void aTemplateWithAMistakeKeepsEveryRowAndIsSavedOnceCorrected() {
		String name = "物业费满意度" + suffix;
		browser.login(manager, Fixtures.PASSWORD);
		browser.open("/surveys/templates/new");
		browser.type(By.id("name"), "入住满意度调查");
		browser.type(By.id("description"), "收费与缴费方式" + suffix);
		new Select(browser.find(By.id("questions[0].kind"))).selectByValue("SCORE5");
		browser.type(By.id("questions[0].text"), "您对物业费的收费标准是否满意？");
		new Select(browser.find(By.id("questions[1].kind"))).selectByValue("SINGLE");
		browser.type(By.id("questions[1].text"), "您通常如何缴费？");
		browser.type(By.id("questions[1].options"), "微信");
		new Select(browser.find(By.id("questions[2].kind"))).selectByValue("TEXT");
		browser.type(By.id("questions[2].text"), "其他意见");
		browser.clickAndAwaitPage(By.id("save-template"));

		assertThat(browser.find(By.id("name-error")).getText()).isEqualTo("已有同名的模板");
		assertThat(browser.find(By.id("questions[1].options-error")).getText()).isEqualTo("选择题请至少填写两个选项");
		assertThat(browser.find(By.id("questions[1].options")).getDomAttribute("aria-describedby")).isEqualTo("questions[1].options-error");
		assertThat(browser.find(By.cssSelector("#template-form [data-form-alert]")).getText()).contains("请修改下面标出的 2 处");
		assertThat(value("name")).isEqualTo("入住满意度调查");
		assertThat(value("description")).isEqualTo("收费与缴费方式" + suffix);
		assertThat(kind(0)).isEqualTo("SCORE5");
		assertThat(value("questions[0].text")).isEqualTo("您对物业费的收费标准是否满意？");
		assertThat(kind(1)).isEqualTo("SINGLE");
		assertThat(value("questions[1].text")).isEqualTo("您通常如何缴费？");
		assertThat(value("questions[1].options")).isEqualTo("微信");
		assertThat(kind(2)).isEqualTo("TEXT");
		assertThat(value("questions[2].text")).isEqualTo("其他意见");
		browser.screenshot("survey-forms-01-template-error");

		browser.type(By.id("name"), name);
		browser.type(By.id("questions[1].options"), "微信，支付宝，现金");
		browser.clickAndAwaitPage(By.id("save-template"));
		assertThat(browser.errorMessages()).isEmpty();
		assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("问卷模板已保存。");
		assertThat(jdbc.queryForList("""
				select q.kind || ':' || q.text || ':' || array_to_string(q.options, '/') from survey_question q
				join survey_template t on t.id = q.template_id where t.name = ? order by q.position""", String.class, name))
			.containsExactly("SCORE5:您对物业费的收费标准是否满意？:", "SINGLE:您通常如何缴费？:微信/支付宝/现金", "TEXT:其他意见:");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void answersTakenByPhoneWithAQuestionLeftOutAreKeptAndSavedOnceComplete() throws Exception {
		long project = fixtures.project("电话调查花园" + suffix);
		long owner = fixtures.owner("严" + suffix, BrowserTestData.mobile(), BrowserTestData.idNumber());
		fixtures.holds(owner, fixtures.unit(project, fixtures.building(project, "6号楼"), "6-0606", "OCCUPIED"));
		long template = jdbc.queryForObject("select id from survey_template where name = '年度满意度调查'", Long.class);
		mvc.perform(post("/surveys/campaigns").with(user(manager).authorities(() -> "SURVEY_VIEW", () -> "SURVEY_MANAGE")).with(csrf())
			.param("templateId", String.valueOf(template)).param("name", "年度回访" + suffix)
			.param("audience", "PROJECT_ALL").param("projectId", String.valueOf(project)))
			.andExpect(status().is3xxRedirection());
		long target = jdbc.queryForObject("""
				select t.id from survey_target t join survey_campaign c on c.id = t.campaign_id where c.name = ?""", Long.class,
				"年度回访" + suffix);

		browser.login(manager, Fixtures.PASSWORD);
		browser.open("/surveys/targets/" + target);
		// 1–3: satisfaction; 4: multiple choice; 5: recommendation; 6: text
		List<WebElement> questions = browser.findAll(By.cssSelector("fieldset.question"));
		assertThat(questions).hasSize(6);
		browser.click(questions.get(0).findElement(By.xpath(".//label[.='满意']")));
		browser.click(questions.get(2).findElement(By.xpath(".//label[.='很满意']")));
		browser.click(questions.get(3).findElement(By.xpath(".//label[.='节日活动']")));
		browser.click(questions.get(3).findElement(By.xpath(".//label[.='亲子活动']")));
		browser.click(questions.get(4).findElement(By.xpath(".//label[.='8']")));
		questions.get(5).findElement(By.tagName("textarea")).sendKeys("停车位紧张" + suffix);
		browser.clickAndAwaitPage(By.id("submit-survey"));

		questions = browser.findAll(By.cssSelector("fieldset.question"));
		assertThat(questions.get(1).findElement(By.cssSelector("[data-field-error]")).getText()).isEqualTo("请回答这道题");
		assertThat(browser.findAll(By.cssSelector("[data-field-error]"))).as("only the question left out").hasSize(1);
		assertThat(browser.find(By.cssSelector("#survey-form [data-form-alert]")).getText()).contains("请修改下面标出的 1 处");
		assertThat(checked(questions.get(0))).containsExactly("4");
		assertThat(checked(questions.get(2))).containsExactly("5");
		assertThat(checked(questions.get(3))).containsExactly("节日活动", "亲子活动");
		assertThat(checked(questions.get(4))).containsExactly("8");
		assertThat(questions.get(5).findElement(By.tagName("textarea")).getDomProperty("value")).isEqualTo("停车位紧张" + suffix);
		browser.screenshot("survey-forms-02-phone-error");

		browser.click(questions.get(1).findElement(By.xpath(".//label[.='一般']")));
		browser.clickAndAwaitPage(By.id("submit-survey"));
		assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("答卷已保存。");
		assertThat(jdbc.queryForList("""
				select coalesce(a.score::text, array_to_string(a.choices, '/'), a.text) from survey_answer a
				join survey_question q on q.id = a.question_id where a.target_id = ? order by q.position""", String.class, target))
			.containsExactly("4", "3", "5", "节日活动/亲子活动", "8", "停车位紧张" + suffix);
		assertThat(browser.consoleErrors()).isEmpty();
	}

	private static String value(String id) {
		return browser.find(By.id(id)).getDomProperty("value");
	}

	private static String kind(int row) {
		return new Select(browser.find(By.id("questions[" + row + "].kind"))).getFirstSelectedOption().getDomProperty("value");
	}

	private static List<String> checked(WebElement question) {
		return question.findElements(By.cssSelector("input:checked")).stream().map(i -> i.getDomProperty("value")).toList();
	}

}
