package io.estatedesk.lifecycle;

import io.estatedesk.shared.BusinessClock;
import java.math.BigDecimal;
import java.time.LocalDate;
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
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('SUPERVISION_EDIT')")
	String form(@RequestParam long projectId, Model model) {
		model.addAttribute("project", archive.project(projectId).orElseThrow(() -> new NotFoundException("project.notFound")));
		model.addAttribute("checklist", supervision.checklist());
		model.addAttribute("today", BusinessClock.today());
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", Map.of());
		}
		return "lifecycle/inspection-form";
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('SUPERVISION_EDIT')")
	String inspect(@RequestParam long projectId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inspectedOn,
			@RequestParam(required = false) String propertyCompany, @RequestParam(required = false) String notes,
			HttpServletRequest request, Model model, RedirectAttributes flash) {
		Map<Long, BigDecimal> scores = new HashMap<>();
		Map<Long, String> itemNotes = new HashMap<>();
		Map<String, String> draft = new HashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		for (Supervision.ChecklistItem item : supervision.checklist()) {
			String s = request.getParameter("score_" + item.id());
			String n = request.getParameter("note_" + item.id());
			draft.put("score_" + item.id(), s == null ? "" : s);
			draft.put("note_" + item.id(), n == null ? "" : n);
			itemNotes.put(item.id(), n == null ? "" : n);
			try {
				if (s != null && !s.isBlank()) {
					scores.put(item.id(), new BigDecimal(s.strip()));
				}
			}
			catch (NumberFormatException e) {
				errors.put("score_" + item.id(), "supervision.score.invalid");
			}
		}
		draft.put("propertyCompany", propertyCompany == null ? "" : propertyCompany);
		draft.put("notes", notes == null ? "" : notes);
		try {
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			long id = supervision.inspect(projectId, inspectedOn, propertyCompany, scores, itemNotes, notes);
			flash.addFlashAttribute("flashSuccess", "supervision.saved");
			return "redirect:/supervision/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", e.errors());
			model.addAttribute("draft", draft);
			return form(projectId, model);
		}
	}

	@GetMapping("/{id}")
	String inspection(@PathVariable long id, Model model) {
		model.addAttribute("inspection", supervision.inspection(id));
		model.addAttribute("scores", supervision.scores(id));
		model.addAttribute("notices", supervision.notices(null, id));
		model.addAttribute("today", BusinessClock.today());
		return "lifecycle/inspection";
	}

	@PostMapping("/{id}/notices")
	@PreAuthorize("hasAuthority('SUPERVISION_EDIT')")
	String addNotice(@PathVariable long id, @RequestParam(required = false) Long itemId,
			@RequestParam(required = false) String requirement,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			RedirectAttributes flash) {
		try {
			supervision.addNotice(id, itemId, requirement, deadline);
			flash.addFlashAttribute("flashSuccess", "supervision.notice.added");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().values().iterator().next());
		}
		return "redirect:/supervision/" + id;
	}

	@GetMapping("/notices/{noticeId}")
	String notice(@PathVariable long noticeId, Model model) {
		Supervision.Notice n = supervision.notice(noticeId);
		model.addAttribute("n", n);
		model.addAttribute("inspection", supervision.inspection(n.inspectionId()));
		model.addAttribute("history", supervision.history(noticeId));
		model.addAttribute("names", staff.displayNamesByUsername());
		return "lifecycle/notice";
	}

	@PostMapping("/notices/{noticeId}/reinspection")
	@PreAuthorize("hasAuthority('SUPERVISION_EDIT')")
	String reinspect(@PathVariable long noticeId, @RequestParam long inspectionId, @RequestParam boolean passed,
			@RequestParam(required = false) String result,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate newDeadline,
			@RequestParam long version, @RequestParam(required = false) String back, RedirectAttributes flash) {
		try {
			supervision.reinspect(noticeId, passed, result, BusinessClock.today(), newDeadline, version);
			flash.addFlashAttribute("flashSuccess", passed ? "supervision.notice.passed" : "supervision.notice.failed");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().values().iterator().next());
		}
		catch (ChangedMeanwhile e) {
			flash.addFlashAttribute("flashError", "duty.changedMeanwhile");
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("flashError", e.getMessage());
		}
		// from the notice's own page back to it, otherwise to the inspection
		return "notice".equals(back) ? "redirect:/supervision/notices/" + noticeId : "redirect:/supervision/" + inspectionId;
	}

}
