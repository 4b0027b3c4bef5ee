package io.estatedesk.survey;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * 满意度调查: templates of questions ({@link SurveyTemplates}), campaigns and their answers ({@link SurveyCampaigns}:
 * the audience chosen in the database, never by loading owners; answers by phone or through each owner's personal
 * link, good for one answer) and the results ({@link SurveyResults}: per question, per project, over time, with the
 * satisfaction and recommendation indices). This facade only delegates.
 */
@Service
class Surveys {

	static final String VIEW = "SURVEY_VIEW";

	static final String MANAGE = "SURVEY_MANAGE";

	enum Kind {

		/** 1–5 */
		SCORE5,
		/** 0–10 */
		SCORE10,
		/** 0–10, would recommend (NPS) */
		RECOMMEND,
		SINGLE, MULTIPLE, TEXT

	}

	enum Audience {

		/** owners whose home was handed over 30 to 60 days ago */
		HANDOVER_30_DAYS,
		/** owners whose home was handed over one year to one year and 30 days ago */
		HANDOVER_1_YEAR,
		/** every current owner of the project */
		PROJECT_ALL,
		/** owners whose complaint was closed last month */
		COMPLAINT_CLOSED_LAST_MONTH

	}

	record Template(long id, String name, String description, boolean active, List<Question> questions) {
	}

	record Question(long id, int position, Kind kind, String text, List<String> options, boolean required) {
	}

	record Campaign(long id, long templateId, String templateName, String name, Audience audience, Long projectId,
			String projectName, String state, int targets, long answered, Instant createdAt, String createdBy) {

		public Double responseRate() {
			return targets == 0 ? null : (double) answered / targets;
		}

	}

	record Target(long id, long campaignId, long ownerId, String ownerName, String mobile, Long unitId, String unitLabel,
			String token, Instant answeredAt, String answeredBy) {

		/** The target with the owner's number masked, as pages and the API show it unless it was revealed. */
		Target masked() {
			return new Target(id, campaignId, ownerId, ownerName, io.estatedesk.shared.Masking.phone(mobile), unitId, unitLabel,
					token, answeredAt, answeredBy);
		}
	}

	/** One answer as given: a score, chosen options, or a text. */
	record Answer(Integer score, List<String> choices, String text) {
	}

	/** The results of one question: mean, counts per value or option, and texts. */
	record QuestionResult(Question question, long answers, BigDecimal mean, Map<String, Long> counts, List<String> texts) {
	}

	/** The summary of a campaign: response, satisfaction index (0–100), NPS (-100–100). */
	record Summary(long targets, long answered, BigDecimal satisfaction, BigDecimal nps) {
	}

	record Breakdown(String label, long answered, BigDecimal satisfaction, BigDecimal nps) {
	}

	private final SurveyTemplates templates;

	private final SurveyCampaigns campaigns;

	private final SurveyResults results;

	Surveys(SurveyTemplates templates, SurveyCampaigns campaigns, SurveyResults results) {
		this.templates = templates;
		this.campaigns = campaigns;
		this.results = results;
	}

	List<Template> templates() {
		return templates.templates();
	}

	Template template(long id) {
		return templates.template(id);
	}

	List<Question> questions(long templateId) {
		return templates.questions(templateId);
	}

	long createTemplate(String name, String description, List<Kind> kinds, List<String> texts, List<String> options) {
		return templates.createTemplate(name, description, kinds, texts, options);
	}

	static List<String> split(String options) {
		return SurveyTemplates.split(options);
	}

	long createCampaign(Long templateId, String name, Audience audience, Long projectId) {
		return campaigns.createCampaign(templateId, name, audience, projectId);
	}

	void closeCampaign(long id) {
		campaigns.closeCampaign(id);
	}

	List<Campaign> campaigns() {
		return campaigns.campaigns();
	}

	Campaign campaign(long id) {
		return campaigns.campaign(id);
	}

	List<Target> targets(long campaignId, boolean unansweredOnly, int page, int size) {
		return campaigns.targets(campaignId, unansweredOnly, page, size);
	}

	Target target(long id) {
		return campaigns.target(id);
	}

	Optional<Target> byToken(String token) {
		return campaigns.byToken(token);
	}

	/** Saves a target's answers, once; false when it had already been answered. */
	boolean answer(long targetId, Map<Long, Answer> answers, String by) {
		return campaigns.answer(targetId, answers, by);
	}

	Summary summary(long campaignId) {
		return results.summary(campaignId);
	}

	List<QuestionResult> results(long campaignId) {
		return results.results(campaignId);
	}

	List<Breakdown> breakdown(Long campaignId, boolean byMonth) {
		return results.breakdown(campaignId, byMonth);
	}

	/** Every target of the campaign with its answers (none yet for those still to answer) and its token, in order. */
	void eachTarget(long campaignId, RowCallbackHandler handler) {
		results.eachTarget(campaignId, handler);
	}

	List<Map<String, Object>> forOwner(String column, long id) {
		return results.forOwner(column, id);
	}

}
