package io.estatedesk;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API acknowledged survives a crash: the application runs in a child JVM on its own data directory, creates
 * complaints through the API from several clients, and is killed with SIGKILL in the middle of it (its PostgreSQL
 * server is left running, as after {@code kill -9} of {@code mvn spring-boot:run}). Started again on the same data
 * directory, it stops the orphaned server, comes back healthy, and every complaint answered 201 is there, once, with
 * its case number.
 */
class CrashRecoveryTests {

	private static final String PASSWORD = "Crash-Test-Pass1";

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void everyAcknowledgedComplaintSurvivesKillMinusNineOfTheApplication() throws Exception {
		Path dir = Files.createTempDirectory(Path.of("target"), "crash-db").toAbsolutePath();
		int port = freePort();
		Process app = start(dir, port);
		List<String> acknowledged;
		long orphanPid;
		try {
			awaitHealthy(port, app);
			long project = idOf(post(port, "/api/v1/projects", "{\"name\":\"崩溃测试项目\",\"developerName\":\"金第房地产开发公司\"}"));
			String categories = get(port, "/api/v1/complaints/categories");
			Matcher m = ID.matcher(categories);
			assertThat(m.find()).as(categories).isTrue();
			long category = Long.parseLong(m.group(1));
			acknowledged = createUntil(port, project, category, () -> {
				app.destroyForcibly(); // SIGKILL: no shutdown hook, no clean stop of the database
				app.waitFor(30, TimeUnit.SECONDS);
			});
			orphanPid = EmbeddedServerPid.of(dir.resolve("pg"));
			assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("the orphaned server").contains(true);
		}
		finally {
			app.destroyForcibly();
		}
		assertThat(acknowledged).hasSizeGreaterThan(20);

		Instant restart = Instant.now();
		Process again = start(dir, port);
		try {
			awaitHealthy(port, again);
			Duration took = Duration.between(restart, Instant.now());
			// 20–35 s on an idle two-core machine; the bound leaves room for a loaded one
			assertThat(took).as("healthy again after the crash").isLessThan(Duration.ofSeconds(180));
			assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).as("orphan stopped").isFalse();
			int pgPort = Integer.parseInt(Files.readAllLines(dir.resolve("pg/postmaster.pid")).get(3).strip());
			Set<String> rows = new TreeSet<>();
			long distinctCodes;
			try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/estatedesk", "postgres", "");
					ResultSet rs = c.createStatement().executeQuery("select id, code from complaint")) {
				while (rs.next()) {
					rows.add(rs.getLong(1) + " " + rs.getString(2));
				}
			}
			try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/estatedesk", "postgres", "");
					ResultSet rs = c.createStatement().executeQuery("select count(distinct code) from complaint")) {
				rs.next();
				distinctCodes = rs.getLong(1);
			}
			assertThat(rows).containsAll(acknowledged);
			assertThat(distinctCodes).isEqualTo(rows.size());
			// a new complaint gets a number no acknowledged one had
			String created = post(port, "/api/v1/complaints", intake(1, 1, 0).replace("\"projectId\":1", "\"projectId\":" + projectOf(pgPort))
				.replace("\"categoryId\":1", "\"categoryId\":" + categoryOf(pgPort)));
			String code = codeOf(created);
			assertThat(acknowledged.stream().map(a -> a.substring(a.indexOf(' ') + 1))).doesNotContain(code);
			System.out.printf("crash recovery: %d complaints acknowledged before SIGKILL, %d rows after restart, healthy in %d ms%n",
					acknowledged.size(), rows.size(), took.toMillis());
		}
		finally {
			again.destroy();
			if (!again.waitFor(60, TimeUnit.SECONDS)) {
				again.destroyForcibly();
			}
		}
	}

	/** Four clients create complaints; after 40 acknowledgements the crash happens while they go on. */
	private List<String> createUntil(int port, long project, long category, Crash crash) throws Exception {
		ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
		AtomicBoolean stop = new AtomicBoolean();
		ExecutorService clients = Executors.newFixedThreadPool(4);
		for (int c = 0; c < 4; c++) {
			int client = c;
			clients.submit(() -> {
				for (int i = 0; !stop.get(); i++) {
					try {
						HttpResponse<String> r = send(port, "POST", "/api/v1/complaints", intake(project, category, client * 100000 + i));
						if (r.statusCode() == 201) {
							acked.add(idOf(r.body()) + " " + codeOf(r.body()));
						}
					}
					catch (IOException e) {
						return null; // the server is gone
					}
				}
				return null;
			});
		}
		long deadline = System.currentTimeMillis() + 120_000;
		while (acked.size() < 40 && System.currentTimeMillis() < deadline) {
			Thread.sleep(20);
		}
		crash.happen();
		stop.set(true);
		clients.shutdown();
		clients.awaitTermination(30, TimeUnit.SECONDS);
		return new ArrayList<>(acked);
	}

	private interface Crash {

		void happen() throws Exception;

	}

	@Test
	void aDatabaseServerKilledUnderLoadLosesNothingAcknowledgedAndComesBackByItself() throws Exception {
		Path dir = Files.createTempDirectory(Path.of("target"), "crash-db").toAbsolutePath();
		int port = freePort();
		Process app = start(dir, port);
		try {
			awaitHealthy(port, app);
			long project = idOf(post(port, "/api/v1/projects", "{\"name\":\"数据库崩溃测试项目\",\"developerName\":\"金第房地产开发公司\"}"));
			Matcher m = ID.matcher(get(port, "/api/v1/complaints/categories"));
			assertThat(m.find()).isTrue();
			long category = Long.parseLong(m.group(1));
			Path pidFile = dir.resolve("pg/postmaster.pid");
			long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
			boolean[] down = { false };
			List<String> acknowledged = createUntil(port, project, category, () -> {
				// the server crashes: SIGKILL to the postmaster and every backend (killed alone, the postmaster would
				// leave its backends serving the open connections)
				ProcessHandle pm = ProcessHandle.of(postmaster).orElseThrow();
				List<ProcessHandle> all = new ArrayList<>(pm.descendants().toList());
				all.add(0, pm);
				for (ProcessHandle p : all) {
					p.destroyForcibly();
				}
				// the watchdog may have it running again before a health check sees it gone; DatabaseLifecycleTests
				// proves DOWN while a database stays away
				long until = System.currentTimeMillis() + 10_000;
				while (!down[0] && System.currentTimeMillis() < until) {
					down[0] = health(port) == 503;
				}
			});
			Instant killed = Instant.now();
			awaitHealthy(port, app);
			Duration took = Duration.between(killed, Instant.now());
			assertThat(took).as("healthy again by itself").isLessThan(Duration.ofSeconds(120));
			assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);
			int pgPort = Integer.parseInt(Files.readAllLines(pidFile).get(3).strip());
			Set<String> rows = new TreeSet<>();
			try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/estatedesk", "postgres", "");
					ResultSet rs = c.createStatement().executeQuery("select id, code from complaint")) {
				while (rs.next()) {
					rows.add(rs.getLong(1) + " " + rs.getString(2));
				}
			}
			assertThat(rows).containsAll(acknowledged);
			// the application goes on: a new complaint is acknowledged and gets a number no earlier one had
			String code = codeOf(post(port, "/api/v1/complaints", intake(project, category, 999_999)));
			assertThat(rows.stream().map(r -> r.substring(r.indexOf(' ') + 1))).doesNotContain(code);
			System.out.printf("database crash: %d complaints acknowledged, %d rows after the server's restart, healthy again in %d ms"
					+ " (DOWN seen: %s)%n", acknowledged.size(), rows.size(), took.toMillis(), down[0]);
		}
		finally {
			app.destroy();
			if (!app.waitFor(60, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
	}

	private int health(int port) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
				.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
		}
		catch (IOException e) {
			return -1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static String intake(long project, long category, int n) {
		return """
				{"projectId":%d,"complainant":"崩溃测试业主%d","complainedAt":"2026-11-30T10:00:00","channel":"PHONE",
				 "categoryId":%d,"severity":"GENERAL","content":"第%d次来电：楼道灯不亮"}""".formatted(project, n, category, n);
	}

	private static long projectOf(int pgPort) throws Exception {
		return single(pgPort, "select min(id) from project");
	}

	private static long categoryOf(int pgPort) throws Exception {
		return single(pgPort, "select min(id) from complaint_category");
	}

	private static long single(int pgPort, String sql) throws Exception {
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/estatedesk", "postgres", "");
				ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private Process start(Path dir, int port) throws IOException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				EstateDeskApplication.class.getName());
		pb.environment().put("ESTATEDESK_DATA_DIR", dir.resolve("pg").toString());
		pb.environment().put("SERVER_PORT", Integer.toString(port));
		pb.environment().put("ESTATEDESK_ADMIN_PASSWORD", PASSWORD);
		pb.environment().put("ESTATEDESK_DEMO", "false");
		pb.redirectErrorStream(true);
		pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("app.log").toFile()));
		return pb.start();
	}

	private void awaitHealthy(int port, Process app) throws Exception {
		// generous: on a shared machine under load a first start (migrations included) can take minutes
		long deadline = System.currentTimeMillis() + 300_000;
		while (System.currentTimeMillis() < deadline) {
			assertThat(app.isAlive()).as("the application is running").isTrue();
			try {
				HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
					.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200 && r.body().strip().endsWith("\"status\":\"UP\"}")) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("not healthy within 300 s");
	}

	private HttpResponse<String> send(int port, String method, String path, String body) throws IOException, InterruptedException {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json");
		if (body != null) {
			b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String post(int port, String path, String body) throws Exception {
		HttpResponse<String> r = send(port, "POST", path, body);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return r.body();
	}

	private String get(int port, String path) throws Exception {
		HttpResponse<String> r = send(port, "GET", path, null);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return r.body();
	}

	private static long idOf(String json) {
		Matcher m = ID.matcher(json);
		assertThat(m.find()).as(json).isTrue();
		return Long.parseLong(m.group(1));
	}

	private static String codeOf(String json) {
		Matcher m = CODE.matcher(json);
		assertThat(m.find()).as(json).isTrue();
		return m.group(1);
	}

	/**
	 * A free port for the application below the kernel's ephemeral range (32768 and up on Linux): a port the system
	 * handed out and took back could be handed out again before the child binds it — once to the embedded database
	 * the child starts itself, which failed the start with "port already in use".
	 */
	private static int freePort() throws IOException {
		java.util.Random random = new java.util.Random();
		for (int attempt = 0; attempt < 200; attempt++) {
			int candidate = 20000 + random.nextInt(10000);
			try (ServerSocket s = new ServerSocket(candidate)) {
				return s.getLocalPort();
			}
			catch (IOException taken) {
				// in use: try another
			}
		}
		throw new IOException("no free port between 20000 and 29999");
	}

	/** The postmaster's pid as its data directory records it. */
	private static final class EmbeddedServerPid {

		static long of(Path dataDir) throws IOException {
			return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
		}

	}

}
