package io.estatedesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/** The application's Flyway locations, read from application.properties so tests never keep a second list. */
public final class Migrations {

	private Migrations() {
	}

	/** {@code spring.flyway.locations}, e.g. {@code classpath:db/migration/__root}, one per module. */
	public static List<String> locations() {
		Properties p = new Properties();
		try (InputStream in = Migrations.class.getResourceAsStream("/application.properties")) {
			p.load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Arrays.stream(p.getProperty("spring.flyway.locations").split(",")).map(String::strip).toList();
	}

	/** The module folder names under {@code db/migration}, such as {@code __root} and {@code complaint}. */
	public static List<String> folders() {
		return locations().stream().map(l -> l.substring(l.lastIndexOf('/') + 1)).toList();
	}

	/** Flyway as the application configures it (same locations, same history table), on the given database. */
	public static Flyway flyway(DataSource dataSource) {
		return Flyway.configure().dataSource(dataSource).locations(locations().toArray(String[]::new)).load();
	}

	/** Flyway on the given database with the migrations stored as test resources under {@code classpath:<root>/}. */
	public static Flyway flyway(DataSource dataSource, String root) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations(folders().stream().map(f -> "classpath:" + root + "/" + f).toArray(String[]::new))
			.load();
	}

}
