package io.estatedesk.report;

import io.estatedesk.shared.PageData;
import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import io.estatedesk.complaint.ComplaintCause;
import io.estatedesk.complaint.ComplaintFigures;
import io.estatedesk.complaint.ComplaintState;
import io.estatedesk.repair.WorkOrderState;
import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.handover.HandoverFigures;
import io.estatedesk.handover.HandoverState;
import io.estatedesk.shared.CaseFigures.Aged;
import io.estatedesk.shared.CaseFigures.Monthly;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 部门经理 dashboard and 公司领导 dashboard; every chart opens the list behind it. */
@Controller
@PreAuthorize("hasAuthority('DASHBOARD_VIEW')")
class DashboardController {

	static final int DEFAULT_MONTHS = 6;

	/** The segments of a batch's 交房进度 and the unit state each counts. */
	enum Segment {

		WAITING(HandoverState.ADDED, HandoverFigures.BatchProgress::waiting),
		BOOKED(HandoverState.BOOKED, HandoverFigures.BatchProgress::booked),
		INSPECTED(HandoverState.INSPECTED, HandoverFigures.BatchProgress::inspected),
		ACCEPTED(HandoverState.ACCEPTED, HandoverFigures.BatchProgress::accepted),
		REFUSED(HandoverState.REFUSED, HandoverFigures.BatchProgress::refused);

		final HandoverState state;

		final ToLongFunction<HandoverFigures.BatchProgress> count;

		Segment(HandoverState state, ToLongFunction<HandoverFigures.BatchProgress> count) {
			this.state = state;
			this.count = count;
		}

	}

	private final Dashboards dashboards;

	private final ArchiveLookup archive;

	private final MessageSource messages;

	private final PageData pageData;

	DashboardController(Dashboards dashboards, ArchiveLookup archive, MessageSource messages, PageData pageData) {
		this.dashboards = dashboards;
		this.archive = archive;
		this.messages = messages;
		this.pageData = pageData;
	}

	@GetMapping("/dashboard")
	String manager(@RequestParam(required = false) Long projectId,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to, Model model) {
		Dashboards.Period period = period(projectId, from, to);
		Dashboards.Manager d = dashboards.manager(period);
		model.addAttribute("d", d);
		model.addAttribute("projects", archive.projects());
		model.addAttribute("projectId", projectId);
		model.addAttribute("chartData", pageData.embed(managerCharts(d)));
		return "report/manager";
	}

	@GetMapping("/dashboard/leader")
	String leader(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model) {
		YearMonth m = month != null ? month : BusinessClock.thisMonth();
		Dashboards.Leader d = dashboards.leader(m, 12);
		model.addAttribute("d", d);
		model.addAttribute("chartData", pageData.embed(leaderCharts(d)));
		return "report/leader";
	}

	/** The period asked for, or the last {@value #DEFAULT_MONTHS} months; at most 36 months, the right way round. */
	static Dashboards.Period period(Long projectId, YearMonth from, YearMonth to) {
		YearMonth last = to != null ? to : BusinessClock.thisMonth();
		YearMonth first = from != null ? from : last.minusMonths(DEFAULT_MONTHS - 1L);
		if (first.isAfter(last)) {
			YearMonth t = first;
			first = last;
			last = t;
		}
		if (first.isBefore(last.minusMonths(35))) {
			first = last.minusMonths(35);
		}
		return new Dashboards.Period(projectId, first, last);
	}

	// ---------------------------------------------------------------- chart data

	private Map<String, Object> managerCharts(Dashboards.Manager d) {
		Dashboards.Period p = d.period();
		String project = p.projectId() == null ? "" : "&projectId=" + p.projectId();
		Map<String, Object> charts = new LinkedHashMap<>();
		charts.put("complaintAges", ages(d.complaintAges(), names(ComplaintState.values()), "complaint.state.",
				(state, age) -> "/complaints?open=true&state=" + state + age + project));
		charts.put("workOrderAges", ages(d.workOrderAges(), names(WorkOrderState.values()), "workorder.state.",
				(state, age) -> "/work-orders?open=true&state=" + state + age + project));
		List<YearMonth> months = p.months();
		Function<YearMonth, String> complaintList = m -> complaints(m, "") + project;
		Function<YearMonth, String> complaintsClosed = m -> complaints(m, "CLOSED") + project;
		Function<YearMonth, String> complaintsReplied = m -> complaints(m, "REPLIED") + project;
		Function<YearMonth, String> complaintsRated = m -> complaints(m, "RATED") + project;
		Function<YearMonth, String> workOrderList = m -> workOrders(m, "") + project;
		Function<YearMonth, String> workOrdersAccepted = m -> workOrders(m, "ACCEPTED") + project;
		Function<YearMonth, String> workOrdersRated = m -> workOrders(m, "RATED") + project;
		Function<YearMonth, String> returnCallList = m -> returnCalls(m, "") + project;
		Function<YearMonth, String> returnCallsTimed = m -> returnCalls(m, "TIMED") + project;
		Function<YearMonth, String> returnCallsRated = m -> returnCalls(m, "RATED") + project;
		charts.put("volume", chart(months, false, false,
				series(msg("dashboard.series.complaintsReceived"), "bar", months, d.complaintMonths(), Monthly::count, complaintList),
				series(msg("dashboard.series.complaintsClosed"), "bar", months, d.complaintMonths(), Monthly::done, complaintsClosed),
				series(msg("dashboard.series.workOrdersReported"), "bar", months, d.workOrderMonths(), Monthly::count, workOrderList),
				series(msg("dashboard.series.workOrdersCompleted"), "bar", months, d.workOrderMonths(), Monthly::done, workOrdersAccepted)));
		// a rate's point opens the cases it is judged on (its base), of the month the series counts them by
		charts.put("sla", chart(months, false, true,
				rate(msg("dashboard.series.complaintReplyOnTime"), months, d.complaintMonths(), Monthly::onTime, Monthly::timed, complaintsReplied),
				rate(msg("dashboard.series.workOrderOnTime"), months, d.workOrderMonths(), Monthly::onTime, Monthly::timed, workOrdersAccepted),
				rate(msg("dashboard.series.returnCallOnTime"), months, d.returnCallMonths(), Monthly::onTime, Monthly::timed, returnCallsTimed)));
		charts.put("satisfaction", chart(months, false, true,
				rate(msg("dashboard.series.returnCallsMade"), months, d.returnCallMonths(), Monthly::done, Monthly::count, returnCallList),
				rate(msg("dashboard.series.complaintSatisfied"), months, d.complaintMonths(), Monthly::good, Monthly::rated, complaintsRated),
				rate(msg("dashboard.series.workOrderSatisfied"), months, d.workOrderMonths(), Monthly::good, Monthly::rated, workOrdersRated),
				rate(msg("dashboard.series.returnCallSatisfied"), months, d.returnCallMonths(), Monthly::good, Monthly::rated, returnCallsRated)));
		List<Map<String, Object>> causes = new ArrayList<>();
		for (ComplaintCause cause : ComplaintCause.values()) {
			List<Object> values = new ArrayList<>();
			List<String> links = new ArrayList<>();
			long total = 0;
			for (YearMonth m : months) {
				long n = d.causes().stream().filter(c -> c.cause() == cause && c.month().equals(m.atDay(1)))
					.mapToLong(ComplaintFigures.CauseCount::count).sum();
				total += n;
				values.add(n);
				links.add("/complaints?cause=" + cause + "&from=" + m.atDay(1) + "&to=" + m.atEndOfMonth() + project);
			}
			if (total > 0) {
				causes.add(Map.of("name", msg("complaint.cause." + cause), "values", values, "links", links));
			}
		}
		charts.put("causes", Map.of("labels", labels(months), "series", causes, "stack", true));
		List<String> batchLabels = d.batches().stream().map(b -> b.projectName() + " " + b.name()).toList();
		List<Map<String, Object>> batchSeries = new ArrayList<>();
		// each segment opens the batch's units in that state
		for (Segment part : Segment.values()) {
			batchSeries.add(Map.of("name", msg("dashboard.handover." + part.name().toLowerCase(Locale.ROOT)), "values",
					d.batches().stream().map(part.count::applyAsLong).toList(), "links",
					d.batches().stream().map(b -> "/handover/batches/" + b.id() + "?state=" + part.state).toList()));
		}
		charts.put("handover", Map.of("labels", batchLabels, "series", batchSeries, "stack", true));
		return charts;
	}

	private Map<String, Object> leaderCharts(Dashboards.Leader d) {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = d.month().minusMonths(11); !m.isAfter(d.month()); m = m.plusMonths(1)) {
			months.add(m);
		}
		Function<YearMonth, String> complaintList = m -> complaints(m, "");
		Function<YearMonth, String> complaintsReplied = m -> complaints(m, "REPLIED");
		Function<YearMonth, String> returnCallsRated = m -> returnCalls(m, "RATED");
		Function<YearMonth, String> workOrderList = m -> workOrders(m, "");
		Function<YearMonth, String> workOrdersAccepted = m -> workOrders(m, "ACCEPTED");
		Map<String, Object> charts = new LinkedHashMap<>();
		charts.put("trend", chart(months, false, false,
				series(msg("dashboard.series.complaintsReceived"), "bar", months, d.complaintTrend(), Monthly::count, complaintList),
				series(msg("dashboard.series.workOrdersReported"), "bar", months, d.workOrderTrend(), Monthly::count, workOrderList)));
		charts.put("quality", chart(months, false, true,
				rate(msg("dashboard.series.complaintReplyOnTime"), months, d.complaintTrend(), Monthly::onTime, Monthly::timed, complaintsReplied),
				rate(msg("dashboard.series.workOrderOnTime"), months, d.workOrderTrend(), Monthly::onTime, Monthly::timed, workOrdersAccepted),
				rate(msg("dashboard.series.returnCallSatisfied"), months, d.returnCallTrend(), Monthly::good, Monthly::rated, returnCallsRated)));
		List<String> names = d.projects().stream().map(Dashboards.ProjectRow::projectName).toList();
		// each bar opens the project's complaints received in that month
		charts.put("projects", Map.of("labels", names, "series", List.of(
				Map.of("name", msg("dashboard.leader.lastMonth"), "values",
						d.projects().stream().map(r -> r.complaintsBefore().count()).toList(), "links",
						d.projects().stream().map(r -> complaints(d.month().minusMonths(1), "") + "&projectId=" + r.projectId()).toList()),
				Map.of("name", msg("dashboard.leader.thisMonth"), "values",
						d.projects().stream().map(r -> r.complaints().count()).toList(), "links",
						d.projects().stream().map(r -> complaints(d.month(), "") + "&projectId=" + r.projectId()).toList()))));
		return charts;
	}

	private static Map<String, Object> chart(List<YearMonth> months, boolean stack, boolean percent, Map<?, ?>... series) {
		return Map.of("labels", labels(months), "series", List.of(series), "stack", stack, "percent", percent);
	}

	private static List<String> labels(List<YearMonth> months) {
		return months.stream().map(YearMonth::toString).toList();
	}

	private static Map<String, Object> series(String name, String type, List<YearMonth> months, List<Monthly> rows,
			ToLongFunction<Monthly> value, Function<YearMonth, String> link) {
		List<Object> values = new ArrayList<>();
		for (YearMonth m : months) {
			values.add(find(rows, m).map(value::applyAsLong).orElse(0L));
		}
		return Map.of("name", name, "type", type, "values", values, "links", months.stream().map(link).toList());
	}

	/** A percentage per month; a month with nothing to judge has no point (null), not 0 %. */
	private static Map<String, Object> rate(String name, List<YearMonth> months, List<Monthly> rows,
			ToLongFunction<Monthly> part, ToLongFunction<Monthly> whole, Function<YearMonth, String> link) {
		List<Object> values = new ArrayList<>();
		for (YearMonth m : months) {
			values.add(find(rows, m).filter(r -> whole.applyAsLong(r) > 0)
				.map(r -> Math.round(1000.0 * part.applyAsLong(r) / whole.applyAsLong(r)) / 10.0)
				.orElse(null));
		}
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("name", name);
		s.put("type", "line");
		s.put("values", values);
		s.put("links", months.stream().map(link).toList());
		return s;
	}

	private static java.util.Optional<Monthly> find(List<Monthly> rows, YearMonth m) {
		LocalDate first = m.atDay(1);
		return rows.stream().filter(r -> r.month().equals(first)).findFirst();
	}

	private static List<String> names(Enum<?>[] values) {
		return java.util.Arrays.stream(values).map(Enum::name).toList();
	}

	/** Open cases per state in the order of the case's life, each state split by age. */
	private Map<String, Object> ages(List<Aged> rows, List<String> order, String statePrefix,
			java.util.function.BiFunction<String, String, String> link) {
		List<String> states = rows.stream().map(Aged::state)
			.sorted(java.util.Comparator.comparingInt(s -> order.indexOf(s) < 0 ? order.size() : order.indexOf(s))).toList();
		List<String> labels = states.stream().map(s -> msg(statePrefix + s)).toList();
		List<Map<String, Object>> series = new ArrayList<>();
		Map<String, ToLongFunction<Aged>> buckets = new LinkedHashMap<>();
		buckets.put("dashboard.age.day", Aged::day);
		buckets.put("dashboard.age.days3", Aged::days3);
		buckets.put("dashboard.age.days7", Aged::days7);
		buckets.put("dashboard.age.days30", Aged::days30);
		buckets.put("dashboard.age.older", Aged::older);
		Map<String, Aged> byState = new LinkedHashMap<>();
		rows.forEach(r -> byState.put(r.state(), r));
		buckets.forEach((key, value) -> series.add(Map.of("name", msg(key), "values",
				states.stream().map(state -> value.applyAsLong(byState.get(state))).toList(), "links",
				states.stream().map(state -> link.apply(state, AGE_BOUNDS.get(key))).toList())));
		return Map.of("labels", labels, "series", series, "stack", true);
	}

	/** Each age column as the list's bounds in days: the dashboard counts 1, 3, 7 and 30 days back from now. */
	private static final Map<String, String> AGE_BOUNDS = Map.of("dashboard.age.day", "&ageTo=1", "dashboard.age.days3",
			"&ageFrom=1&ageTo=3", "dashboard.age.days7", "&ageFrom=3&ageTo=7", "dashboard.age.days30", "&ageFrom=7&ageTo=30",
			"dashboard.age.older", "&ageFrom=30");

	/** The complaints received in a month (by 日期, as the series count them), narrowed to a progress when given. */
	static String complaints(YearMonth m, String progress) {
		return "/complaints?from=" + m.atDay(1) + "&to=" + m.atEndOfMonth() + (progress.isEmpty() ? "" : "&progress=" + progress);
	}

	/** The work orders reported in a month (by 报修时间 in China), narrowed to a progress when given. */
	static String workOrders(YearMonth m, String progress) {
		return "/work-orders?reportedFrom=" + m.atDay(1) + "&reportedTo=" + m.atEndOfMonth()
				+ (progress.isEmpty() ? "" : "&progress=" + progress);
	}

	/** The return calls due in a month (by 回访时限 in China, as the series count them), narrowed to a progress when given. */
	static String returnCalls(YearMonth m, String progress) {
		return "/return-calls?dueFrom=" + m.atDay(1) + "&dueTo=" + m.atEndOfMonth()
				+ (progress.isEmpty() ? "" : "&progress=" + progress);
	}

	private String msg(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, null, key, locale);
	}

}
