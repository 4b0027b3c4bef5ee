package io.estatedesk.repair;

import static io.estatedesk.shared.Strings.orEmpty;

import io.estatedesk.shared.Texts;
import io.estatedesk.shared.BusinessClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import io.estatedesk.complaint.ComplaintManagement;
import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.Downloads;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Uploads;
import io.estatedesk.shared.Paged;
import io.estatedesk.staff.AuditTrail;
import io.estatedesk.staff.Permissions;
import io.estatedesk.staff.StaffManagement;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 维修工单 pages: the list, raising one, one work order with every step, photos and export. */
@Controller
@RequestMapping("/work-orders")
@PreAuthorize("hasAuthority('REPAIR_VIEW')")
class WorkOrderController {

	private final WorkOrderManagement management;

	private final WorkOrderQueries queries;

	private final RepairRules rules;

	private final WarrantyRules warranty;

	private final Contractors contractors;

	private final ArchiveLookup archive;

	private final ComplaintManagement complaints;

	private final StaffManagement staff;

	private final Permissions permissions;

	private final WorkOrderSheets sheets;

	private final AuditTrail audit;

	private final ContactReveal contact;

	WorkOrderController(WorkOrderManagement management, WorkOrderQueries queries, RepairRules rules,
			WarrantyRules warranty, Contractors contractors, ArchiveLookup archive, ComplaintManagement complaints,
			StaffManagement staff, Permissions permissions, WorkOrderSheets sheets, AuditTrail audit,
			ContactReveal contact) {
		this.contact = contact;
		this.management = management;
		this.queries = queries;
		this.rules = rules;
		this.warranty = warranty;
		this.contractors = contractors;
		this.archive = archive;
		this.complaints = complaints;
		this.staff = staff;
		this.permissions = permissions;
		this.sheets = sheets;
		this.audit = audit;
	}

	private void options(Model model) {
		model.addAttribute("projects", archive.projects());
		model.addAttribute("trades", rules.trades());
		model.addAttribute("states", WorkOrderState.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("sources", Source.values());
		model.addAttribute("charges", Charge.values());
		model.addAttribute("components", warranty.inForce(WorkOrderManagement.today()));
		if (management.restrictedTo().isEmpty()) {
			model.addAttribute("contractors", contractors.all(false));
		}
	}

	@GetMapping
	String list(@ModelAttribute("filter") WorkOrderFilter filter,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("orders", queries.list(filter, management.restrictedTo(), Paged.page(page), Paged.size(size)));
		model.addAttribute("restricted", management.restrictedTo().isPresent());
		model.addAttribute("filterBuildings", filter.projectId() == null ? List.of() : archive.buildings(filter.projectId()));
		options(model);
		return "repair/list";
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('REPAIR_EXPORT')")
	void export(@ModelAttribute("filter") WorkOrderFilter filter, HttpServletResponse response)
			throws IOException {
		audit.record(AuditTrail.EXPORT, Texts.zh("workorder.audit.list"), Texts.zh("audit.filter", filter.describe()));
		Downloads.xlsx(response, Texts.zh("workorder.audit.file") + "-" + BusinessClock.today().format(DateTimeFormatter.BASIC_ISO_DATE) + ".xlsx");
		sheets.write(response.getOutputStream(), filter, management.restrictedTo(), LocaleContextHolder.getLocale());
	}

	// ---------------------------------------------------------------- raise

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('REPAIR_CREATE')")
	String newForm(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Long complaintId,
			@RequestParam(required = false) Long projectId, Model model) {
		Long ownerId = null;
		String contact = "";
		String phone = "";
		String description = "";
		Source source = Source.CALL;
		if (complaintId != null) {
			// the form shows the complaint: only to those who may read complaints
			if (!permissions.has("COMPLAINT_VIEW")) {
				throw new org.springframework.security.access.AccessDeniedException("COMPLAINT_VIEW");
			}
			ComplaintManagement.ComplaintSummary c = complaints.summary(complaintId)
				.orElseThrow(() -> new NotFoundException("complaint.notFound"));
			unitId = unitId != null ? unitId : c.unitId();
			projectId = c.projectId();
			ownerId = c.ownerId();
			contact = c.complainant();
			// what the complaint says is the repair's description to start from; its number is shown masked and,
			// sent back unchanged, the complaint's is kept
			description = io.estatedesk.shared.Strings.orEmpty(c.content());
			phone = io.estatedesk.shared.Strings.orEmpty(io.estatedesk.shared.Masking.phone(c.contactPhone()));
			source = Source.COMPLAINT;
			model.addAttribute("complaint", c);
		}
		if (unitId != null) {
			ArchiveLookup.UnitRef u = archive.unit(unitId).orElseThrow(() -> new NotFoundException("unit.notFound"));
			projectId = u.projectId();
			if (ownerId == null) {
				var owners = archive.ownersOf(unitId);
				if (!owners.isEmpty()) {
					ownerId = owners.get(0).id();
					contact = owners.get(0).name();
				}
			}
		}
		model.addAttribute("form", new WorkOrderManagement.RaiseForm(projectId, unitId, ownerId, null, complaintId, source,
				null, null, "", description, Urgency.NORMAL, contact, phone, null, null, null, null));
		return formPage(model);
	}

	private String formPage(Model model) {
		options(model);
		WorkOrderManagement.RaiseForm f = (WorkOrderManagement.RaiseForm) model.getAttribute("form");
		if (f != null && f.unitId() != null) {
			archive.unit(f.unitId()).ifPresent(u -> {
				model.addAttribute("presetUnit", u);
				model.addAttribute("decisions", decisions(u));
			});
		}
		if (f != null && f.complaintId() != null && !model.containsAttribute("complaint")) {
			complaints.summary(f.complaintId()).ifPresent(c -> model.addAttribute("complaint", c));
		}
		return "repair/form";
	}

	/** The warranty of every component of the unit today, to help choose the component and the charge. */
	private List<Warranty.Decision> decisions(ArchiveLookup.UnitRef u) {
		LocalDate today = WorkOrderManagement.today();
		return warranty.inForce(today).stream().map(r -> Warranty.decide(r, u.handoverDate(), u.designLifeYears(), today)).toList();
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('REPAIR_CREATE')")
	String create(@ModelAttribute("form") WorkOrderManagement.RaiseForm form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				long id = management.raise(form);
				flash.addFlashAttribute("flashSuccess", "workorder.raised");
				return form.complaintId() != null ? "redirect:/complaints/" + form.complaintId() : "redirect:/work-orders/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
			catch (BusinessRuleException e) {
				model.addAttribute("actionError", e.getMessage());
				model.addAttribute("actionErrorArgs", e.args());
			}
		}
		return formPage(model);
	}

	// ---------------------------------------------------------------- one work order

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		management.get(id);
		WorkOrderViews.Full full = queries.full(id);
		WorkOrderViews.Detail d = full.detail();
		boolean mayReveal = contact.mayReveal(d);
		boolean revealed = mayReveal && Boolean.TRUE.equals(model.getAttribute("revealPhone"));
		model.addAttribute("w", revealed ? d : d.withMaskedPhone());
		model.addAttribute("mayReveal", mayReveal && !revealed && !d.contactPhone().isEmpty());
		model.addAttribute("revealed", revealed);
		model.addAttribute("full", full);
		model.addAttribute("names", staff.displayNamesByUsername());
		model.addAttribute("zone", BusinessClock.ZONE);
		model.addAttribute("decision", decision(d));
		model.addAttribute("charges", Charge.values());
		boolean restricted = management.restrictedTo().isPresent();
		model.addAttribute("restricted", restricted);
		java.util.Set<WorkOrderAction> allowed = management.allowedActions(id);
		model.addAttribute("allowed", allowed);
		if (allowed.contains(WorkOrderAction.DISPATCH)) {
			Long buildingId = d.unitId() == null ? null : archive.unit(d.unitId()).map(ArchiveLookup.UnitRef::buildingId).orElse(null);
			model.addAttribute("candidates", contractors.candidates(d.tradeId(), d.projectId(), buildingId));
		}
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", Map.of());
		}
		return "repair/detail";
	}

	@PostMapping("/{id}/reveal")
	String reveal(@PathVariable long id, RedirectAttributes flash) {
		management.get(id);
		WorkOrderViews.Detail d = queries.detail(id).orElseThrow(() -> new NotFoundException("workorder.notFound"));
		contact.shown(d, true, Texts.zh("workorder.audit.page"));
		flash.addFlashAttribute("revealPhone", true);
		return "redirect:/work-orders/" + id;
	}

	/** The warranty decision as recorded when the item was reported, with the rule that gave it. */
	private Warranty.Decision decision(WorkOrderViews.Detail d) {
		LocalDate reported = d.reportedAt().atZone(BusinessClock.ZONE).toLocalDate();
		Warranty.Rule rule = d.component() == null ? null : warranty.rule(d.component(), reported).orElse(null);
		return new Warranty.Decision(d.warrantyStatus(), rule, d.handoverDate(), d.warrantyUntil());
	}

	/** Runs an action; on a rule, input or version problem shows the page again with the user's input kept. */
	private String act(long id, Map<String, String> draft, Model model, RedirectAttributes flash, String success,
			Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("flashSuccess", success);
			return "redirect:/work-orders/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", e.errors());
		}
		catch (BusinessRuleException e) {
			model.addAttribute("actionError", e.getMessage());
			model.addAttribute("actionErrorArgs", e.args());
		}
		catch (ChangedMeanwhile e) {
			model.addAttribute("changes", e.changes());
		}
		model.addAttribute("draft", draft);
		return show(id, model);
	}

	@PostMapping("/{id}/dispatch")
	String dispatch(@PathVariable long id, @RequestParam(required = false) Long contractorId,
			@RequestParam(required = false) String note, @RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, Map.of("dispatchNote", orEmpty(note)), model, flash, "workorder.dispatched",
				() -> management.perform(id, WorkOrderAction.DISPATCH, WorkOrderInput.dispatch(contractorId, note), version));
	}

	@PostMapping("/{id}/start")
	String start(@PathVariable long id, @RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, Map.of(), model, flash, "workorder.started", () -> management.perform(id, WorkOrderAction.START, WorkOrderInput.none(), version));
	}

	@PostMapping("/{id}/progress")
	String progress(@PathVariable long id, @RequestParam(required = false) String note, Model model,
			RedirectAttributes flash) {
		return act(id, Map.of("progressNote", orEmpty(note)), model, flash, "workorder.progressAdded",
				() -> management.progress(id, note));
	}

	@PostMapping("/{id}/finish")
	String finish(@PathVariable long id, @RequestParam(required = false) String note,
			@RequestParam(required = false) String materials, @RequestParam long version, Model model,
			RedirectAttributes flash) {
		return act(id, Map.of("finishNote", orEmpty(note), "materials", orEmpty(materials)), model, flash, "workorder.finished",
				() -> management.perform(id, WorkOrderAction.FINISH, WorkOrderInput.finish(note, materials), version));
	}

	@PostMapping("/{id}/accept")
	String accept(@PathVariable long id, @RequestParam(required = false) Integer ownerRating,
			@RequestParam(required = false) String note, @RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, Map.of("acceptanceNote", orEmpty(note)), model, flash, "workorder.accepted",
				() -> management.perform(id, WorkOrderAction.ACCEPT, WorkOrderInput.accept(ownerRating, note), version));
	}

	@PostMapping("/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String reason, @RequestParam long version,
			Model model, RedirectAttributes flash) {
		return act(id, Map.of("rejectReason", orEmpty(reason)), model, flash, "workorder.rejected",
				() -> management.perform(id, WorkOrderAction.REJECT, WorkOrderInput.note(reason), version));
	}

	@PostMapping("/{id}/pause")
	String pause(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate resumeOn,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, Map.of("pauseReason", orEmpty(reason)), model, flash, "workorder.paused",
				() -> management.perform(id, WorkOrderAction.PAUSE, WorkOrderInput.pause(reason, resumeOn), version));
	}

	@PostMapping("/{id}/resume")
	String resume(@PathVariable long id, @RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, Map.of(), model, flash, "workorder.resumed", () -> management.perform(id, WorkOrderAction.RESUME, WorkOrderInput.none(), version));
	}

	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) String reason, @RequestParam long version,
			Model model, RedirectAttributes flash) {
		return act(id, Map.of("cancelReason", orEmpty(reason)), model, flash, "workorder.cancelled",
				() -> management.perform(id, WorkOrderAction.CANCEL, WorkOrderInput.note(reason), version));
	}

	@PostMapping("/{id}/return-call")
	String returnCall(@PathVariable long id, @RequestParam(required = false) Boolean satisfied,
			@RequestParam(required = false) String result, @RequestParam long version, Model model,
			RedirectAttributes flash) {
		return act(id, Map.of("returnResult", orEmpty(result)), model, flash, "workorder.returnCalled",
				() -> management.perform(id, WorkOrderAction.RETURN_CALL, WorkOrderInput.returnCall(satisfied, result), version));
	}

	@PostMapping("/{id}/charge")
	String charge(@PathVariable long id, @RequestParam(required = false) Charge charge,
			@RequestParam(required = false) String materials, @RequestParam(required = false) String cost,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		Map<String, String> draft = new LinkedHashMap<>();
		draft.put("materials", orEmpty(materials));
		draft.put("cost", orEmpty(cost));
		return act(id, draft, model, flash, "common.saved", () -> {
			BigDecimal amount = null;
			if (cost != null && !cost.isBlank()) {
				try {
					amount = new BigDecimal(cost.strip());
				}
				catch (NumberFormatException e) {
					throw new InvalidInputException(Map.of("cost", "workorder.cost.invalid"));
				}
			}
			management.saveCharge(id, charge, materials, amount, version);
		});
	}

	@PostMapping("/{id}/appointment")
	String appointment(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, Map.of(), model, flash, "workorder.appointed", () -> management.perform(id, WorkOrderAction.APPOINT, WorkOrderInput.appointment(from, to), version));
	}

	@PostMapping("/{id}/photos")
	String photo(@PathVariable long id, @RequestParam(defaultValue = "BEFORE") String stage,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes flash) {
		return act(id, Map.of(), model, flash, "workorder.photoAdded", () -> management.attachPhoto(id, stage, file));
	}

	@GetMapping("/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
		management.get(id);
		WorkOrderQueries.PhotoContent p = queries.photo(id, photoId)
			.orElseThrow(() -> new NotFoundException("attachment.notFound"));
		return Uploads.serve(p.fileName(), p.contentType(), p.checked(), p.data());
	}

	/** The warranty of a component of a unit, for the form (htmx fragment). */
	@GetMapping("/options/warranty")
	String warrantyHint(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String component,
			Model model) {
		Optional<ArchiveLookup.UnitRef> unit = unitId == null ? Optional.empty() : archive.unit(unitId);
		LocalDate today = WorkOrderManagement.today();
		Warranty.Rule rule = warranty.rule(component, today).orElse(null);
		model.addAttribute("decision", unit.isEmpty() ? null
				: Warranty.decide(rule, unit.get().handoverDate(), unit.get().designLifeYears(), today));
		return "repair/warranty-hint :: hint";
	}


}
