package io.estatedesk.office;

import io.estatedesk.shared.Texts;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.BusinessClock;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.Downloads;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.XlsxTable;
import io.estatedesk.staff.AuditTrail;
import io.estatedesk.staff.Permissions;
import io.estatedesk.staff.StaffManagement;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 考勤, 未打卡说明, 部门会议, 工作计划 and 我的待办. */
@Controller
@PreAuthorize("hasAuthority('ATTENDANCE_VIEW')")
class OfficeController {

	private final Attendance attendance;

	private final OfficeWork work;

	private final StaffManagement staff;

	private final Permissions permissions;

	private final AuditTrail audit;

	private final MessageSource messages;

	OfficeController(Attendance attendance, OfficeWork work, StaffManagement staff, Permissions permissions, AuditTrail audit,
			MessageSource messages) {
		this.messages = messages;
		this.attendance = attendance;
		this.work = work;
		this.staff = staff;
		this.permissions = permissions;
		this.audit = audit;
	}

	// ---------------------------------------------------------------- attendance

	/** The month: everybody's statistics (manager) and the user's own days. */
	@GetMapping("/attendance")
	String attendance(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
			@RequestParam(required = false) Long staffId, Model model) {
		YearMonth m = month != null ? month : BusinessClock.thisMonth();
		boolean manager = permissions.has(Attendance.MANAGE);
		long who = manager && staffId != null ? staffId : permissions.currentStaffId().orElse(-1L);
		model.addAttribute("month", m);
		model.addAttribute("manager", manager);
		if (manager) {
			model.addAttribute("stats", attendance.statistics(m));
			model.addAttribute("pending", attendance.notes(null, "PENDING", null));
		}
		model.addAttribute("who", who);
		model.addAttribute("whoName", staff.displayNames().get(who));
		model.addAttribute("days", attendance.month(who, m));
		model.addAttribute("myNotes", attendance.notes(permissions.currentStaffId().orElse(-1L), null, null));
		model.addAttribute("kinds", Attendance.NoteKind.values());
		model.addAttribute("today", BusinessClock.today());
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", Map.of());
		}
		return "office/attendance";
	}

	@PostMapping("/attendance/import")
	@PreAuthorize("hasAuthority('ATTENDANCE_MANAGE')")
	String importPunches(@RequestParam(required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
		if (file == null || file.isEmpty()) {
			flash.addFlashAttribute("fileError", text("attendance.import.empty"));
			return "redirect:/attendance";
		}
		try {
			Attendance.ImportResult r = attendance.importPunches(file.getOriginalFilename(), file.getBytes());
			audit.record(AuditTrail.IMPORT, Texts.zh("attendance.audit.punches"),
					Texts.zh("attendance.audit.punchesAdded", file.getOriginalFilename(), String.valueOf(r.added())));
			flash.addFlashAttribute("importResult", r);
			flash.addFlashAttribute("flashSuccess", "attendance.import.done");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("fileError", text(e.errors().values().iterator().next()));
		}
		catch (BusinessRuleException e) {
			// a file beyond the import limits: the reason, with the limit, next to the file field
			flash.addFlashAttribute("fileError", text(e.getMessage(), e.args()));
		}
		return "redirect:/attendance";
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	@PostMapping("/attendance/notes")
	String fileNote(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) Attendance.NoteKind kind,
			@RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime time,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes flash) {
		try {
			attendance.fileNote(day, kind, time, reason);
			flash.addFlashAttribute("flashSuccess", "attendance.note.filed");
			return "redirect:/attendance" + (day == null ? "" : "?month=" + YearMonth.from(day));
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", e.errors());
			model.addAttribute("draft", Map.of("reason", reason == null ? "" : reason));
			return attendance(day == null ? null : YearMonth.from(day), null, model);
		}
	}

	@GetMapping("/attendance/notes")
	@PreAuthorize("hasAuthority('ATTENDANCE_MANAGE')")
	String notes(Model model) {
		model.addAttribute("notes", attendance.notes(null, null, null));
		return "office/notes";
	}

	@PostMapping("/attendance/notes/{id}")
	@PreAuthorize("hasAuthority('ATTENDANCE_MANAGE')")
	String decide(@PathVariable long id, @RequestParam boolean approve, @RequestParam(required = false) String note,
			@RequestParam long version, RedirectAttributes flash) {
		try {
			attendance.decide(id, approve, note, version);
			flash.addFlashAttribute("flashSuccess", approve ? "attendance.note.approved" : "attendance.note.rejected");
		}
		catch (ChangedMeanwhile e) {
			flash.addFlashAttribute("flashError", "attendance.note.changedMeanwhile");
		}
		return "redirect:/attendance/notes";
	}

	@GetMapping("/attendance/export")
	@PreAuthorize("hasAuthority('ATTENDANCE_MANAGE')")
	void export(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, HttpServletResponse response)
			throws IOException {
		YearMonth m = month != null ? month : BusinessClock.thisMonth();
		audit.record(AuditTrail.EXPORT, Texts.zh("attendance.audit.statistics"), m.toString());
		Downloads.xlsx(response, Texts.zh("attendance.audit.statistics") + "-" + m + ".xlsx");
		XlsxTable table = new XlsxTable(response.getOutputStream(), Texts.zh("attendance.sheet.name", m.toString()),
				Stream.of("staff", "due", "present", "late", "early", "missed", "leave").map(c -> Texts.zh("attendance.sheet." + c)).toList());
		for (Attendance.Stats s : attendance.statistics(m)) {
			table.row(s.name(), s.workdays(), s.attended(), s.late(), s.early(), s.missing(), s.leave());
		}
		table.finish();
	}

	// ---------------------------------------------------------------- meetings, plans, tasks

	@GetMapping("/tasks")
	String tasks(Model model) {
		model.addAttribute("tasks", work.tasks(null, null, permissions.currentStaffId().orElse(-1L), false));
		return "office/tasks";
	}

	@PostMapping("/tasks/{id}")
	String progress(@PathVariable long id, @RequestParam(required = false) Integer progress,
			@RequestParam(required = false) String back, RedirectAttributes flash) {
		try {
			work.progress(id, progress);
			flash.addFlashAttribute("flashSuccess", "common.saved");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().values().iterator().next());
		}
		return "redirect:" + (back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/tasks");
	}

	@GetMapping("/meetings")
	String meetings(Model model) {
		model.addAttribute("meetings", work.meetings());
		model.addAttribute("plans", work.plans());
		model.addAttribute("now", BusinessClock.localNowToMinute());
		return "office/meetings";
	}

	@PostMapping("/meetings")
	@PreAuthorize("hasAuthority('OFFICE_EDIT')")
	String createMeeting(@RequestParam(required = false) String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime heldAt,
			@RequestParam(required = false) String place, @RequestParam(required = false) String attendees,
			@RequestParam(required = false) String agenda, RedirectAttributes flash) {
		try {
			long id = work.createMeeting(title, heldAt, place, attendees, agenda, "");
			return "redirect:/meetings/" + id;
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().values().iterator().next());
			return "redirect:/meetings";
		}
	}

	@GetMapping("/meetings/{id}")
	String meeting(@PathVariable long id, Model model) {
		model.addAttribute("m", work.meeting(id));
		model.addAttribute("tasks", work.tasks(id, null, null, false));
		model.addAttribute("staffList", staff.activeStaff());
		model.addAttribute("zone", BusinessClock.ZONE);
		return "office/meeting";
	}

	@PostMapping("/meetings/{id}/minutes")
	@PreAuthorize("hasAuthority('OFFICE_EDIT')")
	String minutes(@PathVariable long id, @RequestParam(required = false) String minutes, RedirectAttributes flash) {
		work.saveMinutes(id, minutes);
		flash.addFlashAttribute("flashSuccess", "common.saved");
		return "redirect:/meetings/" + id;
	}

	@PostMapping("/meetings/{id}/tasks")
	@PreAuthorize("hasAuthority('OFFICE_EDIT')")
	String meetingTask(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
			RedirectAttributes flash) {
		try {
			work.addTask(id, null, title, ownerId, dueDate);
			flash.addFlashAttribute("flashSuccess", "task.added");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().values().iterator().next());
		}
		return "redirect:/meetings/" + id;
	}

	@PostMapping("/plans")
	@PreAuthorize("hasAuthority('OFFICE_EDIT')")
	String createPlan(@RequestParam(required = false) String title, @RequestParam(required = false) String period,
			@RequestParam(required = false) String notes, RedirectAttributes flash) {
		try {
			return "redirect:/plans/" + work.createPlan(title, period, notes);
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().values().iterator().next());
			return "redirect:/meetings";
		}
	}

	@GetMapping("/plans/{id}")
	String plan(@PathVariable long id, Model model) {
		model.addAttribute("p", work.plan(id));
		model.addAttribute("tasks", work.tasks(null, id, null, false));
		model.addAttribute("staffList", staff.activeStaff());
		return "office/plan";
	}

	@PostMapping("/plans/{id}/tasks")
	@PreAuthorize("hasAuthority('OFFICE_EDIT')")
	String planTask(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
			RedirectAttributes flash) {
		try {
			work.addTask(null, id, title, ownerId, dueDate);
			flash.addFlashAttribute("flashSuccess", "task.added");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().values().iterator().next());
		}
		return "redirect:/plans/" + id;
	}

}
