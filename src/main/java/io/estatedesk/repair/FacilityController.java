package io.estatedesk.repair;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
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

/** 公共配套设施: per project, what is unfinished and who must finish it. */
@Controller
@RequestMapping("/facilities")
@PreAuthorize("hasAuthority('REPAIR_VIEW') and hasAuthority('REPAIR_ALL')")
class FacilityController {

	private final Facilities facilities;

	private final Contractors contractors;

	private final ArchiveLookup archive;

	FacilityController(Facilities facilities, Contractors contractors, ArchiveLookup archive) {
		this.facilities = facilities;
		this.contractors = contractors;
		this.archive = archive;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long projectId, @RequestParam(required = false) Facilities.State state,
			Model model) {
		model.addAttribute("facilities", facilities.list(projectId, state));
		model.addAttribute("projectId", projectId);
		model.addAttribute("state", state);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new Facilities.Form(projectId, "", "", null, "工程部", null, Facilities.State.UNFINISHED,
					null, null, ""));
		}
		return page(model);
	}

	private String page(Model model) {
		model.addAttribute("projects", archive.projects());
		model.addAttribute("contractors", contractors.all(true));
		model.addAttribute("states", Facilities.State.values());
		return "repair/facilities";
	}

	@PostMapping
	String create(@ModelAttribute("form") Facilities.Form form, BindingResult errors, Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				facilities.create(form);
				flash.addFlashAttribute("flashSuccess", "common.saved");
				return "redirect:/facilities?projectId=" + form.projectId();
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		model.addAttribute("facilities", facilities.list(form.projectId(), null));
		model.addAttribute("projectId", form.projectId());
		return page(model);
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		Facilities.Facility f = facilities.get(id);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new Facilities.Form(f.projectId(), f.name(), f.description(), f.contractorId(),
					f.responsible(), f.dueDate(), f.state(), f.finishedOn(), f.handedOverOn(), f.notes()));
		}
		model.addAttribute("existing", f);
		page(model);
		return "repair/facility";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") Facilities.Form form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				facilities.update(id, form, version);
				flash.addFlashAttribute("flashSuccess", "common.saved");
				return "redirect:/facilities?projectId=" + form.projectId();
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
			catch (ChangedMeanwhile e) {
				model.addAttribute("actionError", "facility.changedMeanwhile");
			}
		}
		return edit(id, model);
	}

}
