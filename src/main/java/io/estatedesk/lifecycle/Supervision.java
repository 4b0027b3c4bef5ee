package io.estatedesk.lifecycle;

import io.estatedesk.shared.BusinessClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.estatedesk.shared.CaseHistory;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.FieldErrors;
import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.HistoryStep;
import io.estatedesk.shared.Strings;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.staff.Permissions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 监督、检查物业公司: inspections on a scored checklist (cleanliness, order, greenery, facilities, service), rectification
 * notices with deadlines and their re-inspection, and the trend of the scores per project.
 */
@Component
class Supervision {

	static final String EDIT = "SUPERVISION_EDIT";

	static final int COMPANY_MAX = 100;

	static final int TEXT_MAX = 5000;

	record ChecklistItem(long id, String category, String item, int maxScore) {
	}

	/** An inspection; {@code inspector} is the account that recorded it, {@code inspectorName} the person's name. */
	record Inspection(long id, long projectId, String projectName, LocalDate inspectedOn, String inspector,
			String inspectorName, String propertyCompany, BigDecimal total, BigDecimal maxTotal, String notes, long openNotices) {

		/** The score as a percentage of the maximum, for comparing inspections over time. */
		public BigDecimal percent() {
			return maxTotal.signum() == 0 ? BigDecimal.ZERO
					: total.multiply(BigDecimal.valueOf(100)).divide(maxTotal, 1, RoundingMode.HALF_UP);
		}

	}

	record Score(long itemId, String category, String item, int maxScore, BigDecimal score, String note) {
	}

	record Notice(long id, long inspectionId, long projectId, String projectName, String item, String requirement,
			LocalDate deadline, String state, LocalDate reinspectedOn, String result, long version, boolean overdue) {

		/** What the notice's state allows, for its page and the inspection's. */
		public java.util.Set<NoticeAction> allowedActions() {
			return NoticeTransitions.allowed(NoticeState.valueOf(state));
		}

	}

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final NoticeHistory history;

	Supervision(JdbcTemplate jdbc, Permissions permissions, NoticeHistory history) {
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.history = history;
	}

	List<ChecklistItem> checklist() {
		return jdbc.query("select * from supervision_item where active order by sort_order, id", (rs, i) -> new ChecklistItem(
				rs.getLong("id"), rs.getString("category"), rs.getString("item"), rs.getInt("max_score")));
	}

	/** Records an inspection with a score for every checklist item; returns its id. */
	@Transactional
	long inspect(long projectId, LocalDate on, String propertyCompany, Map<Long, BigDecimal> scores, Map<Long, String> notes,
			String overall) {
		require();
		FieldErrors errors = new FieldErrors();
		if (jdbc.queryForObject("select count(*) from estate_project where id = ?", Integer.class, projectId) == 0) {
			errors.put("projectId", "handover.project.required");
		}
		if (on == null) {
			errors.put("inspectedOn", "supervision.date.required");
		}
		else if (on.isAfter(BusinessClock.today())) {
			errors.put("inspectedOn", "input.date.happened");
		}
		errors.length("propertyCompany", propertyCompany, COMPANY_MAX);
		BigDecimal total = BigDecimal.ZERO;
		BigDecimal max = BigDecimal.ZERO;
		List<ChecklistItem> items = checklist();
		for (ChecklistItem item : items) {
			BigDecimal s = scores.get(item.id());
			if (s == null || s.signum() < 0 || s.compareTo(BigDecimal.valueOf(item.maxScore())) > 0) {
				errors.put(scoreField(item.id()), "supervision.score.invalid");
				continue;
			}
			errors.length(noteField(item.id()), notes.get(item.id()), TEXT_MAX);
			total = total.add(s);
			max = max.add(BigDecimal.valueOf(item.maxScore()));
		}
		errors.length("notes", overall, TEXT_MAX).throwIfAny();
		long id = jdbc.queryForObject("""
				insert into supervision_inspection (project_id, inspected_on, inspector, property_company, total, max_total, notes)
				values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, projectId, on, permissions.currentUsername(),
				propertyCompany == null ? "" : propertyCompany.strip(), total, max, overall == null ? "" : overall.strip());
		for (ChecklistItem item : items) {
			jdbc.update("insert into supervision_score (inspection_id, item_id, score, note) values (?, ?, ?, ?)", id, item.id(),
					scores.get(item.id()), notes.getOrDefault(item.id(), "").strip());
		}
		return id;
	}

	/** The form field of an item's score (the API's {@code scores} map, the page's inputs). */
	static String scoreField(long itemId) {
		return "scores[" + itemId + "]";
	}

	static String noteField(long itemId) {
		return "itemNotes[" + itemId + "]";
	}

	List<Inspection> inspections(Long projectId) {
		return jdbc.query(INSPECTION_SELECT + " where (cast(? as bigint) is null or i.project_id = ?) order by i.inspected_on desc, i.id desc limit 200",
				(rs, n) -> inspection(rs), projectId, projectId);
	}

	Inspection inspection(long id) {
		return jdbc.query(INSPECTION_SELECT + " where i.id = ?", (rs, n) -> inspection(rs), id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("supervision.notFound"));
	}

	private static final String INSPECTION_SELECT = """
			select i.*, p.name project_name, coalesce(sp.display_name, i.inspector) inspector_name,
			  (select count(*) from rectification_notice r where r.inspection_id = i.id and r.state <> 'PASSED') open_notices
			from supervision_inspection i join estate_project p on p.id = i.project_id
			left join staff_person sp on sp.username = i.inspector""";

	private static Inspection inspection(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Inspection(rs.getLong("id"), rs.getLong("project_id"), rs.getString("project_name"),
				rs.getObject("inspected_on", LocalDate.class), rs.getString("inspector"), rs.getString("inspector_name"), rs.getString("property_company"),
				rs.getBigDecimal("total"), rs.getBigDecimal("max_total"), rs.getString("notes"), rs.getLong("open_notices"));
	}

	List<Score> scores(long inspectionId) {
		return jdbc.query("""
				select s.item_id, i.category, i.item, i.max_score, s.score, s.note from supervision_score s
				join supervision_item i on i.id = s.item_id where s.inspection_id = ? order by i.sort_order, i.id""",
				(rs, n) -> new Score(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5),
						rs.getString(6)), inspectionId);
	}

	@Transactional
	void addNotice(long inspectionId, Long itemId, String requirement, LocalDate deadline) {
		require();
		Inspection i = inspection(inspectionId);
		FieldErrors errors = new FieldErrors().required("requirement", requirement, "supervision.notice.requirementRequired")
			.length("requirement", requirement, TEXT_MAX);
		if (deadline == null) {
			errors.put("deadline", "supervision.notice.deadlineRequired");
		}
		errors.throwIfAny();
		long id = jdbc.queryForObject("""
				insert into rectification_notice (inspection_id, project_id, item_id, requirement, deadline)
				values (?, ?, ?, ?, ?) returning id""", Long.class, inspectionId, i.projectId(), itemId, requirement.strip(),
				deadline);
		history.write(id, 0, permissions.currentUsername(),
				new HistoryStep(HistoryKind.NOTICE, "deadline", null, deadline.toString(), requirement.strip()));
	}

	/** 复查: passed closes the notice; failed keeps it open with a new deadline. Refused once it has passed. */
	@Transactional
	void reinspect(long noticeId, boolean passed, String result, LocalDate on, LocalDate newDeadline, long version) {
		require();
		Notice before = notice(noticeId);
		NoticeCase c = new NoticeCase(noticeId, NoticeState.valueOf(before.state()), before.version());
		NoticeAction action = passed ? NoticeAction.PASS : NoticeAction.FAIL;
		c.check(action);
		FieldErrors errors = new FieldErrors().required("result", result, "supervision.notice.resultRequired")
			.length("result", result, TEXT_MAX);
		if (!passed && newDeadline == null) {
			errors.put("newDeadline", "supervision.notice.deadlineRequired");
		}
		errors.throwIfAny();
		c.perform(action, result.strip());
		int n = jdbc.update("""
				update rectification_notice set state = ?, result = ?, reinspected_on = ?, deadline = coalesce(?, deadline),
				  version = version + 1 where id = ? and version = ?""", c.state().name(), result.strip(),
				on == null ? BusinessClock.today() : on, passed ? null : newDeadline, noticeId, version);
		if (n == 0) {
			throw new ChangedMeanwhile(history.since(noticeId, version));
		}
		if (!passed) {
			c.steps().field("deadline", before.deadline(), newDeadline);
		}
		history.write(noticeId, version + 1, permissions.currentUsername(), c.steps());
	}

	Notice notice(long id) {
		return query(" r.id = ?", id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("supervision.notice.notFound"));
	}

	/** The notice's history (处理经过), oldest first. */
	List<CaseHistory.Entry> history(long noticeId) {
		return history.of(noticeId);
	}

	List<Notice> notices(Long projectId, Long inspectionId) {
		return query(" (cast(? as bigint) is null or r.project_id = ?) and (cast(? as bigint) is null or r.inspection_id = ?)",
				projectId, projectId, inspectionId, inspectionId);
	}

	private List<Notice> query(String where, Object... args) {
		return jdbc.query("""
				select r.*, p.name project_name, i.item item_name, (r.state <> 'PASSED' and r.deadline < %s) overdue
				from rectification_notice r join estate_project p on p.id = r.project_id
				left join supervision_item i on i.id = r.item_id
				where %s order by (r.state = 'PASSED'), r.deadline, r.id""".formatted(BusinessClock.sqlToday(), where),
				(rs, n) -> new Notice(rs.getLong("id"), rs.getLong("inspection_id"), rs.getLong("project_id"),
						rs.getString("project_name"), rs.getString("item_name"), rs.getString("requirement"),
						rs.getObject("deadline", LocalDate.class), rs.getString("state"),
						rs.getObject("reinspected_on", LocalDate.class), rs.getString("result"), rs.getLong("version"),
						rs.getBoolean("overdue")), args);
	}

	private void require() {
		if (!permissions.has(EDIT)) {
			throw new AccessDeniedException(EDIT);
		}
	}

}
