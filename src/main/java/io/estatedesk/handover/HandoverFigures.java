package io.estatedesk.handover;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Handover progress for the dashboards: the latest batches with their units by state and the defects still open. */
@Service
@Transactional(readOnly = true)
public class HandoverFigures {

	public record BatchProgress(long id, long projectId, String projectName, String name, LocalDate startsOn,
			LocalDate endsOn, long units, long waiting, long booked, long inspected, long accepted, long refused,
			long openDefects) {
	}

	private final HandoverQueries queries;

	HandoverFigures(HandoverQueries queries) {
		this.queries = queries;
	}

	/** The latest {@code limit} batches (of one project or all). */
	public List<BatchProgress> batches(Long projectId, int limit) {
		return queries.batches(projectId, limit).stream()
			.map(b -> new BatchProgress(b.id(), b.projectId(), b.projectName(), b.name(), b.startsOn(), b.endsOn(), b.units(),
					b.waiting(), b.booked(), b.inspected(), b.accepted(), b.refused(), b.openDefects()))
			.toList();
	}

}
