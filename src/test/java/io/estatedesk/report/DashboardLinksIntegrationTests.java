package io.estatedesk.report;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.estatedesk.staff.StaffManagement;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every figure of the 部门经理 and 公司领导 dashboards and of the 工作台 opens a list of exactly that many rows: over real
 * HTTP with the demo data, signed in as the role that sees it, each card's number, each count in the leader's table and
 * each point of every chart series (a rate's point: the cases it is judged on) against the rows of the list its link
 * opens, all pages of it; the same for the 投诉统计 page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "estatedesk.demo=true", "estatedesk.database.data-dir=target/test-db/${random.uuid}",
				"estatedesk.admin-password=" + IntegrationTest.ADMIN_PASSWORD })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardLinksIntegrationTests {

	/** A card or a linked count: its link, a label, then the number alone. */
	static final Pattern CARD = Pattern.compile(
			"href=\"([^\"]+)\">\\s*<div class=\"[^\"]*\">[^<]*</div>\\s*<div class=\"stat[^\"]*\"[^>]*>(\\d+)</div>");

	/** A count that is itself the link (a table cell, a number of a card showing two). */
	static final Pattern CELL = Pattern.compile("<a (?:[^>]*\\s)?href=\"([^\"]+)\"[^>]*>(\\d+)</a>");

	/** A count after its label inside a link (the units by status on the workbench). */
	static final Pattern LABELLED = Pattern.compile("href=\"([^\"]+)\">\\s*<span>[^<]*</span>[^<]*<strong>(\\d+)</strong>");

	/** A rate that opens the cases it is judged on: its link and the element's id or class. */
	static final Pattern RATE = Pattern.compile("<a class=\"(rate|card[^\"]*)\"(?: id=\"([^\"]+)\")? href=\"([^\"]+)\"");

	/** Any link of a page's main part. */
	static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

	static final Pattern CHART_DATA = Pattern.compile("<script type=\"application/json\" id=\"stats-data\">(.*?)</script>",
			Pattern.DOTALL);

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"|<meta name=\"_csrf\" content=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	StaffManagement staff;

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	void passwords() {
		for (String a : List.of("manager", "leader", "field", "office", "engineer", "contractor", "property")) {
			staff.setPassword(a, Fixtures.PASSWORD);
		}
	}

	@Test
	void everyFigureOfTheManagerDashboardOpensExactlyItsRows() throws Exception {
		Browser b = Browser.signIn(base(), "manager");
		String page = b.get("/dashboard");
		Map<String, Long> cards = new LinkedHashMap<>(linked(page, CARD));
		cards.putAll(linked(page, CELL));
		assertThat(cards.keySet()).as("the dashboard's cards").anyMatch(l -> l.startsWith("/complaints?open=true"))
			.anyMatch(l -> l.startsWith("/complaints?overdue=true")).anyMatch(l -> l.startsWith("/work-orders?open=true"))
			.anyMatch(l -> l.startsWith("/work-orders?overdue=true")).anyMatch(l -> l.startsWith("/return-calls"))
			.contains("/attendance/notes?state=PENDING", "/tasks?overdue=true");
		assertRows(b, cards);

		JsonNode charts = charts(page);
		Map<String, Long> points = new LinkedHashMap<>();
		for (String chart : List.of("complaintAges", "workOrderAges", "volume", "causes", "handover")) {
			points.putAll(points(charts.get(chart)));
		}
		JsonNode figures = json.readTree(Api.get(base(), "manager", "/api/v1/dashboard/manager"));
		// the rates' points open the cases they are judged on: replied, accepted, rated complaints and work orders
		points.putAll(bases(charts.get("sla").get("series").get(0), figures.get("complaintMonths"), "timed"));
		points.putAll(bases(charts.get("sla").get("series").get(1), figures.get("workOrderMonths"), "timed"));
		points.putAll(bases(charts.get("satisfaction").get("series").get(1), figures.get("complaintMonths"), "rated"));
		points.putAll(bases(charts.get("satisfaction").get("series").get(2), figures.get("workOrderMonths"), "rated"));
		// the return calls' points open those due in the month: made of all due, in time of those made, satisfied of those asked
		points.putAll(bases(charts.get("sla").get("series").get(2), figures.get("returnCallMonths"), "timed"));
		points.putAll(bases(charts.get("satisfaction").get("series").get(0), figures.get("returnCallMonths"), "count"));
		points.putAll(bases(charts.get("satisfaction").get("series").get(3), figures.get("returnCallMonths"), "rated"));
		assertThat(points.values()).as("the demo data gives the charts something to count").anyMatch(n -> n > 0);
		assertThat(points.keySet()).as("return calls of a month").anyMatch(l -> l.startsWith("/return-calls?dueFrom=") && l.contains("progress=RATED"))
			.anyMatch(l -> l.startsWith("/handover/batches/") && l.endsWith("state=ADDED"));
		assertEveryLinkChecked(page, cards.keySet(), points.keySet());
		assertThat(points.keySet()).as("age segments, finished and reported series")
			.anyMatch(l -> l.contains("ageFrom=3&ageTo=7")).anyMatch(l -> l.contains("progress=CLOSED"))
			.anyMatch(l -> l.startsWith("/work-orders?reportedFrom=") && l.contains("progress=ACCEPTED"))
			.anyMatch(l -> l.startsWith("/work-orders?reportedFrom=") && !l.contains("progress="));
		assertRows(b, points);
	}

	@Test
	void everyFigureOfTheLeaderDashboardOpensExactlyItsRows() throws Exception {
		Browser b = Browser.signIn(base(), "leader");
		String page = b.get("/dashboard/leader");
		Map<String, Long> figures = new LinkedHashMap<>(linked(page, CARD));
		figures.putAll(linked(page, CELL));
		assertThat(figures.keySet()).as("the card, each project's received, closed and reported")
			.anyMatch(l -> l.contains("progress=CLOSED")).anyMatch(l -> l.startsWith("/work-orders?projectId="))
			.anyMatch(l -> l.startsWith("/complaints?from="));
		JsonNode charts = charts(page);
		figures.putAll(points(charts.get("trend")));
		JsonNode api = json.readTree(Api.get(base(), "leader", "/api/v1/dashboard/leader"));
		figures.putAll(bases(charts.get("quality").get("series").get(0), api.get("complaintTrend"), "timed"));
		figures.putAll(bases(charts.get("quality").get("series").get(1), api.get("workOrderTrend"), "timed"));
		figures.putAll(points(charts.get("projects")));
		figures.putAll(bases(charts.get("quality").get("series").get(2), api.get("returnCallTrend"), "rated"));
		figures.putAll(rates(page, api));
		assertThat(figures.keySet()).as("the rate cards and the table's rates and return calls")
			.contains("/complaints?from=" + api.get("month").asString() + "-01&to=" + endOf(api) + "&progress=REPLIED",
					"/work-orders?reportedFrom=" + api.get("month").asString() + "-01&reportedTo=" + endOf(api) + "&progress=ACCEPTED",
					"/return-calls?dueFrom=" + api.get("month").asString() + "-01&dueTo=" + endOf(api) + "&progress=RATED")
			.anyMatch(l -> l.startsWith("/return-calls?projectId=") && l.endsWith("progress=MADE"));
		assertThat(figures.values()).anyMatch(n -> n > 0);
		assertEveryLinkChecked(page, figures.keySet(), Set.of());
		assertRows(b, figures);
	}

	static String endOf(JsonNode leader) {
		return java.time.YearMonth.parse(leader.get("month").asString()).atEndOfMonth().toString();
	}

	/** Each rate's link (cards by id, table cells by project) with the number of cases the rate is judged on. */
	static Map<String, Long> rates(String page, JsonNode api) {
		Map<String, Long> bases = new LinkedHashMap<>();
		Matcher m = RATE.matcher(page);
		while (m.find()) {
			String link = m.group(3).replace("&amp;", "&");
			JsonNode row = api.get("total");
			if (m.group(1).equals("rate")) {
				long project = Long.parseLong(link.replaceAll(".*projectId=(\\d+).*", "$1"));
				for (JsonNode r : api.get("projects")) {
					if (r.get("projectId").asLong() == project) {
						row = r;
					}
				}
			}
			else if (m.group(2) == null || !m.group(2).endsWith("-rate")) {
				continue;
			}
			JsonNode base = link.startsWith("/complaints") ? row.get("complaints").get("timed")
					: link.startsWith("/work-orders") ? row.get("workOrders").get("timed") : row.get("returnCalls").get("rated");
			bases.put(link, base.asLong());
		}
		return bases;
	}

	@Test
	void everyWorkbenchFigureOpensExactlyItsRows() throws Exception {
		Set<String> seen = new HashSet<>();
		for (String account : List.of("manager", "leader", "field", "office", "engineer", "contractor", "property")) {
			Browser b = Browser.signIn(base(), account);
			String page = b.get("/");
			Map<String, Long> items = new LinkedHashMap<>(linked(page, CARD));
			items.putAll(linked(page, LABELLED));
			items.keySet().stream().map(l -> l.replaceAll("handlerId=\\d+", "handlerId=")).forEach(seen::add);
			assertEveryLinkChecked(page, items.keySet(), Set.of());
			assertRows(b, items);
		}
		assertThat(seen).as("the workbench's items").contains("/return-calls?overdue=true", "/return-calls?mine=true",
				"/complaints?overdue=true", "/work-orders?overdue=true", "/work-orders?state=PENDING_DISPATCH",
				"/complaints?state=PENDING_INSTRUCTION", "/units?status=SOLD", "/owners", "/units", "/projects");
	}

	@Test
	void everyFigureOfTheComplaintStatisticsOpensExactlyItsRows() throws Exception {
		Browser b = Browser.signIn(base(), "manager");
		String page = b.get("/complaints/statistics");
		Map<String, Long> figures = new LinkedHashMap<>(linked(page, CARD));
		assertThat(figures.keySet()).as("total, open, overdue, closed").hasSize(4).anyMatch(l -> l.endsWith("progress=CLOSED"));
		JsonNode charts = charts(page);
		for (String chart : List.of("byCategory", "byChannel", "byProject", "byHandler", "byState", "byMonth")) {
			assertThat(charts.get(chart)).as(chart).isNotEmpty();
			for (JsonNode bar : charts.get(chart)) {
				figures.put(bar.get("link").asString(), bar.get("count").asLong());
			}
		}
		assertEveryLinkChecked(page, figures.keySet(), Set.of());
		assertRows(b, figures);
	}

	// ---------------------------------------------------------------- helpers

	/** Each link with the number it shows. */
	static Map<String, Long> linked(String html, Pattern pattern) {
		Map<String, Long> figures = new LinkedHashMap<>();
		Matcher m = pattern.matcher(html);
		while (m.find()) {
			String link = m.group(1).replace("&amp;", "&");
			if (isList(link)) {
				figures.put(link, Long.parseLong(m.group(2)));
			}
		}
		return figures;
	}

	/** The links of every chart's points and bars. */
	static void chartLinks(JsonNode node, Set<String> links) {
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				JsonNode v = node.get(name);
				if (name.equals("link") && v.isString()) {
					links.add(v.asString());
				}
				else if (name.equals("links") && v.isArray()) {
					v.forEach(l -> links.add(l.asString()));
				}
				else {
					chartLinks(v, links);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach(n -> chartLinks(n, links));
		}
	}

	static boolean isList(String link) {
		return link.startsWith("/complaints") || link.startsWith("/work-orders")
				|| (link.startsWith("/return-calls") && !link.startsWith("/return-calls/statistics"))
				|| link.startsWith("/attendance/notes") || link.startsWith("/tasks") || link.startsWith("/handover/batches/")
				|| link.startsWith("/units") || link.startsWith("/owners") || link.startsWith("/projects");
	}

	/**
	 * Every link of the page's main part and of its charts is a figure checked here, or a way to another page (the other
	 * dashboard, a project's dashboard, the filter's own form): a figure added without a check fails.
	 */
	static void assertEveryLinkChecked(String page, Set<String> figures, Set<String> points) {
		Set<String> links = new java.util.TreeSet<>();
		String main = page.substring(page.indexOf("<main"), page.indexOf("</main>"));
		Matcher m = HREF.matcher(main);
		while (m.find()) {
			links.add(m.group(1).replace("&amp;", "&"));
		}
		Matcher data = CHART_DATA.matcher(page);
		if (data.find()) {
			chartLinks(JsonMapper.builder().build().readTree(data.group(1)), links);
		}
		links.removeIf(l -> figures.contains(l) || points.contains(l) || l.startsWith("/webjars/") || l.startsWith("/js/")
				|| l.startsWith("/css/") || l.equals("/dashboard") || l.equals("/dashboard/leader")
				|| l.matches("/dashboard\\?projectId=\\d+") || l.equals("/return-calls/statistics") || l.equals("/tasks") || l.equals("/complaints"));
		assertThat(links).as("links of figures that no check counts").isEmpty();
	}

	JsonNode charts(String page) {
		Matcher m = CHART_DATA.matcher(page);
		assertThat(m.find()).as("chart data").isTrue();
		return json.readTree(m.group(1));
	}

	/** Every point of a count chart with its link. */
	static Map<String, Long> points(JsonNode chart) {
		Map<String, Long> points = new LinkedHashMap<>();
		for (JsonNode s : chart.get("series")) {
			for (int i = 0; i < s.get("values").size(); i++) {
				String link = s.get("links").get(i).asString();
				long value = s.get("values").get(i).asLong();
				assertThat(points.getOrDefault(link, value)).as("two figures with one link " + link).isEqualTo(value);
				points.put(link, value);
			}
		}
		return points;
	}

	/** A rate series' links with the base of each month, from the dashboard's figures. */
	static Map<String, Long> bases(JsonNode series, JsonNode months, String base) {
		Map<String, Long> points = new LinkedHashMap<>();
		for (int i = 0; i < series.get("links").size(); i++) {
			String link = series.get("links").get(i).asString();
			String first = link.replaceAll(".*(?:from|reportedFrom|dueFrom)=(\\d{4}-\\d{2}-01).*", "$1");
			long n = 0;
			for (JsonNode m : months) {
				if (m.get("month").asString().equals(first)) {
					n = m.get(base).asLong();
				}
			}
			points.put(link, n);
		}
		return points;
	}

	void assertRows(Browser b, Map<String, Long> figures) throws Exception {
		for (Map.Entry<String, Long> f : figures.entrySet()) {
			assertThat(rows(b, f.getKey())).as("rows of " + f.getKey()).isEqualTo(f.getValue());
		}
	}

	static final Set<String> SIZED = Set.of("/complaints", "/work-orders", "/units", "/owners");

	/** The rows of a list over all its pages (each row links to its case once or more). */
	static long rows(Browser b, String link) throws Exception {
		String path = link.substring(0, link.indexOf('?') < 0 ? link.length() : link.indexOf('?'));
		// a batch's units link to the unit's handover; notes and tasks to where their form posts
		String rowPath = path.startsWith("/handover/batches/") ? "/handover/units" : path;
		Pattern row = Pattern.compile("(?:href|action)=\"" + Pattern.quote(rowPath) + "/(\\d+)\"");
		String sized = path.equals("/return-calls") || !SIZED.contains(path) ? link : link + (link.contains("?") ? "&" : "?") + "size=200";
		Set<String> ids = new HashSet<>();
		for (int page = 0; page < 100; page++) {
			String html = b.get(sized + (sized.contains("?") ? "&" : "?") + "page=" + page);
			int body = html.indexOf("<tbody");
			if (body < 0) {
				break;
			}
			int before = ids.size();
			for (; body >= 0; body = html.indexOf("<tbody", body + 1)) {
				Matcher m = row.matcher(html.substring(body, html.indexOf("</tbody>", body)));
				while (m.find()) {
					ids.add(m.group(1));
				}
			}
			if (ids.size() == before) {
				break;
			}
		}
		return ids.size();
	}

	String base() {
		return "http://localhost:" + port;
	}

	/** Form login with CSRF, cookies kept. */
	static final class Browser {

		final String base;

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

		String csrf;

		Browser(String base) {
			this.base = base;
		}

		static Browser signIn(String base, String username) throws Exception {
			Browser b = new Browser(base);
			b.get("/login");
			String body = Map.of("username", username, "password", Fixtures.PASSWORD, "_csrf", b.csrf).entrySet().stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			HttpResponse<String> login = b.http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).as("login of " + username).isEqualTo(302);
			assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
			return b;
		}

		String get(String path) throws Exception {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
				.timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
			assertThat(r.statusCode()).as(path).isEqualTo(200);
			Matcher m = CSRF.matcher(r.body());
			if (m.find()) {
				csrf = m.group(1) != null ? m.group(1) : m.group(2);
			}
			return r.body();
		}

	}

	static final class Api {

		static String get(String base, String username, String path) throws Exception {
			String auth = java.util.Base64.getEncoder()
				.encodeToString((username + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization", "Basic " + auth).header("Accept", "application/json").GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(r.statusCode()).as(path).isEqualTo(200);
			return r.body();
		}

	}

}
