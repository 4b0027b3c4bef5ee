package io.estatedesk.shared;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * The two things every page with several step forms does: run a step whose form passed its checks, putting what
 * the facade refuses onto that form (next to the field it names, else at the form's top; a stale version as the
 * page's {@code changes}); and give every other form of the page its starting values unless it comes back as typed.
 */
public final class PageForms {

	private PageForms() {
	}

	/**
	 * Runs {@code step} when the form has no errors; returns whether it ran through. A refusal ends up on
	 * {@code errors} (input and rules) or in the model's {@code changes} (someone saved the case meanwhile).
	 */
	public static boolean ran(BindingResult errors, Model model, Runnable step) {
		return result(errors, model, () -> {
			step.run();
			return Boolean.TRUE;
		}).isPresent();
	}

	/** {@link #ran} for a step that answers something (e.g. the ID of what it created): empty when refused. */
	public static <T> Optional<T> result(BindingResult errors, Model model, Supplier<T> step) {
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		try {
			return Optional.of(step.get());
		}
		catch (InvalidInputException e) {
			e.addTo(errors);
		}
		catch (BusinessRuleException e) {
			e.addTo(errors);
		}
		catch (ChangedMeanwhile e) {
			model.addAttribute("changes", e.changes());
		}
		return Optional.empty();
	}

	/** Adds a form with its starting values unless the model already holds it as the user left it. */
	public static void keep(Model model, String name, Supplier<?> form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form.get());
		}
	}

}
