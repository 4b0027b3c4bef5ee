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

/**
 * 满意度调查: templates of questions, campaigns whose audience is chosen in the database (never by loading owners),
 * answers by phone or through each owner's personal link (good for one answer), and the results: per question, per
 * project, over time, with the satisfaction and recommendation indices.
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

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	Surveys(JdbcTemplate jdbc, Permissions permissions) {
		this.jdbc = jdbc;
		this.permissions = permissions;
	}

	// ---------------------------------------------------------------- templates

	List<Template> templates() {
		return jdbc.query("select * from survey_template order by id", (rs, i) -> new Template(rs.getLong("id"),
				rs.getString("name"), rs.getString("description"), rs.getBoolean("active"), List.of())).stream()
			.map(t -> new Template(t.id(), t.name(), t.description(), t.active(), questions(t.id()))).toList();
	}

	Template template(long id) {
		return templates().stream().filter(t -> t.id() == id).findFirst()
			.orElseThrow(() -> new NotFoundException("survey.template.notFound"));
	}

	List<Question> questions(long templateId) {
		return jdbc.query("select * from survey_question where template_id = ? order by position, id", (rs, i) -> question(rs),
				templateId);
	}

	private static Question question(ResultSet rs) throws SQLException {
		Array options = rs.getArray("options");
		return new Question(rs.getLong("id"), rs.getInt("position"), Kind.valueOf(rs.getString("kind")), rs.getString("text"),
				options == null ? List.of() : Arrays.asList((String[]) options.getArray()), rs.getBoolean("required"));
	}

	/** A new template from lines of questions; choice questions need at least two options. */
	@Transactional
	long createTemplate(String name, String description, List<Kind> kinds, List<String> texts, List<String> options) {
		require(MANAGE);
		Map<String, String> errors = new LinkedHashMap<>();
		if (name == null || name.isBlank()) {
			errors.put("name", "survey.template.name.required");
		}
		else if (jdbc.queryForObject("select count(*) from survey_template where name = ?", Integer.class, name.strip()) > 0) {
			errors.put("name", "survey.template.name.taken");
		}
		int count = 0;
		for (int i = 0; i < texts.size(); i++) {
			if (texts.get(i) == null || texts.get(i).isBlank()) {
				continue;
			}
			count++;
			Kind k = i < kinds.size() ? kinds.get(i) : null;
			if (k == null) {
				errors.put("kind_" + i, "survey.question.kind.required");
			}
			if ((k == Kind.SINGLE || k == Kind.MULTIPLE) && split(i < options.size() ? options.get(i) : "").size() < 2) {
				errors.put("options_" + i, "survey.question.options.required");
			}
		}
		if (count == 0) {
			errors.put("questions", "survey.template.questions.required");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		long id = jdbc.queryForObject("insert into survey_template (name, description) values (?, ?) returning id", Long.class,
				name.strip(), description == null ? "" : description.strip());
		int position = 0;
		for (int i = 0; i < texts.size(); i++) {
			if (texts.get(i) == null || texts.get(i).isBlank()) {
				continue;
			}
			List<String> opts = split(i < options.size() ? options.get(i) : "");
			int pos = ++position;
			int index = i;
			jdbc.update(con -> {
				var ps = con.prepareStatement(
						"insert into survey_question (template_id, position, kind, text, options, required) values (?, ?, ?, ?, ?, ?)");
				ps.setLong(1, id);
				ps.setInt(2, pos);
				ps.setString(3, kinds.get(index).name());
				ps.setString(4, texts.get(index).strip());
				ps.setArray(5, con.createArrayOf("text", opts.toArray()));
				ps.setBoolean(6, kinds.get(index) != Kind.TEXT);
				return ps;
			});
		}
		return id;
	}

	static List<String> split(String options) {
		if (options == null) {
			return List.of();
		}
		return Arrays.stream(options.split("[,，、\\n]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

	// ---------------------------------------------------------------- campaigns

	/**
	 * Starts a campaign: its audience is chosen and each owner gets a personal link, in one INSERT … SELECT in the
	 * database. Returns its id.
	 */
	@Transactional
	long createCampaign(Long templateId, String name, Audience audience, Long projectId) {
		require(MANAGE);
		Map<String, String> errors = new LinkedHashMap<>();
		if (templateId == null) {
			errors.put("templateId", "survey.campaign.template.required");
		}
		if (name == null || name.isBlank()) {
			errors.put("name", "survey.campaign.name.required");
		}
		if (audience == null) {
			errors.put("audience", "survey.campaign.audience.required");
		}
		if (audience == Audience.PROJECT_ALL && projectId == null) {
			errors.put("projectId", "survey.campaign.project.required");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		template(templateId);
		long id = jdbc.queryForObject("""
				insert into survey_campaign (template_id, name, audience, project_id, created_by) values (?, ?, ?, ?, ?) returning id""",
				Long.class, templateId, name.strip(), audience.name(), projectId, permissions.currentUsername());
		LocalDate today = BusinessClock.today();
		String who = switch (audience) {
			case HANDOVER_30_DAYS -> "u.handover_date between ? and ?";
			case HANDOVER_1_YEAR -> "u.handover_date between ? and ?";
			case PROJECT_ALL -> "true";
			case COMPLAINT_CLOSED_LAST_MONTH -> """
					exists (select 1 from complaint c where c.owner_id = s.owner_id and c.closed_at >= ? and c.closed_at < ?)""";
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
				from ownership s join unit u on u.id = s.unit_id
				where s.active and """ + " " + who + project + """

				on conflict (campaign_id, owner_id, unit_id) do nothing""", args.toArray());
		jdbc.update("update survey_campaign set targets = ? where id = ?", targets, id);
		return id;
	}

	@Transactional
	void closeCampaign(long id) {
		require(MANAGE);
		jdbc.update("update survey_campaign set state = 'CLOSED', closed_at = " + BusinessClock.sqlNow() + " where id = ? and state = 'OPEN'", id);
	}

	private static final String CAMPAIGN_SELECT = """
			select c.*, t.name template_name, p.name project_name,
			       (select count(*) from survey_target g where g.campaign_id = c.id and g.answered_at is not null) answered
			from survey_campaign c join survey_template t on t.id = c.template_id left join project p on p.id = c.project_id""";

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
			select g.*, o.name owner_name, o.mobile, p.name || ' ' || b.name || ' ' || u.room_no unit_label
			from survey_target g join owner o on o.id = g.owner_id left join unit u on u.id = g.unit_id
			left join building b on b.id = u.building_id left join project p on p.id = u.project_id""";

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
		List<Question> questions = questions(c.templateId());
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

	// ---------------------------------------------------------------- results

	Summary summary(long campaignId) {
		Campaign c = campaign(campaignId);
		Map<String, Object> m = jdbc.queryForMap("""
				select avg(case when q.kind = 'SCORE5' then (a.score - 1) * 25.0 when q.kind = 'SCORE10' then a.score * 10.0 end) sat,
				       100.0 * avg(case when q.kind = 'RECOMMEND' then (case when a.score >= 9 then 1 when a.score <= 6 then -1 else 0 end) end) nps
				from survey_answer a join survey_question q on q.id = a.question_id join survey_target g on g.id = a.target_id
				where g.campaign_id = ?""", campaignId);
		return new Summary(c.targets(), c.answered(), round((BigDecimal) m.get("sat")), round((BigDecimal) m.get("nps")));
	}

	List<QuestionResult> results(long campaignId) {
		Campaign c = campaign(campaignId);
		List<QuestionResult> list = new ArrayList<>();
		for (Question q : questions(c.templateId())) {
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
				left join project p on p.id = g.project_id
				where g.answered_at is not null and (cast(? as bigint) is null or g.campaign_id = ?)
				group by 1 order by 1""".formatted(label), (rs, i) -> new Breakdown(rs.getString("label"), rs.getLong("answered"),
				round(rs.getBigDecimal("sat")), round(rs.getBigDecimal("nps"))), campaignId, campaignId);
	}

	/** Every answered target with its answers, for the xlsx export. */
	void eachAnswered(long campaignId, RowCallbackHandler handler) {
		jdbc.query("""
				select g.id, o.name, p.name || ' ' || b.name || ' ' || u.room_no unit_label, g.answered_at, g.answered_by,
				       a.question_id, a.score, array_to_string(a.choices, '、') choices, a.text
				from survey_target g join owner o on o.id = g.owner_id left join unit u on u.id = g.unit_id
				left join building b on b.id = u.building_id left join project p on p.id = u.project_id
				left join survey_answer a on a.target_id = g.id
				where g.campaign_id = ? and g.answered_at is not null order by g.id, a.question_id""", handler, campaignId);
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

	private void require(String permission) {
		if (!permissions.has(permission)) {
			throw new AccessDeniedException(permission);
		}
	}

}
