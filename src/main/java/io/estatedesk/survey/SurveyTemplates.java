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
 * The templates of questions a survey asks; choice questions need at least two options.
 */
@Service
class SurveyTemplates {

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	SurveyTemplates(JdbcTemplate jdbc, Permissions permissions) {
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

	/**
	 * A new template from lines of questions; choice questions need at least two options. Errors name the line's
	 * field as the form does ({@code questions[2].kind}).
	 */
	@Transactional
	long createTemplate(String name, String description, List<Kind> kinds, List<String> texts, List<String> options) {
		require(Surveys.MANAGE);
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
				errors.put("questions[" + i + "].kind", "survey.question.kind.required");
			}
			if ((k == Kind.SINGLE || k == Kind.MULTIPLE) && split(i < options.size() ? options.get(i) : "").size() < 2) {
				errors.put("questions[" + i + "].options", "survey.question.options.required");
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

	private void require(String permission) {
		if (!permissions.has(permission)) {
			throw new AccessDeniedException(permission);
		}
	}

}
