package io.estatedesk.shared;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MessagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** A literal message expression: {@code #{some.key}} or {@code #{some.key(...)}}; {@code #{${...}}} never matches. */
	private static final Pattern MESSAGE_EXPRESSION = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9_.]*)[}(]");

	private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

	@Test
	void englishAndChineseHaveTheSameKeys() {
		Set<String> chinese = load("messages_zh_CN.properties").stringPropertyNames();
		Set<String> english = load("messages_en.properties").stringPropertyNames();

		Set<String> missingInEnglish = new TreeSet<>(chinese);
		missingInEnglish.removeAll(english);
		Set<String> missingInChinese = new TreeSet<>(english);
		missingInChinese.removeAll(chinese);

		assertThat(english)
			.as("keys missing in messages_en: %s; keys missing in messages_zh_CN: %s", missingInEnglish,
					missingInChinese)
			.isEqualTo(chinese);
	}

	@Test
	void everyMessageKeyUsedInTemplatesExists() throws IOException {
		Set<String> chinese = load("messages_zh_CN.properties").stringPropertyNames();
		TreeMap<String, Set<Path>> missing = new TreeMap<>();
		int found = 0;

		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher m = MESSAGE_EXPRESSION.matcher(Files.readString(file, UTF_8));
				while (m.find()) {
					found++;
					String key = m.group(1);
					if (!chinese.contains(key)) {
						missing.computeIfAbsent(key, k -> new TreeSet<>()).add(TEMPLATES.relativize(file));
					}
				}
			}
		}

		assertThat(found).as("message expressions found under %s", TEMPLATES.toAbsolutePath()).isPositive();
		assertThat(missing).as("message keys used in templates but missing in messages_zh_CN").isEmpty();
	}

	@Test
	void chineseMessagesAreChinese() {
		Properties chinese = load("messages_zh_CN.properties");

		for (String key : List.of("app.name", "nav.owners", "owner.name", "login.submit")) {
			assertThat(chinese.getProperty(key)).as("messages_zh_CN %s", key).isNotNull().containsPattern(CJK);
		}
	}

	private static Properties load(String name) {
		try (InputStream stream = MessagesTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(stream).as("%s on the classpath", name).isNotNull();
			Properties properties = new Properties();
			properties.load(new InputStreamReader(stream, UTF_8));
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
