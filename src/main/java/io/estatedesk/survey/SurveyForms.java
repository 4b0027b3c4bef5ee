package io.estatedesk.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Strings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.validation.BindingResult;

/** The form records of the survey pages, and how an answer form is read the same way by phone and through a link. */
final class SurveyForms {

	private SurveyForms() {
	}

	/** 发起调查: the questionnaire, a name, who is asked (and the project, for all its owners). */
	record CampaignForm(Long templateId, @Size(max = 100, message = "{input.tooLong}") String name, Surveys.Audience audience,
			Long projectId) {

		static CampaignForm empty() {
			return new CampaignForm(null, null, null, null);
		}

	}

	/** 回访 limit of 回访情况 (the note of an attempt too). */
	static final int COMMENT_MAX = 1000;

	/**
	 * 记录回访: what the owner said (回访情况) and the button pressed — 已联系，满意 / 不满意 send {@code satisfied},
	 * 未联系上 sends {@code reached=false} and the text goes with that attempt.
	 */
	record ReturnCallForm(Boolean reached, Boolean satisfied,
			@Size(max = COMMENT_MAX, message = "{input.tooLong}") String comment, Long version) {

		static ReturnCallForm empty(long version) {
			return new ReturnCallForm(null, null, null, version);
		}

		boolean wasReached() {
			return !Boolean.FALSE.equals(reached);
		}

	}

	/** Rows of questions the template form offers (more come back as posted). */
	static final int TEMPLATE_ROWS = 8;

	/** 新建问卷模板: a name, a description and one row per question (a row without text is not saved). */
	record TemplateForm(@Size(max = 100, message = "{input.tooLong}") String name, String description,
			List<@Valid QuestionRow> questions) {

		TemplateForm {
			List<QuestionRow> rows = new ArrayList<>();
			if (questions != null) {
				questions.forEach(q -> rows.add(q == null ? QuestionRow.EMPTY : q));
			}
			while (rows.size() < TEMPLATE_ROWS) {
				rows.add(QuestionRow.EMPTY);
			}
			questions = List.copyOf(rows);
		}

		static TemplateForm empty() {
			return new TemplateForm(null, null, null);
		}

	}

	/** One question of {@link TemplateForm}: its kind, text (the column's limit) and options, separated by commas. */
	record QuestionRow(Surveys.Kind kind, @Size(max = 300, message = "{input.tooLong}") String text, String options) {

		static final QuestionRow EMPTY = new QuestionRow(null, null, null);

	}

	/**
	 * 答卷, by phone or through the owner's link: one answer per question as typed, bound from
	 * {@code answers[<question id>]}; the options ticked of a multiple choice come joined by commas (which options
	 * never contain, {@link SurveyTemplates#split}).
	 */
	record AnswerForm(Map<String, String> answers) {

		AnswerForm {
			// a map the binder may still put into (it binds the request's values once more after constructing)
			answers = answers == null ? new HashMap<>() : new HashMap<>(answers);
		}

		static AnswerForm empty() {
			return new AnswerForm(null);
		}

		/** The form's field of a question, e.g. {@code answers[12]}. */
		static String field(Surveys.Question q) {
			return "answers[" + q.id() + "]";
		}

		/** What was given for the question, "" when nothing. */
		public String given(Surveys.Question q) {
			return Strings.orEmpty(answers.get(String.valueOf(q.id())));
		}

		/** Whether the option was chosen (ticked, for a multiple choice). */
		public boolean chose(Surveys.Question q, String option) {
			return q.kind() == Surveys.Kind.MULTIPLE ? chosen(q).contains(option) : given(q).equals(option);
		}

		private List<String> chosen(Surveys.Question q) {
			return Arrays.stream(given(q).split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList();
		}

		/** The answers as the facade takes them; a score that is no number is one out of range. */
		Map<Long, Surveys.Answer> toAnswers(List<Surveys.Question> questions) {
			Map<Long, Surveys.Answer> result = new HashMap<>();
			for (Surveys.Question q : questions) {
				String value = given(q);
				if (value.isBlank()) {
					continue;
				}
				switch (q.kind()) {
					case SCORE5, SCORE10, RECOMMEND -> {
						try {
							result.put(q.id(), new Surveys.Answer(Integer.valueOf(value.strip()), null, null));
						}
						catch (NumberFormatException e) {
							result.put(q.id(), new Surveys.Answer(-1, null, null));
						}
					}
					case SINGLE -> result.put(q.id(), new Surveys.Answer(null, List.of(value), null));
					case MULTIPLE -> result.put(q.id(), new Surveys.Answer(null, chosen(q), null));
					case TEXT -> result.put(q.id(), new Surveys.Answer(null, null, value));
				}
			}
			return result;
		}

	}

	/**
	 * Puts what the facade refused onto the answer form: the facade (and the API) names a question {@code q_<id>},
	 * the form {@code answers[<id>]}; anything else belongs to the whole form.
	 */
	static void addTo(InvalidInputException e, BindingResult errors) {
		// a question's field is an entry of the answers map that may be absent (nothing was answered), so it is named
		// directly rather than looked up on the form
		e.errors().forEach((field, key) -> {
			if (field.startsWith(QUESTION)) {
				errors.rejectValue("answers[" + field.substring(QUESTION.length()) + "]", key, e.args(field), null);
			}
			else {
				errors.reject(key, e.args(field), null);
			}
		});
	}

	/** How the facade names a question's answer. */
	static final String QUESTION = "q_";

}
