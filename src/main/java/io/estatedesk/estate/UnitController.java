package io.estatedesk.estate;

import io.estatedesk.shared.BusinessClock;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.InvalidInputException;
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

/** 房屋: the filtered list, one unit's page with its owners over time, creating and editing. */
@Controller
@RequestMapping("/units")
@PreAuthorize("hasAuthority('ARCHIVE_VIEW')")
class UnitController {

	private final ArchiveQueries queries;

	private final EstateArchive archive;

	private final Confidential confidential;

	private final ArchiveSheets sheets;

	private final ArchivePanels panels;

	UnitController(ArchiveQueries queries, EstateArchive archive, Confidential confidential, ArchiveSheets sheets,
			ArchivePanels panels) {
		this.queries = queries;
		this.archive = archive;
		this.confidential = confidential;
		this.sheets = sheets;
		this.panels = panels;
	}

	@GetMapping
	String list(@ModelAttribute("filter") OwnerFilter filter,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("units", queries.units(filter, Paged.page(page), Paged.size(size)));
		OwnerController.filterOptions(model, queries, filter);
		return "estate/units";
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('ARCHIVE_EXPORT')")
	void export(@ModelAttribute("filter") OwnerFilter filter, HttpServletResponse response)
			throws IOException {
		confidential.recordExport("房屋列表", filter.describe(), false);
		io.estatedesk.shared.Downloads.xlsx(response, "房屋-" + BusinessClock.today().format(DateTimeFormatter.BASIC_ISO_DATE) + ".xlsx");
		sheets.units(response.getOutputStream(), filter);
	}

	private String unitForm(Model model, Views.UnitView existing) {
		model.addAttribute("unit", existing);
		model.addAttribute("projects", queries.projects());
		model.addAttribute("allBuildings", queries.buildings(null));
		model.addAttribute("statuses", UnitStatus.values());
		return "estate/unit-form";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('ARCHIVE_EDIT')")
	String createForm(@RequestParam(required = false) Long buildingId, Model model) {
		model.addAttribute("form", new UnitForm(buildingId, "", null, null, "", UnitStatus.UNSOLD, null, ""));
		return unitForm(model, null);
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('ARCHIVE_EDIT')")
	String create(@Valid @ModelAttribute("form") UnitForm form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				long id = archive.saveUnit(null, form, null);
				flash.addFlashAttribute("flashSuccess", "common.saved");
				return "redirect:/units/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		return unitForm(model, null);
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("unit", queries.unit(id));
		model.addAttribute("ownerships", queries.ownershipsOfUnit(id));
		model.addAttribute("panels", panels.forUnit(id));
		return "estate/unit";
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasAuthority('ARCHIVE_EDIT')")
	String editForm(@PathVariable long id, Model model) {
		Views.UnitView u = queries.unit(id);
		model.addAttribute("form", new UnitForm(u.buildingId(), u.roomNo(), u.floor(), u.area(), u.unitType(), u.status(),
				u.handoverDate(), u.notes()));
		model.addAttribute("version", u.version());
		return unitForm(model, u);
	}

	@PostMapping("/{id}/edit")
	@PreAuthorize("hasAuthority('ARCHIVE_EDIT')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UnitForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		model.addAttribute("version", version);
		if (!errors.hasErrors()) {
			try {
				archive.saveUnit(id, form, version);
				flash.addFlashAttribute("flashSuccess", "common.saved");
				return "redirect:/units/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
			catch (OptimisticLockingFailureException e) {
				model.addAttribute("conflict", true);
			}
		}
		return unitForm(model, queries.unit(id));
	}

	@PostMapping("/{id}/owners")
	@PreAuthorize("hasAuthority('ARCHIVE_EDIT')")
	String addOwner(@PathVariable long id, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate contractDate,
			RedirectAttributes flash) {
		if (ownerId == null) {
			flash.addFlashAttribute("flashError", "ownership.owner.required");
			return "redirect:/units/" + id;
		}
		try {
			archive.addOwnership(ownerId, id, contractDate);
			flash.addFlashAttribute("flashSuccess", "ownership.added");
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("flashError", e.getMessage());
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().values().iterator().next());
		}
		return "redirect:/units/" + id;
	}

}
