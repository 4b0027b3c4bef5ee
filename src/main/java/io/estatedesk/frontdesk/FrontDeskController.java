package io.estatedesk.frontdesk;

import io.estatedesk.shared.PageData;
import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.complaint.ComplaintManagement;
import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Paged;
import jakarta.validation.Valid;
import io.estatedesk.staff.ConfidentialNumbers;
import io.estatedesk.staff.StaffManagement;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 来电记录 and 来访登记 pages: fast entry, lists, statistics, the day's register in print. */
@Controller
@PreAuthorize("hasAuthority('FRONTDESK_VIEW')")
class FrontDeskController {

	private final FrontDesk desk;

	private final ArchiveLookup archive;

	private final ComplaintManagement complaints;

	private final StaffManagement staff;

	private final VisitPdf pdf;

	private final MessageSource messages;

	private final PageData pageData;

	private final ConfidentialNumbers numbers;

	FrontDeskController(FrontDesk desk, ArchiveLookup archive, ComplaintManagement complaints, StaffManagement staff,
			VisitPdf pdf, MessageSource messages, PageData pageData, ConfidentialNumbers numbers) {
		this.numbers = numbers;
		this.desk = desk;
		this.archive = archive;
		this.complaints = complaints;
		this.staff = staff;
		this.pdf = pdf;
		this.messages = messages;
		this.pageData = pageData;
	}

	private void options(Model model) {
		model.addAttribute("types", FrontDesk.CallType.values());
		model.addAttribute("projects", archive.projects());
		model.addAttribute("categories", complaints.categories());
		model.addAttribute("trades", List.of("CIVIL", "WATERPROOF", "PLUMBING_ELECTRIC", "DOOR_WINDOW", "ELEVATOR", "FITOUT",
				"HVAC", "FIRE", "LANDSCAPE", "OTHER"));
	}

	@GetMapping("/calls")
	String calls(@RequestParam(required = false) FrontDesk.CallType type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("form", FrontDeskForms.CallEntry.empty(BusinessClock.localNowToMinute()));
		return callsPage(type, from, to, q, page, model);
	}

	private String callsPage(FrontDesk.CallType type, LocalDate from, LocalDate to, String q, Integer page, Model model) {
		model.addAttribute("calls", desk.calls(type, from, to, null, null, q, Paged.page(page), 20));
		model.addAttribute("filterType", type);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("q", q);
		options(model);
		return "frontdesk/calls";
	}

	/** Who may be calling: owners by phone number or room (htmx fragment). */
	@GetMapping("/calls/callers")
	String callers(@RequestParam(required = false) String q, @RequestParam(required = false) String callerPhone,
			@RequestParam(required = false) String phone, Model model) {
		String query = q != null ? q : callerPhone != null ? callerPhone : phone;
		model.addAttribute("callers", archive.callers(query));
		model.addAttribute("q", query);
		return "frontdesk/calls :: callers";
	}

	@PostMapping("/calls")
	@PreAuthorize("hasAuthority('FRONTDESK_EDIT')")
	String record(@Valid @ModelAttribute("form") FrontDeskForms.CallEntry form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		Long ownerId = form.ownerId();
		String name = form.callerName();
		String phone = form.callerPhone();
		if (ownerId != null && (name == null || name.isBlank())) {
			var owner = archive.owner(ownerId);
			name = owner.map(ArchiveLookup.OwnerRef::name).orElse(name);
			if (phone == null || phone.isBlank()) {
				phone = owner.map(ArchiveLookup.OwnerRef::mobile).orElse(phone);
			}
		}
		Long tradeId = form.tradeCode() == null || form.tradeCode().isBlank() ? null : desk.tradeId(form.tradeCode());
		FrontDesk.CallForm call = new FrontDesk.CallForm(form.receivedAt(), form.type(), form.topic(), name, phone, ownerId,
				form.unitId(), form.projectId(), form.content(), form.answer(), form.followUp(), form.categoryId(), tradeId,
				form.location(), form.emergency());
		try {
			if (errors.hasErrors()) {
				// what the form found and what only the desk knows, together next to their fields
				desk.checkCall(call);
			}
			else {
				long id = desk.recordCall(call);
				FrontDesk.Call saved = desk.call(id);
				if (saved.complaintId() != null) {
					flash.addFlashAttribute("flashSuccess", "call.recorded.complaint");
					return "redirect:/complaints/" + saved.complaintId();
				}
				if (saved.workOrderId() != null) {
					flash.addFlashAttribute("flashSuccess", "call.recorded.workOrder");
					return "redirect:/work-orders/" + saved.workOrderId();
				}
				flash.addFlashAttribute("flashSuccess", "call.recorded");
				return "redirect:/calls";
			}
		}
		catch (InvalidInputException e) {
			e.addMissingTo(errors, Map.of("unitId", "pick", "ownerId", "pick", "tradeId", "tradeCode"));
		}
		if (form.callerPhone() != null && !form.callerPhone().isBlank()) {
			model.addAttribute("callers", archive.callers(form.callerPhone().strip()));
		}
		return callsPage(null, null, null, null, null, model);
	}

		@GetMapping("/calls/statistics")
	String statistics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		LocalDate today = BusinessClock.today();
		LocalDate f = from != null ? from : today.withDayOfMonth(1);
		LocalDate t = to != null ? to : today;
		Map<String, List<FrontDesk.Count>> stats = desk.statistics(f, t);
		var locale = LocaleContextHolder.getLocale();
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("byType", stats.get("byType").stream().map(c -> Map.of("label",
				messages.getMessage("call.type." + c.label(), null, locale), "count", c.count(), "link",
				"/calls?type=" + c.label() + "&from=" + f + "&to=" + t)).toList());
		chart.put("byTopic", stats.get("byTopic").stream().map(c -> Map.of("label", c.label(), "count", c.count())).toList());
		model.addAttribute("stats", stats);
		model.addAttribute("chartData", pageData.embed(chart));
		model.addAttribute("from", f);
		model.addAttribute("to", t);
		model.addAttribute("total", stats.get("byType").stream().mapToLong(FrontDesk.Count::count).sum());
		return "frontdesk/call-statistics";
	}

	// ---------------------------------------------------------------- visits

	@GetMapping("/visits")
	String visits(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
		model.addAttribute("form", FrontDeskForms.VisitEntry.empty(BusinessClock.localNowToMinute(),
				(String) model.getAttribute("currentDisplayName")));
		return visitsPage(day, model);
	}

	private String visitsPage(LocalDate day, Model model) {
		LocalDate d = day != null ? day : BusinessClock.today();
		model.addAttribute("day", d);
		// the visitors' numbers in full only right after 显示完整号码, which recorded it
		boolean revealed = Boolean.TRUE.equals(model.getAttribute("revealPhones")) && numbers.mayReveal();
		List<FrontDesk.Visit> visits = desk.visits(d);
		model.addAttribute("visits", revealed ? visits : visits.stream().map(FrontDesk.Visit::masked).toList());
		model.addAttribute("revealed", revealed);
		model.addAttribute("mayReveal", !revealed && numbers.mayReveal()
				&& visits.stream().anyMatch(v -> v.phone() != null && !v.phone().isBlank()));
		model.addAttribute("identities", FrontDesk.Identity.values());
		model.addAttribute("staffList", staff.activeStaff());
		model.addAttribute("categories", complaints.categories());
		return "frontdesk/visits";
	}

	@PostMapping("/visits")
	@PreAuthorize("hasAuthority('FRONTDESK_EDIT')")
	String recordVisit(@Valid @ModelAttribute("form") FrontDeskForms.VisitEntry form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		FrontDesk.VisitForm visit = new FrontDesk.VisitForm(form.identity(), form.name(), form.gender(), form.employer(),
				form.phone(), form.reason(), form.people(), form.timeIn(), form.timeOut(), form.host(), form.ownerId(),
				form.unitId(), null);
		try {
			if (errors.hasErrors()) {
				desk.checkVisit(visit);
			}
			else {
				desk.recordVisit(visit);
				flash.addFlashAttribute("flashSuccess", "visit.recorded");
				LocalDate day = form.timeIn() != null ? form.timeIn().toLocalDate() : BusinessClock.today();
				return "redirect:/visits?day=" + day;
			}
		}
		catch (InvalidInputException e) {
			e.addMissingTo(errors, Map.of("unitId", "pick", "ownerId", "pick"));
		}
		// the register of the day typed, unless that day is what was refused
		boolean dayRefused = errors.hasFieldErrors("timeIn");
		return visitsPage(form.timeIn() == null || dayRefused ? null : form.timeIn().toLocalDate(), model);
	}

	/** 显示完整号码: the day's register with the visitors' numbers in full, recorded. */
	@PostMapping("/visits/reveal")
	String revealVisits(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			RedirectAttributes flash) {
		LocalDate d = day != null ? day : BusinessClock.today();
		List<Long> ids = desk.visits(d).stream().map(FrontDesk.Visit::id).toList();
		numbers.revealList(true, "来访登记簿 " + d, ids, "页面；联系电话");
		flash.addFlashAttribute("revealPhones", true);
		return "redirect:/visits?day=" + d;
	}

	@PostMapping("/visits/{id}/leave")
	@PreAuthorize("hasAuthority('FRONTDESK_EDIT')")
	String leave(@PathVariable long id, RedirectAttributes flash) {
		desk.leave(id, null);
		flash.addFlashAttribute("flashSuccess", "visit.left");
		return "redirect:/visits?day=" + LocalDate.ofInstant(desk.visit(id).timeIn(), BusinessClock.ZONE);
	}

	@PostMapping("/visits/{id}/complaint")
	@PreAuthorize("hasAuthority('FRONTDESK_EDIT') and hasAuthority('COMPLAINT_CREATE')")
	String complaint(@PathVariable long id, @RequestParam(required = false) Long categoryId, Model model,
			RedirectAttributes flash) {
		try {
			long complaintId = desk.complaintFromVisit(id, categoryId);
			flash.addFlashAttribute("flashSuccess", "visit.complaint");
			return "redirect:/complaints/" + complaintId;
		}
		catch (InvalidInputException e) {
			// said at the visit's row, the register of its day shown again
			model.addAttribute("rowErrorId", id);
			model.addAttribute("rowError", e.errors().values().iterator().next());
			model.addAttribute("form", FrontDeskForms.VisitEntry.empty(BusinessClock.localNowToMinute(),
					(String) model.getAttribute("currentDisplayName")));
			return visitsPage(LocalDate.ofInstant(desk.visit(id).timeIn(), BusinessClock.ZONE), model);
		}
	}

	@GetMapping(value = "/visits/register.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> print(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(defaultValue = "false") boolean reveal) {
		LocalDate d = day != null ? day : BusinessClock.today();
		List<FrontDesk.Visit> visits = desk.visits(d);
		boolean full = numbers.revealList(reveal, "来访登记簿 " + d, visits.stream().map(FrontDesk.Visit::id).toList(),
				"打印；联系电话");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("来访登记簿-" + d + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(pdf.render(d, full ? visits : visits.stream().map(FrontDesk.Visit::masked).toList()));
	}


}
