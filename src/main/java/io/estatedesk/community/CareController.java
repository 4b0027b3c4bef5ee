package io.estatedesk.community;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Texts;
import io.estatedesk.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 关怀提醒 (owners due under each rule, 已关怀 / 跳过) and the care rules themselves. */
@Controller
@PreAuthorize("hasAuthority('COMMUNITY_VIEW')")
class CareController {

	static final int SHOWN_PER_RULE = 100;

	private final CarePlans care;

	private final ArchiveLookup archive;

	CareController(CarePlans care, ArchiveLookup archive) {
		this.care = care;
		this.archive = archive;
	}

	@GetMapping("/care")
	String reminders(Model model) {
		LocalDate today = BusinessClock.today();
		model.addAttribute("today", today);
		model.addAttribute("due", care.due(today, SHOWN_PER_RULE));
		model.addAttribute("recent", care.recent(20));
		model.addAttribute("shownPerRule", SHOWN_PER_RULE);
		return "community/care";
	}

	@PostMapping("/care/records")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String record(@RequestParam long ruleId, @RequestParam long ownerId, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) String occasion, @RequestParam(required = false) CarePlans.Outcome outcome,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		Map<String, String> parseErrors = new LinkedHashMap<>();
		LocalDate day = CommunityForms.date(occasion, "occasion", parseErrors);
		try {
			care.record(ruleId, ownerId, unitId, day, outcome, note);
			flash.addFlashAttribute("flashSuccess", outcome == CarePlans.Outcome.SKIPPED ? "community.care.skipped" : "community.care.done");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", CommunityForms.merge(e.errors(), parseErrors).values().iterator().next());
		}
		return "redirect:/care";
	}

	@GetMapping("/care/rules")
	String rules(Model model) {
		model.addAttribute("rules", care.rules());
		return "community/care-rules";
	}

	@GetMapping("/care/rules/new")
	@PreAuthorize("hasAuthority('COMMUNITY_MANAGE')")
	String newRule(Model model) {
		Map<String, String> draft = new HashMap<>();
		draft.put("kind", "BIRTHDAY");
		draft.put("daysAhead", "7");
		draft.put("active", "true");
		draft.put("template", Texts.zh("community.care.rule.defaultTemplate"));
		model.addAttribute("draft", draft);
		return rulePage(model, null);
	}

	private String rulePage(Model model, CarePlans.Rule existing) {
		model.addAttribute("existing", existing);
		model.addAttribute("kinds", CarePlans.Kind.values());
		model.addAttribute("projects", archive.projects());
		model.addAttribute("maxDays", CarePlans.MAX_DAYS_AHEAD);
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "community/care-rule";
	}

	@PostMapping("/care/rules/new")
	@PreAuthorize("hasAuthority('COMMUNITY_MANAGE')")
	String create(@RequestParam Map<String, String> p, Model model, RedirectAttributes flash) {
		Map<String, String> parseErrors = new LinkedHashMap<>();
		try {
			care.createRule(form(p, parseErrors));
			flash.addFlashAttribute("flashSuccess", "common.saved");
			return "redirect:/care/rules";
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", CommunityForms.merge(e.errors(), parseErrors));
		}
		model.addAttribute("draft", p);
		return rulePage(model, null);
	}

	@GetMapping("/care/rules/{id}")
	String rule(@PathVariable long id, Model model) {
		CarePlans.Rule r = care.rule(id).orElseThrow(() -> new NotFoundException("community.care.rule.notFound"));
		Map<String, String> draft = new HashMap<>();
		draft.put("name", r.name());
		draft.put("kind", r.kind().name());
		draft.put("festivalDate", r.festivalDate() == null ? "" : r.festivalDate().toString());
		draft.put("daysAhead", Integer.toString(r.daysAhead()));
		draft.put("template", r.template());
		draft.put("projectId", r.projectId() == null ? "" : r.projectId().toString());
		draft.put("active", Boolean.toString(r.active()));
		model.addAttribute("draft", draft);
		return rulePage(model, r);
	}

	@PostMapping("/care/rules/{id}")
	@PreAuthorize("hasAuthority('COMMUNITY_MANAGE')")
	String update(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes flash) {
		CarePlans.Rule r = care.rule(id).orElseThrow(() -> new NotFoundException("community.care.rule.notFound"));
		Map<String, String> parseErrors = new LinkedHashMap<>();
		try {
			care.updateRule(id, form(p, parseErrors), CommunityForms.version(p));
			flash.addFlashAttribute("flashSuccess", "common.saved");
			return "redirect:/care/rules";
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", CommunityForms.merge(e.errors(), parseErrors));
		}
		catch (ChangedMeanwhile e) {
			model.addAttribute("actionError", "community.changedMeanwhile");
		}
		model.addAttribute("draft", p);
		return rulePage(model, r);
	}

	private static CarePlans.RuleForm form(Map<String, String> p, Map<String, String> parseErrors) {
		CarePlans.Kind kind = null;
		try {
			kind = p.get("kind") == null || p.get("kind").isBlank() ? null : CarePlans.Kind.valueOf(p.get("kind"));
		}
		catch (IllegalArgumentException e) {
			parseErrors.put("kind", "community.care.kind.required");
		}
		return new CarePlans.RuleForm(p.get("name"), kind, CommunityForms.date(p.get("festivalDate"), "festivalDate",
				parseErrors), p.get("daysAhead"), p.get("template"), CommunityForms.id(p.get("projectId")),
				"true".equals(p.get("active")) || "on".equals(p.get("active")));
	}

}
