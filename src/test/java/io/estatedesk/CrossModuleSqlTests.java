package io.estatedesk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A module's SQL names only its own tables and the views other modules publish (e.g. {@code estate_unit_place}); it
 * never reads or writes another module's table, where {@code ApplicationModules.verify()} cannot see it.
 *
 * <p>Who owns a table: the module whose migration folder ({@code db/migration/<module>}) creates it; the tables of
 * {@code __root} (Modulith's event publications, the work calendar, cluster leases) are infrastructure every module
 * may use. A view is published by the module whose folder creates it. The SQL looked at: every string literal and
 * text block of {@code src/main/java/io/estatedesk/<module>}, except the {@code Demo*} loaders, which seed sample
 * data into every module as a fixture would.
 *
 * <p>{@code src/test/resources/modules/cross-module-sql/<module>.txt} lists, per module, the reads still to be moved
 * ({@code File.java table}); a finding not listed fails, and so does a listed line that no longer occurs, so the
 * lists can only shrink.
 */
class CrossModuleSqlTests {

	static final Path SOURCES = Path.of("src/main/java/io/estatedesk");

	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	static final Path NOT_YET_MOVED = Path.of("src/test/resources/modules/cross-module-sql");

	private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

	private static final Pattern TABLE_USE = Pattern.compile("\\b(?:from|join|update|into)\\s+([a-z_][a-z_0-9]*)");

	private static final Pattern CREATES_TABLE = Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_0-9]+)");

	private static final Pattern CREATES_VIEW = Pattern.compile("create\\s+(?:or\\s+replace\\s+)?view\\s+([a-z_0-9]+)");

	record Schema(Map<String, String> tableOwners, Set<String> views) {
	}

	static Schema schema() throws IOException {
		Map<String, String> owners = new TreeMap<>();
		Set<String> views = new TreeSet<>();
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
				String module = f.getParent().getFileName().toString();
				String sql = Files.readString(f, UTF_8).toLowerCase();
				Matcher t = CREATES_TABLE.matcher(sql);
				while (t.find()) {
					owners.put(t.group(1), module);
				}
				Matcher v = CREATES_VIEW.matcher(sql);
				while (v.find()) {
					views.add(v.group(1));
				}
			}
		}
		return new Schema(owners, views);
	}

	/** Per module, the lines {@code File.java table} where its SQL names another module's table. */
	static Map<String, Set<String>> findings() throws IOException {
		Schema schema = schema();
		Map<String, Set<String>> found = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				Path relative = SOURCES.relativize(f);
				if (relative.getNameCount() < 2 || f.getFileName().toString().startsWith("Demo")) {
					continue;
				}
				String module = relative.getName(0).toString();
				Matcher literal = LITERAL.matcher(Files.readString(f, UTF_8));
				while (literal.find()) {
					String text = (literal.group(1) != null ? literal.group(1) : literal.group(2)).toLowerCase();
					Matcher use = TABLE_USE.matcher(text);
					while (use.find()) {
						String table = use.group(1);
						String owner = schema.tableOwners().get(table);
						if (owner != null && !owner.equals(module) && !owner.equals("__root")
								&& !schema.views().contains(table)) {
							found.computeIfAbsent(module, m -> new TreeSet<>()).add(f.getFileName() + " " + table);
						}
					}
				}
			}
		}
		return found;
	}

	static Map<String, Set<String>> listed() throws IOException {
		Map<String, Set<String>> listed = new TreeMap<>();
		if (Files.isDirectory(NOT_YET_MOVED)) {
			try (Stream<Path> files = Files.list(NOT_YET_MOVED)) {
				for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
					Set<String> lines = new TreeSet<>();
					for (String line : Files.readAllLines(f, UTF_8)) {
						if (!line.isBlank() && !line.startsWith("#")) {
							lines.add(line.strip());
						}
					}
					if (!lines.isEmpty()) {
						listed.put(f.getFileName().toString().replace(".txt", ""), lines);
					}
				}
			}
		}
		return listed;
	}

	@Test
	void aModulesSqlNamesOnlyItsOwnTablesAndPublishedViews() throws IOException {
		Map<String, Set<String>> found = findings();
		Map<String, Set<String>> listed = listed();
		Map<String, Set<String>> unlisted = new TreeMap<>();
		found.forEach((module, lines) -> lines.stream()
			.filter(l -> !listed.getOrDefault(module, Set.of()).contains(l))
			.forEach(l -> unlisted.computeIfAbsent(module, m -> new TreeSet<>()).add(l)));
		assertThat(unlisted).as("SQL naming another module's table (read its published view instead)").isEmpty();
	}

	@Test
	void theListOfReadsStillToMoveOnlyShrinks() throws IOException {
		Map<String, Set<String>> found = findings();
		Map<String, Set<String>> stale = new TreeMap<>();
		listed().forEach((module, lines) -> lines.stream()
			.filter(l -> !found.getOrDefault(module, Set.of()).contains(l))
			.forEach(l -> stale.computeIfAbsent(module, m -> new TreeSet<>()).add(l)));
		assertThat(stale).as("lines of " + NOT_YET_MOVED + " that no longer occur: remove them").isEmpty();
	}

	@Test
	void theScanSeesWhatItLooksFor() throws IOException {
		Schema schema = schema();
		assertThat(schema.tableOwners()).containsEntry("complaint", "complaint").containsEntry("unit", "estate");
		assertThat(schema.views()).contains("estate_unit_place", "staff_person", "complaint_case", "repair_work_order");
	}

}
