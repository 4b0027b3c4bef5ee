package io.estatedesk.complaint;

import java.time.LocalDate;

import io.estatedesk.shared.CaseNumbers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Readable complaint numbers such as TS-2026-000123; the format is a setting ({yyyy} and {seq:N}). */
@Component
class ComplaintCodes {

	private final JdbcTemplate jdbc;

	ComplaintCodes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	String next(LocalDate day) {
		return CaseNumbers.next(jdbc, "complaint_sequence", "complaint_setting", "TS-{yyyy}-{seq:6}", day);
	}

	static String format(String format, int year, long n) {
		return CaseNumbers.format(format, year, n);
	}

}
