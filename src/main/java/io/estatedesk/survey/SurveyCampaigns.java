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
 * Campaigns, their audience chosen in the database (never by loading owners), and the answers each target gives once.
 */
@Service
class SurveyCampaigns {

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final SurveyTemplates templates;

	SurveyCampaigns(JdbcTemplate jdbc, Permissions permissions, SurveyTemplates templates) {
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.templates = templates;
	}

	// ---------------------------------------------------------------- campaigns

	/**
	 * Starts a campaign: its audience is chosen and each owner gets a personal link, in one INSERT … SELECT in the
	 * database. Returns its id.
	 */
	@Transactional
	long createCampaign(Long templateId, String name, Audience audience, Long projectId) {
		require(Surveys.MANAGE);
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object[]> limits = new LinkedHashMap<>();
		if (templateId == null) {
			errors.put("templateId", "survey.campaign.template.required");
		}
		if (name == null || name.isBlank()) {
			errors.put("name", "survey.campaign.name.required");
		}
		else if (name.strip().length() > 100) {
			errors.put("name", "input.tooLongAt");
			limits.put("name", new Object[] { 100 });
		}
		if (audience == null) {
			errors.put("audience", "survey.campaign.audience.required");
		}
		if (audience == Audience.PROJECT_ALL && projectId == null) {
			errors.put("projectId", "survey.campaign.project.required");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors, limits);
		}
		templates.template(templateId);
		long id = jdbc.queryForObject("""
				insert into survey_campaign (template_id, name, audience, project_id, created_by) values (?, ?, ?, ?, ?) returning id""",
				Long.class, templateId, name.strip(), audience.name(), projectId, permissions.currentUsername());
		LocalDate today = BusinessClock.today();
		String who = switch (audience) {
			case HANDOVER_30_DAYS -> "u.handover_date between ? and ?";
			case HANDOVER_1_YEAR -> "u.handover_date between ? and ?";
			case PROJECT_ALL -> "true";
			case COMPLAINT_CLOSED_LAST_MONTH -> """
					exists (select 1 from complaint_case c where c.owner_id = s.owner_id and c.closed_at >= ? and c.closed_at < ?)""";
		};
		List<Object> args = new ArrayList<>(List.of(id));
		switch (audience) {
			case HANDOVER_30_DAYS -> {
				args.add(java.sql.Date.valueOf(today.minusDays(60)));
				args.add(java.sql.Date.valueOf(today.minusDays(30)));
			}
			case HANDOVER_1_YEAR -> {
				args.add(java.sql.Date.valueOf(today.minusYears(1).minusDays(30)));
				args.add(java.sql.Date.valueOf(today.minusYears(1)));
			}
			case COMPLAINT_CLOSED_LAST_MONTH -> {
				LocalDate first = today.withDayOfMonth(1).minusMonths(1);
				args.add(Timestamp.from(first.atStartOfDay(BusinessClock.ZONE).toInstant()));
				args.add(Timestamp.from(first.plusMonths(1).atStartOfDay(BusinessClock.ZONE).toInstant()));
			}
			default -> {
			}
		}
		String project = "";
		if (projectId != null) {
			project = " and s.project_id = ?";
			args.add(projectId);
		}
		int targets = jdbc.update("""
				insert into survey_target (campaign_id, owner_id, unit_id, project_id, token)
				select ?, s.owner_id, s.unit_id, s.project_id, replace(gen_random_uuid()::text, '-', '')
				from estate_ownership s join estate_unit_place u on u.id = s.unit_id
				where s.active and """ + " " + who + project + """

				on conflict (campaign_id, owner_id, unit_id) do nothing""", args.toArray());
		jdbc.update("update survey_campaign set targets = ? where id = ?", targets, id);
		return id;
	}

	@Transactional
	void closeCampaign(long id) {
		require(Surveys.MANAGE);
		jdbc.update("update survey_campaign set state = 'CLOSED', closed_at = " + BusinessClock.sqlNow() + " where id = ? and state = 'OPEN'", id);
	}

	private static final String CAMPAIGN_SELECT = """
			select c.*, t.name template_name, p.name project_name,
			       (select count(*) from survey_target g where g.campaign_id = c.id and g.answered_at is not null) answered
			from survey_campaign c join survey_template t on t.id = c.template_id left join estate_project p on p.id = c.project_id""";

	List<Campaign> campaigns() {
		return jdbc.query(CAMPAIGN_SELECT + " order by c.id desc limit 200", (rs, i) -> campaign(rs));
	}

	Campaign campaign(long id) {
		return jdbc.query(CAMPAIGN_SELECT + " where c.id = ?", (rs, i) -> campaign(rs), id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("survey.campaign.notFound"));
	}

	private static Campaign campaign(ResultSet rs) throws SQLException {
		return new Campaign(rs.getLong("id"), rs.getLong("template_id"), rs.getString("template_name"), rs.getString("name"),
				Audience.valueOf(rs.getString("audience")), (Long) rs.getObject("project_id"), rs.getString("project_name"),
				rs.getString("state"), rs.getInt("targets"), rs.getLong("answered"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"));
	}

	private static final String TARGET_SELECT = """
			select g.*, o.name owner_name, o.mobile, u.label unit_label
			from survey_target g join estate_owner o on o.id = g.owner_id left join estate_unit_place u on u.id = g.unit_id""";

	/** The people of a campaign still to answer (or all), a page at a time. */
	List<Target> targets(long campaignId, boolean unansweredOnly, int page, int size) {
		return jdbc.query(TARGET_SELECT + " where g.campaign_id = ?" + (unansweredOnly ? " and g.answered_at is null" : "")
				+ " order by g.id limit ? offset ?", (rs, i) -> target(rs), campaignId, size + 1, (long) page * size);
	}

	Target target(long id) {
		return jdbc.query(TARGET_SELECT + " where g.id = ?", (rs, i) -> target(rs), id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("survey.target.notFound"));
	}

	Optional<Target> byToken(String token) {
		return jdbc.query(TARGET_SELECT + " where g.token = ?", (rs, i) -> target(rs), token).stream().findFirst();
	}

	private static Target target(ResultSet rs) throws SQLException {
		Timestamp at = rs.getTimestamp("answered_at");
		return new Target(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("owner_id"), rs.getString("owner_name"),
				rs.getString("mobile"), (Long) rs.getObject("unit_id"), rs.getString("unit_label"), rs.getString("token"),
				at == null ? null : at.toInstant(), rs.getString("answered_by"));
	}

	// ---------------------------------------------------------------- answering

	/**
	 * Saves a target's answers, once: the target is claimed with an UPDATE that succeeds only while it is unanswered,
	 * so a second submission (the link used again, or a staff member at the same time) is refused.
	 *
	 * @param by "owner" for the personal link, otherwise the staff member taking the answers by phone
	 * @return false when the target had already been answered
	 */
	@Transactional
	boolean answer(long targetId, Map<Long, Answer> answers, String by) {
		Target t = target(targetId);
		Campaign c = campaign(t.campaignId());
		if (!"OPEN".equals(c.state())) {
			throw new InvalidInputException(Map.of("campaign", "survey.campaign.closed"));
		}
		Map<String, String> errors = new LinkedHashMap<>();
		List<Question> questions = templates.questions(c.templateId());
		for (Question q : questions) {
			Answer a = answers.get(q.id());
			boolean empty = a == null || (a.score() == null && (a.choices() == null || a.choices().isEmpty())
					&& (a.text() == null || a.text().isBlank()));
			if (empty) {
				if (q.required()) {
					errors.put("q_" + q.id(), "survey.answer.required");
				}
				continue;
			}
			switch (q.kind()) {
				case SCORE5 -> {
					if (a.score() == null || a.score() < 1 || a.score() > 5) {
						errors.put("q_" + q.id(), "survey.answer.score5");
					}
				}
				case SCORE10, RECOMMEND -> {
					if (a.score() == null || a.score() < 0 || a.score() > 10) {
						errors.put("q_" + q.id(), "survey.answer.score10");
					}
				}
				case SINGLE, MULTIPLE -> {
					if (a.choices() == null || !q.options().containsAll(a.choices()) || (q.kind() == Kind.SINGLE && a.choices().size() != 1)) {
						errors.put("q_" + q.id(), "survey.answer.choice");
					}
				}
				default -> {
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int claimed = jdbc.update("update survey_target set answered_at = " + BusinessClock.sqlNow() + ", answered_by = ? where id = ? and answered_at is null",
				by, targetId);
		if (claimed == 0) {
			return false;
		}
		for (Question q : questions) {
			Answer a = answers.get(q.id());
			if (a == null) {
				continue;
			}
			jdbc.update(con -> {
				var ps = con.prepareStatement("insert into survey_answer (target_id, question_id, score, choices, text) values (?, ?, ?, ?, ?)");
				ps.setLong(1, targetId);
				ps.setLong(2, q.id());
				ps.setObject(3, a.score());
				ps.setArray(4, a.choices() == null ? null : con.createArrayOf("text", a.choices().toArray()));
				ps.setString(5, a.text() == null || a.text().isBlank() ? null : a.text().strip());
				return ps;
			});
		}
		return true;
	}


	private void require(String permission) {
		if (!permissions.has(permission)) {
			throw new AccessDeniedException(permission);
		}
	}

}
