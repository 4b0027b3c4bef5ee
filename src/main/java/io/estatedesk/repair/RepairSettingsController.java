package io.estatedesk.repair;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;


import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.staff.Permissions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 维修设置: trades and their due times, warning and return-call settings, and the versioned warranty rules. */
@Controller
@RequestMapping("/work-orders/settings")
@PreAuthorize("hasAuthority('REPAIR_SETTINGS')")
class RepairSettingsController {

	private final RepairRules rules;

	private final WarrantyRules warranty;

	private final Permissions permissions;

	RepairSettingsController(RepairRules rules, WarrantyRules warranty, Permissions permissions) {
		this.rules = rules;
		this.warranty = warranty;
		this.permissions = permissions;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("trades", rules.trades());
		model.addAttribute("warnMinutes", rules.warnMinutes());
		model.addAttribute("returnRate", rules.returnRate());
		model.addAttribute("returnDays", rules.returnDays());
		model.addAttribute("versions", warranty.versions());
		if (!model.containsAttribute("ruleLines")) {
			model.addAttribute("ruleLines", warranty.inForce(WorkOrderManagement.today()).stream()
				.map(r -> new WarrantyRules.RuleLine(r.component(), r.name(), r.tradeId(), r.kind(), r.period(),
						r.seasonStart() == null ? null : r.seasonStart().toString().substring(2),
						r.seasonEnd() == null ? null : r.seasonEnd().toString().substring(2), r.basis()))
				.toList());
		}
		if (!model.containsAttribute("warrantyErrors")) {
			model.addAttribute("warrantyErrors", java.util.Map.of());
		}
		model.addAttribute("statutory", Warranty.STATUTORY);
		model.addAttribute("kinds", Warranty.PeriodKind.values());
		return "repair/settings";
	}

	@PostMapping("/trades")
	String trade(@RequestParam long id, @RequestParam(required = false) Integer normalDays,
			@RequestParam(required = false) Integer emergencyHours, @RequestParam(defaultValue = "false") boolean active,
			RedirectAttributes flash) {
		try {
			rules.saveTrade(id, normalDays, emergencyHours, active);
			flash.addFlashAttribute("flashSuccess", "common.saved");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().values().iterator().next());
		}
		return "redirect:/work-orders/settings";
	}

	@PostMapping("/general")
	String general(@RequestParam(required = false) Integer warnMinutes, @RequestParam(required = false) Integer returnRate,
			@RequestParam(required = false) Integer returnDays, RedirectAttributes flash) {
		try {
			rules.saveSettings(warnMinutes, returnRate, returnDays);
			flash.addFlashAttribute("flashSuccess", "common.saved");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().values().iterator().next());
		}
		return "redirect:/work-orders/settings";
	}

	/** Saves the edited rules as a new version taking effect on the given day. */
	@PostMapping("/warranty")
	String warranty(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
			@RequestParam(required = false) String note, @RequestParam(name = "component", required = false) List<String> components,
			@RequestParam(name = "name", required = false) List<String> names,
			@RequestParam(name = "tradeId", required = false) List<String> tradeIds,
			@RequestParam(name = "kind", required = false) List<String> kinds,
			@RequestParam(name = "period", required = false) List<String> periods,
			@RequestParam(name = "seasonStart", required = false) List<String> seasonStarts,
			@RequestParam(name = "seasonEnd", required = false) List<String> seasonEnds,
			@RequestParam(name = "basis", required = false) List<String> bases, Model model, RedirectAttributes flash) {
		List<WarrantyRules.RuleLine> lines = new ArrayList<>();
		int n = components == null ? 0 : components.size();
		for (int i = 0; i < n; i++) {
			String name = at(names, i);
			String component = at(components, i);
			if ((component == null || component.isBlank()) && (name == null || name.isBlank())) {
				continue; // the empty line for a new component, left empty
			}
			if (component == null || component.isBlank()) {
				component = "CUSTOM_" + (i + 1) + "_" + BusinessClock.now().toEpochMilli() % 100000;
			}
			lines.add(new WarrantyRules.RuleLine(component, name, number(at(tradeIds, i)) == null ? null
					: number(at(tradeIds, i)).longValue(), kind(at(kinds, i)),
					number(at(periods, i)), at(seasonStarts, i), at(seasonEnds, i), at(bases, i)));
		}
		try {
			warranty.saveVersion(effectiveFrom, note, lines, permissions.currentUsername());
			flash.addFlashAttribute("flashSuccess", "warranty.saved");
			return "redirect:/work-orders/settings#warranty";
		}
		catch (InvalidInputException e) {
			model.addAttribute("warrantyErrors", e.errors());
			model.addAttribute("ruleLines", lines);
			model.addAttribute("effectiveFrom", effectiveFrom);
			model.addAttribute("note", note);
			return page(model);
		}
	}

	private static String at(List<String> values, int i) {
		return values != null && i < values.size() ? values.get(i) : null;
	}

	/** The unit sent, or null when it is none of them (an old form's "SEASONS", say), to be refused by field. */
	private static Warranty.PeriodKind kind(String s) {
		try {
			return s == null || s.isBlank() ? Warranty.PeriodKind.YEARS : Warranty.PeriodKind.valueOf(s.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static Integer number(String s) {
		try {
			return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}


}
