package io.estatedesk.lifecycle;

import io.estatedesk.shared.BusinessClock;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.staff.StaffManagement;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 物业监督: inspections of the property company with their scores and trend, and rectification notices. */
@Controller
@RequestMapping("/supervision")
@PreAuthorize("hasAuthority('LIFECYCLE_VIEW')")
class SupervisionController {

	private final Supervision supervision;

	private final ArchiveLookup archive;

	private final StaffManagement staff;

	SupervisionController(Supervision supervision, ArchiveLookup archive, StaffManagement staff) {
		this.supervision = supervision;
		this.archive = archive;
		this.staff = staff;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long projectId, Model model) {
		List<Supervision.Inspection> inspections = supervision.inspections(projectId);
		model.addAttribute("inspections", inspections);
		// oldest first for the trend
		List<Supervision.Inspection> trend = new java.util.ArrayList<>(inspections);
		java.util.Collections.reverse(trend);
		model.addAttribute("trend", trend);
		model.addAttribute("notices", supervision.notices(projectId, null).stream().filter(n -> !"PASSED".equals(n.state())).toList());
		model.addAttribute("projects", archive.projects());
		model.addAttribute("projectId", projectId);
		return "lifecycle/supervision";
	}

	/** 新的检查: the project is chosen in the form (preset when the list was filtered by one). */
	@GetMapping("/new")
	@PreAuthorize("hasAuthority('SUPERVISION_EDIT')")
	String form(@RequestParam(required = false) Long projectId, Model model) {
		if (projectId != null) {
			archive.project(projectId).orElseThrow(() -> new NotFoundException("project.notFound"));
		}
		Map<Long, String> scores = new LinkedHashMap<>();
		supervision.checklist().forEach(c -> scores.put(c.id(), String.valueOf(c.maxScore())));
		model.addAttribute("form", new InspectionForm(projectId, BusinessClock.today(), "", "", scores, Map.of()));
		return formPage(model);
	}

	private String formPage(Model model) {
		model.addAttribute("projects", archive.projects());
		model.addAttribute("checklist", supervision.checklist());
		return "lifecycle/inspection-form";
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('SUPERVISION_EDIT')")
	String inspect(@Valid @ModelAttribute("form") InspectionForm form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		Map<Long, BigDecimal> scores = new HashMap<>();
		for (Supervision.ChecklistItem item : supervision.checklist()) {
			String s = form.scores().get(item.id());
			if (s != null && !s.isBlank()) {
				try {
					scores.put(item.id(), new BigDecimal(s.strip()));
				}
				catch (NumberFormatException e) {
					errors.rejectValue(Supervision.scoreField(item.id()), "input.numberOnly");
				}
			}
		}
		if (!errors.hasErrors()) {
			try {
				long id = supervision.inspect(form.projectId(), form.inspectedOn(), form.propertyCompany(), scores,
						form.itemNotes(), form.notes());
				flash.addFlashAttribute("flashSuccess", "supervision.saved");
				return "redirect:/supervision/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		return formPage(model);
	}

	@GetMapping("/{id}")
	String inspection(@PathVariable long id, Model model) {
		model.addAttribute("inspection", supervision.inspection(id));
		model.addAttribute("scores", supervision.scores(id));
		model.addAttribute("notices", supervision.notices(null, id));
		model.addAttribute("today", BusinessClock.today());
		if (!model.containsAttribute("noticeForm")) {
			model.addAttribute("noticeForm", new NoticeForm(null, "", null));
		}
		return "lifecycle/inspection";
	}

	@PostMapping("/{id}/notices")
	@PreAuthorize("hasAuthority('SUPERVISION_EDIT')")
	String addNotice(@PathVariable long id, @Valid @ModelAttribute("noticeForm") NoticeForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				supervision.addNotice(id, form.itemId(), form.requirement(), form.deadline());
				flash.addFlashAttribute("flashSuccess", "supervision.notice.added");
				return "redirect:/supervision/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		return inspection(id, model);
	}

	@GetMapping("/notices/{noticeId}")
	String notice(@PathVariable long noticeId, Model model) {
		Supervision.Notice n = supervision.notice(noticeId);
		model.addAttribute("n", n);
		model.addAttribute("inspection", supervision.inspection(n.inspectionId()));
		model.addAttribute("history", supervision.history(noticeId));
		model.addAttribute("names", staff.displayNamesByUsername());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ReinspectionForm(n.inspectionId(), null, "", null, n.version(), "notice"));
		}
		return "lifecycle/notice";
	}

	/**
	 * 复查, from the notice's page or the inspection's; a refusal is shown on the notice's own page with what was typed
	 * (the inspection's page lists several notices, each with its own small form).
	 */
	@PostMapping("/notices/{noticeId}/reinspection")
	@PreAuthorize("hasAuthority('SUPERVISION_EDIT')")
	String reinspect(@PathVariable long noticeId, @Valid @ModelAttribute("form") ReinspectionForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				supervision.reinspect(noticeId, form.passed(), form.result(), BusinessClock.today(), form.newDeadline(),
						form.version() == null ? -1 : form.version());
				flash.addFlashAttribute("flashSuccess", form.passed() ? "supervision.notice.passed" : "supervision.notice.failed");
				// from the notice's own page back to it, otherwise to the inspection
				return "notice".equals(form.back()) ? "redirect:/supervision/notices/" + noticeId
						: "redirect:/supervision/" + supervision.notice(noticeId).inspectionId();
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
			catch (ChangedMeanwhile e) {
				errors.reject("duty.changedMeanwhile");
			}
			catch (BusinessRuleException e) {
				e.addTo(errors);
			}
		}
		return notice(noticeId, model);
	}

}
