package io.estatedesk.repair;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.estatedesk.shared.CaseFigures;
import io.estatedesk.shared.CaseFigures.Aged;
import io.estatedesk.shared.CaseFigures.Monthly;
import io.estatedesk.shared.CaseFigures.Today;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work-order figures for the dashboards, all database aggregates: open work orders by state and age, today's load,
 * months by the day reported (completed, finished by the due date, owner's rating of 4 or 5).
 */
@Service
@Transactional(readOnly = true)
public class WorkOrderFigures {

	static final CaseFigures.Spec SPEC = new CaseFigures.Spec("work_order w", "w.state", "w.reported_at",
			"w.accepted_at is null and w.cancelled_at is null", WorkOrderQueries::overdue, "w.due_at",
			"w.reported_at", true, "w.accepted_at is not null", "w.accepted_at is not null",
			"w.accepted_at is not null and w.finished_at <= w.due_at", "w.owner_rating is not null", "w.owner_rating >= 4");

	private final NamedParameterJdbcTemplate jdbc;

	WorkOrderFigures(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<Aged> open(Long projectId, Instant now) {
		return CaseFigures.aged(jdbc, SPEC, projectId, now);
	}

	public Today today(Long projectId, Instant endOfDay) {
		return CaseFigures.today(jdbc, SPEC, projectId, endOfDay);
	}

	public List<Monthly> monthly(Long projectId, LocalDate from, LocalDate to) {
		return CaseFigures.monthly(jdbc, "work_order", projectId, from, to);
	}

	public List<Monthly> monthlyByProject(LocalDate from, LocalDate to) {
		return CaseFigures.monthlyByProject(jdbc, "work_order", from, to);
	}

}
