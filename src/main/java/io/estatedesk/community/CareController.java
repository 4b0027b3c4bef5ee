package io.estatedesk.community;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.estatedesk.community.CommunityForms.RuleEditForm;
import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Texts;
import io.estatedesk.shared.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 关怀提醒 (owners due under each rule, 已关怀 / 跳过) and the care rules themselves. */
@Controller
@PreAuthorize("hasAuthority('COMMUNITY_VIEW')")
class CareController {

	static final int SHOWN_PER_RULE = 100;

	private final CarePlans care;

	private final ArchiveLookup archive;

	CareController(CarePlans care, ArchiveLookup archive) {
		this.care = care;
		this.archive = archive;
	}

	@GetMapping("/care")
	String reminders(Model model) {
		LocalDate today = BusinessClock.today();
		model.addAttribute("today", today);
		model.addAttribute("due", care.due(today, SHOWN_PER_RULE));
		model.addAttribute("recent", care.recent(20));
		model.addAttribute("shownPerRule", SHOWN_PER_RULE);
		return "community/care";
	}

	/**
	 * 已关怀 or 跳过 for one owner of the list: the row's facts travel hidden, the note is typed. Refused (a skip without
	 * its reason, too long a note), the list comes back with that row's note as typed and the message under it.
	 */
	record RecordForm(Long ruleId, Long ownerId, Long unitId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occasion,
			CarePlans.Outcome outcome, @Size(max = CarePlans.NOTE_MAX, message = "{input.tooLong}") String note) {

		/** Whether this is the form of the row of {@code d}. */
		public boolean isFor(CarePlans.Due d) {
			return d.ruleId() == (ruleId == null ? -1 : ruleId) && d.ownerId() == (ownerId == null ? -1 : ownerId)
					&& java.util.Objects.equals(d.unitId(), unitId) && java.util.Objects.equals(d.occasion(), occasion);
		}

	}

	@PostMapping("/care/records")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String record(@Valid @ModelAttribute("recordForm") RecordForm form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		try {
			if (errors.hasErrors()) {
				return reminders(model);
			}
			if (form.ruleId() == null || form.ownerId() == null) {
				throw new InvalidInputException(Map.of("owner", "community.signup.owner.unknown"));
			}
			care.record(form.ruleId(), form.ownerId(), form.unitId(), form.occasion(), form.outcome(), form.note());
			flash.addFlashAttribute("flashSuccess",
					form.outcome() == CarePlans.Outcome.SKIPPED ? "community.care.skipped" : "community.care.done");
			return "redirect:/care";
		}
		catch (InvalidInputException e) {
			// the row's hidden facts have no field to stand under: their refusal goes to the row's top
			e.addMissingTo(errors, Map.of("ownerId", "owner", "occasion", "owner"));
		}
		return reminders(model);
	}

	@GetMapping("/care/rules")
	String rules(Model model) {
		model.addAttribute("rules", care.rules());
		return "community/care-rules";
	}

	@GetMapping("/care/rules/new")
	@PreAuthorize("hasAuthority('COMMUNITY_MANAGE')")
	String newRule(Model model) {
		model.addAttribute("ruleForm", new RuleEditForm(null, CarePlans.Kind.BIRTHDAY, null, "7",
				Texts.zh("community.care.rule.defaultTemplate"), null, true, null));
		return rulePage(model, null);
	}

	private String rulePage(Model model, CarePlans.Rule existing) {
		model.addAttribute("existing", existing);
		model.addAttribute("kinds", CarePlans.Kind.values());
		model.addAttribute("projects", archive.projects());
		model.addAttribute("maxDays", CarePlans.MAX_DAYS_AHEAD);
		return "community/care-rule";
	}

	@PostMapping("/care/rules/new")
	@PreAuthorize("hasAuthority('COMMUNITY_MANAGE')")
	String create(@Valid @ModelAttribute("ruleForm") RuleEditForm form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		if (saved(errors, () -> care.createRule(form.toRule()), form)) {
			flash.addFlashAttribute("flashSuccess", "common.saved");
			return "redirect:/care/rules";
		}
		return rulePage(model, null);
	}

	@GetMapping("/care/rules/{id}")
	String rule(@PathVariable long id, Model model) {
		CarePlans.Rule r = care.rule(id).orElseThrow(() -> new NotFoundException("community.care.rule.notFound"));
		model.addAttribute("ruleForm", RuleEditForm.of(r));
		return rulePage(model, r);
	}

	@PostMapping("/care/rules/{id}")
	@PreAuthorize("hasAuthority('COMMUNITY_MANAGE')")
	String update(@PathVariable long id, @Valid @ModelAttribute("ruleForm") RuleEditForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		CarePlans.Rule r = care.rule(id).orElseThrow(() -> new NotFoundException("community.care.rule.notFound"));
		if (saved(errors, () -> {
			if (form.version() == null) {
				throw new ChangedMeanwhile(List.of());
			}
			care.updateRule(id, form.toRule(), form.version());
		}, form)) {
			flash.addFlashAttribute("flashSuccess", "common.saved");
			return "redirect:/care/rules";
		}
		return rulePage(model, r);
	}

	/**
	 * Saves a rule whose form passed its own checks; else runs the rule's checks too, so every mistake is shown next
	 * to its field at once. A stale version is told at the form's top.
	 */
	private boolean saved(BindingResult errors, Runnable save, RuleEditForm form) {
		try {
			if (errors.hasErrors()) {
				care.checkRule(form.toRule());
				return false;
			}
			save.run();
			return true;
		}
		catch (InvalidInputException e) {
			e.addMissingTo(errors, Map.of());
		}
		catch (ChangedMeanwhile e) {
			errors.reject("community.changedMeanwhile");
		}
		return false;
	}

}
