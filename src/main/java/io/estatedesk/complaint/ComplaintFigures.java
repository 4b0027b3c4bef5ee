package io.estatedesk.complaint;

import io.estatedesk.shared.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.estatedesk.shared.CaseFigures;
import io.estatedesk.shared.CaseFigures.Aged;
import io.estatedesk.shared.CaseFigures.Monthly;
import io.estatedesk.shared.CaseFigures.Today;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaint figures for the dashboards, all database aggregates: open complaints by state and age, today's load, months
 * by 日期 (received, closed, replied within the limit, satisfied at the return call), and the 原因类别 over time.
 */
@Service
@Transactional(readOnly = true)
public class ComplaintFigures {

	/** An owner's complaint open for a long time: the oldest first. */
	public record LongOpen(long complaintId, String code, long ownerId, Long unitId, LocalDate receivedOn) {
	}

	/** A month's count of one 原因类别. */
	public record CauseCount(LocalDate month, ComplaintCause cause, long count) {
	}

	// the open condition already says closed_at is null; openOverdue reads only columns of the open-complaint index
	static final CaseFigures.Spec SPEC = new CaseFigures.Spec("complaint c", "c.state", "c.complained_at",
			"c.closed_at is null", ComplaintQueries::openOverdue, "case when c.replied_at is null then c.reply_due else c.close_due end",
			"c.complaint_date", false, "c.closed_at is not null", "c.replied_at is not null", "c.replied_at <= c.reply_due",
			"c.return_satisfied is not null", "c.return_satisfied");

	private final NamedParameterJdbcTemplate jdbc;

	private final ComplaintRollup rollup;

	ComplaintFigures(NamedParameterJdbcTemplate jdbc, ComplaintRollup rollup) {
		this.jdbc = jdbc;
		this.rollup = rollup;
	}

	public List<Aged> open(Long projectId, Instant now) {
		return CaseFigures.aged(jdbc, SPEC, projectId, now);
	}

	public Today today(Long projectId, Instant endOfDay) {
		return CaseFigures.today(jdbc, SPEC, projectId, endOfDay);
	}

	/** Months from {@code from} (inclusive) to {@code to} (exclusive), from the kept month and day sums. */
	public List<Monthly> monthly(Long projectId, LocalDate from, LocalDate to) {
		return months(rollup.cells(projectId, from, to.minusDays(1), ComplaintRollup.Grouping.MONTHS,
				ComplaintRollup.Kind.ALL), false);
	}

	/** The same, per project. */
	public List<Monthly> monthlyByProject(LocalDate from, LocalDate to) {
		return months(rollup.cells(null, from, to.minusDays(1), ComplaintRollup.Grouping.MONTHS, ComplaintRollup.Kind.ALL),
				true);
	}

	private static List<Monthly> months(List<ComplaintRollup.Cell> cells, boolean byProject) {
		return cells.stream()
			.filter(c -> c.month() != null && c.value() == null && (c.projectId() != null) == byProject)
			.map(c -> new Monthly(c.projectId(), c.month(), c.sums().n(), c.sums().closed(), c.sums().replied(),
					c.sums().onTime(), c.sums().rated(), c.sums().good()))
			.sorted(java.util.Comparator.comparing((Monthly m) -> m.projectId() == null ? 0L : m.projectId())
				.thenComparing(Monthly::month))
			.toList();
	}

	/** Complaints of known owners open for at least {@code days} days on {@code today}, the oldest first. */
	public List<LongOpen> longOpen(Long projectId, int days, LocalDate today, int limit) {
		java.sql.Timestamp cutoff = java.sql.Timestamp
			.from(today.minusDays(days - 1L).atStartOfDay(BusinessClock.ZONE).toInstant());
		return jdbc.query("""
				select id, code, owner_id, unit_id, complained_at from complaint
				where closed_at is null and owner_id is not null and complained_at < :cutoff %s
				order by complained_at, id limit :limit""".formatted(projectId == null ? "" : "and project_id = :projectId"),
				new MapSqlParameterSource("cutoff", cutoff).addValue("limit", limit).addValue("projectId", projectId),
				(rs, i) -> new LongOpen(rs.getLong("id"), rs.getString("code"), rs.getLong("owner_id"),
						(Long) rs.getObject("unit_id"), rs.getTimestamp("complained_at").toInstant()
							.atZone(BusinessClock.ZONE).toLocalDate()));
	}

	/** 原因类别 per month of complaints whose cause has been determined ({@code to} exclusive). */
	public List<CauseCount> causes(Long projectId, LocalDate from, LocalDate to) {
		return rollup.cells(projectId, from, to.minusDays(1), ComplaintRollup.Grouping.MONTHS, ComplaintRollup.Kind.CAUSE)
			.stream()
			.filter(c -> c.month() != null && c.value() != null && c.projectId() == null)
			.map(c -> new CauseCount(c.month(), ComplaintCause.valueOf(c.value()), c.sums().n()))
			.sorted(java.util.Comparator.comparing(CauseCount::month).thenComparing(CauseCount::cause))
			.toList();
	}

}
