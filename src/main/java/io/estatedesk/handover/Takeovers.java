package io.estatedesk.handover;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Strings;
import io.estatedesk.shared.Texts;
import io.estatedesk.staff.Permissions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 承接查验: the property company takes the project over — building systems and documents checked, issues found and
 * their rectification, the takeover date, flagged when it is less than {@value #MIN_DAYS} days before the homes are
 * delivered: the project's first handover batch, or the planned day while there is no batch.
 */
@Component
class Takeovers {

	/** SPEC: the property company takes over at least 15 days before the homes are handed over. */
	static final int MIN_DAYS = 15;

	/**
	 * The standard checklist a takeover starts with: category and the message key of the item, whose text is stored
	 * in the department's language when the takeover is opened.
	 */
	static final List<String[]> STANDARD_ITEMS = List.of(new String[] { "SYSTEM", "takeover.standard.power" },
			new String[] { "SYSTEM", "takeover.standard.water" }, new String[] { "SYSTEM", "takeover.standard.fire" },
			new String[] { "SYSTEM", "takeover.standard.elevator" }, new String[] { "SYSTEM", "takeover.standard.heating" },
			new String[] { "SYSTEM", "takeover.standard.security" }, new String[] { "SYSTEM", "takeover.standard.roads" },
			new String[] { "SYSTEM", "takeover.standard.landscape" }, new String[] { "SYSTEM", "takeover.standard.lighting" },
			new String[] { "SYSTEM", "takeover.standard.waste" }, new String[] { "DOCUMENT", "takeover.standard.acceptance" },
			new String[] { "DOCUMENT", "takeover.standard.drawings" }, new String[] { "DOCUMENT", "takeover.standard.manuals" },
			new String[] { "DOCUMENT", "takeover.standard.homeDocuments" }, new String[] { "DOCUMENT", "takeover.standard.owners" },
			new String[] { "DOCUMENT", "takeover.standard.keys" });

	/**
	 * The takeover and its check: {@code handoverDate} is the day the homes are first delivered — the first handover
	 * batch's first day when the project has a batch, else the planned day typed in ({@code fromBatch} false) — and
	 * {@code daysBeforeHandover} the days the takeover came before it (negative when after); {@code tooLate} when fewer
	 * than {@value #MIN_DAYS}; {@code notYetDone} when there is no takeover date and the handover is less than
	 * {@value #MIN_DAYS} days away (or past).
	 */
	record Takeover(long id, long projectId, String propertyCompany, LocalDate plannedHandoverDate, LocalDate takeoverDate,
			String notes, long version, Long firstBatchId, String firstBatchName, LocalDate handoverDate, boolean fromBatch,
			Long daysBeforeHandover, boolean tooLate, Long daysToHandover, boolean notYetDone) {
	}

	record Item(long id, String category, String item, Boolean ok, String note) {
	}

	record Issue(long id, String description, String responsible, LocalDate deadline, LocalDate rectifiedOn, String note,
			boolean overdue) {
	}

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	Takeovers(JdbcTemplate jdbc, Permissions permissions) {
		this.jdbc = jdbc;
		this.permissions = permissions;
	}

	/** The project's takeover, set up with the standard checklist the first time it is opened. */
	@Transactional
	Takeover of(long projectId) {
		Long id = jdbc.queryForList("select id from takeover where project_id = ?", Long.class, projectId).stream().findFirst()
			.orElse(null);
		if (id == null) {
			id = jdbc.queryForObject("insert into takeover (project_id) values (?) on conflict (project_id) do update set notes = takeover.notes returning id",
					Long.class, projectId);
			int order = 0;
			for (String[] item : STANDARD_ITEMS) {
				jdbc.update("insert into takeover_item (takeover_id, category, item, sort_order) values (?, ?, ?, ?)", id, item[0],
						Texts.zh(item[1]), ++order);
			}
		}
		LocalDate today = BusinessClock.today();
		return jdbc.queryForObject("""
				select t.*, b.id batch_id, b.name batch_name, b.starts_on batch_starts_on from takeover t
				left join lateral (select id, name, starts_on from handover_batch where project_id = t.project_id
				                   order by starts_on, id limit 1) b on true
				where t.id = ?""", (rs, i) -> {
			LocalDate planned = rs.getObject("planned_handover_date", LocalDate.class);
			LocalDate taken = rs.getObject("takeover_date", LocalDate.class);
			LocalDate firstBatch = rs.getObject("batch_starts_on", LocalDate.class);
			LocalDate handover = firstBatch != null ? firstBatch : planned;
			Long days = handover == null || taken == null ? null : ChronoUnit.DAYS.between(taken, handover);
			Long ahead = handover == null || taken != null ? null : ChronoUnit.DAYS.between(today, handover);
			return new Takeover(rs.getLong("id"), rs.getLong("project_id"), rs.getString("property_company"), planned, taken,
					rs.getString("notes"), rs.getLong("version"), (Long) rs.getObject("batch_id"), rs.getString("batch_name"),
					handover, firstBatch != null, days, days != null && days < MIN_DAYS, ahead, ahead != null && ahead < MIN_DAYS);
		}, id);
	}

	List<Item> items(long takeoverId) {
		return jdbc.query("select * from takeover_item where takeover_id = ? order by sort_order, id", (rs, i) -> new Item(
				rs.getLong("id"), rs.getString("category"), rs.getString("item"), (Boolean) rs.getObject("ok"),
				rs.getString("note")), takeoverId);
	}

	List<Issue> issues(long takeoverId) {
		return jdbc.query("""
				select *, (rectified_on is null and deadline < %s) overdue from takeover_issue
				where takeover_id = ? order by rectified_on nulls first, deadline nulls last, id""".formatted(BusinessClock.sqlToday()), (rs, i) -> new Issue(
				rs.getLong("id"), rs.getString("description"), rs.getString("responsible"),
				rs.getObject("deadline", LocalDate.class), rs.getObject("rectified_on", LocalDate.class), rs.getString("note"),
				rs.getBoolean("overdue")), takeoverId);
	}

	@Transactional
	void save(long projectId, String company, LocalDate planned, LocalDate taken, String notes, long version) {
		require();
		Takeover t = of(projectId);
		int n = jdbc.update("""
				update takeover set property_company = ?, planned_handover_date = ?, takeover_date = ?, notes = ?,
				  version = version + 1 where id = ? and version = ?""", Strings.orEmpty(Strings.stripped(company)), planned, taken,
				Strings.orEmpty(Strings.stripped(notes)), t.id(), version);
		if (n == 0) {
			throw new ChangedMeanwhile(List.of());
		}
	}

	/** Records the result of checklist items: {@code results} maps item id to "ok", "fail" or "" (not checked yet). */
	@Transactional
	void check(long projectId, Map<Long, String> results, Map<Long, String> notes) {
		require();
		Takeover t = of(projectId);
		for (Map.Entry<Long, String> r : results.entrySet()) {
			Boolean ok = "ok".equals(r.getValue()) ? Boolean.TRUE : "fail".equals(r.getValue()) ? Boolean.FALSE : null;
			jdbc.update("update takeover_item set ok = ?, note = ? where id = ? and takeover_id = ?", ok,
					notes.getOrDefault(r.getKey(), ""), r.getKey(), t.id());
		}
	}

	@Transactional
	void addIssue(long projectId, String description, String responsible, LocalDate deadline) {
		require();
		Map<String, String> errors = new LinkedHashMap<>();
		if (description == null || description.isBlank()) {
			errors.put("issueDescription", "takeover.issue.descriptionRequired");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		jdbc.update("insert into takeover_issue (takeover_id, description, responsible, deadline) values (?, ?, ?, ?)",
				of(projectId).id(), description.strip(), Strings.orEmpty(Strings.stripped(responsible)), deadline);
	}

	@Transactional
	void rectified(long projectId, long issueId, LocalDate on, String note) {
		require();
		int n = jdbc.update("update takeover_issue set rectified_on = ?, note = ? where id = ? and takeover_id = ?",
				on == null ? BusinessClock.today() : on, Strings.orEmpty(Strings.stripped(note)), issueId, of(projectId).id());
		if (n == 0) {
			throw new NotFoundException("takeover.issue.notFound");
		}
	}

	private void require() {
		if (!permissions.has(HandoverManagement.MANAGE)) {
			throw new AccessDeniedException(HandoverManagement.MANAGE);
		}
	}

}
