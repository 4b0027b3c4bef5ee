package io.estatedesk.lifecycle;

import io.estatedesk.shared.BusinessClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Uploads;
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

/** 项目管理: the projects with their duty boards, and one duty with its records. */
@Controller
@PreAuthorize("hasAuthority('LIFECYCLE_VIEW')")
class LifecycleController {

	private final DutyBoard board;

	private final ArchiveLookup archive;

	private final StaffManagement staff;

	LifecycleController(DutyBoard board, ArchiveLookup archive, StaffManagement staff) {
		this.board = board;
		this.archive = archive;
		this.staff = staff;
	}

	/** A project's row on the overview: duties done per phase and the owners' assembly trigger. */
	record ProjectRow(ArchiveLookup.ProjectRef project, Map<DutyBoard.Phase, long[]> progress, AssemblyTrigger.Status assembly) {
	}

	@GetMapping("/lifecycle")
	String projects(Model model) {
		List<ProjectRow> rows = new ArrayList<>();
		for (ArchiveLookup.ProjectRef p : archive.projects()) {
			rows.add(new ProjectRow(p, board.progress(p.id()), board.assembly(p.id())));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("phases", DutyBoard.Phase.values());
		return "lifecycle/projects";
	}

	@GetMapping("/lifecycle/projects/{projectId}")
	String board(@PathVariable long projectId, Model model) {
		model.addAttribute("project", archive.project(projectId).orElseThrow(() -> new NotFoundException("project.notFound")));
		List<DutyBoard.Item> items = board.items(projectId);
		Map<DutyBoard.Phase, List<DutyBoard.Item>> byPhase = new LinkedHashMap<>();
		for (DutyBoard.Phase ph : DutyBoard.Phase.values()) {
			byPhase.put(ph, new ArrayList<>());
		}
		items.forEach(i -> byPhase.get(i.phase()).add(i));
		model.addAttribute("byPhase", byPhase);
		model.addAttribute("assembly", board.assembly(projectId));
		return "lifecycle/board";
	}

	@GetMapping("/lifecycle/duties/{id}")
	String item(@PathVariable long id, Model model) {
		DutyBoard.Item item = board.item(id);
		model.addAttribute("item", item);
		model.addAttribute("project", archive.project(item.projectId()).orElseThrow());
		model.addAttribute("records", board.records(id));
		model.addAttribute("fields", DutyKinds.fields(item.kind()));
		model.addAttribute("workPage", DutyKinds.workPage(item.kind(), item.projectId()));
		model.addAttribute("staffList", staff.activeStaff());
		// the status field offers what the item's transition table allows from where it is
		model.addAttribute("statuses", DutyTransitions.choices(item.status()));
		model.addAttribute("allowed", DutyBoard.allowedActions(item));
		model.addAttribute("history", board.history(id));
		model.addAttribute("names", staff.displayNamesByUsername());
		model.addAttribute("today", BusinessClock.today());
		if ("ASSEMBLY".equals(item.kind())) {
			model.addAttribute("assembly", board.assembly(item.projectId()));
			model.addAttribute("milestones", DutyKinds.ASSEMBLY_MILESTONES);
		}
		if (!model.containsAttribute("dutyForm")) {
			model.addAttribute("dutyForm", DutyForm.of(item));
		}
		if (!model.containsAttribute("recordForm")) {
			model.addAttribute("recordForm", RecordInput.startingOn(BusinessClock.today()));
		}
		if (!model.containsAttribute("version")) {
			model.addAttribute("version", item.version());
		}
		return "lifecycle/item";
	}

	@PostMapping("/lifecycle/duties/{id}")
	@PreAuthorize("hasAuthority('LIFECYCLE_EDIT')")
	String save(@PathVariable long id, @Valid @ModelAttribute("dutyForm") DutyForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		// a refused save keeps the version it was read at, so a second try is still checked against that
		model.addAttribute("version", version);
		if (!errors.hasErrors()) {
			try {
				board.save(id, form.ownerId(), form.dueDate(), form.status(), form.notes(), version);
				flash.addFlashAttribute("flashSuccess", "common.saved");
				return "redirect:/lifecycle/duties/" + id;
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
		return item(id, model);
	}

	@PostMapping("/lifecycle/duties/{id}/records")
	@PreAuthorize("hasAuthority('LIFECYCLE_EDIT')")
	String addRecord(@PathVariable long id, @Valid @ModelAttribute("recordForm") RecordInput form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				board.addRecord(id, form.toRecord(), form.attachment());
				flash.addFlashAttribute("flashSuccess", "duty.record.added");
				return "redirect:/lifecycle/duties/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
			catch (BusinessRuleException e) {
				e.addTo(errors);
			}
		}
		return item(id, model);
	}

	@GetMapping("/lifecycle/duties/{id}/records/{recordId}/attachment")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long recordId) {
		DutyBoard.Attachment a = board.attachment(id, recordId).orElseThrow(() -> new NotFoundException("attachment.notFound"));
		return Uploads.serve(a.name(), a.type(), a.checked(), a.data());
	}

}
