package io.estatedesk.shared;

import java.util.Arrays;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Repairs, before Flyway migrates, the one migration that was edited after it had been released: {@code
 * complaint/V2026_11_27_98__complaint_cause_type.sql}. Databases migrated between commits d4a6a9e and b0a2a63 recorded
 * the checksum of its first version; commit a27d323 changed its last statement from {@code create index} to {@code
 * create index if not exists} (the same index), so those databases refused to start with "Migration checksum
 * mismatch". When the history holds exactly that old checksum, the file is exactly the edited version and the schema
 * holds what the old version created (which is also what the current version creates, so no DDL is missing), the
 * recorded checksum is set to the current one. Any other mismatch is left to Flyway's validation, which fails.
 */
@Component
final class MigrationRepair implements FlywayMigrationStrategy {

	private static final Logger log = LoggerFactory.getLogger(MigrationRepair.class);

	static final MigrationVersion VERSION = MigrationVersion.fromVersion("2026.11.27.98");

	/** The checksum of the version released in d4a6a9e (until b0a2a63). */
	static final int OLD_CHECKSUM = 280430734;

	/** The checksum of the version edited in a27d323, the file as it is now. */
	static final int NEW_CHECKSUM = 348039341;

	@Override
	public void migrate(Flyway flyway) {
		repair(flyway);
		flyway.migrate();
	}

	/** Repairs the known case if this database is in it; returns whether it did. */
	static boolean repair(Flyway flyway) {
		Optional<MigrationInfo> edited = Arrays.stream(flyway.info().all())
			.filter(m -> m.isApplied() && VERSION.equals(m.getVersion()))
			.findFirst();
		if (edited.isEmpty() || !Integer.valueOf(OLD_CHECKSUM).equals(edited.get().getAppliedChecksum())) {
			return false;
		}
		if (!Integer.valueOf(NEW_CHECKSUM).equals(edited.get().getResolvedChecksum())) {
			log.error("Migration {} recorded with checksum {} (as released in d4a6a9e) but the file's checksum is {}, not {}: "
					+ "not repaired", VERSION, OLD_CHECKSUM, edited.get().getResolvedChecksum(), NEW_CHECKSUM);
			return false;
		}
		Configuration cfg = flyway.getConfiguration();
		JdbcTemplate jdbc = new JdbcTemplate(cfg.getDataSource());
		String schema = schema(cfg, jdbc);
		if (!createdByOldVersion(jdbc, schema)) {
			log.error("Migration {} recorded with its first checksum {}, but the schema {} lacks what it created (column "
					+ "complaint.cause_type varchar(30), indexes complaint_cause_month_idx and complaint_open_age_idx): not "
					+ "repaired, see README (Upgrading)", VERSION, OLD_CHECKSUM, schema);
			return false;
		}
		int updated = jdbc.update("update " + quote(schema) + "." + quote(cfg.getTable())
				+ " set checksum = ? where version = ? and checksum = ?", NEW_CHECKSUM, VERSION.getVersion(), OLD_CHECKSUM);
		if (updated > 0) {
			log.warn("Migration {} was edited after its release (a27d323); the checksum recorded for it was changed from {} "
					+ "to {}. The schema already held what the edited version creates.", VERSION, OLD_CHECKSUM, NEW_CHECKSUM);
		}
		return updated > 0;
	}

	private static String schema(Configuration cfg, JdbcTemplate jdbc) {
		if (cfg.getDefaultSchema() != null) {
			return cfg.getDefaultSchema();
		}
		if (cfg.getSchemas().length > 0) {
			return cfg.getSchemas()[0];
		}
		return jdbc.queryForObject("select current_schema()", String.class);
	}

	/** What the first version of the migration created, which the edited version creates just the same. */
	static boolean createdByOldVersion(JdbcTemplate jdbc, String schema) {
		boolean column = jdbc.queryForObject("""
				select count(*) from information_schema.columns where table_schema = ? and table_name = 'complaint'
				  and column_name = 'cause_type' and data_type = 'character varying' and character_maximum_length = 30""",
				Long.class, schema) == 1;
		return column
				&& index(jdbc, schema, "complaint_cause_month_idx",
						"CREATE INDEX complaint_cause_month_idx ON %s.complaint USING btree (complaint_date, cause_type) WHERE (cause_type IS NOT NULL)")
				&& index(jdbc, schema, "complaint_open_age_idx",
						"CREATE INDEX complaint_open_age_idx ON %s.complaint USING btree (state, complained_at) WHERE (closed_at IS NULL)");
	}

	private static boolean index(JdbcTemplate jdbc, String schema, String name, String definition) {
		return jdbc.queryForList("select indexdef from pg_indexes where schemaname = ? and indexname = ?", String.class, schema, name)
			.stream()
			.anyMatch(d -> d.equals(definition.formatted(quote(schema))) || d.equals(definition.formatted(schema)));
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
