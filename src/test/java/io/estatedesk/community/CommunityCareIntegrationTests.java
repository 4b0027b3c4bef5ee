package io.estatedesk.community;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.util.List;

import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.FormPage;
import io.estatedesk.support.IntegrationTest;
import io.estatedesk.complaint.ComplaintManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Who is due under a care rule, at the edges of its window, found by the database; the rule's form and 已关怀 / 跳过
 * refused with the message under the field and everything typed still there.
 */
@IntegrationTest
class CommunityCareIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CarePlans care;

	@Autowired
	ComplaintManagement complaints;

	@Autowired
	MockMvc mvc;

	private long project;

	private long building;

	private int room;

	private long owner(String name, String birthday) {
		long unit = fixtures.unit(project, building, "2-" + (++room), "OCCUPIED");
		long owner = fixtures.owner(name, null, birthday == null ? null : Fixtures.idNumber("110101" + birthday + "123"));
		fixtures.holds(owner, unit);
		return owner;
	}

	private CarePlans.Rule rule(String manager, CarePlans.Kind kind, int days, LocalDate festival) {
		long id = fixtures.as(manager, () -> care.createRule(new CarePlans.RuleForm(Fixtures.unique("关怀"), kind, festival,
				Integer.toString(days), "尊敬的{姓名}业主（{房号}）：{日期}快乐！", project, true)));
		return care.rule(id).orElseThrow();
	}

	private List<Long> due(CarePlans.Rule rule, LocalDate today) {
		return care.due(rule, today, 1000).stream().map(CarePlans.Due::ownerId).toList();
	}

	@Test
	void birthdaysAreDueFromTodayToTheLastDayOfTheWindowAndOncePerYear() {
		String manager = fixtures.staffWithRole("MANAGER");
		project = fixtures.project(Fixtures.unique("关怀"));
		building = fixtures.building(project, "2号楼");
		long today = owner("今天", "19800310");
		long inSeven = owner("七天", "19850317");
		long inEight = owner("八天", "19900318");
		long yesterday = owner("昨天", "19900309");
		long noId = owner("无证件", null);
		CarePlans.Rule r = rule(manager, CarePlans.Kind.BIRTHDAY, 7, null);
		LocalDate march10 = LocalDate.of(2027, 3, 10);
		assertThat(due(r, march10)).containsExactly(today, inSeven).doesNotContain(inEight, yesterday, noId);
		CarePlans.Due first = care.due(r, march10, 10).get(0);
		assertThat(first.daysLeft()).isZero();
		assertThat(first.occasion()).isEqualTo(march10);
		assertThat(first.message()).startsWith("尊敬的今天业主（").contains("2号楼 2-").endsWith("3月10日快乐！");

		// 已关怀 this year: gone this year, back next year
		fixtures.as(manager, () -> care.record(r.id(), today, null, march10, CarePlans.Outcome.DONE, ""));
		assertThat(due(r, march10)).containsExactly(inSeven);
		assertThat(due(r, march10.plusYears(1))).contains(today);
		// 跳过 needs its reason
		assertThatThrownBy(() -> fixtures.as(manager,
				() -> care.record(r.id(), inSeven, null, LocalDate.of(2027, 3, 17), CarePlans.Outcome.SKIPPED, " ")))
			.isInstanceOf(InvalidInputException.class);
		fixtures.as(manager, () -> care.record(r.id(), inSeven, null, LocalDate.of(2027, 3, 17), CarePlans.Outcome.SKIPPED, "业主出国"));
		assertThat(due(r, march10)).isEmpty();
	}

	@Test
	void aBirthdayOn29FebruaryFallsOn28FebruaryInACommonYearAndTheWindowCrossesNewYear() {
		String manager = fixtures.staffWithRole("MANAGER");
		project = fixtures.project(Fixtures.unique("闰年"));
		building = fixtures.building(project, "3号楼");
		long leap = owner("闰日", "19880229");
		long march1 = owner("三月一日", "19880301");
		long january2 = owner("一月二日", "19790102");
		CarePlans.Rule r = rule(manager, CarePlans.Kind.BIRTHDAY, 7, null);
		// 2027 is a common year: 28 February
		List<CarePlans.Due> d = care.due(r, LocalDate.of(2027, 2, 21), 10);
		assertThat(d).extracting(CarePlans.Due::ownerId).containsExactly(leap);
		assertThat(d.get(0).occasion()).isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(due(r, LocalDate.of(2027, 2, 20))).isEmpty();
		assertThat(due(r, LocalDate.of(2027, 2, 28))).containsExactly(leap, march1);
		// 2028 is a leap year: 29 February itself
		d = care.due(r, LocalDate.of(2028, 2, 22), 10);
		assertThat(d).extracting(CarePlans.Due::ownerId).containsExactly(leap);
		assertThat(d.get(0).occasion()).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(due(r, LocalDate.of(2028, 2, 21))).isEmpty();
		// after 28 February of a common year the next one is next year's
		assertThat(due(r, LocalDate.of(2027, 3, 1))).containsExactly(march1);
		// the window crosses the new year
		d = care.due(r, LocalDate.of(2027, 12, 28), 10);
		assertThat(d).extracting(CarePlans.Due::ownerId).containsExactly(january2);
		assertThat(d.get(0).occasion()).isEqualTo(LocalDate.of(2028, 1, 2));
	}

	@Test
	void handoverAnniversariesStartWithTheFirstYearAndFestivalsCoverEveryOwnerOfTheProject() {
		String manager = fixtures.staffWithRole("MANAGER");
		project = fixtures.project(Fixtures.unique("交房"));
		building = fixtures.building(project, "5号楼");
		long two = owner("两周年", null);
		long handedThisYear = owner("今年交房", null);
		long ninth = owner("九天后", null);
		jdbc.update("update unit set handover_date = ? where id = (select unit_id from ownership where owner_id = ?)",
				LocalDate.of(2025, 3, 12), two);
		jdbc.update("update unit set handover_date = ? where id = (select unit_id from ownership where owner_id = ?)",
				LocalDate.of(2027, 3, 12), handedThisYear);
		jdbc.update("update unit set handover_date = ? where id = (select unit_id from ownership where owner_id = ?)",
				LocalDate.of(2024, 3, 19), ninth);
		CarePlans.Rule r = rule(manager, CarePlans.Kind.HANDOVER, 7, null);
		List<CarePlans.Due> d = care.due(r, LocalDate.of(2027, 3, 10), 10);
		assertThat(d).extracting(CarePlans.Due::ownerId).containsExactly(two);
		assertThat(d.get(0).unitId()).isNotNull();
		assertThat(d.get(0).daysLeft()).isEqualTo(2);
		assertThat(due(r, LocalDate.of(2027, 3, 12))).containsExactly(two, ninth);
		fixtures.as(manager, () -> care.record(r.id(), two, d.get(0).unitId(), LocalDate.of(2027, 3, 12), CarePlans.Outcome.DONE, "电话问候"));
		assertThat(due(r, LocalDate.of(2027, 3, 10))).isEmpty();

		CarePlans.Rule festival = rule(manager, CarePlans.Kind.FESTIVAL, 5, LocalDate.of(2027, 9, 15));
		assertThat(due(festival, LocalDate.of(2027, 9, 9))).isEmpty();
		assertThat(due(festival, LocalDate.of(2027, 9, 10))).containsExactlyInAnyOrder(two, handedThisYear, ninth);
		assertThat(due(festival, LocalDate.of(2027, 9, 16))).isEmpty();
		assertThatThrownBy(() -> fixtures.as(manager, () -> care.createRule(new CarePlans.RuleForm("中秋", CarePlans.Kind.FESTIVAL,
				null, "61", "", null, true)))).isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).errors()).containsKeys("festivalDate", "daysAhead", "template"));
	}

	@Test
	void ownersWhoseComplaintIsOpenForTheRulesDaysAreDueOncePerYear() {
		String manager = fixtures.staffWithRole("MANAGER");
		project = fixtures.project(Fixtures.unique("关怀"));
		building = fixtures.building(project, "3号楼");
		long longOpen = owner("久拖", null);
		long recent = owner("新近", null);
		long closed = owner("已结", null);
		long category = jdbc.queryForObject("select id from complaint_category where name = '房屋质量'", Long.class);
		String office = fixtures.staffWithRole("OFFICE");
		LocalDate today = BusinessClock.today();
		long[] ids = new long[3];
		long[] owners = { longOpen, recent, closed };
		for (int i = 0; i < 3; i++) {
			long owner = owners[i];
			ids[i] = fixtures.as(office, () -> complaints.receive(new ComplaintManagement.Intake(project, "业主", BusinessClock.localNow(),
					null, owner, "13900002222", io.estatedesk.complaint.Channel.PHONE, category,
					io.estatedesk.complaint.Severity.GENERAL, "外墙渗水", "")));
		}
		jdbc.update("update complaint set complained_at = " + BusinessClock.sqlNow() + " - interval '31 days' where id in (?, ?)", ids[0], ids[2]);
		jdbc.update("update complaint set complained_at = " + BusinessClock.sqlNow() + " - interval '29 days' where id = ?", ids[1]);
		jdbc.update("update complaint set closed_at = " + BusinessClock.sqlNow() + " where id = ?", ids[2]);
		CarePlans.Rule r = fixtures.as(manager, () -> care.rule(care.createRule(new CarePlans.RuleForm(Fixtures.unique("回访关怀"),
				CarePlans.Kind.LONG_OPEN, null, "30", "尊敬的{姓名}业主：您的投诉{编号}我们仍在跟进。", project, true))).orElseThrow());
		List<CarePlans.Due> due = care.due(r, today, 100);
		assertThat(due).extracting(CarePlans.Due::ownerId).containsExactly(longOpen);
		assertThat(due.get(0).daysLeft()).as("open 31 days: reached 30 days yesterday").isEqualTo(-1);
		assertThat(due.get(0).message()).contains("久拖", jdbc.queryForObject("select code from complaint where id = ?", String.class, ids[0]));
		fixtures.as(manager, () -> care.record(r.id(), longOpen, null, due.get(0).occasion(), CarePlans.Outcome.DONE, "已致电安抚"));
		assertThat(care.due(r, today, 100)).isEmpty();
	}

	private RequestPostProcessor manager() {
		return user(fixtures.staffWithRole("MANAGER")).authorities(List.of("COMMUNITY_VIEW", "COMMUNITY_EDIT", "COMMUNITY_MANAGE")
			.stream().map(SimpleGrantedAuthority::new).toList());
	}

	private FormPage page(MockHttpServletRequestBuilder request, RequestPostProcessor auth) throws Exception {
		var response = mvc.perform(request.with(auth).with(csrf())).andReturn().getResponse();
		assertThat(response.getStatus()).as("the page again, not a redirect").isEqualTo(200);
		return new FormPage(response.getContentAsString());
	}

	private long rulesNamed(String name) {
		return jdbc.queryForObject("select count(*) from care_rule where name = ?", Long.class, name);
	}

	@Test
	void aRuleSavedWithAMistakeComesBackWithTheMessageUnderItsFieldAndEverythingTyped() throws Exception {
		project = fixtures.project(Fixtures.unique("中秋"));
		RequestPostProcessor auth = manager();
		String name = Fixtures.unique("中秋关怀");
		String template = "尊敬的{姓名}业主：中秋快乐！";
		// the days in words: 请输入数字 under its field, every typed value (the date too) still in its field
		FormPage page = page(post("/care/rules/new").param("name", name).param("kind", "FESTIVAL")
			.param("festivalDate", "2027-09-15").param("daysAhead", "七").param("template", template)
			.param("projectId", Long.toString(project)).param("active", "true").param("_active", "on"), auth);
		assertThat(page.errorUnder("daysAhead")).isEqualTo("请输入数字，如 3.20。");
		assertThat(page.valueOf("daysAhead")).isEqualTo("七");
		assertThat(page.valueOf("name")).isEqualTo(name);
		assertThat(page.valueOf("kind")).isEqualTo("FESTIVAL");
		assertThat(page.valueOf("festivalDate")).isEqualTo("2027-09-15");
		assertThat(page.valueOf("template")).isEqualTo(template);
		assertThat(page.valueOf("projectId")).isEqualTo(Long.toString(project));
		assertThat(page.isChecked("active")).isTrue();
		// no list of the mistakes at the top: the message once, under its field
		assertThat(page.html().split("请输入数字", -1)).hasSize(2);
		assertThat(page.html()).contains("请修改下面标出的 1 处");
		assertThat(rulesNamed(name)).isZero();

		// the form's own checks and the rule's together: too long a name, days out of range, no text, left unticked
		String longName = "中秋".repeat(51);
		page = page(post("/care/rules/new").param("name", longName).param("kind", "BIRTHDAY").param("daysAhead", "61")
			.param("template", " ").param("projectId", "").param("_active", "on"), auth);
		assertThat(page.errorUnder("name")).isEqualTo("内容过长：最多 100 个字。");
		assertThat(page.errorUnder("daysAhead")).isEqualTo("提前天数应为0至60的整数");
		assertThat(page.errorUnder("template")).isEqualTo("请填写关怀内容");
		assertThat(page.valueOf("name")).isEqualTo(longName);
		assertThat(page.valueOf("daysAhead")).isEqualTo("61");
		assertThat(page.valueOf("projectId")).isEmpty();
		assertThat(page.isChecked("active")).isFalse();
		assertThat(page.html()).contains("请修改下面标出的 3 处");

		// corrected: saved
		mvc.perform(post("/care/rules/new").with(auth).with(csrf()).param("name", name).param("kind", "FESTIVAL")
			.param("festivalDate", "2027-09-15").param("daysAhead", "5").param("template", template)
			.param("projectId", Long.toString(project)).param("active", "true"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/care/rules"));
		long id = jdbc.queryForObject("select id from care_rule where name = ?", Long.class, name);
		CarePlans.Rule saved = care.rule(id).orElseThrow();
		assertThat(saved.festivalDate()).isEqualTo(LocalDate.of(2027, 9, 15));
		assertThat(saved.daysAhead()).isEqualTo(5);
		assertThat(saved.active()).isTrue();

		// edited with a mistake: the same; saved at a stale version: told at the top, the typed text kept
		assertThat(new FormPage(mvc.perform(get("/care/rules/{id}", id).with(auth)).andReturn().getResponse()
			.getContentAsString()).valueOf("daysAhead")).isEqualTo("5");
		page = page(post("/care/rules/{id}", id).param("version", Long.toString(saved.version())).param("name", name)
			.param("kind", "FESTIVAL").param("festivalDate", "").param("daysAhead", "3").param("template", template)
			.param("_active", "on"), auth);
		assertThat(page.errorUnder("festivalDate")).isEqualTo("请填写节日日期");
		assertThat(page.valueOf("daysAhead")).isEqualTo("3");
		page = page(post("/care/rules/{id}", id).param("version", Long.toString(saved.version() - 1)).param("name", name + "改")
			.param("kind", "FESTIVAL").param("festivalDate", "2027-09-16").param("daysAhead", "3").param("template", template)
			.param("_active", "on"), auth);
		assertThat(page.html()).contains("该记录已被他人修改，您的修改没有保存。");
		assertThat(page.valueOf("name")).isEqualTo(name + "改");
		assertThat(page.valueOf("festivalDate")).isEqualTo("2027-09-16");
		assertThat(care.rule(id).orElseThrow().daysAhead()).isEqualTo(5);
	}

	@Test
	void aSkipWithoutItsReasonComesBackWithTheMessageUnderTheNote() throws Exception {
		project = fixtures.project(Fixtures.unique("跳过"));
		building = fixtures.building(project, "6号楼");
		LocalDate today = BusinessClock.today();
		long owner = owner("寿星", today.withYear(1980).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
		String managerName = fixtures.staffWithRole("MANAGER");
		CarePlans.Rule r = rule(managerName, CarePlans.Kind.BIRTHDAY, 3, null);
		CarePlans.Due due = care.due(r, today, 10).stream().filter(d -> d.ownerId() == owner).findFirst().orElseThrow();
		RequestPostProcessor auth = manager();
		String longNote = "业主出差".repeat(76);
		FormPage page = page(record(post("/care/records"), due).param("outcome", "SKIPPED").param("note", longNote), auth);
		assertThat(page.errorUnder("note")).isEqualTo("内容过长：最多 300 个字。");
		assertThat(page.valueOf("note")).isEqualTo(longNote);
		page = page(record(post("/care/records"), due).param("outcome", "SKIPPED").param("note", " "), auth);
		assertThat(page.errorUnder("note")).isEqualTo("跳过时请填写原因");
		assertThat(jdbc.queryForObject("select count(*) from care_record where rule_id = ?", Long.class, r.id())).isZero();
		mvc.perform(record(post("/care/records"), due).param("outcome", "SKIPPED").param("note", "业主出差").with(auth).with(csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/care"));
		assertThat(jdbc.queryForObject("select note from care_record where rule_id = ?", String.class, r.id())).isEqualTo("业主出差");
	}

	private static MockHttpServletRequestBuilder record(MockHttpServletRequestBuilder post, CarePlans.Due d) {
		return post.param("ruleId", Long.toString(d.ruleId())).param("ownerId", Long.toString(d.ownerId()))
			.param("unitId", d.unitId() == null ? "" : d.unitId().toString()).param("occasion", d.occasion().toString());
	}

}
