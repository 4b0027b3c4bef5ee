package io.estatedesk.community;

import static io.estatedesk.community.CommunityForms.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.community.CommunityForms.SignUpForm;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.FieldErrors;
import io.estatedesk.shared.PageForms;
import io.estatedesk.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import jakarta.validation.Valid;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

	/**
	 * Attendance, score and remark of the confirmed sign-ups shown: {@code marks[i].signUpId}, {@code .attended},
	 * {@code .score}, {@code .feedback}. Refused, the page comes back with every row as it was left and each message
	 * under its field.
	 */
	@PostMapping("/activities/{id}/attendance")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	String attendance(@PathVariable long id, @Valid @ModelAttribute("attendance") AttendanceForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		// the scores are read even when the form found mistakes of its own, so every mistake is shown at once
		Map<String, String> fieldOf = new LinkedHashMap<>();
		FieldErrors checks = new FieldErrors();
		List<Activities.Mark> marks = marks(form, checks, fieldOf);
		checks.addMissingTo(errors);
		if (PageForms.ran(errors, model, () -> mark(id, marks, fieldOf))) {
			flash.addFlashAttribute("flashSuccess", "community.attendance.saved");
			return "redirect:/activities/" + id;
		}
		return page.show(id, model);
	}

	/** The rows read: a score that is no whole number is recorded under it; {@code fieldOf}: the facade's field → the row's. */
	private static List<Activities.Mark> marks(AttendanceForm form, FieldErrors checks, Map<String, String> fieldOf) {
		List<AttendanceForm.MarkRow> rows = form.rows();
		List<Activities.Mark> marks = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			AttendanceForm.MarkRow row = rows.get(i);
			if (row.signUpId() == null) {
				continue;
			}
			String field = "marks[" + i + "].score";
			fieldOf.put("score_" + row.signUpId(), field);
			// only read here; whether it is 1–5 (and the owner came) the facade decides
			Integer score = checks.whole(field, row.score(), Integer.MIN_VALUE, Integer.MAX_VALUE,
					"community.attendance.score.invalid");
			Boolean attended = row.attended() == null || row.attended().isBlank() ? null : "yes".equals(row.attended());
			marks.add(new Activities.Mark(row.signUpId(), attended, score, row.feedback()));
		}
		return marks;
	}

	/** Marks the rows, naming a refusal by its row. */
	private void mark(long id, List<Activities.Mark> marks, Map<String, String> fieldOf) {
		try {
			activities.mark(id, marks);
		}
		catch (InvalidInputException e) {
			throw e.renamed(field -> fieldOf.getOrDefault(field, field));
		}
	}

}
