package io.estatedesk.complaint;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** 投诉统计: counts, times and rates computed by the database for a project and a period. */
@Component
@Transactional(readOnly = true)
class ComplaintStatistics {

	/** One bar or slice: label, count, and the list it links to. */
	record Bucket(String label, long count, String link) {
	}

	record Summary(long total, long open, long overdue, long closed, Double avgReplyHours, Double avgCloseHours,
			Double onTimeReplyRate, Double satisfactionRate, long reopened) {
	}

	record Report(Summary summary, List<Bucket> byCategory, List<Bucket> byChannel, List<Bucket> byProject,
			List<Bucket> byHandler, List<Bucket> byState, List<Bucket> byMonth) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final ComplaintRollup rollup;

	ComplaintStatistics(NamedParameterJdbcTemplate jdbc, ComplaintRollup rollup) {
		this.jdbc = jdbc;
		this.rollup = rollup;
	}

	/**
	 * The report of the complaints dated {@code from} to {@code to}: every figure from the kept day and month sums
	 * (one pass), except 超时, which depends on the moment and is counted over the open complaints of the period.
	 */
	Report report(Long projectId, LocalDate from, LocalDate to) {
		String link = "from=" + from + "&to=" + to + (projectId == null ? "" : "&projectId=" + projectId);
		String base = "/complaints?" + link;
		String allProjects = "/complaints?from=" + from + "&to=" + to;
		List<ComplaintRollup.Cell> cells = rollup.cells(projectId, from, to, ComplaintRollup.Grouping.STATISTICS);
		ComplaintRollup.Sums all = cells.stream()
			.filter(c -> c.kind() == ComplaintRollup.Kind.ALL && c.value() != null)
			.findFirst().map(ComplaintRollup.Cell::sums)
			.orElse(new ComplaintRollup.Sums(0, 0, 0, 0, 0, 0, 0, 0, 0));
		Summary summary = new Summary(all.n(), all.open(), overdue(projectId, from, to), all.closed(),
				ratio(all.replySeconds() / 3600, all.replied()), ratio(all.closeSeconds() / 3600, all.closed()),
				ratio(all.onTime(), all.replied()), ratio(all.good(), all.rated()), all.reopened());
		Map<String, String> categories = names("select id::text k, name from complaint_category");
		Map<String, String> handlers = names("select id::text k, display_name name from staff_person");
		Map<String, String> projects = names("select id::text k, name from estate_project");
		return new Report(summary,
				values(cells, ComplaintRollup.Kind.CATEGORY, categories, base + "&categoryId=", 0),
				values(cells, ComplaintRollup.Kind.CHANNEL, null, base + "&channel=", 0),
				cells.stream().filter(c -> c.kind() == ComplaintRollup.Kind.ALL && c.projectId() != null)
					.map(c -> new Bucket(projects.getOrDefault(String.valueOf(c.projectId()), "?"), c.sums().n(),
							allProjects + "&projectId=" + c.projectId()))
					.sorted(LARGEST_FIRST).limit(20).toList(),
				values(cells, ComplaintRollup.Kind.HANDLER, handlers, base + "&handlerId=", 15),
				values(cells, ComplaintRollup.Kind.STATE, null, base + "&state=", 0),
				months(cells.stream().filter(c -> c.kind() == ComplaintRollup.Kind.ALL && c.month() != null)
					.sorted(java.util.Comparator.comparing(ComplaintRollup.Cell::month))
					.map(c -> new Bucket(c.month().toString().substring(0, 7), c.sums().n(), null)).toList(), projectId, from, to));
	}

	private static final java.util.Comparator<Bucket> LARGEST_FIRST = java.util.Comparator.comparingLong(Bucket::count)
		.reversed().thenComparing(Bucket::label);

	/** The buckets of one kind, largest first (at most {@code limit}, 0 for all), labelled by name or by code. */
	private static List<Bucket> values(List<ComplaintRollup.Cell> cells, ComplaintRollup.Kind kind, Map<String, String> names,
			String linkPrefix, int limit) {
		var buckets = cells.stream().filter(c -> c.kind() == kind && c.value() != null)
			.map(c -> new Bucket(names == null ? c.value() : names.getOrDefault(c.value(), "?"), c.sums().n(),
					linkPrefix + c.value()))
			.sorted(LARGEST_FIRST);
		return (limit > 0 ? buckets.limit(limit) : buckets).toList();
	}

	/** The open complaints of the period overdue now (read through the open-complaint index). */
	private long overdue(Long projectId, LocalDate from, LocalDate to) {
		return jdbc.queryForObject("select count(*) from complaint c where c.closed_at is null and " + ComplaintQueries.openOverdue()
				+ " and c.complaint_date between :from and :to" + (projectId == null ? "" : " and c.project_id = :projectId"),
				new MapSqlParameterSource("from", from).addValue("to", to).addValue("projectId", projectId), Long.class);
	}

	private Map<String, String> names(String sql) {
		Map<String, String> names = new java.util.HashMap<>();
		jdbc.query(sql, rs -> {
			names.put(rs.getString("k"), rs.getString("name"));
		});
		return names;
	}

	private static Double ratio(double part, long whole) {
		return whole == 0 ? null : part / whole;
	}

	/** Each month's bar opens its days within the period asked for. */
	private static List<Bucket> months(List<Bucket> months, Long projectId, LocalDate from, LocalDate to) {
		return months.stream().map(b -> {
			java.time.YearMonth m = java.time.YearMonth.parse(b.label());
			LocalDate first = m.atDay(1).isBefore(from) ? from : m.atDay(1);
			LocalDate last = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
			return new Bucket(b.label(), b.count(), "/complaints?from=" + first + "&to=" + last
					+ (projectId == null ? "" : "&projectId=" + projectId));
		}).toList();
	}

	static Map<String, Object> asChartData(Report r, java.util.function.Function<String, String> label) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("byCategory", r.byCategory());
		m.put("byChannel", r.byChannel().stream().map(b -> new Bucket(label.apply("complaint.channel." + b.label()), b.count(), b.link())).toList());
		m.put("byProject", r.byProject());
		m.put("byHandler", r.byHandler());
		m.put("byState", r.byState().stream().map(b -> new Bucket(label.apply("complaint.state." + b.label()), b.count(), b.link())).toList());
		m.put("byMonth", r.byMonth());
		return m;
	}

}
