package io.estatedesk.lifecycle;

import io.estatedesk.shared.BusinessClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import io.estatedesk.estate.ArchiveUpdates;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The duty board of a project from the charter, and the owners' assembly trigger from the archive's data. */
@IntegrationTest
class LifecycleIntegrationTests {

	/** The charter §二.1 (1)–(3), verbatim (its half-width commas included). */
	static final Map<String, List<String>> CHARTER = Map.of("EARLY", List.of(
			"物业管理的早期介入,参与项目的规划、设计和建设,从方便业主生产、生活和物业管理服务的角度提出意见和建议,使建成后的物业能满足业主或使用人的要求。",
			"工程施工期间,常驻现场,参加工程例会,查询技术资料,逐步熟悉工程状况和机电设备安装与运行情况。"),
			"BEFORE_HANDOVER", List.of("销售前根据项目的具体情况制定物业服务内容,确定服务级别标准。",
					"委托物业服务评估监理机构对物业服务费用进行测算。并将所制定的物业费标准、级别报区县建委小区办备案。",
					"制定编写《前期物业服务合同》和《业主规约》。并将以上文件列入销售合同附件向业主公示。",
					"配合项目销售,收集客户对项目今后物业服务的意见与建议,跟踪了解业主动态。",
					"通过招投标方式为前期物业服务选聘物业服务公司,与其签订《前期物业服务委托合同》并制定相应的物业服务与费用的标准。",
					"参加工程验收接管工作,协调、督促、监督、检查物业公司按照验收标准,按时接管物业。",
					"参加项目交屋工作,指导、检查物业公司按交屋时限和入住标准及要求,全面完成业主入住工作。"),
			"AFTER_HANDOVER", List.of("做好业主入住后的客户服务工作,对业主入住后提出的有关房屋质量问题,协调工程部门和施工单位进行跟进维修。",
					"监督、检查物业公司按照物业服务标准为业主入住后提供的物业服务工作。",
					"交屋以后与街道办事处、派出所、小区办沟通并联络业主尽快召开业主大会,及时组建业主委员会。",
					"督促工程部门加快对小区公共设备设施进行完善,达到向业主委员会移交的条件。", "与业主委员会完成公共设备设施的交接工作。",
					"及时了解掌握国家和北京市政府关于物业管理方面的法律、法规变化情况,为公司领导决策当好参谋。"));

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ArchiveUpdates archive;

	/** Full-width and half-width commas are the same words. */
	static String normalized(String s) {
		return s.replace('，', ',').strip();
	}

	@Test
	void eachPhasesDutiesFromTheCharterAppearOnANewProject() throws Exception {
		String manager = fixtures.staffWithRole("MANAGER");
		String name = Fixtures.unique("新项目");
		String created = mvc.perform(post("/api/v1/projects").with(httpBasic(manager, Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"%s\",\"address\":\"北京市\",\"developerName\":\"金第房地产开发公司\"}".formatted(name)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long projectId = ((Number) JsonPath.read(created, "$.id")).longValue();
		// a project created without a region is Beijing's, where this company builds
		assertThat((String) JsonPath.read(created, "$.region")).isEqualTo("BEIJING");
		// created with the project, before anyone opens the board (by the module listener, once the project is saved)
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				jdbc.queryForObject("select count(*) from duty_item where project_id = ?", Long.class, projectId)).isEqualTo(15));

		String json = mvc.perform(get("/api/v1/projects/" + projectId + "/duties").with(httpBasic(manager, Fixtures.PASSWORD)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> items = JsonPath.read(json, "$.items");
		Map<String, List<String>> byPhase = items.stream().collect(Collectors.groupingBy(i -> (String) i.get("phase"),
				Collectors.mapping(i -> normalized((String) i.get("title")), Collectors.toList())));
		CHARTER.forEach((phase, lines) -> assertThat(byPhase.get(phase)).as(phase)
			.containsExactlyElementsOf(lines.stream().map(LifecycleIntegrationTests::normalized).toList()));
		assertThat(items).allSatisfy(i -> assertThat(i.get("status")).isEqualTo("TODO"));

		mvc.perform(get("/lifecycle/projects/" + projectId).with(page(manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("项目前期")))
			.andExpect(content().string(containsString("交房前")))
			.andExpect(content().string(containsString("交房后")))
			.andExpect(content().string(containsString("与业主委员会完成公共设备设施的交接工作。")));
	}

	@Test
	void theOwnersAssemblyItemShowsTheDeliveredShareAndBeijingsRuleFlagsItFromHalf() throws Exception {
		String field = fixtures.staffWithRole("FIELD");
		long project = fixtures.project(Fixtures.unique("业主大会"));
		long building = fixtures.building(project, "1号楼");
		long small1 = unit(project, building, "1-0101", "50.00");
		long small2 = unit(project, building, "1-0102", "50.00");
		long large = unit(project, building, "1-0201", "100.00");
		long item = jdbc.queryForObject("select id from duty_item where project_id = ? and code = 'OWNERS_ASSEMBLY'", Long.class,
				ensure(project, field));
		assertThat(small2).isPositive();

		// a project of this Beijing company is Beijing's unless set otherwise
		assertAssembly(field, item, "0.00 %", "尚未达到召开条件");
		mvc.perform(get("/lifecycle/duties/" + item).with(page(field)))
			.andExpect(content().string(containsString("《北京市物业管理条例》")))
			.andExpect(content().string(containsString("2020年5月1日起施行")))
			.andExpect(content().string(containsString("百分之五十以上")))
			.andExpect(content().string(containsString("“以上”包括本数")));
		fixtures.as(field, () -> archive.handedOver(large, BusinessClock.today()));
		// exactly half: 50 % 以上 includes half
		assertAssembly(field, item, "50.00 %", "已交付面积达到 50%，应召开首次业主大会");
		fixtures.as(field, () -> archive.handedOver(small1, BusinessClock.today()));
		assertAssembly(field, item, "75.00 %", "已交付面积达到 50%，应召开首次业主大会");
		mvc.perform(get("/lifecycle/projects/" + project).with(page(field)))
			.andExpect(content().string(containsString("已交付面积 75.00%")))
			.andExpect(content().string(containsString("《北京市物业管理条例》")));
		mvc.perform(get("/lifecycle").with(page(field)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("75.00 %")))
			.andExpect(content().string(containsString("已交付面积达到 50%")));
	}

	@Test
	void aProjectSetToAnotherRegionFollowsTheNationalRuleWhereHalfIsNotEnough() throws Exception {
		String manager = fixtures.staffWithRole("MANAGER");
		String name = Fixtures.unique("外地项目");
		// the project form, as people fill it in
		mvc.perform(post("/projects/new").with(user(manager).authorities(() -> "ARCHIVE_VIEW", () -> "PROJECT_EDIT"))
			.with(csrf()).param("name", name).param("address", "天津市").param("developerName", "金第房地产开发公司")
			.param("notes", "").param("region", "OTHER"))
			.andExpect(status().is3xxRedirection());
		long project = jdbc.queryForObject("select id from project where name = ?", Long.class, name);
		assertThat(jdbc.queryForObject("select region from project where id = ?", String.class, project)).isEqualTo("OTHER");
		mvc.perform(get("/projects/" + project).with(user(manager).authorities(() -> "ARCHIVE_VIEW")))
			.andExpect(content().string(containsString("其他地区（按国家规定）")));
		long building = fixtures.building(project, "1号楼");
		long half = unit(project, building, "1-0101", "100.00");
		long more = unit(project, building, "1-0102", "1.00");
		unit(project, building, "1-0201", "99.00");
		// the board comes with the project, from the module listener after the project was saved
		long item = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
				"select id from duty_item where project_id = ? and code = 'OWNERS_ASSEMBLY'", Long.class, project), l -> !l.isEmpty())
			.get(0);
		fixtures.as(manager, () -> archive.handedOver(half, BusinessClock.today().minusYears(3)));
		// exactly half, three years after the first delivery: neither is enough under the national rule
		assertAssembly(manager, item, "50.00 %", "尚未达到召开条件");
		mvc.perform(get("/lifecycle/duties/" + item).with(page(manager)))
			.andExpect(content().string(containsString("《业主大会和业主委员会指导规则》 第十条")))
			.andExpect(content().string(containsString("超过建筑物总面积50%")))
			.andExpect(content().string(containsString("“超过”不包括本数")))
			.andExpect(content().string(not(containsString("两年"))));
		fixtures.as(manager, () -> archive.handedOver(more, BusinessClock.today()));
		assertAssembly(manager, item, "50.50 %", "已交付面积超过 50%，应召开首次业主大会");
	}

	@Test
	void theApiGivesTheTriggerAtTheBoundaryForBothRulesWithItsSource() throws Exception {
		String field = fixtures.staffWithRole("FIELD");
		for (String region : List.of("BEIJING", "OTHER")) {
			long project = fixtures.project(Fixtures.unique("边界" + region));
			jdbc.update("update project set region = ? where id = ?", region, project);
			long building = fixtures.building(project, "1号楼");
			long a = unit(project, building, "1-0101", "4999.00");
			long b = unit(project, building, "1-0102", "1.00");
			long c = unit(project, building, "1-0103", "1.00");
			unit(project, building, "1-0104", "4999.00");
			boolean beijing = region.equals("BEIJING");
			fixtures.as(field, () -> archive.handedOver(a, BusinessClock.today()));
			assertApi(field, project, "49.99", false, region);
			fixtures.as(field, () -> archive.handedOver(b, BusinessClock.today()));
			assertApi(field, project, "50.00", beijing, region);
			fixtures.as(field, () -> archive.handedOver(c, BusinessClock.today()));
			assertApi(field, project, "50.01", true, region);
		}
	}

	void assertApi(String user, long project, String percent, boolean triggered, String region) throws Exception {
		String json = mvc.perform(get("/api/v1/projects/" + project + "/duties").with(httpBasic(user, Fixtures.PASSWORD)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(new java.math.BigDecimal(JsonPath.read(json, "$.assembly.percent").toString())).as(region + " " + percent)
			.isEqualByComparingTo(percent);
		assertThat((Boolean) JsonPath.read(json, "$.assembly.triggered")).as(region + " " + percent).isEqualTo(triggered);
		assertThat((String) JsonPath.read(json, "$.assembly.region")).isEqualTo(region);
		assertThat((String) JsonPath.read(json, "$.assembly.rule.regulation"))
			.isEqualTo(region.equals("BEIJING") ? "《北京市物业管理条例》" : "《业主大会和业主委员会指导规则》");
		assertThat((String) JsonPath.read(json, "$.assembly.rule.text")).isNotBlank();
		assertThat((String) JsonPath.read(json, "$.assembly.rule.article")).isNotBlank();
		assertThat((String) JsonPath.read(json, "$.assembly.rule.issued")).isNotBlank();
	}

	/** A signed-in page user with the lifecycle permissions of their role. */
	static org.springframework.test.web.servlet.request.RequestPostProcessor page(String username) {
		return user(username).authorities(() -> "LIFECYCLE_VIEW", () -> "LIFECYCLE_EDIT");
	}

	long unit(long project, long building, String room, String area) {
		long id = fixtures.unit(project, building, room, "SOLD");
		jdbc.update("update unit set area = ?::numeric where id = ?", area, id);
		return id;
	}

	/** Projects made by SQL (not through the archive) get their board when it is first opened. */
	long ensure(long project, String user) throws Exception {
		mvc.perform(get("/lifecycle/projects/" + project).with(page(user))).andExpect(status().isOk());
		return project;
	}

	void assertAssembly(String user, long item, String percent, String verdict) throws Exception {
		mvc.perform(get("/lifecycle/duties/" + item).with(page(user)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(percent)))
			.andExpect(content().string(containsString(verdict)))
			.andExpect(content().string(not(containsString("出错了"))));
	}

}
