package io.estatedesk;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.estatedesk.support.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database built by an earlier release starts with the current application. The migrations of commit b0a2a63 are
 * the current ones up to version 2026.11.27.100, except the first version of
 * {@code complaint/V2026_11_27_98__complaint_cause_type.sql} (commit a27d323 edited it afterwards), kept as a test
 * resource under {@code upgrade/b0a2a63/complaint/}.
 */
class UpgradeIntegrationTests {

	static final int OLD_CHECKSUM = 280430734;

	static final int NEW_CHECKSUM = 348039341;

	private static EmbeddedPostgres server;

	@BeforeAll
	static void startServer() throws IOException {
		server = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopServer() throws IOException {
		server.close();
	}

	/** A new database on the server, migrated by the migrations of b0a2a63. */
	private static DataSource databaseOfB0a2a63(String name) throws SQLException {
		try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("create database " + name + " encoding 'UTF8' template template0");
		}
		DataSource ds = server.getDatabase("postgres", name);
		Migrations.flywayAsOf(ds, "upgrade/b0a2a63", "2026.11.27.100").migrate();
		return ds;
	}

	private static ConfigurableApplicationContext start(String database) {
		String[] args = Stream.of("server.port=0", "spring.datasource.url=" + server.getJdbcUrl("postgres", database),
				"spring.datasource.username=postgres", "spring.datasource.password=",
				"estatedesk.admin-password=upgrade-Pass1", "estatedesk.database.data-dir=target/must-not-be-created")
			.map(p -> "--" + p)
			.toArray(String[]::new);
		return new SpringApplicationBuilder(EstateDeskApplication.class).run(args);
	}

	private static Integer recordedChecksum(JdbcTemplate jdbc, String version) {
		return jdbc.queryForObject("select checksum from flyway_schema_history where version = ?", Integer.class, version);
	}

	@Test
	void startsOnADatabaseMigratedByB0a2a63RepairingTheEditedMigrationsChecksumAndKeepingItsRows() throws Exception {
		DataSource old = databaseOfB0a2a63("from_b0a2a63");
		JdbcTemplate before = new JdbcTemplate(old);
		assertThat(recordedChecksum(before, "2026.11.27.98")).isEqualTo(OLD_CHECKSUM);
		long project = before.queryForObject(
				"insert into project (name, developer_name) values ('升级前的项目', '金第房地产开发公司') returning id", Long.class);
		long building = before.queryForObject("insert into building (project_id, name) values (?, '1号楼') returning id",
				Long.class, project);
		long unit = before.queryForObject("""
				insert into unit (project_id, building_id, room_no, status) values (?, ?, '1-0101', 'SOLD') returning id""",
				Long.class, project, building);
		long owner = before.queryForObject("insert into owner (name, mobile) values ('升级业主', '13800000099') returning id",
				Long.class);
		before.update("insert into ownership (owner_id, unit_id, since) values (?, ?, date '2025-06-30')", owner, unit);
		long staff = before.queryForObject("""
				insert into staff_account (username, display_name, password_hash) values ('upgrade-receiver', '升级接报人', '-')
				returning id""", Long.class);
		long category = before.queryForObject("select id from complaint_category where name = '房屋质量'", Long.class);
		before.update("""
				insert into complaint (code, project_id, complaint_date, complainant, complained_at, owner_id, unit_id,
				  receiver_id, handler_id, channel, category_id, severity, content, state, ack_due, reply_due, close_due,
				  cause_type)
				values ('TS-2026-900001', ?, date '2026-11-20', '升级业主', timestamptz '2026-11-20 09:30+08', ?, ?, ?, ?,
				  'PHONE', ?, 'GENERAL', '卫生间渗水', 'IN_PROGRESS', timestamptz '2026-11-20 12:00+08',
				  timestamptz '2026-11-22 18:00+08', timestamptz '2026-11-30 18:00+08', 'CONSTRUCTION')""",
				project, owner, unit, staff, staff, category);
		// an import the old version left running, which has no heartbeat yet
		long importJob = before.queryForObject("""
				insert into import_job (username, file_name, status, started_at)
				values ('admin', '旧版本的导入.xlsx', 'RUNNING', timestamptz '2026-11-26 10:00+08') returning id""", Long.class);
		int appliedBefore = before.queryForObject("select count(*) from flyway_schema_history where success", Integer.class);

		try (ConfigurableApplicationContext app = start("from_b0a2a63")) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			assertThat(recordedChecksum(jdbc, "2026.11.27.98")).isEqualTo(NEW_CHECKSUM);
			// the migrations added since b0a2a63 ran, and none failed
			assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
				.isGreaterThan(appliedBefore);
			assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where not success", Integer.class))
				.isZero();
			assertThat(Migrations.flyway(app.getBean(DataSource.class)).info().pending()).isEmpty();
			assertThat(jdbc.queryForObject("select name from project where id = ?", String.class, project)).isEqualTo("升级前的项目");
			assertThat(jdbc.queryForObject("select count(*) from unit where building_id = ?", Long.class, building)).isEqualTo(1);
			assertThat(jdbc.queryForObject("select count(*) from ownership where owner_id = ? and unit_id = ? and active",
					Long.class, owner, unit)).isEqualTo(1);
			assertThat(jdbc.queryForObject("select cause_type from complaint where code = 'TS-2026-900001'", String.class))
				.isEqualTo("CONSTRUCTION");
			assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = 'complaint_open_age_idx'",
					Long.class)).isEqualTo(1);
			// the time it started stands in for the heartbeat it never wrote, so the sweep can fail it
			assertThat(jdbc.queryForObject("select heartbeat_at = started_at from import_job where id = ?", Boolean.class,
					importJob)).isTrue();
		}
		// and it starts again as any other database does
		try (ConfigurableApplicationContext again = start("from_b0a2a63")) {
			assertThat(recordedChecksum(again.getBean(JdbcTemplate.class), "2026.11.27.98")).isEqualTo(NEW_CHECKSUM);
		}
	}

	@Test
	void theOldChecksumIsNotRepairedWhenTheSchemaLacksWhatTheOldVersionCreated() throws Exception {
		JdbcTemplate before = new JdbcTemplate(databaseOfB0a2a63("b0a2a63_without_index"));
		before.execute("drop index complaint_open_age_idx");

		assertThatThrownBy(() -> start("b0a2a63_without_index").close()).satisfies(e -> assertThat(causes(e))
			.anyMatch(m -> m.contains("checksum mismatch") && m.contains("2026.11.27.98")));
		assertThat(recordedChecksum(before, "2026.11.27.98")).isEqualTo(OLD_CHECKSUM);
	}

	@Test
	void anyOtherChecksumMismatchStillStopsTheStart() throws Exception {
		JdbcTemplate before = new JdbcTemplate(databaseOfB0a2a63("b0a2a63_other_mismatch"));
		before.update("update flyway_schema_history set checksum = 4711 where version = '2026.11.27.50'");

		assertThatThrownBy(() -> start("b0a2a63_other_mismatch").close()).satisfies(e -> assertThat(causes(e))
			.anyMatch(m -> m.contains("checksum mismatch") && m.contains("2026.11.27.50")));
		assertThat(recordedChecksum(before, "2026.11.27.50")).isEqualTo(4711);
	}

	private static java.util.List<String> causes(Throwable e) {
		java.util.List<String> messages = new java.util.ArrayList<>();
		for (Throwable t = e; t != null; t = t.getCause()) {
			messages.add(String.valueOf(t.getMessage()));
		}
		return messages;
	}

}
