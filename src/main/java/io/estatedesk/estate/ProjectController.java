package io.estatedesk.estate;

import jakarta.validation.Valid;
import io.estatedesk.shared.InvalidInputException;
import org.springframework.dao.OptimisticLockingFailureException;
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

/** 项目 and their 楼栋. */
@Controller
@RequestMapping("/projects")
@PreAuthorize("hasAuthority('ARCHIVE_VIEW')")
class ProjectController {

	private final ArchiveQueries queries;

	private final EstateArchive archive;

	ProjectController(ArchiveQueries queries, EstateArchive archive) {
		this.queries = queries;
		this.archive = archive;
	}

	@ModelAttribute("regions")
	Region[] regions() {
		return Region.values();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("projects", queries.projects());
		return "estate/projects";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('PROJECT_EDIT')")
	String createForm(Model model) {
		model.addAttribute("form", new ProjectForm("", "", "", "", Region.BEIJING, 50));
		return "estate/project-form";
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('PROJECT_EDIT')")
	String create(@Valid @ModelAttribute("form") ProjectForm form, BindingResult errors, RedirectAttributes flash) {
		if (errors.hasErrors()) {
			return "estate/project-form";
		}
		try {
			long id = archive.saveProject(null, form, null);
			flash.addFlashAttribute("flashSuccess", "common.saved");
			return "redirect:/projects/" + id;
		}
		catch (InvalidInputException e) {
			e.addTo(errors);
			return "estate/project-form";
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("project", queries.project(id));
		model.addAttribute("buildings", queries.buildings(id));
		if (!model.containsAttribute("buildingForm")) {
			model.addAttribute("buildingForm", new BuildingForm("", null));
		}
		return "estate/project";
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasAuthority('PROJECT_EDIT')")
	String editForm(@PathVariable long id, Model model) {
		Views.ProjectView p = queries.project(id);
		model.addAttribute("form", new ProjectForm(p.name(), p.address(), p.developerName(), p.notes(), p.region(),
				p.designLifeYears()));
		model.addAttribute("projectId", id);
		model.addAttribute("version", p.version());
		return "estate/project-form";
	}

	@PostMapping("/{id}/edit")
	@PreAuthorize("hasAuthority('PROJECT_EDIT')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") ProjectForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		model.addAttribute("projectId", id);
		model.addAttribute("version", version);
		if (errors.hasErrors()) {
			return "estate/project-form";
		}
		try {
			archive.saveProject(id, form, version);
		}
		catch (InvalidInputException e) {
			e.addTo(errors);
			return "estate/project-form";
		}
		catch (OptimisticLockingFailureException e) {
			model.addAttribute("conflict", true);
			return "estate/project-form";
		}
		flash.addFlashAttribute("flashSuccess", "common.saved");
		return "redirect:/projects/" + id;
	}

	@PostMapping("/{id}/buildings")
	@PreAuthorize("hasAuthority('PROJECT_EDIT')")
	String addBuilding(@PathVariable long id, @Valid @ModelAttribute("buildingForm") BuildingForm form,
			BindingResult errors, Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				archive.saveBuilding(id, null, form, null);
				flash.addFlashAttribute("flashSuccess", "building.added");
				return "redirect:/projects/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		return show(id, model);
	}

}
