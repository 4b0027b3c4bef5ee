package io.estatedesk.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.Strings;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.FieldErrors;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.staff.Permissions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 客户关怀计划 (外勤职责 (4)): rules that say whom to greet and when (业主生日 from the ID number, 交房周年, a 节日), the
 * owners due in the coming days found by the database, and what was done for each owner each year (已关怀 or 跳过).
 */
@Service
class CarePlans {

	static final int MAX_DAYS_AHEAD = 60;

	/** The columns' limits: care_rule.name, care_rule.template and care_record.note. */
	static final int NAME_MAX = 100;

	static final int TEMPLATE_MAX = 500;

	static final int NOTE_MAX = 300;

	enum Kind {

		BIRTHDAY, HANDOVER, FESTIVAL,
		/** 长期未结投诉: an owner whose complaint has been open for the rule's number of days or more */
		LONG_OPEN

	}

	enum Outcome {

		DONE, SKIPPED

	}

	record RuleForm(String name, Kind kind, LocalDate festivalDate, String daysAhead, String template, Long projectId,
			Boolean active) {
	}

	record Rule(long id, String name, Kind kind, LocalDate festivalDate, int daysAhead, String template, Long projectId,
			String projectName, boolean active, long version) {
	}

	/** An owner due for a greeting under a rule: the occasion (this year's birthday, anniversary or festival). */
	record Due(long ruleId, long ownerId, String ownerName, Long unitId, String unitLabel, String phone, LocalDate occasion,
			long daysLeft, String message) {
	}

	record RuleDue(Rule rule, List<Due> due, boolean more) {
	}

	record CareRecord(long id, String ruleName, Kind kind, int year, LocalDate occasion, Outcome outcome, String note,
			String recordedBy, Instant recordedAt) {
	}

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final ArchiveLookup archive;

	private final CareDue dueOwners;

	CarePlans(JdbcTemplate jdbc, Permissions permissions, ArchiveLookup archive, CareDue dueOwners) {
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.archive = archive;
		this.dueOwners = dueOwners;
	}

	// ---------------------------------------------------------------- rules

	@Transactional
	long createRule(RuleForm f) {
		require(Activities.MANAGE);
		int days = checkRule(f);
		return jdbc.queryForObject("""
				insert into care_rule (name, kind, festival_date, days_ahead, template, project_id, active)
				values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, f.name().strip(), f.kind().name(),
				f.kind() == Kind.FESTIVAL ? f.festivalDate() : null, days, f.template().strip(), f.projectId(),
				!Boolean.FALSE.equals(f.active()));
	}

	@Transactional
	void updateRule(long id, RuleForm f, long version) {
		require(Activities.MANAGE);
		rule(id).orElseThrow(() -> new NotFoundException("community.care.rule.notFound"));
		int days = checkRule(f);
		if (jdbc.update("""
				update care_rule set name = ?, kind = ?, festival_date = ?, days_ahead = ?, template = ?, project_id = ?,
				  active = ?, version = version + 1 where id = ? and version = ?""", f.name().strip(), f.kind().name(),
				f.kind() == Kind.FESTIVAL ? f.festivalDate() : null, days, f.template().strip(), f.projectId(),
				Boolean.TRUE.equals(f.active()), id, version) == 0) {
			throw new ChangedMeanwhile(List.of());
		}
	}

	/**
	 * The rule's checks; returns its days. Also called alone by a page whose form found mistakes of its own, so that
	 * all of them are shown together.
	 */
	int checkRule(RuleForm f) {
		FieldErrors errors = new FieldErrors();
		errors.required("name", f.name(), "community.care.name.required").length("name", f.name(), NAME_MAX);
		if (f.kind() == null) {
			errors.put("kind", "community.care.kind.required");
		}
		else if (f.kind() == Kind.FESTIVAL && f.festivalDate() == null) {
			errors.put("festivalDate", "community.care.festivalDate.required");
		}
		// for LONG_OPEN the number is how long the complaint has been open, not how early to remind
		Integer days = f.kind() == Kind.LONG_OPEN
				? errors.whole("daysAhead", f.daysAhead(), 1, MAX_DAYS_AHEAD, "community.care.openDays.invalid")
				: errors.whole("daysAhead", f.daysAhead(), 0, MAX_DAYS_AHEAD, "community.care.daysAhead.invalid");
		if (days == null) {
			errors.put("daysAhead", "community.care.daysAhead.required");
		}
		errors.required("template", f.template(), "community.care.template.required")
			.length("template", f.template(), TEMPLATE_MAX);
		if (f.projectId() != null && archive.project(f.projectId()).isEmpty()) {
			errors.put("projectId", "community.project.unknown");
		}
		errors.throwIfAny();
		return days;
	}

	private static final String RULE_SELECT = "select r.*, p.name project_name from care_rule r left join estate_project p on p.id = r.project_id";

	List<Rule> rules() {
		return jdbc.query(RULE_SELECT + " order by r.active desc, r.id", (rs, i) -> rule(rs));
	}

	Optional<Rule> rule(long id) {
		return jdbc.query(RULE_SELECT + " where r.id = ?", (rs, i) -> rule(rs), id).stream().findFirst();
	}

	private static Rule rule(ResultSet rs) throws SQLException {
		return new Rule(rs.getLong("id"), rs.getString("name"), Kind.valueOf(rs.getString("kind")),
				rs.getObject("festival_date", LocalDate.class), rs.getInt("days_ahead"), rs.getString("template"),
				(Long) rs.getObject("project_id"), rs.getString("project_name"), rs.getBoolean("active"),
				rs.getLong("version"));
	}

	// ---------------------------------------------------------------- who is due

	/** For every active rule, the owners whose occasion falls from today to today + the rule's days, not yet handled. */
	List<RuleDue> due(LocalDate today, int limitPerRule) {
		return rules().stream().filter(Rule::active).map(r -> {
			List<Due> d = dueOwners.due(r, today, limitPerRule + 1);
			return new RuleDue(r, d.size() > limitPerRule ? d.subList(0, limitPerRule) : d, d.size() > limitPerRule);
		}).toList();
	}

	/** The owners due under one rule from {@code today}, at most {@code limit}. */
	List<Due> due(Rule rule, LocalDate today, int limit) {
		return dueOwners.due(rule, today, limit);
	}

	// ---------------------------------------------------------------- what was done

	/** 已关怀 or 跳过 (a skip needs its reason) for the owner's occasion of that year; a second record is ignored. */
	@Transactional
	void record(long ruleId, long ownerId, Long unitId, LocalDate occasion, Outcome outcome, String note) {
		require(Activities.EDIT);
		Rule r = rule(ruleId).orElseThrow(() -> new NotFoundException("community.care.rule.notFound"));
		FieldErrors errors = new FieldErrors();
		if (occasion == null) {
			errors.put("occasion", "community.care.occasion.required");
		}
		if (outcome == null) {
			errors.put("outcome", "community.care.outcome.required");
		}
		else if (outcome == Outcome.SKIPPED && (Strings.blankToNull(note) == null)) {
			errors.put("note", "community.care.note.required");
		}
		errors.length("note", note, NOTE_MAX);
		if (archive.owner(ownerId).isEmpty()) {
			errors.put("ownerId", "community.signup.owner.unknown");
		}
		errors.throwIfAny();
		jdbc.update("""
				insert into care_record (rule_id, owner_id, unit_id, year, occasion, outcome, note, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (rule_id, owner_id, coalesce(unit_id, 0), year) do nothing""", ruleId, ownerId,
				r.kind() == Kind.HANDOVER ? unitId : null, occasion.getYear(), occasion, outcome.name(), Strings.orEmpty(Strings.stripped(note)),
				permissions.currentUsername());
	}

	List<CareRecord> ofOwner(long ownerId) {
		return jdbc.query("""
				select c.id, r.name, r.kind, c.year, c.occasion, c.outcome, c.note, c.recorded_by, c.recorded_at
				from care_record c join care_rule r on r.id = c.rule_id where c.owner_id = ?
				order by c.occasion desc, c.id desc limit 30""", (rs, i) -> new CareRecord(rs.getLong(1), rs.getString(2),
				Kind.valueOf(rs.getString(3)), rs.getInt(4), rs.getObject(5, LocalDate.class),
				Outcome.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()), ownerId);
	}

	/** The latest records of all rules, for the reminder page. */
	List<Map<String, Object>> recent(int limit) {
		return jdbc.queryForList("""
				select c.id, r.name rule_name, o.name owner_name, c.owner_id, c.occasion, c.outcome, c.note, c.recorded_by,
				       c.recorded_at
				from care_record c join care_rule r on r.id = c.rule_id join estate_owner o on o.id = c.owner_id
				order by c.recorded_at desc, c.id desc limit ?""", limit);
	}

	private void require(String permission) {
		if (!permissions.has(permission)) {
			throw new AccessDeniedException(permission);
		}
	}

}
