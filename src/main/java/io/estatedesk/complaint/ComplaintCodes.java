package io.estatedesk.complaint;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Readable complaint numbers such as TS-2026-000123; the format is a setting ({yyyy} and {seq:N}). */
@Component
class ComplaintCodes {

	private static final Pattern SEQ = Pattern.compile("\\{seq:(\\d)}");

	private final JdbcTemplate jdbc;

	ComplaintCodes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	String next(LocalDate day) {
		long n = jdbc.queryForObject("""
				insert into complaint_sequence (year, last_value) values (?, 1)
				on conflict (year) do update set last_value = complaint_sequence.last_value + 1 returning last_value""",
				Long.class, day.getYear());
		String format = jdbc.queryForList("select value from complaint_setting where key = 'code.format'", String.class)
			.stream().findFirst().orElse("TS-{yyyy}-{seq:6}");
		return format(format, day.getYear(), n);
	}

	static String format(String format, int year, long n) {
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
