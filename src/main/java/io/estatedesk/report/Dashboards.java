package io.estatedesk.report;

import io.estatedesk.shared.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import io.estatedesk.complaint.ComplaintFigures;
import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.handover.HandoverFigures;
import io.estatedesk.office.OfficeFigures;
import io.estatedesk.repair.WorkOrderFigures;
import io.estatedesk.shared.CaseFigures.Aged;
import io.estatedesk.shared.CaseFigures.Monthly;
import io.estatedesk.shared.CaseFigures.Today;
import io.estatedesk.survey.ReturnCallFigures;
import org.springframework.stereotype.Service;

/**
 * The dashboards' figures, gathered from the modules' aggregate queries. The independent queries run side by side on
 * their own connections, so a dashboard takes about as long as its slowest query, not the sum of them.
 */
@Service
class Dashboards {

	/** A period of whole months: {@code from} is the first day of the first month, {@code to} the day after the last. */
	record Period(Long projectId, YearMonth first, YearMonth last) {

		LocalDate from() {
			return first.atDay(1);
		}

		LocalDate to() {
			return last.plusMonths(1).atDay(1);
		}

		List<YearMonth> months() {
			List<YearMonth> months = new ArrayList<>();
			for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
				months.add(m);
			}
			return months;
		}

	}

	record Manager(Period period, Today complaints, Today workOrders, Today returnCalls, OfficeFigures.Today office,
			List<Aged> complaintAges, List<Aged> workOrderAges, List<Monthly> complaintMonths, List<Monthly> workOrderMonths,
			List<Monthly> returnCallMonths, List<ComplaintFigures.CauseCount> causes,
			List<HandoverFigures.BatchProgress> batches, Instant at, long millis) {
	}

	/** One project's month against the month before. */
	record ProjectRow(long projectId, String projectName, Monthly complaints, Monthly complaintsBefore, Monthly workOrders,
			Monthly workOrdersBefore, Monthly returnCalls, Monthly returnCallsBefore) {
	}

	record Leader(YearMonth month, List<ProjectRow> projects, ProjectRow total, List<Monthly> complaintTrend,
			List<Monthly> workOrderTrend, List<Monthly> returnCallTrend, Instant at, long millis) {
	}

	private final ComplaintFigures complaints;

	private final WorkOrderFigures workOrders;

	private final ReturnCallFigures returnCalls;

	private final HandoverFigures handovers;

	private final OfficeFigures office;

	private final ArchiveLookup archive;

	private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
		Thread t = new Thread(r, "dashboard-figures");
		t.setDaemon(true);
		return t;
	});

	Dashboards(ComplaintFigures complaints, WorkOrderFigures workOrders, ReturnCallFigures returnCalls,
			HandoverFigures handovers, OfficeFigures office, ArchiveLookup archive) {
		this.complaints = complaints;
		this.workOrders = workOrders;
		this.returnCalls = returnCalls;
		this.handovers = handovers;
		this.office = office;
		this.archive = archive;
	}

	@PreDestroy
	void stop() {
		pool.shutdownNow();
	}

	Manager manager(Period p) {
		long started = System.nanoTime();
		Instant now = BusinessClock.now();
		Instant endOfDay = BusinessClock.today().plusDays(1).atStartOfDay(BusinessClock.ZONE).toInstant();
		Long project = p.projectId();
		var cToday = async(() -> complaints.today(project, endOfDay));
		var wToday = async(() -> workOrders.today(project, endOfDay));
		var rToday = async(() -> returnCalls.today(project, endOfDay));
		var oToday = async(office::today);
		var cAges = async(() -> complaints.open(project, now));
		var wAges = async(() -> workOrders.open(project, now));
		var cMonths = async(() -> complaints.monthly(project, p.from(), p.to()));
		var wMonths = async(() -> workOrders.monthly(project, p.from(), p.to()));
		var rMonths = async(() -> returnCalls.monthly(project, p.from(), p.to()));
		var causes = async(() -> complaints.causes(project, p.from(), p.to()));
		var batches = async(() -> handovers.batches(project, 8));
		return new Manager(p, join(cToday), join(wToday), join(rToday), join(oToday), join(cAges), join(wAges),
				join(cMonths), join(wMonths), join(rMonths), join(causes), join(batches), now,
				(System.nanoTime() - started) / 1_000_000);
	}

	Leader leader(YearMonth month, int trendMonths) {
		long started = System.nanoTime();
		LocalDate from = month.minusMonths(1).atDay(1);
		LocalDate to = month.plusMonths(1).atDay(1);
		LocalDate trendFrom = month.minusMonths(trendMonths - 1L).atDay(1);
		var c = async(() -> complaints.monthlyByProject(from, to));
		var w = async(() -> workOrders.monthlyByProject(from, to));
		var r = async(() -> returnCalls.monthlyByProject(from, to));
		var cTrend = async(() -> complaints.monthly(null, trendFrom, to));
		var wTrend = async(() -> workOrders.monthly(null, trendFrom, to));
		var rTrend = async(() -> returnCalls.monthly(null, trendFrom, to));
		Map<Long, Map<LocalDate, Monthly>> cm = byProject(join(c));
		Map<Long, Map<LocalDate, Monthly>> wm = byProject(join(w));
		Map<Long, Map<LocalDate, Monthly>> rm = byProject(join(r));
		LocalDate thisMonth = month.atDay(1);
		LocalDate before = month.minusMonths(1).atDay(1);
		List<ProjectRow> rows = new ArrayList<>();
		for (ArchiveLookup.ProjectRef ref : archive.projects()) {
			rows.add(new ProjectRow(ref.id(), ref.name(), get(cm, ref.id(), thisMonth), get(cm, ref.id(), before),
					get(wm, ref.id(), thisMonth), get(wm, ref.id(), before), get(rm, ref.id(), thisMonth),
					get(rm, ref.id(), before)));
		}
		ProjectRow total = new ProjectRow(0, "", sum(rows, ProjectRow::complaints, thisMonth),
				sum(rows, ProjectRow::complaintsBefore, before), sum(rows, ProjectRow::workOrders, thisMonth),
				sum(rows, ProjectRow::workOrdersBefore, before), sum(rows, ProjectRow::returnCalls, thisMonth),
				sum(rows, ProjectRow::returnCallsBefore, before));
		return new Leader(month, rows, total, join(cTrend), join(wTrend), join(rTrend), BusinessClock.now(),
				(System.nanoTime() - started) / 1_000_000);
	}

	private static Map<Long, Map<LocalDate, Monthly>> byProject(List<Monthly> rows) {
		Map<Long, Map<LocalDate, Monthly>> map = new LinkedHashMap<>();
		rows.forEach(m -> map.computeIfAbsent(m.projectId(), k -> new LinkedHashMap<>()).put(m.month(), m));
		return map;
	}

	private static Monthly get(Map<Long, Map<LocalDate, Monthly>> map, long projectId, LocalDate month) {
		Monthly m = map.getOrDefault(projectId, Map.of()).get(month);
		return m != null ? m : new Monthly(projectId, month, 0, 0, 0, 0, 0, 0);
	}

	private static Monthly sum(List<ProjectRow> rows, java.util.function.Function<ProjectRow, Monthly> f, LocalDate month) {
		long n = 0, done = 0, timed = 0, onTime = 0, rated = 0, good = 0;
		for (ProjectRow row : rows) {
			Monthly m = f.apply(row);
			n += m.count();
			done += m.done();
			timed += m.timed();
			onTime += m.onTime();
			rated += m.rated();
			good += m.good();
		}
		return new Monthly(null, month, n, done, timed, onTime, rated, good);
	}

	private <T> CompletableFuture<T> async(Supplier<T> query) {
		return CompletableFuture.supplyAsync(query, pool);
	}

	private static <T> T join(CompletableFuture<T> f) {
		try {
			return f.join();
		}
		catch (CompletionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : e;
		}
	}

}
