package io.estatedesk.estate;

import io.estatedesk.shared.BusinessClock;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Paged;
import org.springframework.dao.OptimisticLockingFailureException;
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

/** 业主: the filtered list, one owner's page, creating and editing, household members, reveal and export. */
@Controller
@RequestMapping("/owners")
@PreAuthorize("hasAuthority('ARCHIVE_VIEW')")
class OwnerController {

	private final ArchiveQueries queries;

	private final EstateArchive archive;

	private final Confidential confidential;

	private final ArchiveSheets sheets;

	private final ArchivePanels panels;

	OwnerController(ArchiveQueries queries, EstateArchive archive, Confidential confidential, ArchiveSheets sheets,
			ArchivePanels panels) {
		this.queries = queries;
		this.archive = archive;
		this.confidential = confidential;
		this.sheets = sheets;
		this.panels = panels;
	}

	static void filterOptions(Model model, ArchiveQueries queries, OwnerFilter filter) {
		model.addAttribute("filter", filter);
		model.addAttribute("projects", queries.projects());
		model.addAttribute("filterBuildings", filter.projectId() == null ? java.util.List.of() : queries.buildings(filter.projectId()));
		model.addAttribute("statuses", UnitStatus.values());
	}

	@GetMapping
	String list(@ModelAttribute("filter") OwnerFilter filter,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		io.estatedesk.shared.Slice<Views.OwnerRow> owners = queries.owners(filter, Paged.page(page), Paged.size(size)).map(confidential::mask);
		model.addAttribute("owners", owners);
		filterOptions(model, queries, filter);
		return "estate/owners";
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('ARCHIVE_EXPORT')")
	void export(@ModelAttribute("filter") OwnerFilter filter, HttpServletResponse response)
			throws IOException {
		boolean full = confidential.mayReveal();
		confidential.recordExport("业主列表", filter.describe(), full);
		io.estatedesk.shared.Downloads.xlsx(response, "业主档案-" + BusinessClock.today().format(DateTimeFormatter.BASIC_ISO_DATE) + ".xlsx");
		sheets.owners(response.getOutputStream(), filter, full);
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('ARCHIVE_EDIT')")
	String createForm(@RequestParam(required = false) Long unitId, Model model) {
		model.addAttribute("form", new OwnerForm("", null, "", "", OwnerRules.ID_CARD, "", "", "", unitId, null));
		return ownerForm(model, unitId, null);
	}

	private String ownerForm(Model model, Long unitId, Views.OwnerView existing) {
		model.addAttribute("owner", existing);
		model.addAttribute("genders", OwnerRules.GENDERS);
		model.addAttribute("idTypes", OwnerRules.ID_TYPES);
		model.addAttribute("projects", queries.projects());
		if (unitId != null) {
			try {
				model.addAttribute("presetUnit", queries.unit(unitId));
			}
			catch (NotFoundException e) {
				// an unknown unit is simply not preselected
			}
		}
		return "estate/owner-form";
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('ARCHIVE_EDIT')")
	String create(@Valid @ModelAttribute("form") OwnerForm form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				long id = archive.createOwner(form);
				flash.addFlashAttribute("flashSuccess", "owner.created");
				return "redirect:/owners/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		return ownerForm(model, form.unitId(), null);
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		Views.OwnerView owner = queries.owner(id).orElseThrow(() -> new NotFoundException("owner.notFound"));
		model.addAttribute("owner", confidential.mask(owner));
		model.addAttribute("mayReveal", confidential.mayReveal());
		model.addAttribute("ownerships", queries.ownershipsOfOwner(id));
		model.addAttribute("household", queries.household(id).stream().map(confidential::mask).toList());
		if (!model.containsAttribute("householdForm")) {
			model.addAttribute("householdForm", new HouseholdForm("", "", null, "", ""));
		}
		model.addAttribute("genders", OwnerRules.GENDERS);
		model.addAttribute("projects", queries.projects());
		model.addAttribute("panels", panels.forOwner(id));
		return "estate/owner";
	}

	/** Shows the full numbers in place (htmx), recorded in the audit trail. */
	@PostMapping("/{id}/reveal")
	String reveal(@PathVariable long id, Model model) {
		Views.OwnerView owner = queries.owner(id).orElseThrow(() -> new NotFoundException("owner.notFound"));
		model.addAttribute("owner", confidential.reveal(owner, "页面"));
		return "estate/owner :: contacts";
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasAuthority('ARCHIVE_EDIT')")
	String editForm(@PathVariable long id, Model model) {
		Views.OwnerView o = confidential.mask(queries.owner(id).orElseThrow(() -> new NotFoundException("owner.notFound")));
		model.addAttribute("form", new OwnerForm(o.name(), o.gender(), "", "", o.idType(), "", String.join(",", o.tags()),
				o.notes(), null, null));
		model.addAttribute("version", o.version());
		return ownerForm(model, null, o);
	}

	@PostMapping("/{id}/edit")
	@PreAuthorize("hasAuthority('ARCHIVE_EDIT')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") OwnerForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		Views.OwnerView o = confidential.mask(queries.owner(id).orElseThrow(() -> new NotFoundException("owner.notFound")));
		model.addAttribute("version", version);
		if (!errors.hasErrors()) {
			try {
				archive.updateOwner(id, form, version);
				flash.addFlashAttribute("flashSuccess", "common.saved");
				return "redirect:/owners/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
			catch (OptimisticLockingFailureException e) {
				model.addAttribute("conflict", true);
			}
		}
		return ownerForm(model, null, o);
	}

	@PostMapping("/{id}/household")
	@PreAuthorize("hasAuthority('ARCHIVE_EDIT')")
	String addMember(@PathVariable long id, @Valid @ModelAttribute("householdForm") HouseholdForm form,
			BindingResult errors, Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				archive.addHouseholdMember(id, form);
				flash.addFlashAttribute("flashSuccess", "household.added");
				return "redirect:/owners/" + id + "#household";
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		model.addAttribute("householdOpen", true);
		return show(id, model);
	}

	@PostMapping("/{id}/household/{memberId}/delete")
	@PreAuthorize("hasAuthority('ARCHIVE_EDIT')")
	String removeMember(@PathVariable long id, @PathVariable long memberId, RedirectAttributes flash) {
		archive.removeHouseholdMember(id, memberId);
		flash.addFlashAttribute("flashSuccess", "household.removed");
		return "redirect:/owners/" + id + "#household";
	}

	@PostMapping("/{id}/units")
	@PreAuthorize("hasAuthority('ARCHIVE_EDIT')")
	String addUnit(@PathVariable long id, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate contractDate,
			RedirectAttributes flash) {
		if (unitId == null) {
			flash.addFlashAttribute("flashError", "ownership.unit.required");
			return "redirect:/owners/" + id;
		}
		try {
			archive.addOwnership(id, unitId, contractDate);
			flash.addFlashAttribute("flashSuccess", "ownership.added");
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/owners/" + id;
	}

	@PostMapping("/ownerships/{ownershipId}/end")
	@PreAuthorize("hasAuthority('ARCHIVE_EDIT')")
	String endOwnership(@PathVariable long ownershipId, @RequestParam long back,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
			@RequestParam(required = false) String reason, @RequestParam(defaultValue = "owner") String from,
			RedirectAttributes flash) {
		try {
			archive.endOwnership(ownershipId, until, reason);
			flash.addFlashAttribute("flashSuccess", "ownership.ended");
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("flashError", e.getMessage());
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().values().iterator().next());
		}
		return "redirect:/" + ("unit".equals(from) ? "units/" : "owners/") + back;
	}

	/** Owners matching a name or phone, for linking an existing owner to a unit (htmx fragment). */
	@GetMapping("/pick")
	String pick(@RequestParam(required = false) String q, Model model) {
		boolean digits = q != null && q.strip().matches("[\\d-]+");
		OwnerFilter f = new OwnerFilter(null, null, null, digits ? null : q, digits ? q : null, null);
		model.addAttribute("candidates", q == null || q.isBlank() ? java.util.List.of()
				: queries.owners(f, 0, 10).map(confidential::mask).items());
		return "estate/options :: owners";
	}

}
