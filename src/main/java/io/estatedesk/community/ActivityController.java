package io.estatedesk.community;

import static io.estatedesk.community.CommunityForms.*;

import java.util.HashMap;
import java.util.Map;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.PageForms;
import io.estatedesk.shared.Uploads;
import io.estatedesk.shared.Paged;
import io.estatedesk.staff.StaffManagement;
import org.springframework.http.ResponseEntity;
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

/** 社区活动 pages: the list, planning an activity, its page with its state moves, photos and cost. */
@Controller
@PreAuthorize("hasAuthority('COMMUNITY_VIEW')")
class ActivityController {

	private final Activities activities;

	private final ArchiveLookup archive;

	private final StaffManagement staff;

	private final ActivityPage page;

	ActivityController(Activities activities, ArchiveLookup archive, StaffManagement staff, ActivityPage page) {
		this.activities = activities;
		this.archive = archive;
		this.staff = staff;
		this.page = page;
	}

	@GetMapping("/activities")
	String list(@RequestParam(required = false) Activities.State state, @RequestParam(required = false) Long projectId,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("activities", activities.list(state, projectId, null, q, Paged.page(page), Paged.DEFAULT_SIZE));
		model.addAttribute("states", Activities.State.values());
		model.addAttribute("projects", archive.projects());
		model.addAttribute("filterState", state);
		model.addAttribute("filterProject", projectId);
		model.addAttribute("q", q);
		return "community/activities";
	}

	// ---------------------------------------------------------------- plan an activity

	@GetMapping("/activities/new")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String newForm(@RequestParam(required = false) Long planId, Model model) {
		model.addAttribute("form", new CommunityForms.ActivityEditForm(null, null, planId, null, null, null, "30", null, null, null));
		return formPage(model, null);
	}

	private String formPage(Model model, Activities.Activity existing) {
		model.addAttribute("existing", existing);
		model.addAttribute("projects", archive.projects());
		model.addAttribute("plans", activities.plans());
		model.addAttribute("staffList", staff.activeStaff());
		return "community/activity-form";
	}

	@PostMapping("/activities/new")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String create(@Valid @ModelAttribute("form") CommunityForms.ActivityEditForm form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				long id = activities.create(form.toActivity());
				flash.addFlashAttribute("flashSuccess", "community.activity.created");
				return "redirect:/activities/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		return formPage(model, null);
	}

	@GetMapping("/activities/{id}/edit")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String editForm(@PathVariable long id, Model model) {
		Activities.Activity a = activities.get(id);
		model.addAttribute("form", CommunityForms.ActivityEditForm.of(a));
		return formPage(model, a);
	}

	@PostMapping("/activities/{id}/edit")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") CommunityForms.ActivityEditForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		Activities.Activity a = activities.get(id);
		if (!errors.hasErrors()) {
			try {
				if (form.version() == null) {
					throw new ChangedMeanwhile(java.util.List.of());
				}
				activities.update(id, form.toActivity(), form.version());
				flash.addFlashAttribute("flashSuccess", "common.saved");
				return "redirect:/activities/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
			catch (ChangedMeanwhile e) {
				errors.reject("community.changedMeanwhile");
			}
			catch (BusinessRuleException e) {
				e.addTo(errors);
			}
		}
		return formPage(model, a);
	}

	// ---------------------------------------------------------------- one activity

	@GetMapping("/activities/{id}")
	String show(@PathVariable long id, Model model) {
		return page.show(id, model);
	}

	/** Owners to sign up, by phone number or room number (htmx fragment). */
	@GetMapping("/activities/owners")
	String owners(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("owners", archive.callers(q));
		model.addAttribute("q", q);
		return "community/activity :: owners";
	}

	@PostMapping("/activities/{id}/state")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String state(@PathVariable long id, @RequestParam ActivityAction action, @RequestParam long version,
			RedirectAttributes flash) {
		Activities.State to = ActivityTransitions.next(activities.get(id).state(), action).orElse(null);
		return act(id, flash, "community.activity.state.changed." + to, () -> activities.perform(id, action, version));
	}

	@PostMapping("/activities/{id}/cost")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String cost(@PathVariable long id, @Valid @ModelAttribute("cost") CommunityForms.CostForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				if (form.version() == null) {
					throw new ChangedMeanwhile(java.util.List.of());
				}
				activities.recordCost(id, form.actualCost(), form.version());
				flash.addFlashAttribute("flashSuccess", "common.saved");
				return "redirect:/activities/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
			catch (ChangedMeanwhile e) {
				errors.reject("community.changedMeanwhile");
			}
			catch (BusinessRuleException e) {
				e.addTo(errors);
			}
		}
		return page.show(id, model);
	}

	@PostMapping("/activities/{id}/photos")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String photo(@PathVariable long id, @Valid @ModelAttribute("photoForm") CommunityForms.PhotoForm form,
			BindingResult errors, Model model, RedirectAttributes flash) {
		if (PageForms.ran(errors, model, () -> activities.addPhoto(id, form.file(), form.caption()))) {
			flash.addFlashAttribute("flashSuccess", "community.photo.added");
			return "redirect:/activities/" + id;
		}
		return page.show(id, model);
	}

	@GetMapping("/activities/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
		Activities.PhotoContent p = activities.photo(id, photoId)
			.orElseThrow(() -> new NotFoundException("attachment.notFound"));
		return Uploads.serve(p.fileName(), p.contentType(), p.checked(), p.data());
	}

	private String act(long id, RedirectAttributes flash, String success, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("flashSuccess", success);
		}
		catch (ChangedMeanwhile e) {
			flash.addFlashAttribute("flashError", "community.changedMeanwhile");
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/activities/" + id;
	}


}
