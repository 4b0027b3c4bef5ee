package io.estatedesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

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

	/**
	 * Flyway on the given database with the migrations as an earlier release had them: the current files up to version
	 * {@code target} (released migrations never change, as {@code ReleasedMigrationsIntegrationTests} holds), except
	 * those kept in their earlier content as test resources under {@code src/test/resources/<root>/<folder>/}.
	 */
	public static Flyway flywayAsOf(DataSource dataSource, String root, String target) {
		try {
			Path dir = Files.createTempDirectory(Path.of("target"), "migrations-as-of");
			List<String> locations = new java.util.ArrayList<>();
			for (String folder : folders()) {
				Path to = Files.createDirectories(dir.resolve(folder));
				for (Path from : List.of(Path.of("src/main/resources/db/migration", folder), Path.of("src/test/resources", root, folder))) {
					if (Files.isDirectory(from)) {
						try (Stream<Path> files = Files.list(from)) {
							for (Path f : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
								Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
							}
						}
					}
				}
				locations.add("filesystem:" + to.toAbsolutePath());
			}
			return Flyway.configure().dataSource(dataSource).locations(locations.toArray(String[]::new)).target(target).load();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
