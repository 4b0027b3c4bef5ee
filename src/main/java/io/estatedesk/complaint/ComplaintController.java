package io.estatedesk.complaint;

import io.estatedesk.shared.Texts;
import io.estatedesk.shared.BusinessClock;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Uploads;
import io.estatedesk.shared.Paged;
import io.estatedesk.staff.AuditTrail;
import io.estatedesk.staff.ConfidentialNumbers;
import io.estatedesk.staff.Permissions;
import io.estatedesk.staff.StaffManagement;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

/** 投诉 pages: the list, intake, one complaint with every step of its handling, printing and export. */
@Controller
@RequestMapping("/complaints")
@PreAuthorize("hasAuthority('COMPLAINT_VIEW')")
class ComplaintController {

	private final ComplaintManagement management;

	private final ComplaintQueries queries;

	private final ArchiveLookup archive;

	private final StaffManagement staff;

	private final Permissions permissions;

	private final ComplaintPdf pdf;

	private final ComplaintSheets sheets;

	private final AuditTrail audit;

	private final ConfidentialNumbers numbers;

	private final ComplaintDetailPage page;

	ComplaintController(ComplaintManagement management, ComplaintQueries queries, ArchiveLookup archive,
			StaffManagement staff, Permissions permissions, ComplaintPdf pdf, ComplaintSheets sheets, AuditTrail audit,
			ConfidentialNumbers numbers, ComplaintDetailPage page) {
		this.page = page;
		this.numbers = numbers;
		this.management = management;
		this.queries = queries;
		this.archive = archive;
		this.staff = staff;
		this.permissions = permissions;
		this.pdf = pdf;
		this.sheets = sheets;
		this.audit = audit;
	}

	private void options(Model model) {
		model.addAttribute("projects", archive.projects());
		model.addAttribute("categories", queries.categories());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("states", ComplaintState.values());
		model.addAttribute("staffList", staff.activeWithPermission(ComplaintManagement.HANDLE));
	}

	@GetMapping
	String list(@ModelAttribute("filter") ComplaintFilter filter,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("complaints", queries.list(filter, Paged.page(page), Paged.size(size)));
		model.addAttribute("meId", permissions.currentStaffId().orElse(null));
		model.addAttribute("filterBuildings", filter.projectId() == null ? List.of() : archive.buildings(filter.projectId()));
		options(model);
		return "complaint/list";
	}

	@GetMapping("/library")
	String library(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("cases", queries.library(q, Paged.page(page), 20));
		model.addAttribute("q", q);
		return "complaint/library";
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('COMPLAINT_EXPORT')")
	void export(@ModelAttribute("filter") ComplaintFilter filter, HttpServletResponse response)
			throws IOException {
		audit.record(AuditTrail.EXPORT, Texts.zh("complaint.audit.list"), Texts.zh("audit.filter", filter.describe()));
		io.estatedesk.shared.Downloads.xlsx(response, Texts.zh("complaint.sheet.name") + "-" + BusinessClock.today().format(DateTimeFormatter.BASIC_ISO_DATE) + ".xlsx");
		sheets.write(response.getOutputStream(), filter);
	}

	// ---------------------------------------------------------------- intake

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('COMPLAINT_CREATE')")
	String newForm(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Long ownerId, Model model) {
		Long projectId = null;
		String complainant = "";
		String phone = "";
		if (unitId != null) {
			projectId = archive.unit(unitId).map(ArchiveLookup.UnitRef::projectId).orElse(null);
		}
		if (ownerId != null) {
			var owner = archive.owner(ownerId);
			complainant = owner.map(ArchiveLookup.OwnerRef::name).orElse("");
		}
		LocalDateTime now = BusinessClock.localNowToMinute();
		model.addAttribute("form", new IntakeForm(projectId, now.toLocalDate(), complainant, now, unitId, ownerId, phone,
				permissions.currentStaffId().orElse(null), Channel.PHONE, null, Severity.GENERAL, false, "", ""));
		return intakePage(model, null);
	}

	private String intakePage(Model model, ComplaintViews.Detail existing) {
		options(model);
		model.addAttribute("existing", existing);
		IntakeForm f = (IntakeForm) model.getAttribute("form");
		if (f != null && f.unitId() != null) {
			archive.unit(f.unitId()).ifPresent(u -> model.addAttribute("presetUnit", u));
			model.addAttribute("unitOwners", archive.ownersOf(f.unitId()));
		}
		return "complaint/form";
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('COMPLAINT_CREATE')")
	String create(@Valid @ModelAttribute("form") IntakeForm form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				long id = management.receive(form);
				flash.addFlashAttribute("flashSuccess", "complaint.received");
				return "redirect:/complaints/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		return intakePage(model, null);
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
	String editForm(@PathVariable long id, Model model) {
		ComplaintViews.Detail d = detail(id);
		boolean revealed = page.revealed(model);
		// the input carries the masked number unless it was revealed; sent back unchanged it keeps the stored one
		model.addAttribute("form", new IntakeForm(d.projectId(), d.complaintDate(), d.complainant(),
				LocalDateTime.ofInstant(d.complainedAt(), BusinessClock.ZONE), d.unitId(), d.ownerId(),
				ConfidentialNumbers.phone(d.contactPhone(), revealed), d.receiverId(), d.channel(), d.categoryId(),
				d.severity(), d.groupCase(), d.content(), d.remedy()));
		model.addAttribute("version", d.version());
		page.revealOptions(model, d, revealed);
		return intakePage(model, d.withMaskedPhone());
	}

	@PostMapping("/{id}/edit")
	@PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
	String edit(@PathVariable long id, @Valid @ModelAttribute("form") IntakeForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		model.addAttribute("version", version);
		if (!errors.hasErrors()) {
			try {
				management.editIntake(id, form, version);
				flash.addFlashAttribute("flashSuccess", "common.saved");
				return "redirect:/complaints/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
			catch (BusinessRuleException e) {
				model.addAttribute("actionError", e.getMessage());
				model.addAttribute("actionErrorArgs", e.args());
			}
			catch (ComplaintConflict e) {
				model.addAttribute("changes", e.changes());
				model.addAttribute("names", staff.displayNamesByUsername());
			}
		}
		page.revealOptions(model, detail(id), false);
		return intakePage(model, detail(id).withMaskedPhone());
	}

	// ---------------------------------------------------------------- one complaint

	private ComplaintViews.Detail detail(long id) {
		return queries.detail(id).orElseThrow(() -> new NotFoundException("complaint.notFound"));
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		return page.render(id, model);
	}

	/** 显示完整号码: the contact phone in full on the page (or in the edit form), recorded. */
	@PostMapping("/{id}/reveal")
	String reveal(@PathVariable long id, @RequestParam(required = false) String then, RedirectAttributes flash) {
		ComplaintViews.Detail d = detail(id);
		boolean edit = "edit".equals(then);
		numbers.reveal(true, Texts.zh("complaint.audit.subject", d.code(), d.complainant()),
				Texts.zh(edit ? "complaint.audit.phoneOnEdit" : "complaint.audit.phoneOnPage"));
		flash.addFlashAttribute("revealPhone", true);
		return "redirect:/complaints/" + id + (edit ? "/edit" : "");
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
		ComplaintQueries.AttachmentContent a = queries.attachment(id, attachmentId)
			.orElseThrow(() -> new NotFoundException("attachment.notFound"));
		return Uploads.serve(a.fileName(), a.contentType(), a.checked(), a.data());
	}

	@GetMapping(value = "/{id}/form.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> print(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal) {
		ComplaintViews.Detail full = detail(id);
		ComplaintViews.Detail d = numbers.reveal(reveal, Texts.zh("complaint.audit.subject", full.code(), full.complainant()),
				Texts.zh("complaint.audit.phoneOnPrint"))
				? full : full.withMaskedPhone();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(d.code() + ".pdf").build().toString())
			.body(pdf.render(d));
	}

	/** The current owners of a unit, for the complainant picker (htmx fragment). */
	@GetMapping("/options/owners")
	String unitOwners(@RequestParam(required = false) Long unitId, Model model) {
		model.addAttribute("unitOwners", unitId == null ? List.of() : archive.ownersOf(unitId));
		return "complaint/form :: ownerOptions";
	}

}
