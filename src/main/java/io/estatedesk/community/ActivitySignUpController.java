package io.estatedesk.community;

import static io.estatedesk.community.CommunityForms.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.community.CommunityForms.SignUpForm;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import jakarta.validation.Valid;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Signing owners up for an activity, cancelling a sign-up, and attendance with scores, on the activity's page. */
@Controller
@PreAuthorize("hasAuthority('COMMUNITY_VIEW')")
class ActivitySignUpController {

	private final Activities activities;

	private final ActivityPage page;

	ActivitySignUpController(Activities activities, ActivityPage page) {
		this.activities = activities;
		this.page = page;
	}

	@PostMapping("/activities/{id}/signups")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String signUp(@PathVariable long id, @Valid @ModelAttribute("signUp") SignUpForm form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				Activities.SignUp s = activities.signUp(id, form.toSignUp());
				flash.addFlashAttribute("flashSuccess", s.status() == Activities.Status.WAITING
						? "community.signup.waiting" : "community.signup.confirmed");
				return "redirect:/activities/" + id;
			}
			catch (InvalidInputException e) {
				// the owner and the home are one choice on the page: 业主 from the search results
				Map<String, String> onPage = new LinkedHashMap<>();
				e.errors().forEach((field, key) -> onPage.put("ownerId".equals(field) || "unitId".equals(field) ? "pick" : field, key));
				new InvalidInputException(onPage).addTo(errors);
			}
			catch (BusinessRuleException e) {
				e.addTo(errors);
			}
		}
		return page.show(id, model);
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
		return page.show(id, model);
	}

}
