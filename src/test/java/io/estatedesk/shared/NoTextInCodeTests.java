package io.estatedesk.shared;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every word a user reads comes from {@code messages*.properties}: a Chinese string literal in {@code src/main/java}
 * is a word that bypasses them.
 *
 * <p>What the scan leaves out, and why:
 * <ul>
 * <li>{@code Demo*} classes: sample data, not text of the application;</li>
 * <li>comments and text blocks: the text blocks of this code base are SQL, whose Chinese is comments or sample
 * values;</li>
 * <li>log calls ({@code log.info(...)} …): read by operators in the server log, not by users;</li>
 * <li>OpenAPI annotations ({@code @Operation}, {@code @Tag}, {@code @Parameter}, {@code @Schema}): annotation values
 * must be compile-time constants; they document the API for integrators.</li>
 * </ul>
 * {@link #NOT_YET_MOVED} lists, per file, how many literals are still to be moved; a file not listed may hold none,
 * and a listed file may not gain any. A count must be lowered when texts move out, so that they cannot come back.
 */
class NoTextInCodeTests {

	private static final Path SOURCES = Path.of("src/main/java");

	/** A Java string literal (escapes included), not a text block. */
	private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

	private static final Pattern HAN = Pattern.compile("[\\u4e00-\\u9fff]");

	/** The start of an OpenAPI annotation or a log call, removed up to its closing parenthesis. */
	private static final Pattern EXEMPT = Pattern
		.compile("@(?:Operation|Tag|Parameter|Schema|ApiResponse)\\(|\\blog\\.(?:trace|debug|info|warn|error)\\(");

	/** A message key written whole as a literal ({@code "complaint.notify.group"}; not a prefix like {@code "complaint.channel."}). */
	private static final Pattern KEY = Pattern.compile("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9]+)+)\"");

	/**
	 * Chinese literals still in code, per file (path under {@code src/main/java/io/estatedesk/}): import column headers
	 * and values matched in uploaded files (estate/ArchiveImporter, office/AttendanceImport), export headers and filter
	 * descriptions, audit-trail subjects, history notes of repair and handover, the PDFs of handover and front desk.
	 */
	static final Map<String, Integer> NOT_YET_MOVED = Map.ofEntries(
			Map.entry("community/CommunityInput.java", 1),
			Map.entry("estate/ArchiveImporter.java", 159),
			Map.entry("estate/ArchiveSheets.java", 66),
			Map.entry("estate/Confidential.java", 7),
			Map.entry("estate/ImportController.java", 2),
			Map.entry("estate/ImportJobs.java", 1),
			Map.entry("estate/OwnerController.java", 3),
			Map.entry("estate/OwnerFilter.java", 7),
			Map.entry("estate/OwnerRules.java", 9),
			Map.entry("estate/UnitController.java", 2),
			Map.entry("frontdesk/FrontDeskApi.java", 8),
			Map.entry("frontdesk/FrontDeskController.java", 5),
			Map.entry("lifecycle/AssemblyTrigger.java", 10),
			Map.entry("lifecycle/DutyKinds.java", 6),
			Map.entry("office/AttendanceImport.java", 5),
			Map.entry("repair/FacilityController.java", 1),
			Map.entry("repair/RepairApi.java", 11),
			Map.entry("shared/ServerErrorAnswers.java", 3),
			Map.entry("shared/Uploads.java", 2),
			Map.entry("staff/AdminBootstrap.java", 8),
			Map.entry("staff/CalendarController.java", 5),
			Map.entry("staff/ConfidentialNumbers.java", 1),
			Map.entry("staff/StaffAdminController.java", 2),
			Map.entry("survey/SurveyApi.java", 5));

	@Test
	void noChineseStringLiteralOutsideMessages() throws IOException {
		Map<String, Integer> found = new TreeMap<>();
		Map<String, String> examples = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				if (file.getFileName().toString().startsWith("Demo")) {
					continue;
				}
				String name = SOURCES.resolve("io/estatedesk").relativize(file).toString().replace('\\', '/');
				int count = 0;
				Matcher m = LITERAL.matcher(withoutExempt(code(Files.readString(file, UTF_8))));
				while (m.find()) {
					if (HAN.matcher(m.group()).find()) {
						count++;
						examples.putIfAbsent(name, m.group());
					}
				}
				if (count > 0) {
					found.put(name, count);
				}
			}
		}
		Map<String, String> tooMany = new TreeMap<>();
		found.forEach((file, n) -> {
			int allowed = NOT_YET_MOVED.getOrDefault(file, 0);
			if (n > allowed) {
				tooMany.put(file, n + " Chinese literals (allowed " + allowed + "), e.g. " + examples.get(file));
			}
		});
		Map<String, String> stale = new TreeMap<>();
		NOT_YET_MOVED.forEach((file, allowed) -> {
			if (found.getOrDefault(file, 0) < allowed) {
				stale.put(file, found.getOrDefault(file, 0) + " found, " + allowed + " allowed");
			}
		});
		assertThat(stale).as("texts moved out of these files: lower their counts in NOT_YET_MOVED").isEmpty();
		assertThat(tooMany).as("Chinese string literals in code: move them to messages_zh_CN/messages_en (Texts.zh or "
				+ "the page's locale); now found %s", found).isEmpty();
	}

	@Test
	void everyKeyPassedToTextsExists() throws IOException {
		Properties chinese = load("messages_zh_CN.properties");
		Properties english = load("messages_en.properties");
		TreeSet<String> missing = new TreeSet<>();
		int used = 0;
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				for (String line : Files.readAllLines(file, UTF_8)) {
					if (!line.contains("Texts.")) {
						continue;
					}
					Matcher m = KEY.matcher(line);
					while (m.find()) {
						used++;
						if (chinese.getProperty(m.group(1)) == null || english.getProperty(m.group(1)) == null) {
							missing.add(m.group(1) + " (" + file.getFileName() + ")");
						}
					}
				}
			}
		}
		assertThat(used).as("keys passed to Texts").isGreaterThan(50);
		assertThat(missing).as("keys used in code but missing in messages").isEmpty();
	}

	@Test
	void theScanFindsAChineseLiteralAndSkipsCommentsAndLogs() {
		String source = """
				class X {
					// 注释
					/* 多行
					   注释 */
					@Operation(summary = "接口说明（一）"
							+ "续")
					void a() { log.warn("日志 {}", f(x)); notify("标题：" + code); }
				}
				""";
		String code = withoutExempt(code(source));
		assertThat(code).doesNotContain("注释").doesNotContain("日志");
		assertThat(LITERAL.matcher(code).results().map(r -> r.group()).filter(s -> HAN.matcher(s).find()))
			.containsExactly("\"标题：\"");
	}

	/** The source without comments and text blocks (string literals kept, line breaks kept). */
	static String code(String source) {
		StringBuilder out = new StringBuilder(source.length());
		int i = 0;
		while (i < source.length()) {
			char c = source.charAt(i);
			if (source.startsWith("\"\"\"", i)) {
				int end = source.indexOf("\"\"\"", i + 3);
				end = end < 0 ? source.length() : end + 3;
				source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
				out.append("\"\"");
				i = end;
			}
			else if (c == '"' || c == '\'') {
				int j = i + 1;
				while (j < source.length() && source.charAt(j) != c && source.charAt(j) != '\n') {
					j += source.charAt(j) == '\\' ? 2 : 1;
				}
				j = Math.min(j + 1, source.length());
				out.append(source, i, j);
				i = j;
			}
			else if (source.startsWith("//", i)) {
				int end = source.indexOf('\n', i);
				i = end < 0 ? source.length() : end;
			}
			else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				end = end < 0 ? source.length() : end + 2;
				source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
				i = end;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

	/** The code without OpenAPI annotations and log calls (each up to its closing parenthesis). */
	static String withoutExempt(String code) {
		StringBuilder out = new StringBuilder(code.length());
		Matcher m = EXEMPT.matcher(code);
		int at = 0;
		while (m.find(at)) {
			out.append(code, at, m.start());
			int depth = 1;
			int i = m.end();
			while (i < code.length() && depth > 0) {
				char c = code.charAt(i);
				if (c == '"') {
					i++;
					while (i < code.length() && code.charAt(i) != '"') {
						i += code.charAt(i) == '\\' ? 2 : 1;
					}
				}
				else if (c == '(') {
					depth++;
				}
				else if (c == ')') {
					depth--;
				}
				i++;
			}
			at = Math.min(i, code.length());
		}
		return out.append(code.substring(at)).toString();
	}

	private static Properties load(String name) throws IOException {
		try (InputStream stream = NoTextInCodeTests.class.getClassLoader().getResourceAsStream(name)) {
			Properties properties = new Properties();
			properties.load(new InputStreamReader(stream, UTF_8));
			return properties;
		}
	}

}
