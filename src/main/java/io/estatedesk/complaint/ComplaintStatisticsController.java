package io.estatedesk.complaint;

import io.estatedesk.shared.PageData;
import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;

import io.estatedesk.estate.ArchiveLookup;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 投诉统计 page: figures and charts for a project and period; every chart links to the list behind it. */
@Controller
@PreAuthorize("hasAuthority('COMPLAINT_VIEW')")
class ComplaintStatisticsController {

	private final ComplaintStatistics statistics;

	private final ArchiveLookup archive;

	private final MessageSource messages;

	private final PageData pageData;

	ComplaintStatisticsController(ComplaintStatistics statistics, ArchiveLookup archive, MessageSource messages, PageData pageData) {
		this.statistics = statistics;
		this.archive = archive;
		this.messages = messages;
		this.pageData = pageData;
	}

	@GetMapping("/complaints/statistics")
	String page(@RequestParam(required = false) Long projectId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		LocalDate today = BusinessClock.today();
		LocalDate end = to != null ? to : today;
		LocalDate start = from != null ? from : end.minusMonths(11).withDayOfMonth(1);
		if (start.isAfter(end)) {
			LocalDate t = start;
			start = end;
			end = t;
		}
		ComplaintStatistics.Report report = statistics.report(projectId, start, end);
		var locale = LocaleContextHolder.getLocale();
		model.addAttribute("report", report);
		model.addAttribute("chartData", pageData.embed(ComplaintStatistics.asChartData(report,
				key -> messages.getMessage(key, null, key, locale))));
		model.addAttribute("projects", archive.projects());
		model.addAttribute("projectId", projectId);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		return "complaint/statistics";
	}

}
