package io.estatedesk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.estatedesk.support.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration that a database has run must never change: Flyway refuses to start on a database whose recorded
 * checksum differs from the file's. This test holds the checksum of every released migration (as Flyway computes
 * it and records it in {@code flyway_schema_history}) in {@code src/test/resources/migrations/released-checksums.txt}
 * and fails when one is changed or removed, or when a new one is not listed yet.
 */
class ReleasedMigrationsIntegrationTests {

	static final String LIST = "src/test/resources/migrations/released-checksums.txt";

	private static EmbeddedPostgres pg;

	@BeforeAll
	static void start() throws IOException {
		pg = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stop() throws IOException {
		pg.close();
	}

	/** Every migration on the classpath, {@code folder/file} → the checksum Flyway resolves for it now. */
	static Map<String, Integer> current() {
		Map<String, Integer> checksums = new TreeMap<>();
		for (String folder : Migrations.folders()) {
			Flyway flyway = Flyway.configure()
				.dataSource(pg.getPostgresDatabase())
				.locations("classpath:db/migration/" + folder)
				.load();
			for (MigrationInfo m : flyway.info().all()) {
				checksums.put(folder + "/" + m.getScript(), m.getResolvedChecksum());
			}
		}
		return checksums;
	}

	static Map<String, Integer> released() throws IOException {
		Map<String, Integer> listed = new LinkedHashMap<>();
		try (InputStream in = ReleasedMigrationsIntegrationTests.class.getResourceAsStream("/migrations/released-checksums.txt")) {
			assertThat(in).as(LIST + " on the test classpath").isNotNull();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
				String l = line.strip();
				if (l.isEmpty() || l.startsWith("#")) {
					continue;
				}
				String[] kv = l.split("=", 2);
				listed.put(kv[0].strip(), Integer.valueOf(kv[1].strip()));
			}
		}
		return listed;
	}

	@Test
	void noReleasedMigrationIsChangedOrRemoved() throws IOException {
		Map<String, Integer> now = current();
		List<String> problems = new ArrayList<>();
		released().forEach((path, checksum) -> {
			Integer actual = now.get(path);
			if (actual == null) {
				problems.add(path + " was removed or renamed. A database that ran it can no longer start (Flyway reports a"
						+ " migration missing from the classpath). Restore the file as it was released.");
			}
			else if (!actual.equals(checksum)) {
				problems.add(path + " was changed after its release (released checksum " + checksum + ", the file now has "
						+ actual + "). Every database that ran it stops with \"Migration checksum mismatch\". Restore the"
						+ " file as it was released and put the change in a new migration.");
			}
		});
		assertThat(problems).as(String.join("\n", problems)).isEmpty();
	}

	@Test
	void everyMigrationIsListed() throws IOException {
		Map<String, Integer> listed = released();
		List<String> missing = new ArrayList<>();
		current().forEach((path, checksum) -> {
			if (!listed.containsKey(path)) {
				missing.add(path + " = " + checksum);
			}
		});
		assertThat(missing)
			.as("New migrations must be added to " + LIST + " (once they are released, their checksum is fixed forever)."
					+ " Add these lines:\n" + String.join("\n", missing))
			.isEmpty();
	}

}
