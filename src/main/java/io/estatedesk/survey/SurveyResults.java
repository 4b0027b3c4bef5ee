package io.estatedesk.survey;

import io.estatedesk.shared.BusinessClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.staff.Permissions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.estatedesk.survey.Surveys.*;

/**
 * The results of a campaign: per question, per project, over time, with the satisfaction and recommendation indices.
 */
@Service
class SurveyResults {

	private final JdbcTemplate jdbc;

	private final SurveyTemplates templates;

	private final SurveyCampaigns campaigns;

	SurveyResults(JdbcTemplate jdbc, SurveyTemplates templates, SurveyCampaigns campaigns) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.campaigns = campaigns;
	}

	// ---------------------------------------------------------------- results

	Summary summary(long campaignId) {
		Campaign c = campaigns.campaign(campaignId);
		Map<String, Object> m = jdbc.queryForMap("""
				select avg(case when q.kind = 'SCORE5' then (a.score - 1) * 25.0 when q.kind = 'SCORE10' then a.score * 10.0 end) sat,
				       100.0 * avg(case when q.kind = 'RECOMMEND' then (case when a.score >= 9 then 1 when a.score <= 6 then -1 else 0 end) end) nps
				from survey_answer a join survey_question q on q.id = a.question_id join survey_target g on g.id = a.target_id
				where g.campaign_id = ?""", campaignId);
		return new Summary(c.targets(), c.answered(), round((BigDecimal) m.get("sat")), round((BigDecimal) m.get("nps")));
	}

	List<QuestionResult> results(long campaignId) {
		Campaign c = campaigns.campaign(campaignId);
		List<QuestionResult> list = new ArrayList<>();
		for (Question q : templates.questions(c.templateId())) {
			Map<String, Long> counts = new LinkedHashMap<>();
			List<String> texts = new ArrayList<>();
			long n;
			BigDecimal mean = null;
			switch (q.kind()) {
				case SCORE5, SCORE10, RECOMMEND -> {
					int max = q.kind() == Kind.SCORE5 ? 5 : 10;
					for (int v = q.kind() == Kind.SCORE5 ? 1 : 0; v <= max; v++) {
						counts.put(String.valueOf(v), 0L);
					}
					jdbc.query("""
							select a.score, count(*) from survey_answer a join survey_target g on g.id = a.target_id
							where g.campaign_id = ? and a.question_id = ? and a.score is not null group by a.score""",
							(RowCallbackHandler) rs -> counts.put(String.valueOf(rs.getInt(1)), rs.getLong(2)), campaignId, q.id());
					mean = round(jdbc.queryForObject("""
							select avg(a.score) from survey_answer a join survey_target g on g.id = a.target_id
							where g.campaign_id = ? and a.question_id = ?""", BigDecimal.class, campaignId, q.id()));
				}
				case SINGLE, MULTIPLE -> {
					q.options().forEach(o -> counts.put(o, 0L));
					jdbc.query("""
							select o, count(*) from survey_answer a join survey_target g on g.id = a.target_id, unnest(a.choices) o
							where g.campaign_id = ? and a.question_id = ? group by o""",
							(RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)), campaignId, q.id());
				}
				case TEXT -> texts.addAll(jdbc.queryForList("""
						select a.text from survey_answer a join survey_target g on g.id = a.target_id
						where g.campaign_id = ? and a.question_id = ? and a.text is not null order by g.answered_at desc limit 50""",
						String.class, campaignId, q.id()));
			}
			n = jdbc.queryForObject("""
					select count(*) from survey_answer a join survey_target g on g.id = a.target_id
					where g.campaign_id = ? and a.question_id = ?""", Long.class, campaignId, q.id());
			list.add(new QuestionResult(q, n, mean, counts, texts));
		}
		return list;
	}

	/** Satisfaction and NPS per project ({@code byMonth} false) or per month of answering, over all campaigns. */
	List<Breakdown> breakdown(Long campaignId, boolean byMonth) {
		String label = byMonth ? "to_char(g.answered_at at time zone '" + BusinessClock.ZONE.getId() + "', 'YYYY-MM')" : "coalesce(p.name, '—')";
		return jdbc.query("""
				select %s label, count(distinct g.id) answered,
				       avg(case when q.kind = 'SCORE5' then (a.score - 1) * 25.0 when q.kind = 'SCORE10' then a.score * 10.0 end) sat,
				       100.0 * avg(case when q.kind = 'RECOMMEND' then (case when a.score >= 9 then 1 when a.score <= 6 then -1 else 0 end) end) nps
				from survey_target g join survey_answer a on a.target_id = g.id join survey_question q on q.id = a.question_id
				left join estate_project p on p.id = g.project_id
				where g.answered_at is not null and (cast(? as bigint) is null or g.campaign_id = ?)
				group by 1 order by 1""".formatted(label), (rs, i) -> new Breakdown(rs.getString("label"), rs.getLong("answered"),
				round(rs.getBigDecimal("sat")), round(rs.getBigDecimal("nps"))), campaignId, campaignId);
	}

	/** Every target with its answers (none while still to answer) and its token, for the xlsx export. */
	void eachTarget(long campaignId, RowCallbackHandler handler) {
		jdbc.query("""
				select g.id, o.name, u.label unit_label, g.answered_at, g.answered_by,
				       a.question_id, a.score, array_to_string(a.choices, '、') choices, a.text, g.token
				from survey_target g join estate_owner o on o.id = g.owner_id left join estate_unit_place u on u.id = g.unit_id
				left join survey_answer a on a.target_id = g.id
				where g.campaign_id = ? order by g.id, a.question_id""", handler, campaignId);
	}

	/** An owner's survey answers, for their archive page. */
	List<Map<String, Object>> forOwner(String column, long id) {
		return jdbc.queryForList("""
				select g.id, c.name, g.answered_at from survey_target g join survey_campaign c on c.id = g.campaign_id
				where g.%s = ? and g.answered_at is not null order by g.answered_at desc limit 20""".formatted(column), id);
	}

	private static BigDecimal round(BigDecimal v) {
		return v == null ? null : v.setScale(1, RoundingMode.HALF_UP);
	}

}
