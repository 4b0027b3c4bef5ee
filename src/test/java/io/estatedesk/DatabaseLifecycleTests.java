package io.estatedesk;

import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application keeps its data across restarts in the embedded database's directory, and runs on an external
 * PostgreSQL when spring.datasource.url is given (here a separately started server stands in for it).
 */
class DatabaseLifecycleTests {

	private static ConfigurableApplicationContext start(String... properties) {
		// command-line arguments outrank application.properties
		String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("server.port=0"), java.util.Arrays.stream(properties))
			.map(p -> "--" + p)
			.toArray(String[]::new);
		return new SpringApplicationBuilder(EstateDeskApplication.class).run(args);
	}

	@Test
	void restartKeepsAllData() throws Exception {
		Path dir = Files.createTempDirectory(Path.of("target"), "restart-db");
		String dataDir = "estatedesk.database.data-dir=" + dir.resolve("pg");
		try (ConfigurableApplicationContext first = start(dataDir, "estatedesk.admin-password=first-Pass1")) {
			first.getBean(JdbcTemplate.class)
				.update("insert into project (name, developer_name) values ('重启前的项目', '金第房地产开发公司')");
		}
		try (ConfigurableApplicationContext second = start(dataDir, "estatedesk.admin-password=other-Pass2")) {
			JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select count(*) from project where name = '重启前的项目'", Long.class)).isEqualTo(1);
			// the administrator is created only on an empty database
			assertThat(jdbc.queryForObject("select count(*) from staff_account where username = 'admin'", Long.class)).isEqualTo(1);
		}
	}

	@Test
	void healthIsDownWhileTheDatabaseIsAwayAndUpAgainWhenItIsBack() throws Exception {
		Path data = Files.createTempDirectory(Path.of("target"), "away-db").resolve("pg");
		EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
		int pgPort = external.getPort();
		String url = external.getJdbcUrl("postgres", "postgres");
		try (ConfigurableApplicationContext app = start("spring.datasource.url=" + url, "spring.datasource.username=postgres",
				"spring.datasource.password=", "spring.datasource.hikari.connection-timeout=3000",
				"estatedesk.database.data-dir=target/must-not-be-created")) {
			String health = "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/actuator/health";
			assertThat(healthStatus(health, 200, java.time.Duration.ofSeconds(30))).isEqualTo(200);
			assertThat(body(health)).endsWith("\"status\":\"UP\"}");
			external.close();
			assertThat(healthStatus(health, 503, java.time.Duration.ofSeconds(30))).as("DOWN while the database is away").isEqualTo(503);
			external = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(pgPort).start();
			assertThat(healthStatus(health, 200, java.time.Duration.ofSeconds(60))).as("UP again by itself").isEqualTo(200);
			assertThat(body(health)).endsWith("\"status\":\"UP\"}");
		}
		finally {
			external.close();
		}
	}

	private static String body(String url) throws Exception {
		return java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
	}

	/** Asks the health endpoint until it answers the wanted status or the time is up; returns the last status. */
	private static int healthStatus(String url, int wanted, java.time.Duration within) throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		long until = System.currentTimeMillis() + within.toMillis();
		int status = -1;
		while (System.currentTimeMillis() < until) {
			status = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(java.time.Duration.ofSeconds(10)).build(),
					java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status == wanted) {
				return status;
			}
			Thread.sleep(250);
		}
		return status;
	}

	@Test
	void runsOnAnExternalPostgresql() throws Exception {
		try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
			String url = external.getJdbcUrl("postgres", "postgres");
			try (ConfigurableApplicationContext app = start("spring.datasource.url=" + url,
					"spring.datasource.username=postgres", "spring.datasource.password=",
					"estatedesk.database.data-dir=target/must-not-be-created")) {
				assertThat(app.containsBean("embeddedPostgres")).isFalse();
				JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
				assertThat(jdbc.queryForObject("select count(*) from role", Long.class)).isEqualTo(8);
				assertThat(jdbc.queryForObject("select current_setting('port')", String.class))
					.isEqualTo(String.valueOf(external.getPort()));
			}
		}
	}

}
