package io.estatedesk.community;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.PageForms;
import io.estatedesk.staff.StaffManagement;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * The activity's page as every controller renders it: the summary, its history (处理经过), and the buttons of the
 * state moves its transition table allows.
 */
@Component
class ActivityPage {

	/** A button that moves the activity: the action posted and the state it leads to (for its label). */
	record Move(ActivityAction action, Activities.State to) {
	}

	private final Activities activities;

	private final StaffManagement staff;

	private final ArchiveLookup archive;

	ActivityPage(Activities activities, StaffManagement staff, ArchiveLookup archive) {
		this.activities = activities;
		this.staff = staff;
		this.archive = archive;
	}

	String show(long id, Model model) {
		Activities.Summary summary = activities.summary(id);
		Activities.Activity a = summary.activity();
		Set<ActivityAction> allowed = activities.allowedActions(a);
		model.addAttribute("s", summary);
		model.addAttribute("a", a);
		model.addAttribute("allowed", allowed);
		model.addAttribute("moves", moves(a, allowed));
		model.addAttribute("history", activities.history(id));
		model.addAttribute("names", staff.displayNamesByUsername());
		if (!model.containsAttribute("cost")) {
			model.addAttribute("cost", CommunityForms.CostForm.of(a));
		}
		if (!model.containsAttribute("signUp")) {
			model.addAttribute("signUp", CommunityForms.SignUpForm.empty());
		}
		// the owners the search typed found, again after a mistake, with the one picked still chosen (read from the
		// binding, which holds what was typed even when a value could not be read and the form was not made)
		String q = null;
		String pick = null;
		if (model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "signUp") instanceof BindingResult r) {
			q = text(r.getFieldValue("q"));
			pick = text(r.getFieldValue("pick"));
		}
		if (q != null && !q.isBlank()) {
			model.addAttribute("owners", archive.callers(q));
			model.addAttribute("q", q);
			model.addAttribute("picked", pick);
		}
		// the confirmed sign-ups by ID, for the rows of the attendance form (as they were posted, after a mistake)
		Map<Long, Activities.SignUp> confirmed = new LinkedHashMap<>();
		summary.confirmed().forEach(g -> confirmed.put(g.id(), g));
		model.addAttribute("confirmedById", confirmed);
		PageForms.keep(model, "attendance", () -> CommunityForms.AttendanceForm.of(summary.confirmed()));
		PageForms.keep(model, "photoForm", () -> new CommunityForms.PhotoForm(null, null));
		return "community/activity";
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	/** The allowed state moves; back to 计划中 only while nobody has signed up. */
	static List<Move> moves(Activities.Activity a, Set<ActivityAction> allowed) {
		return ActivityTransitions.MOVES.stream()
			.filter(allowed::contains)
			.filter(m -> m != ActivityAction.BACK_TO_PLANNED || a.confirmed() + a.waiting() == 0)
			.map(m -> new Move(m, ActivityTransitions.next(a.state(), m).orElseThrow()))
			.toList();
	}

}
