package io.estatedesk.survey;

import io.estatedesk.shared.Texts;
import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Paged;
import io.estatedesk.staff.ConfidentialNumbers;
import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.staff.Permissions;
import io.estatedesk.staff.StaffManagement;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 回访: the tasks due, one task with its attempts, and the completion and satisfaction rates. */
@Controller
@RequestMapping("/return-calls")
// 公司领导 (SURVEY_VIEW) read the return calls their dashboard counts; recording and revealing need RETURN_CALL
@PreAuthorize("hasAnyAuthority('RETURN_CALL', 'SURVEY_VIEW')")
class ReturnCallController {

	private final ReturnCalls calls;

	private final Permissions permissions;

	private final ArchiveLookup archive;

	private final StaffManagement staff;

	private final ConfidentialNumbers numbers;

	ReturnCallController(ReturnCalls calls, Permissions permissions, StaffManagement staff, ConfidentialNumbers numbers,
			ArchiveLookup archive) {
		this.archive = archive;
		this.numbers = numbers;
		this.calls = calls;
		this.permissions = permissions;
		this.staff = staff;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "false") boolean done, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) ReturnCalls.Kind kind, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
			@RequestParam(required = false) Long projectId, @RequestParam(required = false) ReturnCalls.Progress progress,
			@RequestParam(required = false) Integer page, Model model) {
		Long me = mine ? permissions.currentStaffId().orElse(null) : null;
		ReturnCalls.TaskFilter filter = new ReturnCalls.TaskFilter(done, overdue, me, kind, null, null, projectId, dueFrom, dueTo,
				progress);
		model.addAttribute("tasks", calls.tasks(filter, Paged.page(page), 20));
		// a dashboard's month (or project) of return calls: said above the list, and no tab is the one shown
		model.addAttribute("filter", filter);
		model.addAttribute("projectName", projectId == null ? null
				: archive.project(projectId).map(ArchiveLookup.ProjectRef::name).orElse(null));
		model.addAttribute("done", done);
		model.addAttribute("overdue", overdue && !done);
		model.addAttribute("mine", mine);
		model.addAttribute("kind", kind);
		model.addAttribute("zone", BusinessClock.ZONE);
		return "survey/return-calls";
	}

	@GetMapping("/{id}")
	String task(@PathVariable long id, Model model) {
		ReturnCalls.Task t = calls.task(id);
		// the number in full only right after 显示完整号码, which recorded it
		boolean revealed = Boolean.TRUE.equals(model.getAttribute("revealPhone")) && numbers.mayReveal();
		model.addAttribute("t", revealed ? t : t.masked());
		model.addAttribute("revealed", revealed);
		boolean mayCall = permissions.has("RETURN_CALL");
		model.addAttribute("mayReveal", mayCall && !revealed && numbers.mayReveal() && t.contactPhone() != null
				&& !t.contactPhone().isBlank());
		model.addAttribute("attempts", calls.attempts(id));
		// the buttons of the actions its state allows, by name
		model.addAttribute("allowed", !mayCall ? Set.of()
				: calls.allowed(t).stream().map(Enum::name).collect(Collectors.toSet()));
		model.addAttribute("history", calls.history(id));
		model.addAttribute("names", staff.displayNamesByUsername());
		model.addAttribute("zone", BusinessClock.ZONE);
		model.addAttribute("maxAttempts", ReturnCalls.MAX_ATTEMPTS);
		model.addAttribute("caseText", calls.caseText(t));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", SurveyForms.ReturnCallForm.empty(t.version()));
		}
		return "survey/return-call";
	}

	/** 显示完整号码: the contact's number in full to make the call, recorded. */
	@PostMapping("/{id}/reveal")
	@PreAuthorize("hasAuthority('RETURN_CALL')")
	String reveal(@PathVariable long id, RedirectAttributes flash) {
		ReturnCalls.Task t = calls.task(id);
		numbers.reveal(true, Texts.zh("returnCall.audit.subject", t.caseCode(), t.contactName()), Texts.zh("returnCall.audit.phone"));
		flash.addFlashAttribute("revealPhone", true);
		return "redirect:/return-calls/" + id;
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasAuthority('RETURN_CALL')")
	String record(@PathVariable long id, @Valid @ModelAttribute("form") SurveyForms.ReturnCallForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				if (form.version() == null) {
					throw new ChangedMeanwhile(List.of());
				}
				calls.record(id, form.wasReached(), form.satisfied(), form.comment(), form.version());
				flash.addFlashAttribute("flashSuccess", !form.wasReached() ? "returnCall.notReached"
						: Boolean.TRUE.equals(form.satisfied()) ? "returnCall.satisfied" : "returnCall.reopened");
				return "redirect:/return-calls/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
			catch (BusinessRuleException e) {
				e.addTo(errors);
			}
			catch (ChangedMeanwhile e) {
				errors.reject("returnCall.changedMeanwhile");
			}
		}
		return task(id, model);
	}

	@GetMapping("/statistics")
	String statistics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		LocalDate today = BusinessClock.today();
		LocalDate f = from != null ? from : today.withDayOfMonth(1);
		LocalDate t = to != null ? to : today;
		model.addAttribute("from", f);
		model.addAttribute("to", t);
		model.addAttribute("byStaff", calls.rates(f, t, false));
		model.addAttribute("byProject", calls.rates(f, t, true));
		return "survey/return-call-statistics";
	}

}
