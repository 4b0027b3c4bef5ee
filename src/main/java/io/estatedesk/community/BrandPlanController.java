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
import jakarta.validation.Valid;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
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
		if (!model.containsAttribute("form")) {
			LocalDate today = BusinessClock.today();
			model.addAttribute("form", new CommunityForms.PlanEditForm(null, today.withDayOfMonth(1),
					today.withDayOfMonth(1).plusMonths(3).minusDays(1), null, null, null, null));
		}
		return "community/plans";
	}

	@PostMapping("/brand-plans")
	@PreAuthorize("hasAuthority('COMMUNITY_MANAGE')")
	String createPlan(@Valid @ModelAttribute("form") CommunityForms.PlanEditForm form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				long id = activities.createPlan(form.toPlan());
				flash.addFlashAttribute("flashSuccess", "common.saved");
				return "redirect:/brand-plans/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		return plans(model);
	}

	@GetMapping("/brand-plans/{id}")
	String plan(@PathVariable long id, Model model) {
		Activities.Plan plan = activities.plan(id).orElseThrow(() -> new NotFoundException("community.plan.notFound"));
		model.addAttribute("plan", plan);
		model.addAttribute("activities", activities.list(null, null, id, null, 0, 200).items());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", CommunityForms.PlanEditForm.of(plan));
		}
		return "community/plan";
	}

	@PostMapping("/brand-plans/{id}")
	@PreAuthorize("hasAuthority('COMMUNITY_MANAGE')")
	String updatePlan(@PathVariable long id, @Valid @ModelAttribute("form") CommunityForms.PlanEditForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				if (form.version() == null) {
					throw new ChangedMeanwhile(java.util.List.of());
				}
				activities.updatePlan(id, form.toPlan(), form.version());
				flash.addFlashAttribute("flashSuccess", "common.saved");
				return "redirect:/brand-plans/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
			catch (ChangedMeanwhile e) {
				errors.reject("community.changedMeanwhile");
			}
		}
		return plan(id, model);
	}

}
