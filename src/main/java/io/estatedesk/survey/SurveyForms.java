package io.estatedesk.survey;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;

/** Reads the answer form (one field {@code q_<id>} per question, several for multiple choice) the same way for all. */
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

	static Map<Long, Surveys.Answer> answers(List<Surveys.Question> questions, HttpServletRequest request) {
		Map<Long, Surveys.Answer> answers = new HashMap<>();
		for (Surveys.Question q : questions) {
			String[] values = request.getParameterValues("q_" + q.id());
			if (values == null || values.length == 0 || (values.length == 1 && values[0].isBlank())) {
				continue;
			}
			switch (q.kind()) {
				case SCORE5, SCORE10, RECOMMEND -> {
					try {
						answers.put(q.id(), new Surveys.Answer(Integer.valueOf(values[0].strip()), null, null));
					}
					catch (NumberFormatException e) {
						answers.put(q.id(), new Surveys.Answer(-1, null, null));
					}
				}
				case SINGLE, MULTIPLE -> answers.put(q.id(), new Surveys.Answer(null, Arrays.asList(values), null));
				case TEXT -> answers.put(q.id(), new Surveys.Answer(null, null, values[0]));
			}
		}
		return answers;
	}

	/** What the person entered, to show the form again after a mistake. */
	static Map<String, String> draft(List<Surveys.Question> questions, HttpServletRequest request) {
		Map<String, String> draft = new HashMap<>();
		for (Surveys.Question q : questions) {
			String[] values = request.getParameterValues("q_" + q.id());
			if (values != null) {
				draft.put("q_" + q.id(), String.join("|", values));
			}
		}
		return draft;
	}

}
