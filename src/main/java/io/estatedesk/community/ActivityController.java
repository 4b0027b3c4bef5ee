package io.estatedesk.community;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Uploads;
import io.estatedesk.shared.Paged;
import io.estatedesk.staff.StaffManagement;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 社区活动 and 品牌推广计划 pages: plan, sign owners up, mark attendance and scores, photos, cost, summary. */
@Controller
@PreAuthorize("hasAuthority('COMMUNITY_VIEW')")
class ActivityController {

	private final Activities activities;

	private final ArchiveLookup archive;

	private final StaffManagement staff;

	ActivityController(Activities activities, ArchiveLookup archive, StaffManagement staff) {
		this.activities = activities;
		this.archive = archive;
		this.staff = staff;
	}

	@GetMapping("/activities")
	String list(@RequestParam(required = false) Activities.State state, @RequestParam(required = false) Long projectId,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("activities", activities.list(state, projectId, null, q, Paged.page(page), Paged.DEFAULT_SIZE));
		model.addAttribute("states", Activities.State.values());
		model.addAttribute("projects", archive.projects());
		model.addAttribute("filterState", state);
		model.addAttribute("filterProject", projectId);
		model.addAttribute("q", q);
		return "community/activities";
	}

	// ---------------------------------------------------------------- plan an activity

	@GetMapping("/activities/new")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String newForm(@RequestParam(required = false) Long planId, Model model) {
		Map<String, String> draft = new HashMap<>();
		draft.put("capacity", "30");
		draft.put("budget", "");
		if (planId != null) {
			draft.put("planId", planId.toString());
		}
		model.addAttribute("draft", draft);
		return formPage(model, null);
	}

	private String formPage(Model model, Activities.Activity existing) {
		model.addAttribute("existing", existing);
		model.addAttribute("projects", archive.projects());
		model.addAttribute("plans", activities.plans());
		model.addAttribute("staffList", staff.activeStaff());
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "community/activity-form";
	}

	@PostMapping("/activities/new")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String create(@RequestParam Map<String, String> p, Model model, RedirectAttributes flash) {
		Map<String, String> parseErrors = new LinkedHashMap<>();
		Activities.ActivityForm form = form(p, parseErrors);
		try {
			long id = activities.create(form);
			flash.addFlashAttribute("flashSuccess", "community.activity.created");
			return "redirect:/activities/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", merge(e.errors(), parseErrors));
		}
		model.addAttribute("draft", p);
		return formPage(model, null);
	}

	@GetMapping("/activities/{id}/edit")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String editForm(@PathVariable long id, Model model) {
		Activities.Activity a = activities.get(id);
		Map<String, String> draft = new HashMap<>();
		draft.put("title", a.title());
		draft.put("projectId", a.projectId() == null ? "" : a.projectId().toString());
		draft.put("planId", a.planId() == null ? "" : a.planId().toString());
		draft.put("startsAt", a.startsAtLocal().toString());
		draft.put("place", a.place());
		draft.put("budget", a.budget().stripTrailingZeros().toPlainString());
		draft.put("capacity", Integer.toString(a.capacity()));
		draft.put("responsibleId", a.responsibleId() == null ? "" : a.responsibleId().toString());
		draft.put("description", a.description());
		model.addAttribute("draft", draft);
		return formPage(model, a);
	}

	@PostMapping("/activities/{id}/edit")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String update(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes flash) {
		Activities.Activity a = activities.get(id);
		Map<String, String> parseErrors = new LinkedHashMap<>();
		Activities.ActivityForm form = form(p, parseErrors);
		try {
			activities.update(id, form, version(p));
			flash.addFlashAttribute("flashSuccess", "common.saved");
			return "redirect:/activities/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", merge(e.errors(), parseErrors));
		}
		catch (ChangedMeanwhile e) {
			model.addAttribute("actionError", "community.changedMeanwhile");
		}
		catch (BusinessRuleException e) {
			model.addAttribute("actionError", e.getMessage());
		}
		model.addAttribute("draft", p);
		return formPage(model, a);
	}

	private static Activities.ActivityForm form(Map<String, String> p, Map<String, String> parseErrors) {
		LocalDateTime startsAt = null;
		String s = p.get("startsAt");
		if (s != null && !s.isBlank()) {
			try {
				startsAt = LocalDateTime.parse(s.strip());
			}
			catch (DateTimeParseException e) {
				parseErrors.put("startsAt", "community.activity.startsAt.invalid");
			}
		}
		return new Activities.ActivityForm(p.get("title"), id(p.get("projectId")), id(p.get("planId")), startsAt,
				p.get("place"), p.get("budget"), p.get("capacity"), id(p.get("responsibleId")), p.get("description"));
	}

	// ---------------------------------------------------------------- one activity

	@GetMapping("/activities/{id}")
	String show(@PathVariable long id, Model model) {
		Activities.Summary summary = activities.summary(id);
		model.addAttribute("s", summary);
		model.addAttribute("a", summary.activity());
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", Map.of());
		}
		return "community/activity";
	}

	/** Owners to sign up, by phone number or room number (htmx fragment). */
	@GetMapping("/activities/owners")
	String owners(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("owners", archive.callers(q));
		model.addAttribute("q", q);
		return "community/activity :: owners";
	}

	@PostMapping("/activities/{id}/state")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String state(@PathVariable long id, @RequestParam Activities.State to, @RequestParam long version,
			RedirectAttributes flash) {
		return act(id, flash, "community.activity.state.changed." + to, () -> activities.changeState(id, to, version));
	}

	@PostMapping("/activities/{id}/signups")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String signUp(@PathVariable long id, @RequestParam(required = false) String pick,
			@RequestParam(required = false) String people, @RequestParam(required = false) String notes, Model model,
			RedirectAttributes flash) {
		Long ownerId = null;
		Long unitId = null;
		if (pick != null && pick.contains(":")) {
			String[] parts = pick.split(":", -1);
			ownerId = id(parts[0]);
			unitId = id(parts[1]);
		}
		Map<String, String> parseErrors = new LinkedHashMap<>();
		Integer n = null;
		if (people != null && !people.isBlank()) {
			try {
				n = Integer.valueOf(people.strip());
			}
			catch (NumberFormatException e) {
				parseErrors.put("people", "community.signup.people.invalid");
			}
		}
		try {
			if (!parseErrors.isEmpty()) {
				throw new InvalidInputException(parseErrors);
			}
			Activities.SignUp s = activities.signUp(id, new Activities.SignUpForm(ownerId, unitId, n, notes));
			if (s.status() == Activities.Status.WAITING) {
				flash.addFlashAttribute("flashSuccess", "community.signup.waiting");
			}
			else {
				flash.addFlashAttribute("flashSuccess", "community.signup.confirmed");
			}
			return "redirect:/activities/" + id;
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = merge(e.errors(), parseErrors);
			if (errors.containsKey("ownerId")) {
				errors.put("pick", errors.remove("ownerId"));
			}
			model.addAttribute("fieldErrors", errors);
		}
		catch (BusinessRuleException e) {
			model.addAttribute("actionError", e.getMessage());
		}
		Map<String, String> draft = new HashMap<>();
		draft.put("people", people == null ? "" : people);
		draft.put("notes", notes == null ? "" : notes);
		model.addAttribute("draft", draft);
		return show(id, model);
	}

	@PostMapping("/activities/{id}/signups/{signUpId}/cancel")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String cancel(@PathVariable long id, @PathVariable long signUpId, RedirectAttributes flash) {
		try {
			List<Activities.SignUp> promoted = activities.cancel(id, signUpId);
			flash.addFlashAttribute("flashSuccess", promoted.isEmpty() ? "community.signup.cancelled" : "community.signup.cancelledPromoted");
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/activities/" + id;
	}

	/** Attendance, score and remark of every confirmed sign-up: {@code attended_<id>}, {@code score_<id>}, {@code feedback_<id>}. */
	@PostMapping("/activities/{id}/attendance")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String attendance(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes flash) {
		List<Activities.Mark> marks = new ArrayList<>();
		Map<String, String> parseErrors = new LinkedHashMap<>();
		for (Activities.SignUp s : activities.signUps(id, Activities.Status.CONFIRMED)) {
			String att = p.get("attended_" + s.id());
			Boolean attended = att == null || att.isBlank() ? null : "yes".equals(att);
			Integer score = null;
			String sc = p.get("score_" + s.id());
			if (sc != null && !sc.isBlank()) {
				try {
					score = Integer.valueOf(sc.strip());
				}
				catch (NumberFormatException e) {
					parseErrors.put("score_" + s.id(), "community.attendance.score.invalid");
				}
			}
			marks.add(new Activities.Mark(s.id(), attended, score, p.get("feedback_" + s.id())));
		}
		try {
			if (!parseErrors.isEmpty()) {
				throw new InvalidInputException(parseErrors);
			}
			activities.mark(id, marks);
			flash.addFlashAttribute("flashSuccess", "community.attendance.saved");
			return "redirect:/activities/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", merge(e.errors(), parseErrors));
			model.addAttribute("actionError", "community.attendance.notSaved");
			model.addAttribute("draft", p);
		}
		catch (BusinessRuleException e) {
			model.addAttribute("actionError", e.getMessage());
		}
		return show(id, model);
	}

	@PostMapping("/activities/{id}/cost")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String cost(@PathVariable long id, @RequestParam(required = false) String actualCost, @RequestParam long version,
			Model model, RedirectAttributes flash) {
		try {
			activities.recordCost(id, actualCost, version);
			flash.addFlashAttribute("flashSuccess", "common.saved");
			return "redirect:/activities/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", e.errors());
			model.addAttribute("draft", Map.of("actualCost", actualCost == null ? "" : actualCost));
		}
		catch (ChangedMeanwhile e) {
			model.addAttribute("actionError", "community.changedMeanwhile");
		}
		catch (BusinessRuleException e) {
			model.addAttribute("actionError", e.getMessage());
		}
		return show(id, model);
	}

	@PostMapping("/activities/{id}/photos")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String photo(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String caption, Model model, RedirectAttributes flash) {
		try {
			activities.addPhoto(id, file, caption);
			flash.addFlashAttribute("flashSuccess", "community.photo.added");
			return "redirect:/activities/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", e.errors());
			model.addAttribute("photoCaption", caption);
		}
		return show(id, model);
	}

	@GetMapping("/activities/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
		Activities.PhotoContent p = activities.photo(id, photoId)
			.orElseThrow(() -> new NotFoundException("attachment.notFound"));
		return Uploads.serve(p.fileName(), p.contentType(), p.checked(), p.data());
	}

	private String act(long id, RedirectAttributes flash, String success, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("flashSuccess", success);
		}
		catch (ChangedMeanwhile e) {
			flash.addFlashAttribute("flashError", "community.changedMeanwhile");
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/activities/" + id;
	}

	// ---------------------------------------------------------------- brand promotion plans

	@GetMapping("/brand-plans")
	String plans(Model model) {
		model.addAttribute("plans", activities.plans());
		if (!model.containsAttribute("draft")) {
			LocalDate today = BusinessClock.today();
			model.addAttribute("draft", Map.of("periodFrom", today.withDayOfMonth(1).toString(), "periodTo",
					today.withDayOfMonth(1).plusMonths(3).minusDays(1).toString()));
		}
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "community/plans";
	}

	@PostMapping("/brand-plans")
	@PreAuthorize("hasAuthority('COMMUNITY_MANAGE')")
	String createPlan(@RequestParam Map<String, String> p, Model model, RedirectAttributes flash) {
		Map<String, String> parseErrors = new LinkedHashMap<>();
		Activities.PlanForm form = planForm(p, parseErrors);
		try {
			long id = activities.createPlan(form);
			flash.addFlashAttribute("flashSuccess", "common.saved");
			return "redirect:/brand-plans/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", merge(e.errors(), parseErrors));
		}
		model.addAttribute("draft", p);
		return plans(model);
	}

	@GetMapping("/brand-plans/{id}")
	String plan(@PathVariable long id, Model model) {
		Activities.Plan plan = activities.plan(id).orElseThrow(() -> new NotFoundException("community.plan.notFound"));
		model.addAttribute("plan", plan);
		model.addAttribute("activities", activities.list(null, null, id, null, 0, 200).items());
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", Map.of("title", plan.title(), "periodFrom", plan.periodFrom().toString(), "periodTo",
					plan.periodTo().toString(), "goal", plan.goal(), "budget", plan.budget().stripTrailingZeros().toPlainString(),
					"notes", plan.notes()));
		}
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "community/plan";
	}

	@PostMapping("/brand-plans/{id}")
	@PreAuthorize("hasAuthority('COMMUNITY_MANAGE')")
	String updatePlan(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes flash) {
		Map<String, String> parseErrors = new LinkedHashMap<>();
		Activities.PlanForm form = planForm(p, parseErrors);
		try {
			activities.updatePlan(id, form, version(p));
			flash.addFlashAttribute("flashSuccess", "common.saved");
			return "redirect:/brand-plans/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", merge(e.errors(), parseErrors));
		}
		catch (ChangedMeanwhile e) {
			model.addAttribute("actionError", "community.changedMeanwhile");
		}
		model.addAttribute("draft", p);
		return plan(id, model);
	}

	private static Activities.PlanForm planForm(Map<String, String> p, Map<String, String> parseErrors) {
		return new Activities.PlanForm(p.get("title"), date(p.get("periodFrom"), "periodFrom", parseErrors),
				date(p.get("periodTo"), "periodTo", parseErrors), p.get("goal"), p.get("budget"), p.get("notes"));
	}

	// ---------------------------------------------------------------- helpers

	static LocalDate date(String s, String field, Map<String, String> errors) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(s.strip());
		}
		catch (DateTimeParseException e) {
			errors.put(field, "community.date.invalid");
			return null;
		}
	}

	static Long id(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(s.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	static long version(Map<String, String> p) {
		Long v = id(p.get("version"));
		if (v == null) {
			throw new ChangedMeanwhile(List.of());
		}
		return v;
	}

	/** Errors of the service, where the page's own parse errors (a date that is no date) take precedence. */
	static Map<String, String> merge(Map<String, String> service, Map<String, String> parse) {
		Map<String, String> all = new LinkedHashMap<>(service);
		all.putAll(parse);
		return all;
	}

}
