package io.estatedesk.repair;

import static io.estatedesk.shared.Strings.orEmpty;

import io.estatedesk.shared.Texts;
import io.estatedesk.shared.BusinessClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import io.estatedesk.complaint.ComplaintManagement;
import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.Downloads;
import io.estatedesk.shared.FieldErrors;
import io.estatedesk.shared.PageForms;
import jakarta.validation.Valid;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Uploads;
import io.estatedesk.shared.Paged;
import io.estatedesk.staff.AuditTrail;
import io.estatedesk.staff.Permissions;
import io.estatedesk.staff.StaffManagement;
import org.springframework.context.i18n.LocaleContextHolder;
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
	}

	@GetMapping
	String list(@ModelAttribute("filter") WorkOrderFilter filter,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("orders", queries.list(filter, management.restrictedTo(), Paged.page(page), Paged.size(size)));
		model.addAttribute("restricted", management.restrictedTo().isPresent());
		model.addAttribute("filterBuildings", filter.projectId() == null ? List.of() : archive.buildings(filter.projectId()));
		options(model);
		if (management.restrictedTo().isEmpty()) {
			model.addAttribute("contractors", contractors.all(false));
		}
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
		// only those who see every contractor may dispatch from the form
		if (f != null && management.restrictedTo().isEmpty()) {
			model.addAttribute("contractors", offered(f.tradeId(), f.projectId(), f.unitId()));
			model.addAttribute("selectedContractor", f.contractorId());
		}
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
	String create(@Valid @ModelAttribute("form") WorkOrderManagement.RaiseForm form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		Optional<Long> raised = PageForms.result(errors, model, () -> management.raise(form));
		if (raised.isEmpty()) {
			return formPage(model);
		}
		flash.addFlashAttribute("flashSuccess", "workorder.raised");
		return form.complaintId() != null ? "redirect:/complaints/" + form.complaintId()
				: "redirect:/work-orders/" + raised.get();
	}

	/**
	 * The contractors the form offers for direct dispatch: with a trade chosen only the active ones that take it,
	 * those working on the project (building) first; without one every active contractor.
	 */
	private List<Contractors.Contractor> offered(Long tradeId, Long projectId, Long unitId) {
		if (tradeId == null) {
			return contractors.all(true);
		}
		Optional<ArchiveLookup.UnitRef> unit = unitId == null ? Optional.empty() : archive.unit(unitId);
		long project = unit.map(u -> (long) u.projectId()).orElse(projectId == null ? 0L : projectId);
		return contractors.candidates(tradeId, project, unit.map(ArchiveLookup.UnitRef::buildingId).orElse(null));
	}

	/** The contractors offered once 工种, project or unit change on the form (htmx fragment). */
	@GetMapping("/options/contractors")
	@PreAuthorize("hasAuthority('REPAIR_CREATE') and hasAuthority('REPAIR_DISPATCH') and hasAuthority('REPAIR_ALL')")
	String contractorOptions(@RequestParam(required = false) Long tradeId, @RequestParam(required = false) Long projectId,
			@RequestParam(required = false) Long unitId, @RequestParam(required = false) Long contractorId, Model model) {
		model.addAttribute("contractors", offered(tradeId, projectId, unitId));
		model.addAttribute("selectedContractor", contractorId);
		return "repair/form :: contractorOptions";
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
		if (model.getAttribute("refusedStep") instanceof WorkOrderAction step && !allowed.contains(step)) {
			// the refused step's form is no longer on the page (the order moved on): its refusal stands at the top
			model.addAttribute("refusals", model.getAttribute("refusedStepErrors"));
		}
		if (allowed.contains(WorkOrderAction.DISPATCH)) {
			Long buildingId = d.unitId() == null ? null : archive.unit(d.unitId()).map(ArchiveLookup.UnitRef::buildingId).orElse(null);
			model.addAttribute("candidates", contractors.candidates(d.tradeId(), d.projectId(), buildingId));
		}
		// each step's form as the user left it after a refusal, else as the work order stands
		PageForms.keep(model, "dispatchForm", () -> new WorkOrderForms.DispatchForm(d.contractorId(), ""));
		PageForms.keep(model, "finishForm", () -> new WorkOrderForms.FinishForm("", d.materials()));
		PageForms.keep(model, "acceptForm", () -> new WorkOrderForms.AcceptForm(null, ""));
		PageForms.keep(model, "rejectForm", () -> new WorkOrderForms.RejectForm(""));
		PageForms.keep(model, "returnCallForm", () -> new WorkOrderForms.ReturnCallForm(null, ""));
		PageForms.keep(model, "appointmentForm", () -> new WorkOrderForms.AppointmentForm(
				d.appointmentFrom() == null ? null : LocalDateTime.ofInstant(d.appointmentFrom(), BusinessClock.ZONE),
				d.appointmentTo() == null ? null : LocalDateTime.ofInstant(d.appointmentTo(), BusinessClock.ZONE)));
		PageForms.keep(model, "startForm", WorkOrderForms.StepForm::new);
		PageForms.keep(model, "resumeForm", WorkOrderForms.StepForm::new);
		PageForms.keep(model, "progressForm", () -> new WorkOrderForms.ProgressForm(""));
		PageForms.keep(model, "pauseForm", () -> new WorkOrderForms.PauseForm("", null));
		PageForms.keep(model, "cancelForm", () -> new WorkOrderForms.CancelForm(""));
		PageForms.keep(model, "chargeForm", () -> new WorkOrderForms.ChargeForm(d.charge(), d.materials(),
				d.cost() == null ? "" : d.cost().toPlainString()));
		PageForms.keep(model, "photoForm", () -> new WorkOrderForms.PhotoForm(
				java.util.Set.of(WorkOrderState.IN_PROGRESS, WorkOrderState.REWORK, WorkOrderState.PENDING_ACCEPTANCE)
					.contains(d.state()) ? "AFTER" : "BEFORE", null));
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

	/**
	 * Runs a step whose form passed its checks; a rule, input or version problem goes onto that form (next to the
	 * field it names) and the page is shown again with the form as typed. {@code step}: the action whose form it is
	 * (null for a form offered whatever the state).
	 */
	private String act(long id, WorkOrderAction step, BindingResult errors, Model model, RedirectAttributes flash,
			String success, Runnable action) {
		if (PageForms.ran(errors, model, action)) {
			flash.addFlashAttribute("flashSuccess", success);
			return "redirect:/work-orders/" + id;
		}
		if (step != null && errors.hasGlobalErrors()) {
			model.addAttribute("refusedStep", step);
			model.addAttribute("refusedStepErrors", errors.getGlobalErrors());
		}
		return show(id, model);
	}

	/** {@link #act} for a step of the transition table, taken with what its form carries. */
	private String perform(long id, WorkOrderAction step, WorkOrderInput input, long version, BindingResult errors,
			Model model, RedirectAttributes flash, String success) {
		return act(id, step, errors, model, flash, success, () -> management.perform(id, step, input, version));
	}

	@PostMapping("/{id}/dispatch")
	String dispatch(@PathVariable long id, @Valid @ModelAttribute("dispatchForm") WorkOrderForms.DispatchForm form,
			BindingResult errors, @RequestParam long version, Model model, RedirectAttributes flash) {
		return perform(id, WorkOrderAction.DISPATCH, WorkOrderInput.dispatch(form.contractorId(), form.dispatchNote()), version,
				errors, model, flash, "workorder.dispatched");
	}

	@PostMapping("/{id}/start")
	String start(@PathVariable long id, @ModelAttribute("startForm") WorkOrderForms.StepForm form,
			BindingResult errors, @RequestParam long version, Model model, RedirectAttributes flash) {
		return perform(id, WorkOrderAction.START, WorkOrderInput.none(), version,
				errors, model, flash, "workorder.started");
	}

	@PostMapping("/{id}/progress")
	String progress(@PathVariable long id, @Valid @ModelAttribute("progressForm") WorkOrderForms.ProgressForm form,
			BindingResult errors, Model model, RedirectAttributes flash) {
		return act(id, WorkOrderAction.PROGRESS, errors, model, flash, "workorder.progressAdded",
				() -> management.progress(id, form.progressNote()));
	}

	@PostMapping("/{id}/finish")
	String finish(@PathVariable long id, @Valid @ModelAttribute("finishForm") WorkOrderForms.FinishForm form,
			BindingResult errors, @RequestParam long version, Model model, RedirectAttributes flash) {
		return perform(id, WorkOrderAction.FINISH, WorkOrderInput.finish(form.finishNote(), form.finishMaterials()), version,
				errors, model, flash, "workorder.finished");
	}

	@PostMapping("/{id}/accept")
	String accept(@PathVariable long id, @Valid @ModelAttribute("acceptForm") WorkOrderForms.AcceptForm form,
			BindingResult errors, @RequestParam long version, Model model, RedirectAttributes flash) {
		return perform(id, WorkOrderAction.ACCEPT, WorkOrderInput.accept(form.ownerRating(), form.acceptanceNote()), version,
				errors, model, flash, "workorder.accepted");
	}

	@PostMapping("/{id}/reject")
	String reject(@PathVariable long id, @Valid @ModelAttribute("rejectForm") WorkOrderForms.RejectForm form,
			BindingResult errors, @RequestParam long version, Model model, RedirectAttributes flash) {
		return perform(id, WorkOrderAction.REJECT, WorkOrderInput.note(form.rejectReason()), version,
				errors, model, flash, "workorder.rejected");
	}

	@PostMapping("/{id}/pause")
	String pause(@PathVariable long id, @Valid @ModelAttribute("pauseForm") WorkOrderForms.PauseForm form,
			BindingResult errors, @RequestParam long version, Model model, RedirectAttributes flash) {
		return perform(id, WorkOrderAction.PAUSE, WorkOrderInput.pause(form.pauseReason(), form.resumeOn()), version,
				errors, model, flash, "workorder.paused");
	}

	@PostMapping("/{id}/resume")
	String resume(@PathVariable long id, @ModelAttribute("resumeForm") WorkOrderForms.StepForm form,
			BindingResult errors, @RequestParam long version, Model model, RedirectAttributes flash) {
		return perform(id, WorkOrderAction.RESUME, WorkOrderInput.none(), version,
				errors, model, flash, "workorder.resumed");
	}

	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable long id, @Valid @ModelAttribute("cancelForm") WorkOrderForms.CancelForm form,
			BindingResult errors, @RequestParam long version, Model model, RedirectAttributes flash) {
		return perform(id, WorkOrderAction.CANCEL, WorkOrderInput.note(form.cancelReason()), version,
				errors, model, flash, "workorder.cancelled");
	}

	@PostMapping("/{id}/return-call")
	String returnCall(@PathVariable long id, @Valid @ModelAttribute("returnCallForm") WorkOrderForms.ReturnCallForm form,
			BindingResult errors, @RequestParam long version, Model model, RedirectAttributes flash) {
		return perform(id, WorkOrderAction.RETURN_CALL, WorkOrderInput.returnCall(form.returnSatisfied(), form.returnResult()), version,
				errors, model, flash, "workorder.returnCalled");
	}

	@PostMapping("/{id}/charge")
	String charge(@PathVariable long id, @Valid @ModelAttribute("chargeForm") WorkOrderForms.ChargeForm form,
			BindingResult errors, @RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, null, errors, model, flash, "common.saved", () -> {
			FieldErrors checks = new FieldErrors();
			BigDecimal cost = checks.number("cost", form.cost());
			checks.throwIfAny();
			management.saveCharge(id, form.charge(), form.chargeMaterials(), cost, version);
		});
	}

	@PostMapping("/{id}/appointment")
	String appointment(@PathVariable long id,
			@Valid @ModelAttribute("appointmentForm") WorkOrderForms.AppointmentForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		return perform(id, WorkOrderAction.APPOINT, WorkOrderInput.appointment(form.appointmentFrom(), form.appointmentTo()), version,
				errors, model, flash, "workorder.appointed");
	}

	@PostMapping("/{id}/photos")
	String photo(@PathVariable long id, @ModelAttribute("photoForm") WorkOrderForms.PhotoForm form,
			BindingResult errors, Model model, RedirectAttributes flash) {
		return act(id, WorkOrderAction.ATTACH_PHOTO, errors, model, flash, "workorder.photoAdded", () -> management.attachPhoto(id,
				form.stage() == null || form.stage().isBlank() ? "BEFORE" : form.stage(), form.file()));
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
