package io.estatedesk.complaint;

import java.time.LocalDate;
import java.util.ArrayList;
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

	ComplaintStatistics(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Report report(Long projectId, LocalDate from, LocalDate to) {
		MapSqlParameterSource p = new MapSqlParameterSource().addValue("from", from).addValue("to", to);
		String where = " where c.complaint_date between :from and :to";
		String link = "from=" + from + "&to=" + to;
		if (projectId != null) {
			where += " and c.project_id = :projectId";
			p.addValue("projectId", projectId);
			link += "&projectId=" + projectId;
		}
		String base = "/complaints?" + link;
		String allProjects = "/complaints?from=" + from + "&to=" + to;
		Summary summary = jdbc.queryForObject("""
				select count(*) total,
				       count(*) filter (where c.closed_at is null) open,
				       count(*) filter (where %s) overdue,
				       count(*) filter (where c.closed_at is not null) closed,
				       avg(extract(epoch from c.replied_at - c.complained_at) / 3600) filter (where c.replied_at is not null) avg_reply,
				       avg(extract(epoch from c.closed_at - c.complained_at) / 3600) filter (where c.closed_at is not null) avg_close,
				       avg(case when c.replied_at <= c.reply_due then 1.0 else 0.0 end) filter (where c.replied_at is not null) on_time,
				       avg(case when c.return_satisfied then 1.0 else 0.0 end) filter (where c.return_satisfied is not null) satisfied,
				       count(*) filter (where c.reopen_count > 0) reopened
				from complaint c""".formatted(ComplaintQueries.overdue()) + where, p,
				(rs, i) -> new Summary(rs.getLong("total"), rs.getLong("open"), rs.getLong("overdue"), rs.getLong("closed"),
						number(rs, "avg_reply"), number(rs, "avg_close"), number(rs, "on_time"), number(rs, "satisfied"),
						rs.getLong("reopened")));
		return new Report(summary,
				buckets("select cat.id k, cat.name label, count(*) n from complaint c join complaint_category cat on cat.id = c.category_id"
						+ where + " group by cat.id, cat.name order by n desc", p, base + "&categoryId="),
				buckets("select c.channel k, c.channel label, count(*) n from complaint c" + where
						+ " group by c.channel order by n desc", p, base + "&channel="),
				buckets("select pr.id k, pr.name label, count(*) n from complaint c join estate_project pr on pr.id = c.project_id" + where
						+ " group by pr.id, pr.name order by n desc limit 20", p, allProjects + "&projectId="),
				buckets("select s.id k, s.display_name label, count(*) n from complaint c join staff_person s on s.id = c.handler_id"
						+ where + " group by s.id, s.display_name order by n desc limit 15", p, base + "&handlerId="),
				buckets("select c.state k, c.state label, count(*) n from complaint c" + where + " group by c.state", p,
						base + "&state="),
				months(buckets("select to_char(c.complaint_date, 'YYYY-MM') k, to_char(c.complaint_date, 'YYYY-MM') label, count(*) n from complaint c"
						+ where + " group by 1, 2 order by 1", p, null), projectId, from, to));
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

	private static Double number(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		java.math.BigDecimal v = rs.getBigDecimal(column);
		return v == null ? null : v.doubleValue();
	}

	private List<Bucket> buckets(String sql, MapSqlParameterSource p, String linkPrefix) {
		List<Bucket> out = new ArrayList<>();
		jdbc.query(sql, p, rs -> {
			out.add(new Bucket(rs.getString("label"), rs.getLong("n"),
					linkPrefix == null ? null : linkPrefix + rs.getString("k")));
		});
		return out;
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
