package io.estatedesk.office;

import io.estatedesk.shared.Texts;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.BusinessClock;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

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
import jakarta.validation.Valid;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
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
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", NoteForm.empty());
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
	String fileNote(@Valid @ModelAttribute("form") NoteForm form, BindingResult errors, Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				attendance.fileNote(form.day(), form.kind(), form.time(), form.reason());
				flash.addFlashAttribute("flashSuccess", "attendance.note.filed");
				return "redirect:/attendance?month=" + YearMonth.from(form.day());
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		// the month of the day typed, when it can be shown
		YearMonth month = form.day() == null || errors.hasFieldErrors("day") ? null : YearMonth.from(form.day());
		return attendance(month, null, model);
	}

	/** The states a 未打卡说明 can be in, as the list's tabs offer them. */
	static final List<String> NOTE_STATES = List.of("PENDING", "APPROVED", "REJECTED");

	@GetMapping("/attendance/notes")
	@PreAuthorize("hasAuthority('ATTENDANCE_MANAGE')")
	String notes(@RequestParam(required = false) String state, Model model) {
		// state=PENDING: the notes waiting for approval, as the manager's dashboard counts them
		String only = state != null && NOTE_STATES.contains(state) ? state : null;
		model.addAttribute("noteStates", NOTE_STATES);
		model.addAttribute("notes", attendance.notes(null, only, null));
		model.addAttribute("noteState", only);
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
	String tasks(@RequestParam(defaultValue = "false") boolean overdue, Model model) {
		// overdue=true: everyone's open tasks past their date, as the manager's dashboard counts them
		model.addAttribute("tasks", overdue ? work.overdueTasks() : work.tasks(null, null, permissions.currentStaffId().orElse(-1L), false));
		model.addAttribute("overdue", overdue);
		return "office/tasks";
	}

	/** A refused progress is shown under the task's field on the page it was typed on (not in a banner). */
	@PostMapping("/tasks/{id}")
	String progress(@PathVariable long id, @Valid @ModelAttribute("progressForm") ProgressForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		String back = form.back() != null && form.back().startsWith("/") && !form.back().startsWith("//") ? form.back() : "/tasks";
		if (!errors.hasErrors()) {
			try {
				work.progress(id, form.progress());
				flash.addFlashAttribute("flashSuccess", "common.saved");
				return "redirect:" + back;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		model.addAttribute("progressTask", id);
		java.util.regex.Matcher page = java.util.regex.Pattern.compile("/(meetings|plans)/(\\d+)").matcher(back);
		if (page.matches()) {
			long owner = Long.parseLong(page.group(2));
			return page.group(1).equals("meetings") ? meeting(owner, model) : plan(owner, model);
		}
		return tasks("/tasks?overdue=true".equals(back), model);
	}

	@GetMapping("/meetings")
	String meetings(Model model) {
		model.addAttribute("meetings", work.meetings());
		model.addAttribute("plans", work.plans());
		if (!model.containsAttribute("meetingForm")) {
			model.addAttribute("meetingForm", new MeetingForm("", BusinessClock.localNowToMinute(), "", "", ""));
		}
		if (!model.containsAttribute("planForm")) {
			model.addAttribute("planForm", new PlanForm("", "", ""));
		}
		return "office/meetings";
	}

	@PostMapping("/meetings")
	@PreAuthorize("hasAuthority('OFFICE_EDIT')")
	String createMeeting(@Valid @ModelAttribute("meetingForm") MeetingForm form, BindingResult errors, Model model) {
		if (!errors.hasErrors()) {
			try {
				return "redirect:/meetings/" + work.createMeeting(form.title(), form.heldAt(), form.place(), form.attendees(),
						form.agenda(), "");
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		return meetings(model);
	}

	@GetMapping("/meetings/{id}")
	String meeting(@PathVariable long id, Model model) {
		OfficeWork.Meeting m = work.meeting(id);
		model.addAttribute("m", m);
		model.addAttribute("tasks", work.tasks(id, null, null, false));
		model.addAttribute("staffList", staff.activeStaff());
		model.addAttribute("zone", BusinessClock.ZONE);
		if (!model.containsAttribute("minutesForm")) {
			model.addAttribute("minutesForm", new MinutesForm(m.minutes()));
		}
		if (!model.containsAttribute("taskForm")) {
			model.addAttribute("taskForm", new TaskForm("", null, null));
		}
		return "office/meeting";
	}

	@PostMapping("/meetings/{id}/minutes")
	@PreAuthorize("hasAuthority('OFFICE_EDIT')")
	String minutes(@PathVariable long id, @Valid @ModelAttribute("minutesForm") MinutesForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				work.saveMinutes(id, form.minutes());
				flash.addFlashAttribute("flashSuccess", "common.saved");
				return "redirect:/meetings/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		return meeting(id, model);
	}

	@PostMapping("/meetings/{id}/tasks")
	@PreAuthorize("hasAuthority('OFFICE_EDIT')")
	String meetingTask(@PathVariable long id, @Valid @ModelAttribute("taskForm") TaskForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				work.addTask(id, null, form.title(), form.ownerId(), form.dueDate());
				flash.addFlashAttribute("flashSuccess", "task.added");
				return "redirect:/meetings/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		return meeting(id, model);
	}

	@PostMapping("/plans")
	@PreAuthorize("hasAuthority('OFFICE_EDIT')")
	String createPlan(@Valid @ModelAttribute("planForm") PlanForm form, BindingResult errors, Model model) {
		if (!errors.hasErrors()) {
			try {
				return "redirect:/plans/" + work.createPlan(form.title(), form.period(), form.notes());
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		return meetings(model);
	}

	@GetMapping("/plans/{id}")
	String plan(@PathVariable long id, Model model) {
		model.addAttribute("p", work.plan(id));
		model.addAttribute("tasks", work.tasks(null, id, null, false));
		model.addAttribute("staffList", staff.activeStaff());
		if (!model.containsAttribute("taskForm")) {
			model.addAttribute("taskForm", new TaskForm("", null, null));
		}
		return "office/plan";
	}

	@PostMapping("/plans/{id}/tasks")
	@PreAuthorize("hasAuthority('OFFICE_EDIT')")
	String planTask(@PathVariable long id, @Valid @ModelAttribute("taskForm") TaskForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				work.addTask(null, id, form.title(), form.ownerId(), form.dueDate());
				flash.addFlashAttribute("flashSuccess", "task.added");
				return "redirect:/plans/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		return plan(id, model);
	}

}
