package io.estatedesk.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.CaseFigures;
import io.estatedesk.shared.CaseFigures.Monthly;
import io.estatedesk.shared.CaseFigures.Today;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Return-call (回访) figures for the dashboards: today's calls and months by due date (made, made in time, satisfied).
 */
@Service
@Transactional(readOnly = true)
public class ReturnCallFigures {

	static final CaseFigures.Spec SPEC = new CaseFigures.Spec("return_call r", "r.state", "r.created_at",
			"r.state = 'OPEN'", () -> "r.due_at < " + BusinessClock.sqlNow(), "r.due_at", "r.due_at", true,
			"r.state in ('DONE', 'CLOSED')", "r.done_at is not null", "r.done_at <= r.due_at", "r.satisfied is not null",
			"r.satisfied");

	private final NamedParameterJdbcTemplate jdbc;

	ReturnCallFigures(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Today today(Long projectId, Instant endOfDay) {
		return CaseFigures.today(jdbc, SPEC, projectId, endOfDay);
	}

	public List<Monthly> monthly(Long projectId, LocalDate from, LocalDate to) {
		return CaseFigures.monthly(jdbc, "return_call", projectId, from, to);
	}

	public List<Monthly> monthlyByProject(LocalDate from, LocalDate to) {
		return CaseFigures.monthlyByProject(jdbc, "return_call", from, to);
	}

}
