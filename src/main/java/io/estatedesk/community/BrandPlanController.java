package io.estatedesk.community;

import static io.estatedesk.community.CommunityForms.*;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 品牌推广计划 pages: the plans with what their activities cost and drew. */
@Controller
@PreAuthorize("hasAuthority('COMMUNITY_VIEW')")
class BrandPlanController {

	private final Activities activities;

	BrandPlanController(Activities activities) {
		this.activities = activities;
	}

	@GetMapping("/brand-plans")
	String plans(Model model) {
		model.addAttribute("plans", activities.plans());
		if (!model.containsAttribute("draft")) {
			LocalDate today = BusinessClock.today();
			model.addAttribute("draft", Map.of("periodFrom", today.withDayOfMonth(1).toString(), "periodTo",
					today.withDayOfMonth(1).plusMonths(3).minusDays(1).toString()));
		}
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "community/plans";
	}

	@PostMapping("/brand-plans")
	@PreAuthorize("hasAuthority('COMMUNITY_MANAGE')")
	String createPlan(@RequestParam Map<String, String> p, Model model, RedirectAttributes flash) {
		Map<String, String> parseErrors = new LinkedHashMap<>();
		Activities.PlanForm form = planForm(p, parseErrors);
		try {
			long id = activities.createPlan(form);
			flash.addFlashAttribute("flashSuccess", "common.saved");
			return "redirect:/brand-plans/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", merge(e.errors(), parseErrors));
		}
		model.addAttribute("draft", p);
		return plans(model);
	}

	@GetMapping("/brand-plans/{id}")
	String plan(@PathVariable long id, Model model) {
		Activities.Plan plan = activities.plan(id).orElseThrow(() -> new NotFoundException("community.plan.notFound"));
		model.addAttribute("plan", plan);
		model.addAttribute("activities", activities.list(null, null, id, null, 0, 200).items());
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", Map.of("title", plan.title(), "periodFrom", plan.periodFrom().toString(), "periodTo",
					plan.periodTo().toString(), "goal", plan.goal(), "budget", plan.budget().stripTrailingZeros().toPlainString(),
					"notes", plan.notes()));
		}
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "community/plan";
	}

	@PostMapping("/brand-plans/{id}")
	@PreAuthorize("hasAuthority('COMMUNITY_MANAGE')")
	String updatePlan(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes flash) {
		Map<String, String> parseErrors = new LinkedHashMap<>();
		Activities.PlanForm form = planForm(p, parseErrors);
		try {
			activities.updatePlan(id, form, version(p));
			flash.addFlashAttribute("flashSuccess", "common.saved");
			return "redirect:/brand-plans/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", merge(e.errors(), parseErrors));
		}
		catch (ChangedMeanwhile e) {
			model.addAttribute("actionError", "community.changedMeanwhile");
		}
		model.addAttribute("draft", p);
		return plan(id, model);
	}

	private static Activities.PlanForm planForm(Map<String, String> p, Map<String, String> parseErrors) {
		return new Activities.PlanForm(p.get("title"), date(p.get("periodFrom"), "periodFrom", parseErrors),
				date(p.get("periodTo"), "periodTo", parseErrors), p.get("goal"), p.get("budget"), p.get("notes"));
	}

}
