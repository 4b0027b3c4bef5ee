package io.estatedesk.frontdesk;

import io.estatedesk.shared.PageData;
import io.estatedesk.shared.Strings;
import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.complaint.ComplaintManagement;
import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Paged;
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
import org.springframework.web.bind.annotation.GetMapping;
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
		model.addAttribute("now", BusinessClock.localNowToMinute());
	}

	@GetMapping("/calls")
	String calls(@RequestParam(required = false) FrontDesk.CallType type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("calls", desk.calls(type, from, to, null, null, q, Paged.page(page), 20));
		model.addAttribute("filterType", type);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("q", q);
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", Map.of());
		}
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
		model.addAttribute("draft", Map.of());
		return "frontdesk/calls :: callers";
	}

	@PostMapping("/calls")
	@PreAuthorize("hasAuthority('FRONTDESK_EDIT')")
	String record(@RequestParam(required = false) FrontDesk.CallType type, @RequestParam(required = false) String topic,
			@RequestParam(required = false) String callerName, @RequestParam(required = false) String callerPhone,
			@RequestParam(required = false) String pick, @RequestParam(required = false) Long projectId,
			@RequestParam(required = false) String content, @RequestParam(required = false) String answer,
			@RequestParam(defaultValue = "false") boolean followUp, @RequestParam(required = false) Long categoryId,
			@RequestParam(required = false) String tradeCode, @RequestParam(required = false) String location,
			@RequestParam(defaultValue = "false") boolean emergency,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime receivedAt,
			Model model, RedirectAttributes flash) {
		Long ownerId = null;
		Long unitId = null;
		if (pick != null && pick.contains(":")) {
			String[] p = pick.split(":", -1);
			ownerId = p[0].isBlank() ? null : Long.valueOf(p[0]);
			unitId = p[1].isBlank() ? null : Long.valueOf(p[1]);
		}
		String name = callerName;
		String phone = callerPhone;
		if (ownerId != null && (name == null || name.isBlank())) {
			var owner = archive.owner(ownerId);
			name = owner.map(ArchiveLookup.OwnerRef::name).orElse(name);
			if (phone == null || phone.isBlank()) {
				phone = owner.map(ArchiveLookup.OwnerRef::mobile).orElse(phone);
			}
		}
		Long tradeId = tradeCode == null || tradeCode.isBlank() ? null : desk.tradeId(tradeCode);
		try {
			long id = desk.recordCall(new FrontDesk.CallForm(receivedAt, type, topic, name, phone, ownerId, unitId, projectId,
					content, answer, followUp, categoryId, tradeId, location, emergency));
			FrontDesk.Call call = desk.call(id);
			if (call.complaintId() != null) {
				flash.addFlashAttribute("flashSuccess", "call.recorded.complaint");
				return "redirect:/complaints/" + call.complaintId();
			}
			if (call.workOrderId() != null) {
				flash.addFlashAttribute("flashSuccess", "call.recorded.workOrder");
				return "redirect:/work-orders/" + call.workOrderId();
			}
			flash.addFlashAttribute("flashSuccess", "call.recorded");
			return "redirect:/calls";
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", e.errors());
		}
		Map<String, String> draft = new LinkedHashMap<>();
		draft.put("type", type == null ? "" : type.name());
		draft.put("topic", Strings.orEmpty(topic));
		draft.put("callerName", Strings.orEmpty(callerName));
		draft.put("callerPhone", Strings.orEmpty(callerPhone));
		draft.put("content", Strings.orEmpty(content));
		draft.put("answer", Strings.orEmpty(answer));
		draft.put("location", Strings.orEmpty(location));
		draft.put("pick", Strings.orEmpty(pick));
		if (receivedAt != null) {
			draft.put("receivedAt", receivedAt.toString());
		}
		model.addAttribute("draft", draft);
		if (callerPhone != null && !callerPhone.isBlank()) {
			model.addAttribute("callers", archive.callers(callerPhone.strip()));
		}
		return calls(null, null, null, null, null, model);
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
		model.addAttribute("now", BusinessClock.localNowToMinute());
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", Map.of());
		}
		return "frontdesk/visits";
	}

	@PostMapping("/visits")
	@PreAuthorize("hasAuthority('FRONTDESK_EDIT')")
	String recordVisit(@RequestParam(required = false) FrontDesk.Identity identity, @RequestParam(required = false) String name,
			@RequestParam(required = false) String gender, @RequestParam(required = false) String employer,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Integer people,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime timeIn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime timeOut,
			@RequestParam(required = false) String host, @RequestParam(required = false) String pick, Model model,
			RedirectAttributes flash) {
		Long ownerId = null;
		Long unitId = null;
		if (pick != null && pick.contains(":")) {
			String[] p = pick.split(":", -1);
			ownerId = p[0].isBlank() ? null : Long.valueOf(p[0]);
			unitId = p[1].isBlank() ? null : Long.valueOf(p[1]);
		}
		try {
			desk.recordVisit(new FrontDesk.VisitForm(identity, name, gender, employer, phone, reason, people, timeIn, timeOut,
					host, ownerId, unitId, null));
			flash.addFlashAttribute("flashSuccess", "visit.recorded");
			LocalDate day = timeIn != null ? timeIn.toLocalDate() : BusinessClock.today();
			return "redirect:/visits?day=" + day;
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", e.errors());
			Map<String, String> draft = new LinkedHashMap<>();
			draft.put("name", Strings.orEmpty(name));
			draft.put("employer", Strings.orEmpty(employer));
			draft.put("phone", Strings.orEmpty(phone));
			draft.put("reason", Strings.orEmpty(reason));
			draft.put("host", Strings.orEmpty(host));
			if (timeIn != null) {
				draft.put("timeIn", timeIn.toString());
			}
			if (timeOut != null) {
				draft.put("timeOut", timeOut.toString());
			}
			model.addAttribute("draft", draft);
			// the register of the day typed, unless that day is what was refused
			boolean dayRefused = e.errors().containsKey("timeIn");
			return visits(timeIn == null || dayRefused ? null : timeIn.toLocalDate(), model);
		}
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
	String complaint(@PathVariable long id, @RequestParam(required = false) Long categoryId, RedirectAttributes flash) {
		try {
			long complaintId = desk.complaintFromVisit(id, categoryId);
			flash.addFlashAttribute("flashSuccess", "visit.complaint");
			return "redirect:/complaints/" + complaintId;
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().values().iterator().next());
			return "redirect:/visits?day=" + LocalDate.ofInstant(desk.visit(id).timeIn(), BusinessClock.ZONE);
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
