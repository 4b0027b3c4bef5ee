package io.estatedesk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.Masking;
import io.estatedesk.staff.StaffManagement;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page the navigation offers each demo account, a detail page of every kind and every GET of the OpenAPI
 * document, over real HTTP (form login with CSRF for pages, HTTP Basic for the API), with the demo data: each answer
 * has the status the permission matrix implies, no error page, no unresolved message key, no raw {@code null}, and no
 * full phone or ID number of an owner, caller or visitor unless one was asked for by a role that may see it — and
 * then it is in the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "estatedesk.demo=true", "estatedesk.database.data-dir=target/test-db/${random.uuid}",
				"estatedesk.admin-password=" + IntegrationTest.ADMIN_PASSWORD })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleCrawlIntegrationTests {

	/** The demo accounts, one per role (admin is the administrator created on the first start). */
	static final List<String> ACCOUNTS = List.of("admin", "manager", "leader", "field", "office", "engineer", "contractor",
			"property");

	static final String REVEAL = "OWNER_REVEAL";

	static final Pattern UNRESOLVED_KEY = Pattern.compile("\\?\\?[^?<>\\s\"']+\\?\\?");

	/** "null" as a word, also glued to digits or Chinese ("1-0101null", "金第家园 null"), not inside an English word. */
	static final Pattern RAW_NULL = Pattern.compile("(?<![A-Za-z_$.])null(?![A-Za-z0-9_(])");

	static final Pattern NULL_IN_LINK = Pattern.compile("(?:href|src|action|value)=\"[^\"]*(?<![\\w])null(?![\\w])[^\"]*\"");

	static final Pattern DIGIT_RUN = Pattern.compile("\\d+[Xx]?");

	static final Pattern NAV = Pattern.compile("<nav class=\"navbar.*?</nav>", Pattern.DOTALL);

	static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"|<meta name=\"_csrf\" content=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StaffManagement staff;

	final JsonMapper json = JsonMapper.builder().build();

	/** username → the permissions its roles hold in the matrix. */
	final Map<String, Set<String>> permissions = new LinkedHashMap<>();

	/** kind → the id of one record of that kind (chosen so that it carries numbers that must stay masked). */
	final Map<String, Long> ids = new LinkedHashMap<>();

	/** Every full phone and ID number of an owner, household member, caller, visitor or case contact. */
	final Set<String> secrets = new HashSet<>();

	String visitDay;

	String callerQuery;

	/** The full phone set on the demo complaint through the API before the crawl (so its history has a change). */
	String editedPhone;

	@BeforeAll
	void prepare() throws Exception {
		for (String a : ACCOUNTS) {
			staff.setPassword(a, Fixtures.PASSWORD);
			permissions.put(a, new TreeSet<>(jdbc.queryForList("""
					select distinct rp.permission_code from staff_account s join staff_role sr on sr.staff_id = s.id
					join role_permission rp on rp.role_id = sr.role_id where s.username = ?""", String.class, a)));
		}
		long owner = one("""
				select o.id from owner o where o.mobile <> '' and o.id_number <> ''
				and exists (select 1 from household_member h where h.owner_id = o.id and h.phone <> '')
				and exists (select 1 from ownership s where s.owner_id = o.id and s.active) order by o.id limit 1""");
		ids.put("owner", owner);
		ids.put("unit", one("select unit_id from ownership where owner_id = ? and active order by id limit 1", owner));
		ids.put("building", one("select building_id from unit where id = ?", ids.get("unit")));
		ids.put("project", one("select project_id from unit where id = ?", ids.get("unit")));
		ids.put("complaint", one("""
				select id from complaint where contact_phone <> '' and state in ('RECEIVED', 'IN_PROGRESS') and unit_id is not null
				order by id limit 1"""));
		long contractor = one("""
				select cm.contractor_id from contractor_member cm join staff_account s on s.id = cm.staff_id
				where s.username = 'contractor'""");
		ids.put("contractor", contractor);
		ids.put("workOrder", one("""
				select id from work_order where contractor_id = ? and contact_phone <> '' and state not in ('COMPLETED', 'CANCELLED')
				order by id limit 1""", contractor));
		ids.put("otherWorkOrder", one("select id from work_order where contractor_id <> ? order by id limit 1", contractor));
		ids.put("batch", one("select min(id) from handover_batch"));
		ids.put("handoverUnit", one("select id from handover_unit where owner_id is not null order by id limit 1"));
		ids.put("duty", one("select min(id) from duty_item"));
		ids.put("dutyProject", one("select project_id from duty_item where id = ?", ids.get("duty")));
		ids.put("inspection", one("select min(id) from supervision_inspection"));
		ids.put("notice", one("select min(id) from rectification_notice"));
		ids.put("call", one("select id from call_log where caller_phone <> '' and owner_id is not null order by id limit 1"));
		ids.put("visit", one("select id from visit where phone <> '' order by time_in desc, id limit 1"));
		ids.put("returnCall", one("select id from return_call where contact_phone <> '' order by id limit 1"));
		ids.put("campaign", one("select min(campaign_id) from survey_target"));
		ids.put("target", one("""
				select t.id from survey_target t join owner o on o.id = t.owner_id where t.campaign_id = ? and o.mobile <> ''
				order by t.id limit 1""", ids.get("campaign")));
		ids.put("activity", one("select activity_id from activity_signup where phone <> '' order by id limit 1"));
		ids.put("meeting", one("select min(id) from meeting"));
		ids.put("plan", one("select min(id) from work_plan"));
		ids.put("brandPlan", one("select min(id) from brand_plan"));
		ids.put("careRule", one("select min(id) from care_rule"));
		ids.put("facility", one("select min(id) from public_facility"));
		ids.put("trade", one("select min(id) from repair_trade"));
		ids.put("staff", one("select id from staff_account where username = 'office'"));
		Long importJob = jdbc.queryForObject("select min(id) from import_job", Long.class);
		ids.put("import", importJob == null ? 1L : importJob);
		visitDay = jdbc.queryForObject("select to_char(time_in at time zone ?, 'YYYY-MM-DD') from visit where id = ?",
				String.class, BusinessClock.ZONE.getId(), ids.get("visit"));
		String callerMobile = jdbc.queryForObject("select mobile from owner where id = ?", String.class, owner);
		callerQuery = callerMobile.substring(callerMobile.length() - 4);

		// a change of the contact phone through the API, so that the complaint's history holds one
		editedPhone = "139" + String.format("%08d", ids.get("complaint") * 7919 % 100_000_000);
		editContactPhone(ids.get("complaint"), editedPhone);
		// and a history row as written before numbers were masked there (history is never rewritten, only shown masked)
		String stored = jdbc.queryForObject("select contact_phone from complaint where id = ?", String.class, ids.get("complaint"));
		jdbc.update("""
				insert into complaint_history (complaint_id, version, actor, kind, field, old_value, new_value, note)
				values (?, 0, 'office', 'FIELD', 'contactPhone', '13700001111', ?, null)""", ids.get("complaint"), stored);
		secrets.add("13700001111");

		secrets.addAll(jdbc.queryForList("""
				select mobile from owner union select other_phone from owner union select id_number from owner
				union select phone from household_member union select phone from visit union select caller_phone from call_log
				union select contact_phone from complaint union select contact_phone from work_order
				union select contact_phone from return_call union select phone from activity_signup""", String.class)
			.stream().filter(s -> s != null && s.strip().length() >= 7).map(String::strip).collect(Collectors.toSet()));
		secrets.add(editedPhone);
	}

	// ---------------------------------------------------------------- the crawl

	@Test
	void everyPageAndEveryApiAnswerForEveryRole() throws Exception {
		long started = System.nanoTime();
		List<String> findings = new ArrayList<>();
		Map<String, int[]> figures = new LinkedHashMap<>();
		List<String> apiPaths = apiGetPaths();
		for (String account : ACCOUNTS) {
			Set<String> perms = permissions.get(account);
			Browser browser = Browser.signIn(base(), account, Fixtures.PASSWORD);
			int pages = 0;
			for (String link : browser.navigation()) {
				Answer a = browser.get(link);
				pages++;
				inspect(findings, account, "nav " + link, a, 200);
				Page p = page(pathOf(link));
				if (p == null) {
					findings.add(account + " nav " + link + ": the navigation offers a page the crawl does not know");
				}
				else if (!p.allowed().test(perms)) {
					findings.add(account + " nav " + link + ": offered although the matrix does not allow it");
				}
			}
			for (Page p : pages()) {
				String path = fill(p.path());
				Answer a = browser.get(path);
				pages++;
				inspect(findings, account, path, a, expectedPage(account, p, path));
			}
			// a complaint, a work order and a handover unit in each of their states: each state shows other parts
			for (var e : casesInEveryState().entrySet()) {
				Answer a = browser.get(e.getKey());
				pages++;
				inspect(findings, account, e.getKey(), a, e.getValue().apply(account));
			}
			int api = 0;
			for (String template : apiPaths) {
				String path = fill(template) + apiQuery(template);
				Answer a = Api.get(base(), account, Fixtures.PASSWORD, path);
				api++;
				inspect(findings, account, "API " + path, a, expectedApi(account, template));
			}
			figures.put(account, new int[] { pages, api });
		}
		// English once, for the role that sees every page: no key may be missing there either
		Browser english = Browser.signIn(base(), "admin", Fixtures.PASSWORD);
		english.get("/?lang=en");
		int englishPages = 0;
		for (String link : english.navigation()) {
			inspect(findings, "admin(en)", "nav " + link, english.get(link), 200);
			englishPages++;
		}
		for (Page p : pages()) {
			String path = fill(p.path());
			inspect(findings, "admin(en)", path, english.get(path), expectedPage("admin", p, path));
			englishPages++;
		}
		for (var e : casesInEveryState().entrySet()) {
			inspect(findings, "admin(en)", e.getKey(), english.get(e.getKey()), e.getValue().apply("admin"));
			englishPages++;
		}
		// nobody signed in: pages send to the login, the API asks for credentials
		Browser anonymous = Browser.anonymous(base());
		int anonymousPages = 0;
		Set<String> everyPage = new LinkedHashSet<>(List.of("/", "/account", "/notifications", "/positions"));
		pages().forEach(p -> everyPage.add(fill(p.path())));
		for (String path : everyPage) {
			Answer a = anonymous.get(path);
			anonymousPages++;
			if (a.status() != 302 || !a.location().endsWith("/login")) {
				findings.add("anonymous " + path + ": expected a redirect to the login, got " + a.status() + " " + a.location());
			}
		}
		for (String template : apiPaths) {
			String path = fill(template) + apiQuery(template);
			Answer a = Api.anonymous(base(), path);
			if (a.status() != 401) {
				findings.add("anonymous API " + path + ": expected 401, got " + a.status());
			}
			else {
				inspect(findings, "anonymous", "API " + path, a, 401);
			}
		}
		figures.put("anonymous", new int[] { anonymousPages, apiPaths.size() });
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
		StringBuilder report = new StringBuilder("Role crawl: pages and API answers per role (" + seconds + " s)\n");
		figures.forEach((who, n) -> report.append(String.format("  %-10s pages %4d   API %3d%n", who, n[0], n[1])));
		report.append(String.format("  %-10s pages %4d%n", "admin(en)", englishPages));
		report.append("  API GET paths in /v3/api-docs: ").append(apiPaths.size()).append('\n');
		report.append("  slowest answers:");
		slowest.descendingMap().forEach((ms, what) -> report.append(String.format("%n    %5d ms  %s", ms / 1000, what)));
		report.append("\n  findings: ").append(findings.size());
		System.out.println(report);
		assertThat(findings).as("what the crawl found").isEmpty();
	}

	// ---------------------------------------------------------------- asking for full numbers

	@Test
	void fullNumbersAppearOnlyWhenAPermittedRoleAsksAndEveryRevealIsRecorded() throws Exception {
		String ownerMobile = jdbc.queryForObject("select mobile from owner where id = ?", String.class, ids.get("owner"));
		String callPhone = jdbc.queryForObject("select caller_phone from call_log where id = ?", String.class, ids.get("call"));
		String visitPhone = jdbc.queryForObject("select phone from visit where id = ?", String.class, ids.get("visit"));
		String complaintPhone = jdbc.queryForObject("select contact_phone from complaint where id = ?", String.class,
				ids.get("complaint"));
		String workOrderPhone = jdbc.queryForObject("select contact_phone from work_order where id = ?", String.class,
				ids.get("workOrder"));
		String returnCallPhone = jdbc.queryForObject("select contact_phone from return_call where id = ?", String.class,
				ids.get("returnCall"));
		String targetMobile = jdbc.queryForObject(
				"select o.mobile from survey_target t join owner o on o.id = t.owner_id where t.id = ?", String.class,
				ids.get("target"));
		Map<String, String> api = new LinkedHashMap<>();
		api.put("/api/v1/owners/" + ids.get("owner") + "?reveal=true", ownerMobile);
		api.put("/api/v1/calls/" + ids.get("call") + "?reveal=true", callPhone);
		api.put("/api/v1/calls?reveal=true&ownerId=" + ids.get("owner"), null);
		api.put("/api/v1/visits/" + ids.get("visit") + "?reveal=true", visitPhone);
		api.put("/api/v1/visits?reveal=true&day=" + visitDay, visitPhone);
		api.put("/api/v1/complaints/" + ids.get("complaint") + "?reveal=true", complaintPhone);
		api.put("/api/v1/work-orders/" + ids.get("workOrder") + "?reveal=true", workOrderPhone);
		api.put("/api/v1/return-calls/" + ids.get("returnCall") + "?reveal=true", returnCallPhone);
		api.put("/api/v1/calls/callers?reveal=true&q=" + callerQuery, ownerMobile);
		List<String> findings = new ArrayList<>();
		for (String account : ACCOUNTS) {
			boolean mayReveal = permissions.get(account).contains(REVEAL);
			for (var e : api.entrySet()) {
				// the team a work order is dispatched to may see its contact's number while it works on it
				boolean may = mayReveal || "contractor".equals(account) && e.getKey().startsWith("/api/v1/work-orders/");
				String plain = e.getKey().replace("reveal=true&", "").replace("?reveal=true", "");
				int before = reveals(account);
				Answer a = Api.get(base(), account, Fixtures.PASSWORD, e.getKey());
				int recorded = reveals(account) - before;
				int seesAtAll = Api.get(base(), account, Fixtures.PASSWORD, plain).status();
				if (seesAtAll != 200) {
					if (a.status() != seesAtAll && a.status() != 403) {
						findings.add(account + " " + e.getKey() + ": " + a.status() + " where the plain answer is " + seesAtAll);
					}
					continue;
				}
				if (!may) {
					if (a.status() != 403 || recorded != 0) {
						findings.add(account + " " + e.getKey() + ": may not reveal but got " + a.status() + ", " + recorded + " recorded");
					}
					continue;
				}
				if (a.status() != 200) {
					findings.add(account + " " + e.getKey() + ": " + a.status());
				}
				if (e.getValue() != null && !a.text().contains(e.getValue())) {
					findings.add(account + " " + e.getKey() + ": the full number is not in the answer");
				}
				if (recorded != 1) {
					findings.add(account + " " + e.getKey() + ": " + recorded + " reveals recorded instead of one");
				}
			}
			boolean may = mayReveal;
			// pages: the reveal buttons
			Browser b = Browser.signIn(base(), account, Fixtures.PASSWORD);
			record Button(String page, String post, String number) {
			}
			List<Button> buttons = List.of(new Button("/owners/" + ids.get("owner"), "/owners/" + ids.get("owner") + "/reveal", ownerMobile),
					new Button("/complaints/" + ids.get("complaint"), "/complaints/" + ids.get("complaint") + "/reveal", complaintPhone),
					new Button("/complaints/" + ids.get("complaint") + "/edit", "/complaints/" + ids.get("complaint") + "/reveal?then=edit",
							complaintPhone),
					new Button("/work-orders/" + ids.get("workOrder"), "/work-orders/" + ids.get("workOrder") + "/reveal", workOrderPhone),
					new Button("/visits?day=" + visitDay, "/visits/reveal?day=" + visitDay, visitPhone),
					new Button("/return-calls/" + ids.get("returnCall"), "/return-calls/" + ids.get("returnCall") + "/reveal",
							returnCallPhone),
					new Button("/surveys/targets/" + ids.get("target"), "/surveys/targets/" + ids.get("target") + "/reveal",
							targetMobile));
			for (Button button : buttons) {
				Answer page = b.get(button.page());
				if (page.status() != 200) {
					continue;
				}
				boolean contractorOfTheOrder = "contractor".equals(account) && button.page().startsWith("/work-orders/");
				boolean offered = page.text().contains("action=\"" + button.post().replace("&", "&amp;") + "\"")
						|| page.text().contains("hx-post=\"" + button.post() + "\"");
				if (offered != (may || contractorOfTheOrder)) {
					findings.add(account + " " + button.page() + ": reveal button " + (offered ? "offered" : "missing"));
				}
				int before = reveals(account);
				Answer revealed = b.post(button.post(), Map.of());
				if (revealed.status() == 302) {
					revealed = b.get(revealed.location());
				}
				int recorded = reveals(account) - before;
				if (may || contractorOfTheOrder) {
					if (revealed.status() != 200 || !revealed.text().contains(button.number()) || recorded != 1) {
						findings.add(account + " POST " + button.post() + ": " + revealed.status() + ", full number "
								+ (revealed.text().contains(button.number()) ? "shown" : "missing") + ", " + recorded + " recorded");
					}
					Answer again = b.get(button.page());
					if (again.text().contains(button.number())) {
						findings.add(account + " " + button.page() + ": still shows the full number after the reveal");
					}
				}
				else if (revealed.status() != 403 || recorded != 0 || revealed.text().contains(button.number())) {
					findings.add(account + " POST " + button.post() + ": may not reveal but got " + revealed.status() + ", "
							+ recorded + " recorded");
				}
			}
			// the printed register: masked unless asked for
			Answer pdf = b.get("/visits/register.pdf?reveal=true&day=" + visitDay);
			if (permissions.get(account).contains("FRONTDESK_VIEW")) {
				if (may != (pdf.status() == 200 && pdf.text().contains(visitPhone))) {
					findings.add(account + " register.pdf?reveal=true: " + pdf.status());
				}
			}
		}
		assertThat(findings).as("reveals").isEmpty();
	}

	// ---------------------------------------------------------------- the complaint's contact phone

	@Test
	void aComplaintsHistoryAndEditFormNeverCarryTheFullContactPhone() throws Exception {
		long id = ids.get("complaint");
		List<String> values = jdbc.queryForList("""
				select coalesce(old_value, '') || ' ' || coalesce(new_value, '') from complaint_history
				where complaint_id = ? and field = 'contactPhone' and coalesce(old_value, '') <> '13700001111'""", String.class,
				id);
		assertThat(String.join(" ", values)).as("stored history after the edit").doesNotContain(editedPhone);
		assertThat(jdbc.queryForList("""
				select new_value from complaint_history where complaint_id = ? and field = 'contactPhone' and new_value like '%*%'""",
				String.class, id)).as("the change is recorded, masked").contains(Masking.phone(editedPhone));

		// the masked number coming back unchanged keeps the stored one
		String stored = jdbc.queryForObject("select contact_phone from complaint where id = ?", String.class, id);
		Browser office = Browser.signIn(base(), "manager", Fixtures.PASSWORD);
		Answer form = office.get("/complaints/" + id + "/edit");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.text()).contains("value=\"" + Masking.phone(stored) + "\"").doesNotContain(stored);
		Map<String, String> fields = formFields(form.text(), "intake-form");
		fields.put("content", fields.get("content") + "（补充）");
		Answer saved = office.post("/complaints/" + id + "/edit", fields);
		assertThat(saved.status()).as(saved.text()).isEqualTo(302);
		assertThat(jdbc.queryForObject("select contact_phone from complaint where id = ?", String.class, id)).isEqualTo(stored);
		assertThat(jdbc.queryForObject("select content from complaint where id = ?", String.class, id)).endsWith("（补充）");

		// the API the same way
		JsonNode d = json.readTree(Api.get(base(), "manager", Fixtures.PASSWORD, "/api/v1/complaints/" + id).text());
		assertThat(d.get("contactPhone").asString()).isEqualTo(Masking.phone(stored));
		Answer put = Api.put(base(), "manager", Fixtures.PASSWORD, "/api/v1/complaints/" + id, "\"" + d.get("version").asLong() + "\"",
				"{\"intake\":" + intake(d, d.get("contactPhone").asString(), "（再补充）") + "}");
		assertThat(put.status()).as(put.text()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select contact_phone from complaint where id = ?", String.class, id)).isEqualTo(stored);
	}

	// ---------------------------------------------------------------- bad input

	@Test
	void badInputIsAnsweredInChineseWithoutAStackTrace() throws Exception {
		Browser b = Browser.signIn(base(), "admin", Fixtures.PASSWORD);
		List<String> findings = new ArrayList<>();
		Map<String, Integer> pages = new LinkedHashMap<>();
		pages.put("/complaints/abc", 400);
		pages.put("/complaints/999999", 404);
		pages.put("/supervision/new?projectId=abc", 400);
		pages.put("/work-orders?state=FOO", 400);
		pages.put("/complaints?from=yesterday", 400);
		pages.put("/calls?type=NOPE", 400);
		pages.put("/no-such-page", 404);
		for (var e : pages.entrySet()) {
			Answer a = b.get(e.getKey());
			if (a.status() != e.getValue() || !a.contentType().startsWith("text/html") || !a.text().contains("id=\"error-page\"")
					|| !Pattern.compile("\\p{IsHan}").matcher(a.text()).find() || a.text().contains("Exception")) {
				findings.add(e.getKey() + ": " + a.status() + " " + a.contentType() + " " + abbreviate(a.text()));
			}
		}
		Map<String, Integer> api = new LinkedHashMap<>();
		api.put("/api/v1/complaints/abc", 400);
		api.put("/api/v1/complaints/999999", 404);
		api.put("/api/v1/calls/callers", 400);
		api.put("/api/v1/work-orders?state=FOO", 400);
		api.put("/api/v1/complaints?from=yesterday", 400);
		api.put("/api/v1/no-such-thing", 404);
		for (var e : api.entrySet()) {
			Answer a = Api.get(base(), "admin", Fixtures.PASSWORD, e.getKey());
			String detail = a.contentType().contains("json") ? json.readTree(a.text()).path("detail").asString("") : "";
			if (a.status() != e.getValue() || !Pattern.compile("\\p{IsHan}").matcher(detail).find()
					|| Pattern.compile("Failed|convert|java\\.|Exception|Required").matcher(a.text()).find()) {
				findings.add("API " + e.getKey() + ": " + a.status() + " " + abbreviate(a.text()));
			}
		}
		Answer delete = Api.send(base(), "admin", Fixtures.PASSWORD, "DELETE", "/api/v1/calls/" + ids.get("call"), null, null);
		if (delete.status() != 405 || delete.text().contains("not supported")) {
			findings.add("API DELETE: " + delete.status() + " " + abbreviate(delete.text()));
		}
		Answer text = Api.send(base(), "admin", Fixtures.PASSWORD, "POST", "/api/v1/calls", "text/plain", "x");
		if (text.status() != 415 || text.text().contains("not supported")) {
			findings.add("API POST text/plain: " + text.status() + " " + abbreviate(text.text()));
		}
		assertThat(findings).as("bad input").isEmpty();
	}

	// ---------------------------------------------------------------- what the crawl opens and expects

	/** A page with the permissions that let a role open it. */
	record Page(String path, Predicate<Set<String>> allowed) {
	}

	static Predicate<Set<String>> has(String... codes) {
		return p -> p.containsAll(List.of(codes));
	}

	static final Predicate<Set<String>> SIGNED_IN = p -> true;

	/** One page of each kind and every list and form with their parameters; ids are filled in from {@link #ids}. */
	static List<Page> pages() {
		List<Page> p = new ArrayList<>();
		p.add(new Page("/", SIGNED_IN));
		p.add(new Page("/account", SIGNED_IN));
		p.add(new Page("/notifications", SIGNED_IN));
		p.add(new Page("/positions", SIGNED_IN));
		// archive
		for (String s : List.of("/owners", "/owners/{owner}", "/units", "/units/{unit}", "/projects", "/projects/{project}",
				"/owners/pick?q={callerQuery}", "/archive/options/buildings?projectId={project}",
				"/archive/options/units?buildingId={building}")) {
			p.add(new Page(s, has("ARCHIVE_VIEW")));
		}
		for (String s : List.of("/owners/new", "/owners/{owner}/edit", "/units/new", "/units/{unit}/edit")) {
			p.add(new Page(s, has("ARCHIVE_VIEW", "ARCHIVE_EDIT")));
		}
		p.add(new Page("/projects/new", has("ARCHIVE_VIEW", "PROJECT_EDIT")));
		p.add(new Page("/projects/{project}/edit", has("ARCHIVE_VIEW", "PROJECT_EDIT")));
		p.add(new Page("/owners/export", has("ARCHIVE_VIEW", "ARCHIVE_EXPORT")));
		p.add(new Page("/units/export", has("ARCHIVE_VIEW", "ARCHIVE_EXPORT")));
		p.add(new Page("/imports", has("ARCHIVE_IMPORT")));
		// complaints
		for (String s : List.of("/complaints", "/complaints/{complaint}", "/complaints/{complaint}/form.pdf", "/complaints/library",
				"/complaints/statistics", "/complaints/options/owners?unitId={unit}")) {
			p.add(new Page(s, has("COMPLAINT_VIEW")));
		}
		p.add(new Page("/complaints/new?unitId={unit}&ownerId={owner}", has("COMPLAINT_VIEW", "COMPLAINT_CREATE")));
		p.add(new Page("/complaints/{complaint}/edit", has("COMPLAINT_VIEW", "COMPLAINT_HANDLE")));
		p.add(new Page("/complaints/export", has("COMPLAINT_VIEW", "COMPLAINT_EXPORT")));
		p.add(new Page("/complaints/settings", has("COMPLAINT_SETTINGS")));
		// repairs
		p.add(new Page("/work-orders", has("REPAIR_VIEW")));
		p.add(new Page("/work-orders/{workOrder}", has("REPAIR_VIEW")));
		p.add(new Page("/work-orders/options/warranty?unitId={unit}&component=WATERPROOF_WET", has("REPAIR_VIEW")));
		p.add(new Page("/work-orders/new?complaintId={complaint}", has("REPAIR_VIEW", "REPAIR_CREATE", "COMPLAINT_VIEW")));
		p.add(new Page("/work-orders/new?unitId={unit}", has("REPAIR_VIEW", "REPAIR_CREATE")));
		p.add(new Page("/work-orders/options/contractors?tradeId={trade}&unitId={unit}",
				has("REPAIR_VIEW", "REPAIR_CREATE", "REPAIR_DISPATCH", "REPAIR_ALL")));
		p.add(new Page("/work-orders/export", has("REPAIR_VIEW", "REPAIR_EXPORT")));
		p.add(new Page("/work-orders/settings", has("REPAIR_SETTINGS")));
		for (String s : List.of("/contractors", "/contractors/{contractor}", "/facilities", "/facilities/{facility}")) {
			p.add(new Page(s, has("REPAIR_VIEW", "REPAIR_ALL")));
		}
		// handover
		for (String s : List.of("/handover", "/handover/batches/{batch}", "/handover/units/{handoverUnit}",
				"/handover/units/{handoverUnit}/confirmation.pdf", "/handover/takeover/{project}")) {
			p.add(new Page(s, has("HANDOVER_VIEW")));
		}
		p.add(new Page("/handover/checklist", has("HANDOVER_VIEW", "HANDOVER_MANAGE")));
		// front desk, return calls, surveys
		for (String s : List.of("/calls", "/calls/statistics", "/calls/callers?q={callerQuery}", "/visits?day={visitDay}",
				"/visits/register.pdf?day={visitDay}")) {
			p.add(new Page(s, has("FRONTDESK_VIEW")));
		}
		// read by those who make the calls and by 公司领导 (SURVEY_VIEW), whose dashboard counts them
		for (String s : List.of("/return-calls", "/return-calls/{returnCall}", "/return-calls/statistics")) {
			p.add(new Page(s, has("RETURN_CALL").or(has("SURVEY_VIEW"))));
		}
		for (String s : List.of("/surveys", "/surveys/campaigns/{campaign}", "/surveys/targets/{target}",
				"/surveys/campaigns/{campaign}/export")) {
			p.add(new Page(s, has("SURVEY_VIEW")));
		}
		p.add(new Page("/surveys/templates/new", has("SURVEY_VIEW", "SURVEY_MANAGE")));
		p.add(new Page("/surveys/targets/{target}/qr.svg", has("SURVEY_VIEW", "SURVEY_MANAGE")));
		// community
		for (String s : List.of("/activities", "/activities/{activity}", "/activities/owners?q={callerQuery}", "/brand-plans",
				"/brand-plans/{brandPlan}", "/care", "/care/rules", "/care/rules/{careRule}")) {
			p.add(new Page(s, has("COMMUNITY_VIEW")));
		}
		p.add(new Page("/activities/new", has("COMMUNITY_VIEW", "COMMUNITY_EDIT")));
		p.add(new Page("/activities/{activity}/edit", has("COMMUNITY_VIEW", "COMMUNITY_EDIT")));
		p.add(new Page("/care/rules/new", has("COMMUNITY_VIEW", "COMMUNITY_MANAGE")));
		// the project's life
		for (String s : List.of("/lifecycle", "/lifecycle/projects/{dutyProject}", "/lifecycle/duties/{duty}", "/supervision",
				"/supervision/{inspection}", "/supervision/notices/{notice}")) {
			p.add(new Page(s, has("LIFECYCLE_VIEW")));
		}
		p.add(new Page("/supervision/new", has("LIFECYCLE_VIEW", "SUPERVISION_EDIT")));
		p.add(new Page("/supervision/new?projectId={project}", has("LIFECYCLE_VIEW", "SUPERVISION_EDIT")));
		// dashboards and the department
		p.add(new Page("/dashboard", has("DASHBOARD_VIEW")));
		p.add(new Page("/dashboard/leader", has("DASHBOARD_VIEW")));
		for (String s : List.of("/attendance", "/tasks", "/meetings", "/meetings/{meeting}", "/plans/{plan}")) {
			p.add(new Page(s, has("ATTENDANCE_VIEW")));
		}
		p.add(new Page("/attendance/notes", has("ATTENDANCE_VIEW", "ATTENDANCE_MANAGE")));
		p.add(new Page("/attendance/export", has("ATTENDANCE_VIEW", "ATTENDANCE_MANAGE")));
		// administration
		p.add(new Page("/admin/staff", has("STAFF_ADMIN")));
		p.add(new Page("/admin/staff/new", has("STAFF_ADMIN")));
		p.add(new Page("/admin/staff/{staff}", has("STAFF_ADMIN")));
		p.add(new Page("/admin/roles", has("ROLE_ADMIN")));
		p.add(new Page("/admin/roles/new", has("ROLE_ADMIN")));
		p.add(new Page("/admin/audit", has("AUDIT_VIEW")));
		p.add(new Page("/admin/calendar", has("CALENDAR_ADMIN")));
		p.add(new Page("/admin/system", has("STAFF_ADMIN")));
		return p;
	}

	/** A page for one complaint, work order and handover unit of every state, with the status each account gets. */
	Map<String, java.util.function.Function<String, Integer>> casesInEveryState() {
		Map<String, java.util.function.Function<String, Integer>> pages = new LinkedHashMap<>();
		for (Long id : jdbc.queryForList("select min(id) from complaint group by state order by 1", Long.class)) {
			pages.put("/complaints/" + id, a -> permissions.get(a).contains("COMPLAINT_VIEW") ? 200 : 403);
		}
		for (var row : jdbc.queryForList("select min(id) id, contractor_id from work_order group by state, contractor_id order by 1")) {
			long id = ((Number) row.get("id")).longValue();
			boolean theirs = row.get("contractor_id") != null && ((Number) row.get("contractor_id")).longValue() == ids.get("contractor");
			pages.put("/work-orders/" + id, a -> !permissions.get(a).contains("REPAIR_VIEW") ? 403
					: permissions.get(a).contains("REPAIR_ALL") || theirs ? 200 : 404);
		}
		for (Long id : jdbc.queryForList("select min(id) from handover_unit group by state order by 1", Long.class)) {
			pages.put("/handover/units/" + id, a -> permissions.get(a).contains("HANDOVER_VIEW") ? 200 : 403);
		}
		return pages;
	}

	/** The page of the table a link opens (its path without the query), or null. */
	Page page(String path) {
		for (Page p : pages()) {
			String pattern = pathOf(p.path()).replaceAll("\\{[^}]+}", "[^/]+");
			if (path.matches(pattern)) {
				return p;
			}
		}
		return null;
	}

	int expectedPage(String account, Page p, String path) {
		if (!p.allowed().test(permissions.get(account))) {
			return 403;
		}
		if ("contractor".equals(account) && path.startsWith("/work-orders/" + ids.get("otherWorkOrder"))) {
			return 404;
		}
		return 200;
	}

	/** Who may GET each path of the OpenAPI document; a path missing here fails the crawl. */
	static final Map<String, Predicate<Set<String>>> API = new TreeMap<>();

	static {
		for (String s : List.of("/api/v1/activities", "/api/v1/activities/{id}", "/api/v1/activities/{id}/signups", "/api/v1/activities/{id}/actions")) {
			API.put(s, has("COMMUNITY_VIEW"));
		}
		for (String s : List.of("/api/v1/archive/statistics", "/api/v1/buildings", "/api/v1/buildings/{id}", "/api/v1/owners",
				"/api/v1/owners/{id}", "/api/v1/projects", "/api/v1/projects/{id}", "/api/v1/units", "/api/v1/units/{id}")) {
			API.put(s, has("ARCHIVE_VIEW"));
		}
		API.put("/api/v1/imports/{id}", has("ARCHIVE_VIEW", "ARCHIVE_IMPORT"));
		API.put("/api/v1/imports/{id}/rejections", has("ARCHIVE_VIEW", "ARCHIVE_IMPORT"));
		API.put("/api/v1/attendance", has("ATTENDANCE_VIEW", "ATTENDANCE_MANAGE"));
		for (String s : List.of("/api/v1/attendance/days", "/api/v1/attendance/notes", "/api/v1/meetings", "/api/v1/meetings/{id}",
				"/api/v1/tasks")) {
			API.put(s, has("ATTENDANCE_VIEW"));
		}
		for (String s : List.of("/api/v1/calls", "/api/v1/calls/{id}", "/api/v1/calls/callers", "/api/v1/calls/statistics",
				"/api/v1/visits", "/api/v1/visits/{id}")) {
			API.put(s, has("FRONTDESK_VIEW"));
		}
		for (String s : List.of("/api/v1/complaints", "/api/v1/complaints/categories", "/api/v1/complaints/{id}",
				"/api/v1/complaints/{id}/form.pdf", "/api/v1/complaints/{id}/history", "/api/v1/complaints/{id}/actions")) {
			API.put(s, has("COMPLAINT_VIEW"));
		}
		for (String s : List.of("/api/v1/contractors", "/api/v1/contractors/{id}", "/api/v1/contractors/scorecard")) {
			API.put(s, has("REPAIR_VIEW", "REPAIR_ALL"));
		}
		for (String s : List.of("/api/v1/work-orders", "/api/v1/work-orders/{id}", "/api/v1/work-orders/{id}/history",
				"/api/v1/work-orders/{id}/actions",
				"/api/v1/units/{id}/warranty")) {
			API.put(s, has("REPAIR_VIEW"));
		}
		API.put("/api/v1/dashboard/manager", has("DASHBOARD_VIEW"));
		API.put("/api/v1/dashboard/leader", has("DASHBOARD_VIEW"));
		for (String s : List.of("/api/v1/duties/{id}", "/api/v1/projects/{projectId}/duties", "/api/v1/supervision/checklist",
				"/api/v1/supervision/inspections", "/api/v1/supervision/inspections/{id}")) {
			API.put(s, has("LIFECYCLE_VIEW"));
		}
		for (String s : List.of("/api/v1/handover-batches", "/api/v1/handover-batches/{id}", "/api/v1/handover-units/{id}",
				"/api/v1/handover-units/{id}/actions")) {
			API.put(s, has("HANDOVER_VIEW"));
		}
		API.put("/api/v1/me", SIGNED_IN);
		API.put("/api/v1/me/tokens", SIGNED_IN);
		for (String s : List.of("/api/v1/return-calls", "/api/v1/return-calls/{id}", "/api/v1/return-calls/statistics")) {
			API.put(s, has("RETURN_CALL"));
		}
		for (String s : List.of("/api/v1/surveys/templates", "/api/v1/surveys/campaigns", "/api/v1/surveys/campaigns/{id}")) {
			API.put(s, has("SURVEY_VIEW"));
		}
		API.put("/api/v1/surveys/campaigns/{id}/targets", has("SURVEY_VIEW", "SURVEY_MANAGE"));
	}

	int expectedApi(String account, String template) {
		Predicate<Set<String>> rule = API.get(template);
		if (rule == null || !rule.test(permissions.get(account))) {
			return 403;
		}
		if (template.startsWith("/api/v1/imports/") && jdbc.queryForObject("select count(*) from import_job", Long.class) == 0) {
			return 404;
		}
		return 200;
	}

	/** Every GET path of the OpenAPI document, each known to {@link #API}. */
	List<String> apiGetPaths() throws Exception {
		// the document needs a sign-in (estatedesk.api-docs.public opens it)
		assertThat(Api.anonymous(base(), "/v3/api-docs").status()).isEqualTo(401);
		Answer docs = Api.get(base(), "admin", Fixtures.PASSWORD, "/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		JsonNode paths = json.readTree(docs.text()).get("paths");
		List<String> get = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		List<String> required = new ArrayList<>();
		for (var e : paths.properties()) {
			JsonNode op = e.getValue().get("get");
			if (op == null) {
				continue;
			}
			get.add(e.getKey());
			if (!API.containsKey(e.getKey())) {
				unknown.add(e.getKey());
			}
			for (JsonNode param : op.path("parameters")) {
				if ("query".equals(param.path("in").asString()) && param.path("required").asBoolean()
						&& !apiQuery(e.getKey()).contains(param.path("name").asString() + "=")) {
					required.add(e.getKey() + "?" + param.path("name").asString());
				}
			}
		}
		assertThat(unknown).as("GET paths of /v3/api-docs the crawl does not know who may call").isEmpty();
		assertThat(required).as("required query parameters the crawl does not fill").isEmpty();
		return get;
	}

	/** The query parameters an API path requires. */
	String apiQuery(String template) {
		return template.equals("/api/v1/calls/callers") ? "?q=" + callerQuery : "";
	}

	String fill(String template) {
		Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
		StringBuilder sb = new StringBuilder();
		String path = template;
		while (m.find()) {
			String name = m.group(1);
			String value;
			if (name.equals("visitDay")) {
				value = visitDay;
			}
			else if (name.equals("callerQuery")) {
				value = callerQuery;
			}
			else if (name.equals("id") || name.equals("projectId")) {
				value = String.valueOf(ids.get(apiKind(path.substring(0, m.start()), name)));
			}
			else {
				value = String.valueOf(ids.get(name));
			}
			m.appendReplacement(sb, Matcher.quoteReplacement(value));
		}
		m.appendTail(sb);
		return sb.toString();
	}

	/** The kind of record an API path variable names, from the segment before it. */
	static String apiKind(String before, String variable) {
		String segment = before.substring(0, before.length() - 1);
		segment = segment.substring(segment.lastIndexOf('/') + 1);
		return switch (segment) {
			case "activities" -> "activity";
			case "buildings" -> "building";
			case "calls" -> "call";
			case "complaints" -> "complaint";
			case "contractors" -> "contractor";
			case "duties" -> "duty";
			case "handover-batches" -> "batch";
			case "handover-units" -> "handoverUnit";
			case "imports" -> "import";
			case "meetings" -> "meeting";
			case "owners" -> "owner";
			case "projects" -> variable.equals("projectId") ? "dutyProject" : "project";
			case "return-calls" -> "returnCall";
			case "inspections" -> "inspection";
			case "campaigns" -> "campaign";
			case "units" -> "unit";
			case "visits" -> "visit";
			case "work-orders" -> "workOrder";
			default -> throw new IllegalArgumentException("no id for " + before + "{" + variable + "}");
		};
	}

	// ---------------------------------------------------------------- checks on one answer

	/** The slowest answers of the crawl, for its report. */
	final TreeMap<Long, String> slowest = new TreeMap<>();

	void inspect(List<String> findings, String who, String what, Answer a, int expected) {
		slowest.put(a.millis() * 1000 + slowest.size() % 1000, who + " " + what);
		while (slowest.size() > 8) {
			slowest.pollFirstEntry();
		}
		String prefix = who + " " + what + ": ";
		if (a.status() != expected) {
			findings.add(prefix + "status " + a.status() + " instead of " + expected
					+ (a.status() >= 500 || a.status() == 400 ? " " + abbreviate(a.text()) : ""));
		}
		String text = a.text();
		if (a.status() == 200 && a.contentType().startsWith("text/html") && text.contains("id=\"error-page\"")) {
			findings.add(prefix + "an error page");
		}
		Matcher key = UNRESOLVED_KEY.matcher(text);
		if (key.find()) {
			findings.add(prefix + "unresolved message key " + key.group());
		}
		String visible = visibleText(a);
		Matcher nul = RAW_NULL.matcher(visible);
		if (nul.find()) {
			findings.add(prefix + "raw null in “" + around(visible, nul.start()) + "”");
		}
		if (a.contentType().startsWith("text/html")) {
			Matcher link = NULL_IN_LINK.matcher(text);
			if (link.find()) {
				findings.add(prefix + "null in " + link.group());
			}
		}
		Set<String> full = new TreeSet<>();
		Matcher digits = DIGIT_RUN.matcher(text);
		while (digits.find()) {
			if (secrets.contains(digits.group())) {
				full.add(digits.group());
			}
		}
		if (!full.isEmpty()) {
			findings.add(prefix + "full numbers " + full);
		}
	}

	/** What a person reads: HTML without tags and scripts, JSON's string values, a PDF's or workbook's text. */
	String visibleText(Answer a) {
		String ct = a.contentType();
		if (ct.startsWith("text/html")) {
			String t = a.text().replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ");
			return t.replaceAll("(?s)<[^>]*>", " ").replace("&nbsp;", " ");
		}
		if (ct.contains("json")) {
			StringBuilder sb = new StringBuilder();
			try {
				strings(json.readTree(a.text()), sb);
			}
			catch (RuntimeException e) {
				return a.text();
			}
			return sb.toString();
		}
		return a.text();
	}

	static void strings(JsonNode node, StringBuilder sb) {
		if (node.isString()) {
			sb.append(node.asString()).append('\n');
		}
		for (JsonNode child : node) {
			strings(child, sb);
		}
		if (node.isObject()) {
			for (var e : node.properties()) {
				strings(e.getValue(), sb);
			}
		}
	}

	// ---------------------------------------------------------------- HTTP, as a browser and an API client do it

	/** A response; {@code text} is the body as a person or a program reads it (PDF and xlsx as their text). */
	record Answer(int status, String contentType, String location, String text, long millis) {

		static Answer timed(HttpClient http, HttpRequest request) throws Exception {
			long started = System.nanoTime();
			HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			long millis = (System.nanoTime() - started) / 1_000_000;
			Answer a = of(r);
			return new Answer(a.status(), a.contentType(), a.location(), a.text(), millis);
		}

		static Answer of(HttpResponse<byte[]> r) {
			String ct = r.headers().firstValue("Content-Type").orElse("");
			String location = r.headers().firstValue("Location").orElse("");
			byte[] body = r.body();
			String text;
			if (ct.startsWith("application/pdf")) {
				text = pdfText(body);
			}
			else if (ct.contains("spreadsheetml")) {
				text = xlsxText(body);
			}
			else {
				text = new String(body, StandardCharsets.UTF_8);
			}
			return new Answer(r.statusCode(), ct, location, text, 0);
		}

		static String pdfText(byte[] pdf) {
			try (var doc = Loader.loadPDF(pdf)) {
				return new PDFTextStripper().getText(doc);
			}
			catch (IOException e) {
				return "（PDF 无法读取：" + e.getMessage() + "）";
			}
		}

		static String xlsxText(byte[] xlsx) {
			StringBuilder sb = new StringBuilder();
			try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
				for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
					if (e.getName().endsWith(".xml")) {
						sb.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8).replaceAll("<[^>]*>", " ")).append('\n');
					}
				}
			}
			catch (IOException e) {
				return "（xlsx 无法读取）";
			}
			return sb.toString();
		}
	}

	/** A browser: cookies (session, language), CSRF tokens from the pages, redirects not followed. */
	static final class Browser {

		private final String base;

		private final HttpClient http;

		private String csrf;

		private Browser(String base) {
			this.base = base;
			this.http = HttpClient.newBuilder()
				.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(10))
				.build();
		}

		static Browser anonymous(String base) {
			return new Browser(base);
		}

		static Browser signIn(String base, String username, String password) throws Exception {
			Browser b = new Browser(base);
			Answer login = b.get("/login");
			assertThat(login.status()).isEqualTo(200);
			Answer signedIn = b.post("/login", Map.of("username", username, "password", password));
			assertThat(signedIn.status()).as("login of " + username).isEqualTo(302);
			assertThat(signedIn.location()).as("login of " + username).doesNotContain("error");
			Answer home = b.get("/");
			assertThat(home.status()).as("home of " + username).isEqualTo(200);
			return b;
		}

		Answer get(String path) throws Exception {
			HttpRequest request = HttpRequest.newBuilder(uri(path))
				.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
				.timeout(Duration.ofSeconds(60))
				.GET()
				.build();
			Answer a = Answer.timed(http, request);
			remember(a);
			return a;
		}

		Answer post(String path, Map<String, String> form) throws Exception {
			Map<String, String> fields = new LinkedHashMap<>(form);
			if (csrf != null) {
				fields.putIfAbsent("_csrf", csrf);
			}
			String body = fields.entrySet().stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			HttpRequest request = HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html,*/*;q=0.8")
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			Answer a = Answer.timed(http, request);
			remember(a);
			return a;
		}

		private URI uri(String path) {
			return URI.create(path.startsWith("http") ? path : base + path);
		}

		private void remember(Answer a) {
			if (a.contentType().startsWith("text/html")) {
				Matcher m = CSRF.matcher(a.text());
				if (m.find()) {
					csrf = m.group(1) != null ? m.group(1) : m.group(2);
				}
			}
		}

		/** The links of the navigation bar of the home page, without the language switch. */
		List<String> navigation() throws Exception {
			Answer home = get("/");
			Matcher nav = NAV.matcher(home.text());
			assertThat(nav.find()).as("navigation bar").isTrue();
			Set<String> links = new LinkedHashSet<>();
			Matcher href = HREF.matcher(nav.group());
			while (href.find()) {
				String link = href.group(1).replace("&amp;", "&");
				if (!link.contains("lang=")) {
					links.add(link);
				}
			}
			return new ArrayList<>(links);
		}

	}

	/** The REST API with HTTP Basic, stateless. */
	static final class Api {

		static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

		static Answer get(String base, String username, String password, String path) throws Exception {
			return send(base, username, password, "GET", path, null, null);
		}

		static Answer put(String base, String username, String password, String path, String ifMatch, String body)
				throws Exception {
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization", basic(username, password))
				.header("Content-Type", "application/json")
				.header("If-Match", ifMatch)
				.PUT(HttpRequest.BodyPublishers.ofString(body))
				.build();
			return Answer.timed(HTTP, request);
		}

		static Answer send(String base, String username, String password, String method, String path, String contentType,
				String body) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization", basic(username, password))
				.header("Accept", "application/json, application/problem+json, application/pdf")
				.timeout(Duration.ofSeconds(60))
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
			if (contentType != null) {
				request.header("Content-Type", contentType);
			}
			return Answer.timed(HTTP, request.build());
		}

		static Answer anonymous(String base, String path) throws Exception {
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET().build();
			return Answer.timed(HTTP, request);
		}

		static String basic(String username, String password) {
			return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		}

	}

	// ---------------------------------------------------------------- helpers

	String base() {
		return "http://localhost:" + port;
	}

	long one(String sql, Object... args) {
		Long id = jdbc.queryForObject(sql, Long.class, args);
		assertThat(id).as(sql).isNotNull();
		return id;
	}

	int reveals(String account) {
		return jdbc.queryForObject("select count(*) from audit_event where action = 'REVEAL' and username = ?", Integer.class,
				account);
	}

	static String pathOf(String link) {
		int q = link.indexOf('?');
		return q < 0 ? link : link.substring(0, q);
	}

	static String abbreviate(String s) {
		String t = s.replaceAll("\\s+", " ");
		return t.length() > 300 ? t.substring(0, 300) + "…" : t;
	}

	static String around(String s, int at) {
		return s.substring(Math.max(0, at - 40), Math.min(s.length(), at + 40)).replaceAll("\\s+", " ");
	}

	/** The complaint's intake as the API takes it back, with the given contact phone and text added to the content. */
	String intake(JsonNode d, String phone, String addition) {
		ZoneId zone = BusinessClock.ZONE;
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("projectId", d.get("projectId").asLong());
		m.put("complaintDate", d.get("complaintDate").asString());
		m.put("complainant", d.get("complainant").asString());
		m.put("complainedAt", LocalDateTime.ofInstant(java.time.Instant.parse(d.get("complainedAt").asString()), zone).toString());
		m.put("unitId", d.get("unitId").isNull() ? null : d.get("unitId").asLong());
		m.put("ownerId", d.get("ownerId").isNull() ? null : d.get("ownerId").asLong());
		m.put("contactPhone", phone);
		m.put("receiverId", d.get("receiverId").asLong());
		m.put("channel", d.get("channel").asString());
		m.put("categoryId", d.get("categoryId").asLong());
		m.put("severity", d.get("severity").asString());
		m.put("groupCase", d.get("groupCase").asBoolean());
		m.put("content", d.get("content").asString() + addition);
		m.put("remedy", d.get("remedy").asString());
		return json.writeValueAsString(m);
	}

	/** Changes a complaint's contact phone through the API, as its manager. */
	void editContactPhone(long id, String phone) throws Exception {
		Answer current = Api.get(base(), "manager", Fixtures.PASSWORD, "/api/v1/complaints/" + id);
		assertThat(current.status()).isEqualTo(200);
		JsonNode d = json.readTree(current.text());
		Answer put = Api.put(base(), "manager", Fixtures.PASSWORD, "/api/v1/complaints/" + id, "\"" + d.get("version").asLong() + "\"",
				"{\"intake\":" + intake(d, phone, "") + "}");
		assertThat(put.status()).as(put.text()).isEqualTo(200);
	}

	/** The named fields of a form on a page (inputs, selects with their chosen option, text areas). */
	static Map<String, String> formFields(String html, String formId) {
		Matcher f = Pattern.compile("<form[^>]*id=\"" + formId + "\".*?</form>", Pattern.DOTALL).matcher(html);
		assertThat(f.find()).as("form " + formId).isTrue();
		String form = f.group();
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher input = Pattern.compile("<input([^>]*)>").matcher(form);
		while (input.find()) {
			String attrs = input.group(1);
			String name = attr(attrs, "name");
			String type = attr(attrs, "type");
			if (name == null || ("checkbox".equals(type) || "radio".equals(type)) && !attrs.contains("checked")) {
				continue;
			}
			String value = attr(attrs, "value");
			fields.put(name, value == null ? ("checkbox".equals(type) ? "on" : "") : unescape(value));
		}
		Matcher select = Pattern.compile("<select([^>]*)>(.*?)</select>", Pattern.DOTALL).matcher(form);
		while (select.find()) {
			String name = attr(select.group(1), "name");
			Matcher chosen = Pattern.compile("<option([^>]*selected[^>]*)>").matcher(select.group(2));
			Matcher firstOption = Pattern.compile("<option([^>]*)>").matcher(select.group(2));
			String value = chosen.find() ? attr(chosen.group(1), "value") : firstOption.find() ? attr(firstOption.group(1), "value") : "";
			if (name != null) {
				fields.put(name, value == null ? "" : unescape(value));
			}
		}
		Matcher area = Pattern.compile("<textarea([^>]*)>(.*?)</textarea>", Pattern.DOTALL).matcher(form);
		while (area.find()) {
			String name = attr(area.group(1), "name");
			if (name != null) {
				fields.put(name, unescape(area.group(2)));
			}
		}
		return fields;
	}

	static String attr(String attrs, String name) {
		Matcher m = Pattern.compile("(?<![\\w-])" + name + "=\"([^\"]*)\"").matcher(attrs);
		return m.find() ? m.group(1) : null;
	}

	static String unescape(String s) {
		return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
	}

}
