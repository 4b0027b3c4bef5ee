package io.estatedesk.estate;

import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ArchiveApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	private String office() {
		return fixtures.staffWithRole("OFFICE");
	}

	@Test
	void createsAnOwnerWithAUnitAndFindsItWithTheListFilters() throws Exception {
		String office = office();
		String project = Fixtures.unique("API项目");
		long p = fixtures.project(project);
		long b = fixtures.building(p, "3号楼");
		long u = fixtures.unit(p, b, "3-1502", "SOLD");
		String name = "欧阳" + Fixtures.unique("");
		mvc.perform(post("/api/v1/owners").with(httpBasic(office, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"%s","gender":"女","mobile":"13700001111","idType":"居民身份证","idNumber":"%s","tags":"VIP，敏感客户",
					 "unitId":%d,"contractDate":"2024-05-01"}""".formatted(name, Fixtures.idNumber("11010519900101002"), u)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.owner.mobile").value("137****1111"))
			.andExpect(jsonPath("$.owner.tags[1]").value("敏感客户"))
			.andExpect(jsonPath("$.units[0].unitLabel").value(project + " 3号楼 3-1502"));
		String base = "/api/v1/owners?projectId=" + p;
		mvc.perform(get(base + "&name=欧阳").with(httpBasic(office, Fixtures.PASSWORD))).andExpect(jsonPath("$.items.length()").value(1));
		mvc.perform(get(base + "&phone=0001111").with(httpBasic(office, Fixtures.PASSWORD))).andExpect(jsonPath("$.items.length()").value(1));
		mvc.perform(get(base + "&room=3-15").with(httpBasic(office, Fixtures.PASSWORD))).andExpect(jsonPath("$.items.length()").value(1));
		mvc.perform(get(base + "&buildingId=" + b + "&status=SOLD").with(httpBasic(office, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.items.length()").value(1));
		mvc.perform(get(base + "&status=OCCUPIED").with(httpBasic(office, Fixtures.PASSWORD))).andExpect(jsonPath("$.items.length()").value(0));
		mvc.perform(get(base + "&name=阳").with(httpBasic(office, Fixtures.PASSWORD))).andExpect(jsonPath("$.items.length()").value(0));
		mvc.perform(get("/api/v1/units?projectId=" + p + "&name=欧阳").with(httpBasic(office, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.items[0].owners").value(name));
	}

	@Test
	void findsUnitsAndTheirOwnersByAnyPartOfTheRoomNumber() throws Exception {
		String office = office();
		long p = fixtures.project(Fixtures.unique("房号项目"));
		long b1 = fixtures.building(p, "1号楼");
		long b3 = fixtures.building(p, "3号楼");
		long u0301 = fixtures.unit(p, b1, "1-0301", "SOLD");
		long u1301 = fixtures.unit(p, b1, "1-1301", "SOLD");
		fixtures.unit(p, b1, "2-0301", "SOLD");
		fixtures.unit(p, b1, "1-0302", "SOLD");
		long u1502 = fixtures.unit(p, b3, "3-1502", "SOLD");
		long a = fixtures.owner(Fixtures.unique("房号甲"), "13700003001", null);
		long c = fixtures.owner(Fixtures.unique("房号丙"), "13700003003", null);
		long d = fixtures.owner(Fixtures.unique("房号丁"), "13700003004", null);
		fixtures.holds(a, u0301);
		fixtures.holds(c, u1301);
		fixtures.holds(d, u1502);
		String units = "/api/v1/units?projectId=" + p + "&room=";
		String owners = "/api/v1/owners?projectId=" + p + "&room=";
		java.util.function.BiFunction<String, String, java.util.List<String>> found = (url, field) -> {
			try {
				String json = mvc.perform(get(url).with(httpBasic(office, Fixtures.PASSWORD))).andExpect(status().isOk())
					.andReturn().getResponse().getContentAsString();
				java.util.List<Object> values = com.jayway.jsonpath.JsonPath.read(json, "$.items[*]." + field);
				return values.stream().map(String::valueOf).toList();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		};
		assertThat(found.apply(units + "301", "roomNo")).containsExactlyInAnyOrder("1-0301", "1-1301", "2-0301");
		assertThat(found.apply(units + "0301", "roomNo")).containsExactlyInAnyOrder("1-0301", "2-0301");
		assertThat(found.apply(units + "1-0301", "roomNo")).containsExactly("1-0301");
		assertThat(found.apply(units + "3-1502室", "roomNo")).containsExactly("3-1502");
		assertThat(found.apply(owners + "301", "id")).containsExactlyInAnyOrder(String.valueOf(a), String.valueOf(c));
		assertThat(found.apply(owners + "0301", "id")).containsExactly(String.valueOf(a));
		assertThat(found.apply(owners + "1-0301", "id")).containsExactly(String.valueOf(a));
		assertThat(found.apply(owners + "3-1502室", "id")).containsExactly(String.valueOf(d));
		// the same search on the pages, without a project chosen
		mvc.perform(get("/units?room=1-0301").with(user(office))).andExpect(status().isOk())
			.andExpect(content().string(containsString("1-0301")));
		mvc.perform(get("/owners?projectId=" + p + "&room=3-1502室").with(user(office))).andExpect(status().isOk())
			.andExpect(content().string(containsString("3-1502")));
	}

	@Test
	void theListSaysHowManyThereAreUpToTheCountLimit() throws Exception {
		String office = office();
		long p = fixtures.project(Fixtures.unique("计数项目"));
		long b = fixtures.building(p, "1号楼");
		for (int i = 1; i <= 5; i++) {
			fixtures.unit(p, b, "1-050" + i, "SOLD");
		}
		// five units, two a page: counted (bounded), not guessed from the page
		mvc.perform(get("/units?projectId=" + p + "&size=2").with(user(office))).andExpect(status().isOk())
			.andExpect(content().string(containsString("共 5 条，第 1/3 页")));
		mvc.perform(get("/units?projectId=" + p + "&size=2&page=2").with(user(office))).andExpect(status().isOk())
			.andExpect(content().string(containsString("共 5 条，第 3/3 页")));
		mvc.perform(get("/api/v1/units?projectId=" + p + "&size=2").with(httpBasic(office, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.total").value(5)).andExpect(jsonPath("$.hasNext").value(true));
		// beyond the limit the count stops at limit + 1 rows, whatever the length of the list
		assertThat(jdbc.queryForObject(io.estatedesk.shared.Slice.boundedCount("select g from generate_series(1, 50000) g"),
				Long.class)).isEqualTo(io.estatedesk.shared.Slice.COUNT_LIMIT + 1L);
	}

	@Test
	void badInputGetsAProblemDetailInChineseAndNothingIsSaved() throws Exception {
		long before = jdbc.queryForObject("select count(*) from owner", Long.class);
		mvc.perform(post("/api/v1/owners").with(httpBasic(office(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"李四\",\"mobile\":\"12345\",\"idType\":\"居民身份证\",\"idNumber\":\"110105199001010011\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.errors.mobile").value(containsString("号码格式不正确")))
			.andExpect(jsonPath("$.errors.idNumber").value(containsString("校验位")))
			.andExpect(jsonPath("$.detail").value(containsString("号码格式不正确")));
		mvc.perform(post("/api/v1/owners").with(httpBasic(office(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.name").value("请填写业主姓名"));
		mvc.perform(post("/api/v1/owners").with(httpBasic(office(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{broken")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("JSON")));
		assertThat(jdbc.queryForObject("select count(*) from owner", Long.class)).isEqualTo(before);
		mvc.perform(get("/api/v1/owners/999999999").with(httpBasic(office(), Fixtures.PASSWORD))).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("该业主不存在。"));
	}

	@Test
	void aStaleUpdateIsRefusedInsteadOfOverwritingSomeoneElsesChange() throws Exception {
		String office = office();
		long ownerId = fixtures.owner(Fixtures.unique("并发"), "13600002222", null);
		String etag = mvc.perform(get("/api/v1/owners/" + ownerId).with(httpBasic(office, Fixtures.PASSWORD)))
			.andReturn().getResponse().getHeader("ETag");
		mvc.perform(put("/api/v1/owners/" + ownerId).with(httpBasic(office, Fixtures.PASSWORD)).header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"第一个人改的\"}")).andExpect(status().isOk());
		mvc.perform(put("/api/v1/owners/" + ownerId).with(httpBasic(office, Fixtures.PASSWORD)).header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"第二个人改的\"}"))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("已被他人修改")));
		assertThat(jdbc.queryForObject("select name from owner where id = ?", String.class, ownerId)).isEqualTo("第一个人改的");
		// blank phone on an edit keeps the stored one
		assertThat(jdbc.queryForObject("select mobile from owner where id = ?", String.class, ownerId)).isEqualTo("13600002222");
	}

	@Test
	void theEditPageKeepsTheUsersInputAndSaysWhatToDoOnAConflict() throws Exception {
		long ownerId = fixtures.owner(Fixtures.unique("页面并发"), "13600003333", null);
		long version = jdbc.queryForObject("select version from owner where id = ?", Long.class, ownerId);
		jdbc.update("update owner set version = version + 1, name = '别人改过' where id = ?", ownerId);
		String page = mvc.perform(post("/owners/" + ownerId + "/edit").with(user(office())).with(csrf())
			.param("name", "我的修改").param("version", String.valueOf(version)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("已被他人修改").contains("value=\"我的修改\"");
		assertThat(jdbc.queryForObject("select name from owner where id = ?", String.class, ownerId)).isEqualTo("别人改过");
	}

	@Test
	void aFormErrorIsShownNextToItsField() throws Exception {
		String page = mvc.perform(post("/owners/new").with(user(office())).with(csrf()).param("name", "王五")
			.param("mobile", "999").param("idType", "居民身份证"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("号码格式不正确").contains("value=\"王五\"");
	}

	@Test
	void ownershipHistoryIsKeptWhenAUnitChangesHands() throws Exception {
		String office = office();
		long p = fixtures.project(Fixtures.unique("过户项目"));
		long b = fixtures.building(p, "1号楼");
		long u = fixtures.unit(p, b, "1-0202", "OCCUPIED");
		long first = fixtures.owner(Fixtures.unique("原业主"), "13500001111", null);
		long second = fixtures.owner(Fixtures.unique("新业主"), "13500002222", null);
		fixtures.holds(first, u);
		long ownership = jdbc.queryForObject("select id from ownership where owner_id = ?", Long.class, first);
		mvc.perform(post("/owners/ownerships/" + ownership + "/end").with(user(office)).with(csrf()).param("back", String.valueOf(u))
			.param("from", "unit").param("reason", "过户")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/units/" + u + "/owners").with(user(office)).with(csrf()).param("ownerId", String.valueOf(second)))
			.andExpect(status().is3xxRedirection());
		String page = mvc.perform(get("/units/" + u).with(user(office))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("原业主").contains("新业主").contains("（过户）");
		assertThat(jdbc.queryForObject("select count(*) from ownership where unit_id = ?", Long.class, u)).isEqualTo(2);
		mvc.perform(get("/api/v1/owners?projectId=" + p).with(httpBasic(office, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.items.length()").value(1));
	}

	@Test
	void openApiDocumentDescribesTheArchive() throws Exception {
		mvc.perform(get("/v3/api-docs").with(user(office()))).andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/owners")))
			.andExpect(content().string(containsString("/api/v1/units/{id}")));
	}

	@Test
	void englishIsOneClickAway() throws Exception {
		String page = mvc.perform(get("/owners?lang=en").with(user(office()))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Owners").doesNotContain("业主姓名");
	}

}
