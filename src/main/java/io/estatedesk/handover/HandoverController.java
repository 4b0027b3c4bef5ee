package io.estatedesk.handover;

import io.estatedesk.shared.BusinessClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.FieldErrors;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.PageForms;
import io.estatedesk.shared.Texts;
import io.estatedesk.staff.StaffManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 交房 pages: batches with their progress and slots, one unit's booking, inspection and handover. */
@Controller
@RequestMapping("/handover")
@PreAuthorize("hasAuthority('HANDOVER_VIEW')")
class HandoverController {

	private final HandoverManagement management;

	private final HandoverQueries queries;

	private final HandoverPdf pdf;

	private final ArchiveLookup archive;

	private final StaffManagement staff;

	HandoverController(HandoverManagement management, HandoverQueries queries, HandoverPdf pdf, ArchiveLookup archive,
			StaffManagement staff) {
		this.management = management;
		this.queries = queries;
		this.pdf = pdf;
		this.archive = archive;
		this.staff = staff;
	}

	@GetMapping
	String batches(@RequestParam(required = false) Long projectId, Model model) {
		model.addAttribute("batches", queries.batches(projectId));
		model.addAttribute("projects", archive.projects());
		model.addAttribute("projectId", projectId);
		if (!model.containsAttribute("form")) {
			LocalDate today = BusinessClock.today();
			model.addAttribute("form", new HandoverManagement.BatchForm(projectId, "", today, today.plusDays(30), ""));
		}
		return "handover/batches";
	}

	@PostMapping
	@PreAuthorize("hasAuthority('HANDOVER_MANAGE')")
	String createBatch(@ModelAttribute("form") BatchFields fields, BindingResult errors, Model model, RedirectAttributes flash) {
		HandoverManagement.BatchForm form = fields.form();
		model.addAttribute("form", form);
		if (!errors.hasErrors()) {
			try {
				long id = management.createBatch(form);
				flash.addFlashAttribute("flashSuccess", "handover.batch.created");
				return "redirect:/handover/batches/" + id;
			}
			catch (InvalidInputException e) {
				model.addAttribute("fieldErrors", e.errors());
			}
		}
		return batches(form.projectId(), model);
	}

	/** The batch form's fields (dates as ISO dates). */
	record BatchFields(Long projectId, String name, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn, String notes) {

		HandoverManagement.BatchForm form() {
			return new HandoverManagement.BatchForm(projectId, name, startsOn, endsOn, notes);
		}

	}

	@GetMapping("/batches/{id}")
	String batch(@PathVariable long id, @RequestParam(required = false) HandoverState state, Model model) {
		HandoverQueries.Batch b = queries.batch(id);
		model.addAttribute("batch", b);
		model.addAttribute("slots", queries.slots(id));
		// state: the units of one segment of the dashboard's 交房进度
		model.addAttribute("units", queries.units(id, state));
		model.addAttribute("unitState", state);
		model.addAttribute("buildings", archive.buildings(b.projectId()));
		model.addAttribute("zone", BusinessClock.ZONE);
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", Map.of());
		}
		return "handover/batch";
	}

	@PostMapping("/batches/{id}/units")
	@PreAuthorize("hasAuthority('HANDOVER_MANAGE')")
	String addUnits(@PathVariable long id, @RequestParam(required = false) Long buildingId, RedirectAttributes flash) {
		try {
			int n = management.addUnits(id, buildingId, null);
			flash.addFlashAttribute("flashSuccess", n > 0 ? "handover.units.added" : "handover.units.none");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().values().iterator().next());
		}
		return "redirect:/handover/batches/" + id;
	}

	@PostMapping("/batches/{id}/slots")
	@PreAuthorize("hasAuthority('HANDOVER_MANAGE')")
	String addSlot(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
			@RequestParam(required = false) Integer capacity, Model model, RedirectAttributes flash) {
		try {
			management.addSlot(id, startsAt, endsAt, capacity);
			flash.addFlashAttribute("flashSuccess", "handover.slot.added");
			return "redirect:/handover/batches/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", e.errors());
			model.addAttribute("draft", Map.of("capacity", capacity == null ? "" : String.valueOf(capacity)));
			return batch(id, null, model);
		}
	}

	// ---------------------------------------------------------------- one unit

	@GetMapping("/units/{id}")
	String unit(@PathVariable long id, Model model) {
		HandoverQueries.UnitDetail u = queries.unit(id).orElseThrow(() -> new NotFoundException("handover.unit.notFound"));
		model.addAttribute("u", u);
		model.addAttribute("slots", queries.slots(u.batchId()));
		model.addAttribute("results", queries.results(id));
		model.addAttribute("history", management.history().of(id));
		model.addAttribute("allowed", management.allowedActions(id));
		model.addAttribute("today", BusinessClock.today());
		model.addAttribute("names", staff.displayNamesByUsername());
		model.addAttribute("zone", BusinessClock.ZONE);
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", Map.of());
		}
		// each step's form as the user left it after a refusal, else as the unit stands
		PageForms.keep(model, "bookForm", () -> new BookForm(u.slotId(), null));
		PageForms.keep(model, "acceptForm", () -> new AcceptFields(false, false, "", "", "", "", u.ownerName(),
				BusinessClock.today()));
		PageForms.keep(model, "refuseForm", () -> new RefuseForm(""));
		return "handover/unit";
	}

	private String act(long id, Map<String, String> draft, Model model, RedirectAttributes flash, String success, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("flashSuccess", success);
			return "redirect:/handover/units/" + id;
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
		return unit(id, model);
	}

	/** Runs a step whose form passed its checks; refused, the page comes back with the form as typed. */
	private String step(long id, BindingResult errors, Model model, RedirectAttributes flash, String success,
			Runnable action) {
		if (PageForms.ran(errors, model, action)) {
			flash.addFlashAttribute("flashSuccess", success);
			return "redirect:/handover/units/" + id;
		}
		return unit(id, model);
	}

	/** 预约交房: the slot and how the owner was told (电话, 短信, 书面, or not yet). */
	record BookForm(Long slotId, @Size(max = 20, message = "{input.tooLong}") String noticeWay) {
	}

	@PostMapping("/units/{id}/book")
	String book(@PathVariable long id, @Valid @ModelAttribute("bookForm") BookForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		return step(id, errors, model, flash, "handover.booked",
				() -> management.book(id, form.slotId(), form.noticeWay(), version));
	}

	/**
	 * The inspection form: for every item {@code result_<id>} = ok | fail, {@code note_<id>}, and an optional
	 * {@code photo_<id>} of the defect.
	 */
	@PostMapping("/units/{id}/inspection")
	String inspect(@PathVariable long id, @RequestParam long version, HttpServletRequest request, Model model,
			RedirectAttributes flash) {
		List<HandoverManagement.Check> checks = new ArrayList<>();
		Map<String, String> draft = new HashMap<>();
		// the multipart request may sit under wrappers (e.g. the security filters'), so it is looked for, not cast
		MultipartHttpServletRequest multipart = org.springframework.web.util.WebUtils.getNativeRequest(request,
				MultipartHttpServletRequest.class);
		Map<String, MultipartFile> files = multipart != null ? multipart.getFileMap() : Map.of();
		for (HandoverQueries.Result r : queries.results(id)) {
			String result = request.getParameter("result_" + r.itemId());
			if (result == null) {
				continue;
			}
			String note = request.getParameter("note_" + r.itemId());
			draft.put("result_" + r.itemId(), result);
			draft.put("note_" + r.itemId(), note == null ? "" : note);
			checks.add(new HandoverManagement.Check(r.itemId(), !"fail".equals(result), note, files.get("photo_" + r.itemId())));
		}
		return act(id, draft, model, flash, "handover.inspected", () -> management.inspect(id, checks, version));
	}

	/**
	 * 资料、钥匙与业主签收 as typed: counts and meter readings stay text until read, so "三把" comes back as typed with
	 * its message; the 交房日期 typed is kept (never replaced by today).
	 */
	record AcceptFields(Boolean qualityGuarantee, Boolean usageManual, String keysCount, String waterReading,
			String electricityReading, String gasReading, @Size(max = 60, message = "{input.tooLong}") String confirmedBy,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate handoverDate) {
	}

	record RefuseForm(@Size(max = 2000, message = "{input.tooLong}") String refusedReason) {
	}

	@PostMapping("/units/{id}/accept")
	String accept(@PathVariable long id, @Valid @ModelAttribute("acceptForm") AcceptFields form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		return step(id, errors, model, flash, "handover.accepted", () -> {
			FieldErrors checks = new FieldErrors();
			Integer keys = whole(checks, "keysCount", form.keysCount());
			BigDecimal water = reading(checks, "waterReading", form.waterReading());
			BigDecimal power = reading(checks, "electricityReading", form.electricityReading());
			BigDecimal gas = reading(checks, "gasReading", form.gasReading());
			checks.throwIfAny();
			management.accept(id, new HandoverManagement.AcceptForm(Boolean.TRUE.equals(form.qualityGuarantee()),
					Boolean.TRUE.equals(form.usageManual()), keys, water, power, gas, form.confirmedBy(),
					form.handoverDate()), version);
		});
	}

	@PostMapping("/units/{id}/refuse")
	String refuse(@PathVariable long id, @Valid @ModelAttribute("refuseForm") RefuseForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		return step(id, errors, model, flash, "handover.refused",
				() -> management.refuse(id, form.refusedReason(), version));
	}

	@GetMapping(value = "/units/{id}/confirmation.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> confirmation(@PathVariable long id) {
		HandoverQueries.UnitDetail u = queries.unit(id).orElseThrow(() -> new NotFoundException("handover.unit.notFound"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(Texts.zh("handover.pdf.fileName", u.unitLabel().replace(' ', '-')), java.nio.charset.StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(pdf.render(u, queries.results(id)));
	}

	private static Integer whole(FieldErrors checks, String field, String typed) {
		BigDecimal n = checks.number(field, typed);
		if (n != null && (n.signum() <= 0 || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(1000)) > 0)) {
			checks.put(field, "handover.accept.keys");
			return null;
		}
		return n == null ? null : n.intValueExact();
	}

	private static BigDecimal reading(FieldErrors checks, String field, String typed) {
		BigDecimal n = checks.number(field, typed);
		if (n != null && n.signum() < 0) {
			checks.put(field, "handover.accept.reading");
			return null;
		}
		return n;
	}

}
