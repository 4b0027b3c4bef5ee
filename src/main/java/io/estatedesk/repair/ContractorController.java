package io.estatedesk.repair;

import java.time.LocalDate;
import java.util.List;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 维修单位: the registry of engineering teams and contractors, with their scorecard. */
@Controller
@RequestMapping("/contractors")
@PreAuthorize("hasAuthority('REPAIR_VIEW') and hasAuthority('REPAIR_ALL')")
class ContractorController {

	private final Contractors contractors;

	private final WorkOrderQueries queries;

	private final RepairRules rules;

	private final ArchiveLookup archive;

	ContractorController(Contractors contractors, WorkOrderQueries queries, RepairRules rules, ArchiveLookup archive) {
		this.contractors = contractors;
		this.queries = queries;
		this.rules = rules;
		this.archive = archive;
	}

	/** The registry with each one's record over a period (default: this year). */
	@GetMapping
	String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		LocalDate today = WorkOrderManagement.today();
		LocalDate f = from != null ? from : today.withDayOfYear(1);
		LocalDate t = to != null ? to : today;
		model.addAttribute("from", f);
		model.addAttribute("to", t);
		model.addAttribute("contractors", contractors.all(false));
		java.util.Map<Long, WorkOrderViews.Score> scores = new java.util.HashMap<>();
		queries.scorecard(f, t).forEach(sc -> scores.put(sc.contractorId(), sc));
		model.addAttribute("scores", scores);
		return "repair/contractors";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('REPAIR_SETTINGS')")
	String newForm(Model model) {
		model.addAttribute("form", new Contractors.Form("", Contractors.Kind.CONTRACTOR, "", "", "", null, null, "", List.of(), true));
		return formPage(model, null);
	}

	private String formPage(Model model, Contractors.Contractor existing) {
		model.addAttribute("existing", existing);
		model.addAttribute("trades", rules.trades());
		model.addAttribute("kinds", Contractors.Kind.values());
		model.addAttribute("projects", archive.projects());
		return "repair/contractor";
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('REPAIR_SETTINGS')")
	String create(@ModelAttribute("form") Contractors.Form form, BindingResult errors, Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				long id = contractors.create(form);
				flash.addFlashAttribute("flashSuccess", "common.saved");
				return "redirect:/contractors/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		return formPage(model, null);
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		Contractors.Contractor c = contractors.get(id).orElseThrow(() -> new NotFoundException("contractor.notFound"));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new Contractors.Form(c.name(), c.kind(), c.contactName(), c.contactPhone(), c.email(),
					c.retentionAmount(), c.retentionUntil(), c.notes(), c.tradeIds(), c.active()));
		}
		model.addAttribute("orders", queries.list(WorkOrderFilter.openOf(id), java.util.Optional.empty(), 0, 50));
		return formPage(model, c);
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasAuthority('REPAIR_SETTINGS')")
	String update(@PathVariable long id, @ModelAttribute("form") Contractors.Form form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				contractors.update(id, form, version);
				flash.addFlashAttribute("flashSuccess", "common.saved");
				return "redirect:/contractors/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
			catch (ChangedMeanwhile e) {
				model.addAttribute("actionError", "contractor.changedMeanwhile");
			}
		}
		return show(id, model);
	}

	@PostMapping("/{id}/scopes")
	@PreAuthorize("hasAuthority('REPAIR_SETTINGS')")
	String addScope(@PathVariable long id, @RequestParam(required = false) Long projectId,
			@RequestParam(required = false) Long buildingId, RedirectAttributes flash) {
		try {
			contractors.addScope(id, projectId, buildingId);
			flash.addFlashAttribute("flashSuccess", "common.saved");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().values().iterator().next());
		}
		return "redirect:/contractors/" + id;
	}

	@PostMapping("/{id}/scopes/{scopeId}/delete")
	@PreAuthorize("hasAuthority('REPAIR_SETTINGS')")
	String removeScope(@PathVariable long id, @PathVariable long scopeId, RedirectAttributes flash) {
		contractors.removeScope(id, scopeId);
		flash.addFlashAttribute("flashSuccess", "common.saved");
		return "redirect:/contractors/" + id;
	}

	@PostMapping("/{id}/members")
	@PreAuthorize("hasAuthority('REPAIR_SETTINGS')")
	String addMember(@PathVariable long id, @RequestParam(required = false) String username, RedirectAttributes flash) {
		try {
			contractors.addMember(id, username);
			flash.addFlashAttribute("flashSuccess", "common.saved");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().values().iterator().next());
		}
		return "redirect:/contractors/" + id;
	}

	@PostMapping("/{id}/members/{staffId}/delete")
	@PreAuthorize("hasAuthority('REPAIR_SETTINGS')")
	String removeMember(@PathVariable long id, @PathVariable long staffId, RedirectAttributes flash) {
		contractors.removeMember(id, staffId);
		flash.addFlashAttribute("flashSuccess", "common.saved");
		return "redirect:/contractors/" + id;
	}

}
