package io.estatedesk.complaint;

import io.estatedesk.shared.Texts;
import io.estatedesk.shared.BusinessClock;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.multipart.MultipartFile;
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

	private final ComplaintSections sections;

	private final ConfidentialNumbers numbers;

	ComplaintController(ComplaintManagement management, ComplaintQueries queries, ArchiveLookup archive,
			StaffManagement staff, Permissions permissions, ComplaintPdf pdf, ComplaintSheets sheets, AuditTrail audit,
			ComplaintSections sections, ConfidentialNumbers numbers) {
		this.sections = sections;
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
		boolean revealed = revealed(model);
		// the input carries the masked number unless it was revealed; sent back unchanged it keeps the stored one
		model.addAttribute("form", new IntakeForm(d.projectId(), d.complaintDate(), d.complainant(),
				LocalDateTime.ofInstant(d.complainedAt(), BusinessClock.ZONE), d.unitId(), d.ownerId(),
				ConfidentialNumbers.phone(d.contactPhone(), revealed), d.receiverId(), d.channel(), d.categoryId(),
				d.severity(), d.groupCase(), d.content(), d.remedy()));
		model.addAttribute("version", d.version());
		revealOptions(model, d, revealed);
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
		revealOptions(model, detail(id), false);
		return intakePage(model, detail(id).withMaskedPhone());
	}

	// ---------------------------------------------------------------- one complaint

	private ComplaintViews.Detail detail(long id) {
		return queries.detail(id).orElseThrow(() -> new NotFoundException("complaint.notFound"));
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		ComplaintViews.Full full = queries.full(id);
		boolean revealed = revealed(model);
		ComplaintViews.Detail shown = revealed ? full.detail() : full.detail().withMaskedPhone();
		model.addAttribute("c", shown);
		model.addAttribute("full", new ComplaintViews.Full(shown, full.followups(), full.attachments(), full.parties(),
				full.history()));
		revealOptions(model, full.detail(), revealed);
		model.addAttribute("mayAct", management.mayAct(full.detail().handlerId()));
		// the buttons shown are the transition table's actions for this state that this user may take
		model.addAttribute("allowed", management.allowedActions(id));
		model.addAttribute("group", queries.group(id));
		model.addAttribute("sections", sections.shown(id, full.detail().state()));
		model.addAttribute("names", staff.displayNamesByUsername());
		model.addAttribute("staffList", staff.activeWithPermission(ComplaintManagement.HANDLE));
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", Map.of());
		}
		return "complaint/detail";
	}

	/** Whether this page follows a reveal (显示完整号码), which was recorded when it was asked for. */
	private boolean revealed(Model model) {
		return Boolean.TRUE.equals(model.getAttribute("revealPhone")) && numbers.mayReveal();
	}

	private void revealOptions(Model model, ComplaintViews.Detail d, boolean revealed) {
		model.addAttribute("revealed", revealed);
		model.addAttribute("mayReveal", numbers.mayReveal() && !revealed && d.contactPhone() != null
				&& !d.contactPhone().isBlank());
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

	/** Runs an action; on a rule, input or version problem shows the page again with the user's input kept. */
	private String act(long id, Map<String, String> draft, Model model, RedirectAttributes flash, String success,
			Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("flashSuccess", success);
			return "redirect:/complaints/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", e.errors());
		}
		catch (BusinessRuleException e) {
			model.addAttribute("actionError", e.getMessage());
			model.addAttribute("actionErrorArgs", e.args());
		}
		catch (ComplaintConflict e) {
			model.addAttribute("changes", e.changes());
		}
		model.addAttribute("draft", draft);
		return show(id, model);
	}

	@PostMapping("/{id}/analysis")
	String analysis(@PathVariable long id, @Valid AnalysisForm form, @RequestParam long version, Model model,
			RedirectAttributes flash) {
		return act(id, io.estatedesk.shared.Records.texts(form), model, flash, "common.saved",
				() -> management.saveAnalysis(id, form, version));
	}

	@PostMapping("/{id}/followups")
	String followup(@PathVariable long id, @RequestParam(required = false) String way,
			@RequestParam(required = false) String content,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
			Model model, RedirectAttributes flash) {
		Map<String, String> draft = Map.of("followupWay", nz(way), "followupContent", nz(content));
		return act(id, draft, model, flash, "followup.added", () -> {
			Map<String, String> errors = new HashMap<>();
			if (way == null || way.isBlank()) {
				errors.put("followupWay", "followup.way.required");
			}
			if (content == null || content.isBlank()) {
				errors.put("followupContent", "followup.content.required");
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			management.addFollowup(id, new FollowupForm(occurredAt, way, content));
		});
	}

	@PostMapping("/{id}/submit")
	String submit(@PathVariable long id, @RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, Map.of(), model, flash, "complaint.submitted", () -> management.submit(id, version));
	}

	@PostMapping("/{id}/instruction")
	String instruct(@PathVariable long id, @RequestParam(required = false) String leaderInstruction,
			@RequestParam(defaultValue = "true") boolean approve, @RequestParam long version, Model model,
			RedirectAttributes flash) {
		return act(id, Map.of("leaderInstruction", nz(leaderInstruction)), model, flash, "complaint.instructed",
				() -> management.instruct(id, leaderInstruction, approve, version));
	}

	@PostMapping("/{id}/reply")
	String reply(@PathVariable long id, @RequestParam(required = false) String replyContent,
			@RequestParam(required = false) String replyWay, @RequestParam long version, Model model,
			RedirectAttributes flash) {
		return act(id, Map.of("replyContent", nz(replyContent)), model, flash, "complaint.replied",
				() -> management.reply(id, replyContent, replyWay, version));
	}

	@PostMapping("/{id}/return-visit")
	String returnVisit(@PathVariable long id, @RequestParam(defaultValue = "true") boolean satisfied,
			@RequestParam(required = false) String returnResult, @RequestParam long version, Model model,
			RedirectAttributes flash) {
		return act(id, Map.of("returnResult", nz(returnResult)), model, flash,
				satisfied ? "complaint.returnVisited" : "complaint.reopened",
				() -> management.returnVisit(id, satisfied, returnResult, version));
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) String lesson, @RequestParam long version,
			Model model, RedirectAttributes flash) {
		return act(id, Map.of("lesson", nz(lesson)), model, flash, "complaint.closedDone",
				() -> management.close(id, lesson, version));
	}

	@PostMapping("/{id}/transfer")
	String transfer(@PathVariable long id, @RequestParam(required = false) Long handlerId,
			@RequestParam(required = false) String reason, @RequestParam long version, Model model,
			RedirectAttributes flash) {
		return act(id, Map.of("transferReason", nz(reason)), model, flash, "complaint.transferred", () -> {
			if (handlerId == null) {
				throw new InvalidInputException(Map.of("handlerId", "complaint.receiver.unknown"));
			}
			management.transfer(id, handlerId, reason, version);
		});
	}

	@PostMapping("/{id}/appointment")
	String appointment(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime appointmentAt,
			@RequestParam(required = false) String note, @RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, Map.of("appointmentNote", nz(note)), model, flash, "complaint.appointed",
				() -> management.appoint(id, appointmentAt, note, version));
	}

	@PostMapping("/{id}/waiting")
	String waiting(@PathVariable long id, @RequestParam boolean waiting, @RequestParam long version, Model model,
			RedirectAttributes flash) {
		return act(id, Map.of(), model, flash, waiting ? "complaint.paused" : "complaint.resumed",
				() -> management.setWaiting(id, waiting, version));
	}

	@PostMapping("/{id}/attachments")
	String attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model,
			RedirectAttributes flash) {
		return act(id, Map.of(), model, flash, "attachment.added", () -> management.attach(id, file));
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
		ComplaintQueries.AttachmentContent a = queries.attachment(id, attachmentId)
			.orElseThrow(() -> new NotFoundException("attachment.notFound"));
		return Uploads.serve(a.fileName(), a.contentType(), a.checked(), a.data());
	}

	@PostMapping("/{id}/parties")
	String party(@PathVariable long id, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) Long ownerId, @RequestParam long version, Model model,
			RedirectAttributes flash) {
		return act(id, Map.of(), model, flash, "complaint.partyAdded", () -> management.addParty(id, ownerId, unitId, version));
	}

	@PostMapping("/{id}/group")
	String group(@PathVariable long id, @RequestParam(required = false) String otherCode, @RequestParam long version,
			Model model, RedirectAttributes flash) {
		return act(id, Map.of("otherCode", nz(otherCode)), model, flash, "complaint.grouped",
				() -> management.mergeIntoGroup(id, otherCode, version));
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

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
