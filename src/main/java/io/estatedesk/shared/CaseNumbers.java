package io.estatedesk.shared;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Readable case numbers such as TS-2026-000123 or WX-2026-000045: a format from the module's settings ({yyyy} and
 * {seq:N}) and a counter per year in the module's sequence table, taken with one atomic upsert so that concurrent
 * intakes never get the same number.
 */
public final class CaseNumbers {

	private static final Pattern SEQ = Pattern.compile("\\{seq:(\\d)}");

	private CaseNumbers() {
	}

	/**
	 * The next number of the year of {@code day}. {@code sequenceTable} has columns (year, last_value);
	 * {@code settingTable} (key, value) may hold the format under 'code.format'.
	 */
	public static String next(JdbcTemplate jdbc, String sequenceTable, String settingTable, String defaultFormat,
			LocalDate day) {
		long n = jdbc.queryForObject("""
				insert into %1$s (year, last_value) values (?, 1)
				on conflict (year) do update set last_value = %1$s.last_value + 1 returning last_value"""
			.formatted(sequenceTable), Long.class, day.getYear());
		String format = jdbc.queryForList("select value from " + settingTable + " where key = 'code.format'", String.class)
			.stream().findFirst().orElse(defaultFormat);
		return format(format, day.getYear(), n);
	}

	public static String format(String format, int year, long n) {
		String s = format.replace("{yyyy}", String.valueOf(year));
		Matcher m = SEQ.matcher(s);
		if (m.find()) {
			s = m.replaceFirst(String.format("%0" + m.group(1) + "d", n));
		}
		else {
			s = s + n;
		}
		return s;
	}

}
