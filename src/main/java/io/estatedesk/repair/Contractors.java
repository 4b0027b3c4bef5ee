package io.estatedesk.repair;

import static io.estatedesk.shared.Strings.orEmpty;
import static io.estatedesk.shared.Strings.stripped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.staff.Permissions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of the engineering department's teams and the outside contractors (施工单位): trades, contacts, what
 * they built, warranty retention, and the staff accounts that act for them.
 */
@Component
class Contractors {

	enum Kind {

		/** 工程部 team */
		ENGINEERING,
		/** 施工单位 */
		CONTRACTOR

	}

	record Scope(long id, long projectId, String projectName, Long buildingId, String buildingName) {
	}

	record Member(long staffId, String username, String displayName) {
	}

	record Contractor(long id, String name, Kind kind, String contactName, String contactPhone, String email,
			BigDecimal retentionAmount, LocalDate retentionUntil, String notes, boolean active, long version,
			List<Long> tradeIds, List<String> tradeNames, List<Scope> scopes, List<Member> members) {
	}

	/** The registry form. Boxed types: a missing value is a message, not a failure. */
	record Form(String name, Kind kind, String contactName, String contactPhone, String email, BigDecimal retentionAmount,
			@org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate retentionUntil,
			String notes, List<Long> tradeIds, Boolean active) {
	}

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	Contractors(JdbcTemplate jdbc, Permissions permissions) {
		this.jdbc = jdbc;
		this.permissions = permissions;
	}

	List<Contractor> all(boolean activeOnly) {
		return byIds(jdbc.queryForList("select id from contractor" + (activeOnly ? " where active" : "") + " order by kind, name",
				Long.class));
	}

	Optional<Contractor> get(long id) {
		return byIds(List.of(id)).stream().findFirst();
	}

	/** The contractors with their trades, scopes and members, in the order of {@code ids}: four queries for any number. */
	private List<Contractor> byIds(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Long[] any = ids.toArray(Long[]::new);
		Map<Long, List<Long>> tradeIds = new HashMap<>();
		Map<Long, List<String>> tradeNames = new HashMap<>();
		jdbc.query("""
				select ct.contractor_id, t.id, t.name from contractor_trade ct join repair_trade t on t.id = ct.trade_id
				where ct.contractor_id = any(?) order by t.sort_order""", rs -> {
			tradeIds.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
			tradeNames.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(3));
		}, (Object) any);
		Map<Long, List<Scope>> scopes = new HashMap<>();
		jdbc.query("""
				select s.contractor_id, s.id, s.project_id, p.name, s.building_id, b.name from contractor_scope s
				join estate_project p on p.id = s.project_id left join estate_building b on b.id = s.building_id
				where s.contractor_id = any(?) order by p.name, b.name nulls first""", rs -> {
			scopes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Scope(rs.getLong(2), rs.getLong(3),
					rs.getString(4), (Long) rs.getObject(5), rs.getString(6)));
		}, (Object) any);
		Map<Long, List<Member>> members = new HashMap<>();
		jdbc.query("""
				select m.contractor_id, a.id, a.username, a.display_name from contractor_member m
				join staff_person a on a.id = m.staff_id where m.contractor_id = any(?) order by a.username""", rs -> {
			members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Member(rs.getLong(2), rs.getString(3),
					rs.getString(4)));
		}, (Object) any);
		Map<Long, Contractor> byId = new HashMap<>();
		jdbc.query("select * from contractor where id = any(?)", rs -> {
			long id = rs.getLong("id");
			byId.put(id, new Contractor(id, rs.getString("name"), Kind.valueOf(rs.getString("kind")), rs.getString("contact_name"),
					rs.getString("contact_phone"), rs.getString("email"), rs.getBigDecimal("retention_amount"),
					rs.getObject("retention_until", LocalDate.class), rs.getString("notes"), rs.getBoolean("active"),
					rs.getLong("version"), tradeIds.getOrDefault(id, List.of()), tradeNames.getOrDefault(id, List.of()),
					scopes.getOrDefault(id, List.of()), members.getOrDefault(id, List.of())));
		}, (Object) any);
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	/** Active contractors for a trade, those who built the project (or building) first. */
	List<Contractor> candidates(long tradeId, long projectId, Long buildingId) {
		List<Long> ids = jdbc.queryForList("""
				select c.id from contractor c join contractor_trade ct on ct.contractor_id = c.id and ct.trade_id = ?
				where c.active
				order by exists (select 1 from contractor_scope s where s.contractor_id = c.id and s.project_id = ?
				  and (s.building_id is null or s.building_id = ?)) desc, c.kind, c.name""", Long.class, tradeId, projectId,
				buildingId);
		return byIds(ids);
	}

	/** The contractor a staff account acts for, if any. */
	Optional<Long> contractorOf(long staffId) {
		return jdbc.queryForList("select contractor_id from contractor_member where staff_id = ?", Long.class, staffId)
			.stream().findFirst();
	}

	/** Staff member IDs acting for a contractor (to notify them). */
	List<Long> memberIds(long contractorId) {
		return jdbc.queryForList("""
				select m.staff_id from contractor_member m join staff_person a on a.id = m.staff_id
				where m.contractor_id = ? and a.enabled""", Long.class, contractorId);
	}

	@Transactional
	long create(Form form) {
		requireSettings();
		validate(form, null);
		long id = jdbc.queryForObject("""
				insert into contractor (name, kind, contact_name, contact_phone, email, retention_amount, retention_until,
				  notes, active) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, form.name().strip(),
				form.kind().name(), orEmpty(stripped(form.contactName())), orEmpty(stripped(form.contactPhone())), orEmpty(stripped(form.email())),
				form.retentionAmount(), form.retentionUntil(), orEmpty(stripped(form.notes())), !Boolean.FALSE.equals(form.active()));
		saveTrades(id, form.tradeIds());
		return id;
	}

	@Transactional
	void update(long id, Form form, long version) {
		requireSettings();
		validate(form, id);
		int n = jdbc.update("""
				update contractor set name = ?, kind = ?, contact_name = ?, contact_phone = ?, email = ?,
				  retention_amount = ?, retention_until = ?, notes = ?, active = ?, version = version + 1
				where id = ? and version = ?""", form.name().strip(), form.kind().name(), orEmpty(stripped(form.contactName())),
				orEmpty(stripped(form.contactPhone())), orEmpty(stripped(form.email())), form.retentionAmount(), form.retentionUntil(), orEmpty(stripped(form.notes())),
				!Boolean.FALSE.equals(form.active()), id, version);
		if (n == 0) {
			if (get(id).isEmpty()) {
				throw new NotFoundException("contractor.notFound");
			}
			throw new ChangedMeanwhile(List.of());
		}
		saveTrades(id, form.tradeIds());
	}

	private void saveTrades(long id, List<Long> tradeIds) {
		jdbc.update("delete from contractor_trade where contractor_id = ?", id);
		if (tradeIds != null) {
			for (Long t : tradeIds.stream().distinct().toList()) {
				jdbc.update("insert into contractor_trade (contractor_id, trade_id) values (?, ?)", id, t);
			}
		}
	}

	private void validate(Form form, Long id) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.name() == null || form.name().isBlank()) {
			errors.put("name", "contractor.name.required");
		}
		else if (jdbc.queryForObject("select count(*) from contractor where name = ? and id is distinct from ?",
				Integer.class, form.name().strip(), id) > 0) {
			errors.put("name", "contractor.name.taken");
		}
		if (form.kind() == null) {
			errors.put("kind", "contractor.kind.required");
		}
		if (form.tradeIds() == null || form.tradeIds().isEmpty()) {
			errors.put("tradeIds", "contractor.trades.required");
		}
		if (form.retentionAmount() != null && form.retentionAmount().signum() < 0) {
			errors.put("retentionAmount", "contractor.retention.invalid");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	@Transactional
	void addScope(long id, Long projectId, Long buildingId) {
		requireSettings();
		if (projectId == null) {
			throw new InvalidInputException(Map.of("scopeProjectId", "contractor.scope.projectRequired"));
		}
		jdbc.update("""
				insert into contractor_scope (contractor_id, project_id, building_id) values (?, ?, ?)
				on conflict do nothing""", id, projectId, buildingId);
	}

	@Transactional
	void removeScope(long id, long scopeId) {
		requireSettings();
		jdbc.update("delete from contractor_scope where id = ? and contractor_id = ?", scopeId, id);
	}

	/** Links a staff account (usually with the role 施工单位) to the contractor it acts for. */
	@Transactional
	void addMember(long id, String username) {
		requireSettings();
		List<Long> staff = jdbc.queryForList("select id from staff_person where username = ?", Long.class,
				username == null ? "" : username.strip());
		if (staff.isEmpty()) {
			throw new InvalidInputException(Map.of("memberUsername", "contractor.member.unknown"));
		}
		jdbc.update("""
				insert into contractor_member (staff_id, contractor_id) values (?, ?)
				on conflict (staff_id) do update set contractor_id = excluded.contractor_id""", staff.get(0), id);
	}

	@Transactional
	void removeMember(long id, long staffId) {
		requireSettings();
		jdbc.update("delete from contractor_member where staff_id = ? and contractor_id = ?", staffId, id);
	}

	private void requireSettings() {
		if (!permissions.has(WorkOrderManagement.SETTINGS)) {
			throw new org.springframework.security.access.AccessDeniedException(WorkOrderManagement.SETTINGS);
		}
	}


}
