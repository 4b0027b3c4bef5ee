package io.estatedesk.survey;

import java.util.List;

import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.PageForms;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * An owner's personal survey link, without logging in and made for a phone: the questionnaire once; afterwards, and
 * for an unknown or closed link, a polite page. Nothing of the owner is shown but the home the survey is about.
 * After a mistake the questionnaire comes back with every answer given and the message under its question.
 */
@Controller
@RequestMapping("/s")
class PublicSurveyController {

	private final Surveys surveys;

	PublicSurveyController(Surveys surveys) {
		this.surveys = surveys;
	}

	@GetMapping("/{token}")
	String form(@PathVariable String token, Model model) {
		var target = surveys.byToken(token);
		if (target.isEmpty()) {
			model.addAttribute("reason", "unknown");
			return "survey/public-done";
		}
		Surveys.Campaign c = surveys.campaign(target.get().campaignId());
		if (target.get().answeredAt() != null) {
			model.addAttribute("reason", "answered");
			return "survey/public-done";
		}
		if (!"OPEN".equals(c.state())) {
			model.addAttribute("reason", "closed");
			return "survey/public-done";
		}
		model.addAttribute("token", token);
		model.addAttribute("c", c);
		model.addAttribute("unit", target.get().unitLabel());
		model.addAttribute("questions", surveys.questions(c.templateId()));
		PageForms.keep(model, "answerForm", SurveyForms.AnswerForm::empty);
		return "survey/public";
	}

	@PostMapping("/{token}")
	String submit(@PathVariable String token, @Valid @ModelAttribute("answerForm") SurveyForms.AnswerForm form,
			BindingResult errors, Model model) {
		var target = surveys.byToken(token);
		if (target.isEmpty()) {
			model.addAttribute("reason", "unknown");
			return "survey/public-done";
		}
		Surveys.Campaign c = surveys.campaign(target.get().campaignId());
		List<Surveys.Question> questions = surveys.questions(c.templateId());
		if (!errors.hasErrors()) {
			try {
				boolean saved = surveys.answer(target.get().id(), form.toAnswers(questions), "owner");
				model.addAttribute("reason", saved ? "thanks" : "answered");
				return "survey/public-done";
			}
			catch (InvalidInputException e) {
				if (e.errors().containsKey("campaign")) {
					model.addAttribute("reason", "closed");
					return "survey/public-done";
				}
				SurveyForms.addTo(e, errors);
			}
		}
		return form(token, model);
	}

}
