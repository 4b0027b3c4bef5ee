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
import io.estatedesk.shared.FieldErrors;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.PageForms;
import io.estatedesk.shared.Texts;
import io.estatedesk.staff.StaffManagement;
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
			model.addAttribute("form", new BatchFields(projectId, "", today, today.plusDays(30), ""));
		}
		return "handover/batches";
	}

	@PostMapping
	@PreAuthorize("hasAuthority('HANDOVER_MANAGE')")
	String createBatch(@Valid @ModelAttribute("form") BatchFields fields, BindingResult errors, Model model,
			RedirectAttributes flash) {
		return PageForms.result(errors, model, () -> management.createBatch(fields.form())).map(id -> {
			flash.addFlashAttribute("flashSuccess", "handover.batch.created");
			return "redirect:/handover/batches/" + id;
		}).orElseGet(() -> batches(fields.projectId(), model));
	}

	/** The batch form's fields (dates as ISO dates). */
	record BatchFields(Long projectId, @Size(max = 100, message = "{input.tooLong}") String name,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			@Size(max = 2000, message = "{input.tooLong}") String notes) {

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
		PageForms.keep(model, "unitsForm", () -> new UnitsForm(null));
		PageForms.keep(model, "slotForm", () -> new SlotForm(null, null, "10"));
		return "handover/batch";
	}

	/** 加入楼栋: the building whose sold units not yet handed over join the batch. */
	record UnitsForm(Long buildingId) {
	}

	@PostMapping("/batches/{id}/units")
	@PreAuthorize("hasAuthority('HANDOVER_MANAGE')")
	String addUnits(@PathVariable long id, @ModelAttribute("unitsForm") UnitsForm form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		return PageForms.result(errors, model, () -> management.addUnits(id, form.buildingId(), null)).map(n -> {
			flash.addFlashAttribute("flashSuccess", n > 0 ? "handover.units.added" : "handover.units.none");
			return "redirect:/handover/batches/" + id;
		}).orElseGet(() -> batch(id, null, model));
	}

	/** 添加时段: its start and end (ISO date-times), and how many homes may book it, typed as text. */
	record SlotForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime slotStartsAt,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime slotEndsAt, String slotCapacity) {
	}

	@PostMapping("/batches/{id}/slots")
	@PreAuthorize("hasAuthority('HANDOVER_MANAGE')")
	String addSlot(@PathVariable long id, @ModelAttribute("slotForm") SlotForm form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		if (PageForms.ran(errors, model, () -> {
			FieldErrors typed = new FieldErrors();
			Integer capacity = typed.whole("slotCapacity", form.slotCapacity(), 1, HandoverBatches.MAX_CAPACITY,
					"handover.slot.capacity.invalid");
			management.addSlot(id, form.slotStartsAt(), form.slotEndsAt(), capacity, typed);
		})) {
			flash.addFlashAttribute("flashSuccess", "handover.slot.added");
			return "redirect:/handover/batches/" + id;
		}
		return batch(id, null, model);
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
		// each step's form as the user left it after a refusal, else as the unit stands
		PageForms.keep(model, "bookForm", () -> new BookForm(u.slotId(), null));
		PageForms.keep(model, "acceptForm", () -> new AcceptFields(false, false, "", "", "", "", u.ownerName(),
				BusinessClock.today()));
		PageForms.keep(model, "refuseForm", () -> new RefuseForm(""));
		PageForms.keep(model, "inspectionForm", () -> new InspectionForm(null, null, null));
		return "handover/unit";
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
	 * The inspection form: for every item {@code result[<id>]} = ok | fail, {@code note[<id>]}, and an optional
	 * {@code photo[<id>]} of the defect. Items not sent are left as they stand.
	 */
	record InspectionForm(Map<Long, String> result, Map<Long, String> note, Map<Long, MultipartFile> photo) {

		// open maps: what the constructor did not take (the files) is bound into them afterwards
		InspectionForm {
			result = result == null ? new HashMap<>() : result;
			note = note == null ? new HashMap<>() : note;
			photo = photo == null ? new HashMap<>() : photo;
		}

		/** Whether the item is marked 不合格: as sent, else as last saved. */
		public boolean failed(HandoverQueries.Result r) {
			String sent = result.get(r.itemId());
			return sent != null ? "fail".equals(sent) : r.ok() != null && !r.ok();
		}

		/** Whether a photo came with the form (a browser does not keep a chosen file when the page comes back). */
		public boolean photosSent() {
			return photo.values().stream().anyMatch(f -> f != null && !f.isEmpty());
		}

		/** The item's note: as sent, else as last saved. */
		public String noteOf(HandoverQueries.Result r) {
			return note.containsKey(r.itemId()) ? note.get(r.itemId()) : r.note();
		}

	}

	@PostMapping("/units/{id}/inspection")
	String inspect(@PathVariable long id, @ModelAttribute("inspectionForm") InspectionForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		List<HandoverManagement.Check> checks = new ArrayList<>();
		for (HandoverQueries.Result r : queries.results(id)) {
			String result = form.result().get(r.itemId());
			if (result != null) {
				checks.add(new HandoverManagement.Check(r.itemId(), !"fail".equals(result), form.note().get(r.itemId()),
						form.photo().get(r.itemId())));
			}
		}
		return step(id, errors, model, flash, "handover.inspected", () -> management.inspect(id, checks, version));
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
			Integer keys = checks.whole("keysCount", form.keysCount(), 1, 1000, "handover.accept.keys");
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

	private static BigDecimal reading(FieldErrors checks, String field, String typed) {
		BigDecimal n = checks.number(field, typed);
		if (n != null && n.signum() < 0) {
			checks.put(field, "handover.accept.reading");
			return null;
		}
		return n;
	}

}
