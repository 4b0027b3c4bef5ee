package io.estatedesk.repair;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.UnaryOperator;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The warranty rule set keeps every statutory component in the law's unit and not below its minimum, as 维修设置 is
 * used; and a work order's warranty decision at the last covered day of heating seasons and of the design life.
 */
@IntegrationTest
class WarrantyRulesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WarrantyRules warranty;

	String manager;

	@BeforeEach
	void setUp() {
		manager = fixtures.staffWithRole("MANAGER");
	}

	@AfterEach
	void resetClock() {
		BusinessClock.resetForTesting();
	}

	/** The warranty form as the settings page sends it: the rules in force, each changed by {@code edit}. */
	MockHttpServletRequestBuilder warrantyForm(UnaryOperator<WarrantyRules.RuleLine> edit, LocalDate effectiveFrom) {
		MockHttpServletRequestBuilder form = post("/work-orders/settings/warranty").with(user(manager)).with(csrf())
			.param("effectiveFrom", effectiveFrom.toString()).param("note", "测试");
		for (Warranty.Rule r : warranty.inForce(BusinessClock.today())) {
			WarrantyRules.RuleLine l = edit.apply(new WarrantyRules.RuleLine(r.component(), r.name(), r.tradeId(), r.kind(),
					r.period(), r.seasonStart() == null ? "" : r.seasonStart().toString().substring(2),
					r.seasonEnd() == null ? "" : r.seasonEnd().toString().substring(2), r.basis()));
			if (l == null) {
				continue;
			}
			form.param("component", l.component()).param("name", l.name())
				.param("tradeId", l.tradeId() == null ? "" : l.tradeId().toString())
				.param("kind", l.kind() == null ? "" : l.kind().name())
				.param("period", l.period() == null ? "" : l.period().toString())
				.param("seasonStart", l.seasonStart()).param("seasonEnd", l.seasonEnd()).param("basis", l.basis());
		}
		return form;
	}

	static UnaryOperator<WarrantyRules.RuleLine> change(String component, Warranty.PeriodKind kind, Integer period) {
		return l -> !l.component().equals(component) ? l
				: new WarrantyRules.RuleLine(l.component(), l.name(), l.tradeId(), kind, period, l.seasonStart(), l.seasonEnd(),
						l.basis());
	}

	int versions() {
		return warranty.versions().size();
	}

	@Test
	void theSettingsPageShowsEachStatutoryComponentInTheLawsUnit() throws Exception {
		mvc.perform(get("/work-orders/settings").with(user(manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("法定最低：2 个采暖期")))
			.andExpect(content().string(containsString("法定最低：2 个供冷期")))
			.andExpect(content().string(containsString("法定最低：5 年")))
			.andExpect(content().string(containsString("设计文件规定的该工程合理使用年限")))
			.andExpect(content().string(containsString("11 月 15 日至次年 3 月 15 日")))
			.andExpect(content().string(containsString("法定保修部位，不可删除")));
	}

	@Test
	void heatingCountedInMonthsIsRefusedNextToTheField() throws Exception {
		int before = versions();
		mvc.perform(warrantyForm(change("HEATING", Warranty.PeriodKind.MONTHS, 2), BusinessClock.today().plusDays(1)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("没有保存：请按标出的提示修改。")))
			.andExpect(content().string(containsString("data-field=\"rules[3].kind\"")))
			.andExpect(content().string(containsString("供热系统的保修期按采暖期计算（法定最低 2 个采暖期），不能按月或按年计算")));
		assertThat(versions()).isEqualTo(before);
	}

	@Test
	void fewerThanTwoHeatingSeasonsAreRefusedNextToTheField() throws Exception {
		int before = versions();
		mvc.perform(warrantyForm(change("HEATING", Warranty.PeriodKind.HEATING_SEASONS, 1), BusinessClock.today().plusDays(1)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"rules[3].period\"")))
			.andExpect(content().string(containsString("保修期不得低于法定最低保修期限")));
		// cooling in years, and the structure for a number of years instead of its design life
		mvc.perform(warrantyForm(change("COOLING", Warranty.PeriodKind.YEARS, 5), BusinessClock.today().plusDays(1)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("供冷系统的保修期按供冷期计算")));
		mvc.perform(warrantyForm(change("STRUCTURE", Warranty.PeriodKind.YEARS, 70), BusinessClock.today().plusDays(1)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"rules[0].kind\"")))
			.andExpect(content().string(containsString("地基基础和主体结构的保修期为设计文件规定的合理使用年限")));
		// fit-out: 23 months is short of two years, in months or in years
		mvc.perform(warrantyForm(change("FITOUT", Warranty.PeriodKind.MONTHS, 23), BusinessClock.today().plusDays(1)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"rules[8].period\"")));
		mvc.perform(warrantyForm(change("FITOUT", Warranty.PeriodKind.YEARS, 1), BusinessClock.today().plusDays(1)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"rules[8].period\"")));
		// a unit the form never offers (an old form's SEASONS): refused, not a server error
		mvc.perform(warrantyForm(l -> l, BusinessClock.today().plusDays(1)).param("kind", "SEASONS").param("component", "")
			.param("name", "旧表单的部位").param("tradeId", "").param("period", "2").param("seasonStart", "").param("seasonEnd", "")
			.param("basis", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请选择保修期的计算单位")));
		assertThat(versions()).isEqualTo(before);
	}

	@Test
	void droppingAStatutoryComponentIsRefused() throws Exception {
		int before = versions();
		mvc.perform(warrantyForm(l -> l.component().equals("COOLING") ? null : l, BusinessClock.today().plusDays(1)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不能删除法定保修部位“供冷系统”（《房屋建筑工程质量保修办法》第七条（三））")));
		assertThat(versions()).isEqualTo(before);
	}

	@Test
	void aLongerPromiseInTheLawsUnitsIsSavedAsANewVersion() throws Exception {
		int before = versions();
		LocalDate tomorrow = BusinessClock.today().plusDays(1);
		mvc.perform(warrantyForm(l -> switch (l.component()) {
			case "HEATING" -> new WarrantyRules.RuleLine(l.component(), l.name(), l.tradeId(), l.kind(), 3, "11-01", "03-31",
					l.basis());
			case "FITOUT" -> new WarrantyRules.RuleLine(l.component(), l.name(), l.tradeId(), Warranty.PeriodKind.MONTHS, 30,
					l.seasonStart(), l.seasonEnd(), l.basis());
			default -> l;
		}, tomorrow))
			.andExpect(status().is3xxRedirection());
		int saved = warranty.versions().get(0).versionNo();
		try {
			assertThat(versions()).isEqualTo(before + 1);
			Warranty.Rule heating = warranty.rule("HEATING", tomorrow).orElseThrow();
			assertThat(heating.kind()).isEqualTo(Warranty.PeriodKind.HEATING_SEASONS);
			assertThat(heating.period()).isEqualTo(3);
			assertThat(heating.seasonStart().toString()).isEqualTo("--11-01");
			assertThat(warranty.rule("FITOUT", tomorrow).orElseThrow().period()).isEqualTo(30);
			Warranty.Rule structure = warranty.rule("STRUCTURE", tomorrow).orElseThrow();
			assertThat(structure.kind()).isEqualTo(Warranty.PeriodKind.DESIGN_LIFE);
			assertThat(structure.period()).isNull();
		}
		finally {
			// other tests share this database and expect the legal minimums in force
			jdbc.update("delete from warranty_rule_set where version_no = ?", saved);
		}
	}

	// ---------------------------------------------------------------- the decision on a work order

	long project;

	long unitOf(long project, String room, LocalDate handover) {
		long building = fixtures.building(project, Fixtures.unique("楼"));
		long unit = fixtures.unit(project, building, room, "OCCUPIED");
		jdbc.update("update unit set handover_date = ? where id = ?", handover, unit);
		return unit;
	}

	/** Raises a work order through the form on {@code day}, at ten in the morning; returns its id. */
	long raiseOn(LocalDate day, long unit, String component, String tradeCode) throws Exception {
		BusinessClock.setForTesting(day.atTime(LocalTime.of(10, 0)).atZone(BusinessClock.ZONE).toInstant(), false);
		long trade = jdbc.queryForObject("select id from repair_trade where code = ?", Long.class, tradeCode);
		String location = mvc.perform(post("/work-orders/new").with(user(manager)).with(csrf())
			.param("projectId", String.valueOf(project)).param("unitId", String.valueOf(unit)).param("source", "CALL")
			.param("tradeId", String.valueOf(trade)).param("component", component).param("location", "客厅")
			.param("description", "测试保修判断").param("urgency", "NORMAL"))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/work-orders/*"))
			.andReturn().getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	String warrantyOf(long workOrder) {
		return jdbc.queryForObject("select warranty_status || ' ' || warranty_until || ' ' || charge from work_order where id = ?",
				String.class, workOrder);
	}

	@Test
	void heatingIsCoveredThroughTheLastDayOfTheSecondHeatingSeasonAfterHandover() throws Exception {
		project = fixtures.project(Fixtures.unique("采暖期"));
		// handed over in summer 2024: the seasons 2024/25 and 2025/26, to 15 March 2026
		long summer = unitOf(project, "1-0101", LocalDate.of(2024, 6, 28));
		long last = raiseOn(LocalDate.of(2026, 3, 15), summer, "HEATING", "HVAC");
		assertThat(warrantyOf(last)).isEqualTo("IN_WARRANTY 2026-03-15 WARRANTY");
		long after = raiseOn(LocalDate.of(2026, 3, 16), summer, "HEATING", "HVAC");
		assertThat(warrantyOf(after)).isEqualTo("EXPIRED 2026-03-15 PAID");
		// handed over during the 2025/26 season: not counted, so 2026/27 and 2027/28
		long winter = unitOf(project, "1-0102", LocalDate.of(2025, 12, 1));
		assertThat(warrantyOf(raiseOn(LocalDate.of(2026, 3, 16), winter, "HEATING", "HVAC")))
			.isEqualTo("IN_WARRANTY 2028-03-15 WARRANTY");
		// the same day, two years of fit-out from summer 2024 still hold
		assertThat(warrantyOf(raiseOn(LocalDate.of(2026, 3, 16), summer, "FITOUT", "FITOUT")))
			.isEqualTo("IN_WARRANTY 2026-06-28 WARRANTY");
		// the work order page says so
		BusinessClock.resetForTesting();
		mvc.perform(get("/work-orders/" + after).with(user(manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已过保修期")))
			.andExpect(content().string(containsString("2026-03-15")));
	}

	@Test
	void theStructureIsCoveredForTheProjectsDesignLife() throws Exception {
		project = fixtures.project(Fixtures.unique("合理使用年限"));
		jdbc.update("update project set design_life_years = 70 where id = ?", project);
		long unit = unitOf(project, "1-0101", LocalDate.of(1956, 3, 15));
		assertThat(warrantyOf(raiseOn(LocalDate.of(2026, 3, 15), unit, "STRUCTURE", "CIVIL")))
			.isEqualTo("IN_WARRANTY 2026-03-15 WARRANTY");
		assertThat(warrantyOf(raiseOn(LocalDate.of(2026, 3, 16), unit, "STRUCTURE", "CIVIL")))
			.isEqualTo("EXPIRED 2026-03-15 PAID");
		BusinessClock.resetForTesting();
		// the unit warranty API states the unit of each period
		mvc.perform(get("/api/v1/units/" + unit + "/warranty").param("on", "2026-03-15")
			.with(httpBasic(manager, Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components[?(@.component == 'STRUCTURE')].period").value("合理使用年限（70年）"))
			.andExpect(jsonPath("$.components[?(@.component == 'STRUCTURE')].until").value("2026-03-15"))
			.andExpect(jsonPath("$.components[?(@.component == 'HEATING')].period").value("2个采暖期（11月15日至次年3月15日）"))
			.andExpect(jsonPath("$.components[?(@.component == 'ROOF_WATERPROOF')].period").value("5年"));
		List<String> kinds = jdbc.queryForList("""
				select r.period_kind from warranty_rule r join warranty_rule_set s on s.id = r.rule_set_id
				where s.version_no = 1 order by r.sort_order""", String.class);
		assertThat(kinds).containsExactly("DESIGN_LIFE", "YEARS", "YEARS", "HEATING_SEASONS", "COOLING_SEASONS", "YEARS", "YEARS",
				"YEARS", "YEARS");
		mvc.perform(get("/projects/" + project).with(user(manager)))
			.andExpect(content().string(containsString("70 年")))
			.andExpect(content().string(not(containsString("出错了"))));
	}

}
