package io.estatedesk.handover;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.ChangedMeanwhile;
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

/** 承接查验 of a project by the property company. */
@Controller
@RequestMapping("/handover/takeover/{projectId}")
@PreAuthorize("hasAuthority('HANDOVER_VIEW')")
class TakeoverController {

	private final Takeovers takeovers;

	private final ArchiveLookup archive;

	TakeoverController(Takeovers takeovers, ArchiveLookup archive) {
		this.takeovers = takeovers;
		this.archive = archive;
	}

	@GetMapping
	String page(@PathVariable long projectId, Model model) {
		model.addAttribute("project", archive.project(projectId).orElseThrow(() -> new NotFoundException("project.notFound")));
		Takeovers.Takeover t = takeovers.of(projectId);
		model.addAttribute("t", t);
		model.addAttribute("items", takeovers.items(t.id()));
		model.addAttribute("issues", takeovers.issues(t.id()));
		model.addAttribute("minDays", Takeovers.MIN_DAYS);
		return "handover/takeover";
	}

	@PostMapping
	@PreAuthorize("hasAuthority('HANDOVER_MANAGE')")
	String save(@PathVariable long projectId, @RequestParam(required = false) String propertyCompany,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedHandoverDate,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate takeoverDate,
			@RequestParam(required = false) String notes, @RequestParam long version, RedirectAttributes flash) {
		try {
			takeovers.save(projectId, propertyCompany, plannedHandoverDate, takeoverDate, notes, version);
			flash.addFlashAttribute("flashSuccess", "common.saved");
		}
		catch (ChangedMeanwhile e) {
			flash.addFlashAttribute("flashError", "takeover.changedMeanwhile");
		}
		return "redirect:/handover/takeover/" + projectId;
	}

	/** The checklist: {@code result_<id>} = ok | fail | (empty), {@code note_<id>}. */
	@PostMapping("/items")
	@PreAuthorize("hasAuthority('HANDOVER_MANAGE')")
	String check(@PathVariable long projectId, HttpServletRequest request, RedirectAttributes flash) {
		Map<Long, String> results = new HashMap<>();
		Map<Long, String> notes = new HashMap<>();
		for (Takeovers.Item item : takeovers.items(takeovers.of(projectId).id())) {
			String r = request.getParameter("result_" + item.id());
			if (r != null) {
				results.put(item.id(), r);
				String n = request.getParameter("note_" + item.id());
				notes.put(item.id(), n == null ? "" : n.strip());
			}
		}
		takeovers.check(projectId, results, notes);
		flash.addFlashAttribute("flashSuccess", "common.saved");
		return "redirect:/handover/takeover/" + projectId;
	}

	@PostMapping("/issues")
	@PreAuthorize("hasAuthority('HANDOVER_MANAGE')")
	String addIssue(@PathVariable long projectId, @RequestParam(required = false) String description,
			@RequestParam(required = false) String responsible,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			RedirectAttributes flash) {
		try {
			takeovers.addIssue(projectId, description, responsible, deadline);
			flash.addFlashAttribute("flashSuccess", "common.saved");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().values().iterator().next());
		}
		return "redirect:/handover/takeover/" + projectId;
	}

	@PostMapping("/issues/{issueId}/rectified")
	@PreAuthorize("hasAuthority('HANDOVER_MANAGE')")
	String rectified(@PathVariable long projectId, @PathVariable long issueId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		takeovers.rectified(projectId, issueId, on, note);
		flash.addFlashAttribute("flashSuccess", "common.saved");
		return "redirect:/handover/takeover/" + projectId;
	}

}
