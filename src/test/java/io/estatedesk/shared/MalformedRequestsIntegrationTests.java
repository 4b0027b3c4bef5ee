package io.estatedesk.shared;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests over real HTTP, generated from every path of the OpenAPI document (a NUL byte in every text
 * parameter, letters and fractions where numbers belong, unknown enum values, page sizes out of range, bad JSON,
 * wrong content types) plus the cases found when the system was probed (huge URL, huge upload, impossible dates): no
 * answer is a 500; the API always answers a problem detail in Chinese without Java type names; pages show the site's
 * own error page or the form with the message next to the field.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestsIntegrationTests {

	static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

	/** What must never reach a user: Java type names, framework wording, server software. */
	static final List<String> LEAKS = List.of("java.", "io.estatedesk", "Exception", "required type", "tools.jackson",
			"org.springframework", "Tomcat", "Apache", "Whitelabel", "Failed to", "Cannot deserialize", "JSON parse error",
			"Content-Type", "not supported", "Unexpected character", "at [Source");

	static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	String user;

	Browser browser;

	JsonNode apiDocs;

	long projectId;

	@BeforeAll
	void prepare() throws Exception {
		user = fixtures.staffWithRole("ADMIN");
		projectId = fixtures.project(Fixtures.unique("错误测试项目"));
		browser = Browser.signIn(base(), user, Fixtures.PASSWORD);
		Answer docs = browser.get("/v3/api-docs", "application/json");
		assertThat(docs.status()).as("the OpenAPI document").isEqualTo(200);
		apiDocs = JSON.readTree(docs.text());
	}

	String base() {
		return "http://localhost:" + port;
	}

	// ---------------------------------------------------------------- the API, generated from its document

	/** One malformed request and what it must be answered with. */
	record Probe(String name, Supplier<Answer> send, int[] statuses, String mustMention) {
	}

	static int[] statuses(int... s) {
		return s;
	}

	@Test
	void everyMalformedApiRequestGetsAChineseProblemDetailAndNoneIsAServerError() {
		List<Probe> probes = new ArrayList<>();
		probes.addAll(generatedFromApiDocs());
		probes.addAll(foundWhenProbed());
		List<String> findings = new ArrayList<>();
		int serverErrors = 0;
		for (Probe p : probes) {
			Answer a;
			try {
				a = p.send().get();
			}
			catch (RuntimeException e) {
				findings.add(p.name() + ": no answer (" + e.getMessage() + ")");
				continue;
			}
			if (a.status() >= 500) {
				serverErrors++;
			}
			String problem = problemFinding(a, p.statuses(), p.mustMention());
			if (problem != null) {
				findings.add(p.name() + ": " + problem);
			}
		}
		// an address over the limit is refused by Tomcat before its path can be read, so it cannot be told from a
		// page: a short Chinese answer, whichever form
		Answer huge = api("GET", "/api/v1/units?q=" + "a".repeat(27_000), null, null);
		if (!List.of(400, 414, 431).contains(huge.status()) || !CJK.matcher(huge.text()).find() || huge.text().length() > 2000
				|| LEAKS.stream().anyMatch(huge.text()::contains)) {
			findings.add("a 27 KB address: " + huge.status() + " " + shorten(huge.text()));
		}
		if (huge.status() >= 500) {
			serverErrors++;
		}
		System.out.printf("Malformed API requests tried: %d, answered 5xx: %d, findings: %d%n", probes.size() + 1,
				serverErrors, findings.size());
		assertThat(probes).hasSizeGreaterThan(100);
		assertThat(findings).isEmpty();
		assertThat(serverErrors).isZero();
	}

	static String problemFinding(Answer a, int[] expected, String mustMention) {
		boolean statusOk = false;
		for (int s : expected) {
			statusOk |= a.status() == s;
		}
		if (!statusOk) {
			return "status " + a.status() + " " + shorten(a.text());
		}
		if (!a.contentType().startsWith("application/problem+json")) {
			return "content type '" + a.contentType() + "' " + shorten(a.text());
		}
		JsonNode body;
		try {
			body = JSON.readTree(a.text());
		}
		catch (RuntimeException e) {
			return "not JSON: " + shorten(a.text());
		}
		String detail = body.path("detail").asString("");
		String title = body.path("title").asString("");
		if (!CJK.matcher(detail).find() || !CJK.matcher(title).find()) {
			return "title/detail not Chinese: " + shorten(a.text());
		}
		if (body.path("status").asInt() != a.status()) {
			return "status in body " + body.path("status") + " differs from " + a.status();
		}
		for (String leak : LEAKS) {
			if (a.text().contains(leak)) {
				return "shows '" + leak + "': " + shorten(a.text());
			}
		}
		if (mustMention != null && !detail.contains(mustMention)) {
			return "detail does not mention '" + mustMention + "': " + shorten(detail);
		}
		return null;
	}

	static String shorten(String s) {
		return s.length() > 300 ? s.substring(0, 300) + "…" : s;
	}

	List<Probe> generatedFromApiDocs() {
		List<Probe> probes = new ArrayList<>();
		JsonNode paths = apiDocs.path("paths");
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
				String method = op.getKey().toUpperCase();
				List<JsonNode> params = new ArrayList<>();
				op.getValue().path("parameters").forEach(params::add);
				String template = path.getKey();
				// a NUL byte, a letter for a number, a fraction for an id, an unknown enum value: in each parameter
				for (JsonNode param : params) {
					String name = param.path("name").asString();
					String in = param.path("in").asString();
					JsonNode schema = param.path("schema");
					String type = schema.path("type").asString("");
					if (!in.equals("query") && !in.equals("path")) {
						continue;
					}
					List<String[]> bad = new ArrayList<>();
					if (schema.has("enum")) {
						bad.add(new String[] { "NO_SUCH_VALUE", "unknown value" });
					}
					else if (type.equals("string") && schema.path("format").isMissingNode()) {
						bad.add(new String[] { "a\u0000b", "NUL byte" });
						bad.add(new String[] { "a\u0007b", "control character" });
					}
					else if (type.equals("integer")) {
						bad.add(new String[] { "abc", "letters for a number" });
						bad.add(new String[] { "1.5", "a fraction for a whole number" });
						bad.add(new String[] { "99999999999999999999", "a number too large" });
					}
					else if (type.equals("string") && schema.path("format").asString("").startsWith("date")) {
						bad.add(new String[] { "31.12.2026", "a date in another format" });
					}
					else if (type.equals("boolean")) {
						bad.add(new String[] { "maybe", "not a yes/no" });
					}
					for (String[] b : bad) {
						String uri = fill(template, params, name, b[0]);
						// Tomcat itself refuses a NUL byte in the path, before it is known which parameter it is
						boolean refusedByServer = in.equals("path") && b[0].contains("\u0000");
						probes.add(new Probe(method + " " + template + " " + name + " = " + b[1],
								() -> api(method, uri, "application/json", method.equals("GET") ? null : "{}"),
								statuses(400), refusedByServer ? null : name));
					}
				}
				String uri = fill(template, params, null, null);
				if (method.equals("GET")) {
					// a representation the API does not offer: 406, still as JSON
					probes.add(new Probe(method + " " + template + " Accept: application/xml",
							() -> send(method, uri, null, null, "application/xml"),
							// an item that does not exist may be answered 404 before its representation is chosen
							template.contains("{") ? statuses(406, 404) : statuses(406), null));
				}
				boolean bodyJson = op.getValue().path("requestBody").path("content").has("application/json");
				// an upload takes form data: another body is refused as one without the file
				boolean upload = op.getValue().path("requestBody").toString().contains("\"binary\"");
				int[] wrongType = upload ? statuses(415, 400) : statuses(415);
				if (bodyJson) {
					probes.add(new Probe(method + " " + template + " malformed JSON",
							() -> api(method, uri, "application/json", "{\"name\": "), statuses(400), null));
					probes.add(new Probe(method + " " + template + " form-encoded body",
							() -> api(method, uri, "application/x-www-form-urlencoded", "name=a&projectId=1"), wrongType,
							null));
					probes.add(new Probe(method + " " + template + " XML body",
							() -> api(method, uri, "application/xml", "<a>1</a>"), wrongType, null));
					probes.add(new Probe(method + " " + template + " JSON array instead of object",
							() -> api(method, uri, "application/json", "[1,2]"), statuses(400), null));
					JsonNode schema = resolve(op.getValue().path("requestBody").path("content").path("application/json")
						.path("schema"));
					for (Map.Entry<String, JsonNode> prop : schema.path("properties").properties()) {
						JsonNode ps = resolve(prop.getValue());
						String field = prop.getKey();
						String type = ps.path("type").asString("");
						String format = ps.path("format").asString("");
						List<Object[]> bad = new ArrayList<>();
						if (ps.has("enum")) {
							bad.add(new Object[] { "NO_SUCH_VALUE", "unknown value" });
						}
						else if (type.equals("string") && format.isEmpty()) {
							bad.add(new Object[] { "a\u0000b", "NUL byte" });
						}
						else if (type.equals("integer")) {
							bad.add(new Object[] { 1.5, "a fraction for a whole number" });
							bad.add(new Object[] { "abc", "letters for a number" });
						}
						else if (format.equals("date") || format.equals("date-time")) {
							bad.add(new Object[] { format.equals("date") ? "0001-01-01" : "0001-01-01T10:00:00", "year 1" });
							bad.add(new Object[] { format.equals("date") ? "9999-12-31" : "9999-12-31T10:00:00", "year 9999" });
							bad.add(new Object[] { "gestern", "not a date" });
						}
						else if (type.equals("boolean")) {
							bad.add(new Object[] { "maybe", "not a yes/no" });
						}
						for (Object[] b : bad) {
							ObjectNode body = JSON.createObjectNode();
							if (b[0] instanceof Double d) {
								body.put(field, d);
							}
							else {
								body.put(field, (String) b[0]);
							}
							String text = body.toString();
							probes.add(new Probe(method + " " + template + " body " + field + " = " + b[1],
									() -> api(method, uri, "application/json", text), statuses(400), field));
						}
					}
				}
			}
		}
		// methods an address does not take
		for (String template : List.of("/api/v1/projects", "/api/v1/complaints", "/api/v1/units", "/api/v1/owners")) {
			probes.add(new Probe("DELETE " + template, () -> api("DELETE", template, null, null), statuses(405), null));
			probes.add(new Probe("PATCH " + template, () -> api("PATCH", template, "application/json", "{}"),
					statuses(405), null));
		}
		for (String template : List.of("/api/v1/no-such-thing", "/api/v1/complaints/1/no-such-thing", "/api/v2/complaints",
				"/api/v1/projects/999999999")) {
			probes.add(new Probe("GET " + template, () -> api("GET", template, null, null), statuses(404), null));
		}
		// page sizes and pages out of range, on every list that pages
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			JsonNode get = path.getValue().path("get");
			List<JsonNode> params = new ArrayList<>();
			get.path("parameters").forEach(params::add);
			if (params.stream().noneMatch(p -> p.path("name").asString().equals("size"))) {
				continue;
			}
			for (String size : List.of("0", "-1", "201", "100000")) {
				String uri = fill(path.getKey(), params, "size", size);
				probes.add(new Probe("GET " + path.getKey() + " size=" + size, () -> api("GET", uri, null, null),
						statuses(400), "200"));
			}
			String uri = fill(path.getKey(), params, "page", "-1");
			probes.add(new Probe("GET " + path.getKey() + " page=-1", () -> api("GET", uri, null, null), statuses(400),
					"page"));
		}
		return probes;
	}

	/** Each of the malformed requests the system answered badly when it was probed. */
	List<Probe> foundWhenProbed() {
		List<Probe> probes = new ArrayList<>();
		String complaint = """
				{"projectId": %d, "complaintDate": "%s", "complainant": "王先生", "complainedAt": "%s",
				 "channel": "PHONE", "categoryId": 1, "severity": "GENERAL", "content": "%s"}""";
		String today = BusinessClock.today().toString();
		String now = BusinessClock.localNowToMinute().toString();
		probes.add(new Probe("complaint content with a NUL byte",
				() -> api("POST", "/api/v1/complaints", "application/json",
						complaint.formatted(projectId, today, now, "漏水\\u0000严重")), statuses(400), "content"));
		probes.add(new Probe("complaint dated 9999-12-31",
				() -> api("POST", "/api/v1/complaints", "application/json",
						complaint.formatted(projectId, "9999-12-31", now, "漏水")), statuses(400), "complaintDate"));
		probes.add(new Probe("complaint dated tomorrow",
				() -> api("POST", "/api/v1/complaints", "application/json",
						complaint.formatted(projectId, BusinessClock.today().plusDays(1), now, "漏水")), statuses(400),
				"complaintDate"));
		probes.add(new Probe("complaint received 0001-01-01",
				() -> api("POST", "/api/v1/complaints", "application/json",
						complaint.formatted(projectId, today, "0001-01-01T10:00", "漏水")), statuses(400), "complainedAt"));
		probes.add(new Probe("complaint received 1999-12-31",
				() -> api("POST", "/api/v1/complaints", "application/json",
						complaint.formatted(projectId, today, "1999-12-31T10:00", "漏水")), statuses(400), "complainedAt"));
		probes.add(new Probe("complaint with an unknown channel, listing the channels in Chinese",
				() -> api("POST", "/api/v1/complaints", "application/json",
						complaint.formatted(projectId, today, now, "漏水").replace("\"PHONE\"", "\"FAX\"")), statuses(400),
				"来电"));
		probes.add(new Probe("complaint filter by an unknown state, listing the states in Chinese",
				() -> api("GET", "/api/v1/complaints?state=FOO", null, null), statuses(400), "待领导批示"));
		probes.add(new Probe("complaint search for a NUL byte",
				() -> api("GET", "/api/v1/complaints?q=%00", null, null), statuses(400), "q"));
		probes.add(new Probe("owner search by a name with a NUL byte",
				() -> api("GET", "/api/v1/owners?name=a%00", null, null), statuses(400), "name"));
		probes.add(new Probe("building without projectId",
				() -> api("POST", "/api/v1/buildings", "application/json", "{\"name\": \"1号楼\"}"), statuses(400),
				"projectId"));
		probes.add(new Probe("building with projectId 1.5",
				() -> api("POST", "/api/v1/buildings?projectId=1.5", "application/json", "{\"name\": \"1号楼\"}"),
				statuses(400), "projectId"));
		probes.add(new Probe("unit with buildingId 1.5 in the body",
				() -> api("POST", "/api/v1/units", "application/json",
						"{\"buildingId\": 1.5, \"roomNo\": \"101\", \"status\": \"UNSOLD\"}"), statuses(400), "buildingId"));
		probes.add(new Probe("project as a form-encoded body",
				() -> api("POST", "/api/v1/projects", "application/x-www-form-urlencoded", "name=x"), statuses(415), null));
		probes.add(new Probe("project as XML",
				() -> api("POST", "/api/v1/projects", "application/xml", "<project/>"), statuses(415), null));
		probes.add(new Probe("complaints asked for as XML",
				() -> send("GET", "/api/v1/complaints", null, null, "application/xml"), statuses(406), null));
		probes.add(new Probe("units with size=100000", () -> api("GET", "/api/v1/units?size=100000", null, null),
				statuses(400), "200"));
		probes.add(new Probe("units with size=-5", () -> api("GET", "/api/v1/units?size=-5", null, null), statuses(400),
				"200"));
		probes.add(new Probe("a 20 KB header", () -> {
			HttpRequest r = HttpRequest.newBuilder(URI.create(base() + "/api/v1/units"))
				.header("Authorization", basic())
				.header("Accept", "application/json")
				.header("X-Padding", "b".repeat(20_000))
				.GET()
				.build();
			return Answer.of(r);
		}, statuses(431, 400), null));
		probes.add(new Probe("a 200 MB upload", () -> rawUpload("/api/v1/imports", 200L * 1024 * 1024, true),
				statuses(413), null));
		probes.add(new Probe("anonymous", () -> {
			HttpRequest r = HttpRequest.newBuilder(URI.create(base() + "/api/v1/complaints"))
				.header("Accept", "application/json")
				.GET()
				.build();
			return Answer.of(r);
		}, statuses(401), null));
		return probes;
	}

	/** The operation's path with every parameter filled with a harmless value, and {@code name} with {@code value}. */
	String fill(String template, List<JsonNode> params, String name, String value) {
		String path = template;
		Map<String, String> query = new LinkedHashMap<>();
		for (JsonNode p : params) {
			String n = p.path("name").asString();
			String in = p.path("in").asString();
			String v = n.equals(name) ? value : harmless(p.path("schema"));
			if (in.equals("path")) {
				path = path.replace("{" + n + "}", encode(v));
			}
			else if (in.equals("query") && (n.equals(name) || p.path("required").asBoolean())) {
				query.put(n, v);
			}
		}
		if (name != null && !query.containsKey(name) && !template.contains("{" + name + "}")) {
			query.put(name, value);
		}
		String q = query.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
		return q.isEmpty() ? path : path + "?" + q;
	}

	String harmless(JsonNode schema) {
		if (schema.has("enum")) {
			return schema.path("enum").get(0).asString();
		}
		return switch (schema.path("type").asString("")) {
			case "integer" -> "1";
			case "boolean" -> "false";
			case "string" -> schema.path("format").asString("").equals("date") ? BusinessClock.today().toString()
					: schema.path("format").asString("").equals("date-time") ? BusinessClock.localNowToMinute().toString()
							: "a";
			default -> "1";
		};
	}

	JsonNode resolve(JsonNode schema) {
		if (schema.has("$ref")) {
			String ref = schema.path("$ref").asString();
			return apiDocs.at(ref.substring(1));
		}
		return schema;
	}

	static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}

	String basic() {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	Answer api(String method, String path, String contentType, String body) {
		// some operations answer a PDF or a workbook: any representation is accepted, JSON preferred
		return send(method, path, contentType, body, "application/json, application/problem+json;q=0.9, */*;q=0.1");
	}

	Answer send(String method, String path, String contentType, String body, String accept) {
		HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Authorization", basic())
			.timeout(Duration.ofSeconds(60))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (accept != null) {
			r.header("Accept", accept);
		}
		if (contentType != null) {
			r.header("Content-Type", contentType + (contentType.contains("json") ? "; charset=UTF-8" : ""));
		}
		return Answer.of(r.build());
	}

	/**
	 * A multipart upload of {@code bytes} zeros over a plain socket, so the answer is read even when the server stops
	 * reading the body early (as it should for a body over the limit).
	 */
	Answer rawUpload(String path, long bytes, boolean api) {
		String boundary = "----estatedesk-test";
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		long length = head.length() + bytes + tail.length();
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			StringBuilder request = new StringBuilder();
			request.append("POST ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
			if (api) {
				request.append("Authorization: ").append(basic()).append("\r\nAccept: application/json\r\n");
			}
			else {
				request.append("Cookie: ").append(browser.cookieHeader()).append("\r\nAccept: text/html\r\n");
				request.append("X-CSRF-TOKEN: ").append(browser.csrf).append("\r\n");
			}
			request.append("Content-Type: multipart/form-data; boundary=").append(boundary).append("\r\n");
			request.append("Content-Length: ").append(length).append("\r\nConnection: close\r\n\r\n");
			var out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.write(head.getBytes(StandardCharsets.UTF_8));
			byte[] chunk = new byte[64 * 1024];
			long sent = 0;
			try {
				while (sent < bytes) {
					int n = (int) Math.min(chunk.length, bytes - sent);
					out.write(chunk, 0, n);
					sent += n;
				}
				out.write(tail.getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
			catch (IOException stoppedReading) {
				// the server answered and closed before the whole body was sent; the answer is still to be read
			}
			return Answer.parse(socket.getInputStream());
		}
		catch (IOException e) {
			throw new IllegalStateException("upload of " + bytes + " bytes to " + path + ": " + e, e);
		}
	}

	// ---------------------------------------------------------------- pages

	@Test
	void pagesAnswerMalformedAddressesWithTheSitesChineseErrorPage() throws Exception {
		Map<String, Integer> cases = new LinkedHashMap<>();
		cases.put("/no-such-page", 404);
		cases.put("/complaints?state=FOO", 400);
		cases.put("/complaints?size=100000", 400);
		cases.put("/complaints?size=-1", 400);
		cases.put("/complaints?page=-1", 400);
		cases.put("/owners?size=201", 400);
		cases.put("/complaints/abc", 400);
		cases.put("/complaints/1.5", 400);
		cases.put("/work-orders?state=NOPE", 400);
		cases.put("/complaints?q=%00", 400);
		cases.put("/owners?name=%00", 400);
		cases.put("/calls?q=a%00b", 400);
		cases.put("/complaints?from=31.12.2026", 400);
		List<String> findings = new ArrayList<>();
		for (Map.Entry<String, Integer> c : cases.entrySet()) {
			Answer a = browser.get(c.getKey());
			String f = pageFinding(a, c.getValue());
			if (f != null) {
				findings.add(c.getKey() + ": " + f);
			}
		}
		Answer huge = browser.get("/complaints?q=" + "a".repeat(27_000));
		if (huge.status() >= 500 || huge.status() < 400 || !CJK.matcher(huge.text()).find() || huge.text().length() > 4000
				|| LEAKS.stream().anyMatch(huge.text()::contains)) {
			findings.add("27 KB address: " + huge.status() + " " + shorten(huge.text()));
		}
		Answer upload = rawUpload("/complaints/1/attachments", 200L * 1024 * 1024, false);
		String f = pageFinding(upload, 413);
		if (f != null) {
			findings.add("200 MB upload: " + f);
		}
		assertThat(findings).isEmpty();
	}

	static String pageFinding(Answer a, int status) {
		if (a.status() != status) {
			return "status " + a.status() + " " + shorten(a.text());
		}
		if (!a.contentType().startsWith("text/html")) {
			return "content type " + a.contentType();
		}
		if (!a.text().contains("id=\"error-page\"") || !CJK.matcher(a.text()).find()) {
			return "not the site's error page: " + shorten(a.text());
		}
		for (String leak : LEAKS) {
			if (a.text().contains(leak)) {
				return "shows '" + leak + "'";
			}
		}
		return null;
	}

	@Test
	void aFormWithAControlCharacterOrAnImpossibleDateShowsTheMessageNextToTheField() throws Exception {
		Answer form = browser.get("/complaints/new");
		assertThat(form.status()).isEqualTo(200);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("projectId", String.valueOf(projectId));
		fields.put("complaintDate", BusinessClock.today().toString());
		fields.put("complainant", "王\u0000先生");
		fields.put("complainedAt", BusinessClock.localNowToMinute().toString());
		fields.put("channel", "PHONE");
		fields.put("severity", "GENERAL");
		fields.put("content", "漏水\r\n\t严重");
		Answer nul = browser.post("/complaints/new", fields);
		assertThat(nul.status()).isEqualTo(200);
		assertThat(fieldError(nul.text(), "complainant")).contains("控制字符");
		assertThat(fieldError(nul.text(), "content")).as("tab and line breaks are text").isNull();

		fields.put("complainant", "王先生");
		fields.put("complaintDate", "9999-12-31");
		Answer future = browser.post("/complaints/new", fields);
		assertThat(future.status()).isEqualTo(200);
		assertThat(fieldError(future.text(), "complaintDate")).contains("2000-01-01");

		fields.put("complaintDate", BusinessClock.today().toString());
		fields.put("complainedAt", "0001-01-01T10:00");
		Answer ancient = browser.post("/complaints/new", fields);
		assertThat(ancient.status()).isEqualTo(200);
		assertThat(fieldError(ancient.text(), "complainedAt")).contains("2000-01-01");
	}

	/** The text of the message shown for a field ({@code th:errors} renders it as the field's field-error). */
	static String fieldError(String html, String field) {
		Matcher m = Pattern.compile("name=\"" + field + "\"[^>]*>(?:(?!name=\").)*?class=\"field-error[^\"]*\"[^>]*>([^<]+)<",
				Pattern.DOTALL).matcher(html);
		return m.find() ? m.group(1).strip() : null;
	}

	// ---------------------------------------------------------------- HTTP plumbing

	record Answer(int status, String contentType, String text) {

		static Answer of(HttpRequest request) {
			try {
				HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
			}
			catch (IOException e) {
				throw new IllegalStateException(e.toString(), e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}

		/** An HTTP/1.1 answer read from a socket (status line, headers, then the body as sent). */
		static Answer parse(InputStream in) throws IOException {
			String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int end = raw.indexOf("\r\n\r\n");
			if (end < 0) {
				throw new IOException("no answer: " + shorten(raw));
			}
			String[] lines = raw.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			String type = "";
			boolean chunked = false;
			for (String line : lines) {
				String lower = line.toLowerCase();
				if (lower.startsWith("content-type:")) {
					type = line.substring(13).strip();
				}
				chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
			}
			String body = raw.substring(end + 4);
			if (chunked) {
				StringBuilder b = new StringBuilder();
				Iterator<String> parts = List.of(body.split("\r\n")).iterator();
				while (parts.hasNext()) {
					int size = Integer.parseInt(parts.next().strip(), 16);
					if (size == 0 || !parts.hasNext()) {
						break;
					}
					b.append(parts.next());
				}
				body = b.toString();
			}
			return new Answer(status, type, body);
		}

	}

	/** A signed-in browser: session cookie and CSRF token from the pages, redirects not followed. */
	static final class Browser {

		static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"|<meta name=\"_csrf\" content=\"([^\"]+)\"");

		final String base;

		final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		final HttpClient http;

		String csrf;

		Browser(String base) {
			this.base = base;
			this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
		}

		static Browser signIn(String base, String username, String password) throws Exception {
			Browser b = new Browser(base);
			b.get("/login");
			Answer signedIn = b.post("/login", Map.of("username", username, "password", password));
			assertThat(signedIn.status()).as("sign-in").isEqualTo(302);
			b.get("/");
			return b;
		}

		String cookieHeader() {
			return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
				.collect(Collectors.joining("; "));
		}

		Answer get(String path) throws Exception {
			return get(path, "text/html");
		}

		Answer get(String path, String accept) throws Exception {
			HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build();
			return remember(send(r));
		}

		Answer post(String path, Map<String, String> form) throws Exception {
			Map<String, String> fields = new LinkedHashMap<>(form);
			if (csrf != null) {
				fields.putIfAbsent("_csrf", csrf);
			}
			String body = fields.entrySet().stream()
				.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
				.collect(Collectors.joining("&"));
			HttpRequest r = HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			return remember(send(r));
		}

		private Answer send(HttpRequest r) throws Exception {
			HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""), res.body());
		}

		private Answer remember(Answer a) {
			Matcher m = CSRF.matcher(a.text());
			if (m.find()) {
				csrf = m.group(1) != null ? m.group(1) : m.group(2);
			}
			return a;
		}

	}

}
