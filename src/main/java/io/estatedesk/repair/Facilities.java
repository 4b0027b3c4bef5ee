package io.estatedesk.repair;

import static io.estatedesk.shared.Strings.orEmpty;
import static io.estatedesk.shared.Strings.stripped;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.staff.Permissions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 公共配套设施 a project's engineering must finish (督促工程部门完成公共配套设施): what is unfinished, who must finish
 * it and by when, and when it was finished and handed over to the owners' committee.
 */
@Component
class Facilities {

	enum State {

		/** 未完成 */
		UNFINISHED,
		/** 已完成 */
		FINISHED,
		/** 已移交 (to the owners' committee / property company) */
		HANDED_OVER

	}

	record Facility(long id, long projectId, String projectName, String name, String description, Long contractorId,
			String contractorName, String responsible, LocalDate dueDate, State state, LocalDate finishedOn,
			LocalDate handedOverOn, String notes, long version, boolean overdue) {
	}

	record Form(Long projectId, String name, String description, Long contractorId, String responsible,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate, State state,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate finishedOn,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate handedOverOn, String notes) {
	}

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	Facilities(JdbcTemplate jdbc, Permissions permissions) {
		this.jdbc = jdbc;
		this.permissions = permissions;
	}

	/** A project's facilities (or all projects'), unfinished first, then by due date. */
	List<Facility> list(Long projectId, State state) {
		return jdbc.query("""
				select f.*, p.name project_name, c.name contractor_name,
				       (f.state = 'UNFINISHED' and f.due_date < %s) overdue
				from public_facility f join estate_project p on p.id = f.project_id left join contractor c on c.id = f.contractor_id
				where (cast(? as bigint) is null or f.project_id = ?) and (cast(? as varchar) is null or f.state = ?)
				order by p.name, case f.state when 'UNFINISHED' then 0 when 'FINISHED' then 1 else 2 end,
				         f.due_date nulls last, f.id""".formatted(BusinessClock.sqlToday()), (rs, i) -> new Facility(rs.getLong("id"), rs.getLong("project_id"),
				rs.getString("project_name"), rs.getString("name"), rs.getString("description"),
				(Long) rs.getObject("contractor_id"), rs.getString("contractor_name"), rs.getString("responsible"),
				rs.getObject("due_date", LocalDate.class), State.valueOf(rs.getString("state")),
				rs.getObject("finished_on", LocalDate.class), rs.getObject("handed_over_on", LocalDate.class),
				rs.getString("notes"), rs.getLong("version"), rs.getBoolean("overdue")), projectId, projectId,
				state == null ? null : state.name(), state == null ? null : state.name());
	}

	Facility get(long id) {
		return list(null, null).stream().filter(f -> f.id() == id).findFirst()
			.orElseThrow(() -> new NotFoundException("facility.notFound"));
	}

	@Transactional
	long create(Form form) {
		requireManage();
		validate(form);
		return jdbc.queryForObject("""
				insert into public_facility (project_id, name, description, contractor_id, responsible, due_date, state,
				  finished_on, handed_over_on, notes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
				form.projectId(), form.name().strip(), orEmpty(stripped(form.description())), form.contractorId(), orEmpty(stripped(form.responsible())),
				form.dueDate(), state(form).name(), form.finishedOn(), form.handedOverOn(), orEmpty(stripped(form.notes())));
	}

	@Transactional
	void update(long id, Form form, long version) {
		requireManage();
		validate(form);
		int n = jdbc.update("""
				update public_facility set project_id = ?, name = ?, description = ?, contractor_id = ?, responsible = ?,
				  due_date = ?, state = ?, finished_on = ?, handed_over_on = ?, notes = ?, version = version + 1,
				  updated_at = %s
				where id = ? and version = ?""".formatted(BusinessClock.sqlNow()), form.projectId(), form.name().strip(), orEmpty(stripped(form.description())),
				form.contractorId(), orEmpty(stripped(form.responsible())), form.dueDate(), state(form).name(), form.finishedOn(),
				form.handedOverOn(), orEmpty(stripped(form.notes())), id, version);
		if (n == 0) {
			get(id);
			throw new ChangedMeanwhile(List.of());
		}
	}

	private static State state(Form form) {
		return form.state() == null ? State.UNFINISHED : form.state();
	}

	private void validate(Form form) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.projectId() == null) {
			errors.put("projectId", "workorder.project.required");
		}
		if (form.name() == null || form.name().isBlank()) {
			errors.put("name", "facility.name.required");
		}
		if (form.contractorId() == null && (form.responsible() == null || form.responsible().isBlank())) {
			errors.put("responsible", "facility.responsible.required");
		}
		if (state(form) != State.UNFINISHED && form.finishedOn() == null) {
			errors.put("finishedOn", "facility.finishedOn.required");
		}
		if (state(form) == State.HANDED_OVER && form.handedOverOn() == null) {
			errors.put("handedOverOn", "facility.handedOverOn.required");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private void requireManage() {
		if (!permissions.has(WorkOrderManagement.MANAGE) && !permissions.has(WorkOrderManagement.DISPATCH)) {
			throw new org.springframework.security.access.AccessDeniedException(WorkOrderManagement.MANAGE);
		}
	}


}
