package io.estatedesk.staff;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.WorkCalendar;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 工作日历: an administrator enters each year's public holidays and make-up workdays once the State Council has
 * published them — one line per day, "2027-01-01 休 元旦" or "2027-02-07 班 春节调休".
 */
@Controller
@RequestMapping("/admin/calendar")
@PreAuthorize("hasAuthority('CALENDAR_ADMIN')")
class CalendarController {

	private final WorkCalendar calendar;

	private final Permissions permissions;

	CalendarController(WorkCalendar calendar, Permissions permissions) {
		this.calendar = calendar;
		this.permissions = permissions;
	}

	@GetMapping
	String page(@RequestParam(required = false) Integer year, Model model) {
		int shown = year != null ? year : BusinessClock.today().getYear();
		model.addAttribute("years", calendar.years());
		model.addAttribute("year", shown);
		model.addAttribute("days", calendar.days(shown));
		model.addAttribute("missing", calendar.missingComingYear(BusinessClock.today()).orElse(null));
		if (!model.containsAttribute("lines")) {
			StringBuilder sb = new StringBuilder();
			calendar.days(shown).forEach(d -> sb.append(d.day()).append(d.workday() ? " 班 " : " 休 ").append(d.name()).append('\n'));
			model.addAttribute("lines", sb.toString());
			model.addAttribute("source", calendar.years().stream().filter(y -> y.year() == shown).map(WorkCalendar.CalendarYear::source)
				.findFirst().orElse(""));
		}
		return "staff/calendar";
	}

	@PostMapping
	String save(@RequestParam int year, @RequestParam(required = false) String source,
			@RequestParam(required = false) String lines, Model model, RedirectAttributes flash) {
		List<WorkCalendar.CalendarDay> days = new ArrayList<>();
		String error = null;
		int lineNo = 0;
		for (String raw : (lines == null ? "" : lines).split("\\R")) {
			lineNo++;
			String line = raw.strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = line.split("\\s+", 3);
			try {
				if (parts.length < 2 || !(parts[1].equals("休") || parts[1].equals("班"))) {
					throw new IllegalArgumentException();
				}
				LocalDate day = LocalDate.parse(parts[0]);
				if (day.getYear() != year) {
					error = "calendar.line.year";
					break;
				}
				days.add(new WorkCalendar.CalendarDay(day, parts[1].equals("班"), parts.length > 2 ? parts[2] : ""));
			}
			catch (IllegalArgumentException | DateTimeParseException e) {
				error = "calendar.line.invalid";
				break;
			}
		}
		if (error == null && (source == null || source.isBlank())) {
			error = "calendar.source.required";
		}
		if (error != null) {
			model.addAttribute("error", error);
			model.addAttribute("errorLine", lineNo);
			model.addAttribute("lines", lines);
			model.addAttribute("source", source);
			return page(year, model);
		}
		try {
			calendar.saveYear(year, source.strip(), permissions.currentUsername(), days);
		}
		catch (BusinessRuleException e) {
			model.addAttribute("error", e.getMessage());
			return page(year, model);
		}
		flash.addFlashAttribute("flashSuccess", "calendar.saved");
		return "redirect:/admin/calendar?year=" + year;
	}

}
