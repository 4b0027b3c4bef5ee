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
