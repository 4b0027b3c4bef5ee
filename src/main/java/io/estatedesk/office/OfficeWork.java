package io.estatedesk.office;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.Strings;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.estatedesk.shared.FieldErrors;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.StaffNotification;
import io.estatedesk.shared.Texts;
import io.estatedesk.staff.Permissions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 部门会议 with agenda, minutes and action items, the department's 工作计划 with items and progress; every item has an
 * owner and a due date and shows in that person's task list.
 */
@Service
class OfficeWork {

	static final String EDIT = "OFFICE_EDIT";

	static final int TITLE_MAX = 200;

	static final int PLACE_MAX = 100;

	static final int PERIOD_MAX = 40;

	static final int TASK_MAX = 300;

	static final int TEXT_MAX = 5000;

	static final int MINUTES_MAX = 20000;

	record Meeting(long id, String title, Instant heldAt, String place, String attendees, String agenda, String minutes,
			String createdBy, long open, long total) {
	}

	record Plan(long id, String title, String period, String notes, String createdBy, long total, long done, int progress) {
	}

	record Task(long id, Long meetingId, Long planId, String source, String title, Long ownerId, String ownerName,
			LocalDate dueDate, int progress, Instant doneAt, boolean overdue) {
	}

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final ApplicationEventPublisher events;

	OfficeWork(JdbcTemplate jdbc, Permissions permissions, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.events = events;
	}

	@Transactional
	long createMeeting(String title, LocalDateTime heldAt, String place, String attendees, String agenda, String minutes) {
		require();
		FieldErrors errors = new FieldErrors().required("title", title, "meeting.title.required").length("title", title, TITLE_MAX);
		if (heldAt == null) {
			errors.put("heldAt", "meeting.heldAt.required");
		}
		errors.length("place", place, PLACE_MAX).length("attendees", attendees, TEXT_MAX).length("agenda", agenda, TEXT_MAX)
			.length("minutes", minutes, MINUTES_MAX)
			.throwIfAny();
		return jdbc.queryForObject("""
				insert into meeting (title, held_at, place, attendees, agenda, minutes, created_by) values (?, ?, ?, ?, ?, ?, ?)
				returning id""", Long.class, title.strip(), Timestamp.from(heldAt.atZone(BusinessClock.ZONE).toInstant()), Strings.orEmpty(place).strip(),
				Strings.orEmpty(attendees).strip(), Strings.orEmpty(agenda).strip(), Strings.orEmpty(minutes).strip(), permissions.currentUsername());
	}

	@Transactional
	void saveMinutes(long id, String minutes) {
		require();
		new FieldErrors().length("minutes", minutes, MINUTES_MAX).throwIfAny();
		if (jdbc.update("update meeting set minutes = ? where id = ?", Strings.orEmpty(minutes).strip(), id) == 0) {
			throw new NotFoundException("meeting.notFound");
		}
	}

	@Transactional
	long createPlan(String title, String period, String notes) {
		require();
		new FieldErrors().required("title", title, "plan.title.required").length("title", title, TITLE_MAX)
			.required("period", period, "plan.period.required").length("period", period, PERIOD_MAX)
			.length("notes", notes, TEXT_MAX)
			.throwIfAny();
		return jdbc.queryForObject("insert into work_plan (title, period, notes, created_by) values (?, ?, ?, ?) returning id",
				Long.class, title.strip(), period.strip(), Strings.orEmpty(notes).strip(), permissions.currentUsername());
	}

	/** An action item of a meeting or an item of a plan; its owner hears of it. */
	@Transactional
	long addTask(Long meetingId, Long planId, String title, Long ownerId, LocalDate dueDate) {
		require();
		FieldErrors errors = new FieldErrors().required("title", title, "task.title.required").length("title", title, TASK_MAX);
		if (ownerId == null) {
			errors.put("ownerId", "task.owner.required");
		}
		errors.throwIfAny();
		long id = jdbc.queryForObject("""
				insert into office_task (meeting_id, plan_id, title, owner_id, due_date) values (?, ?, ?, ?, ?) returning id""",
				Long.class, meetingId, planId, title.strip(), ownerId, dueDate);
		events.publishEvent(new StaffNotification(List.of(ownerId), Texts.zh("office.notify.task", title.strip()),
				dueDate == null ? "" : Texts.zh("office.notify.task.body", String.valueOf(dueDate)), "/tasks"));
		return id;
	}

	/** Progress of a task (100 % is done); the owner or an editor records it. */
	@Transactional
	void progress(long taskId, Integer progress) {
		Task t = task(taskId);
		boolean mine = permissions.currentStaffId().map(me -> me.equals(t.ownerId())).orElse(false);
		if (!mine && !permissions.has(EDIT)) {
			throw new AccessDeniedException(EDIT);
		}
		if (progress == null || progress < 0 || progress > 100) {
			throw new InvalidInputException(Map.of("progress", "task.progress.invalid"));
		}
		jdbc.update("update office_task set progress = ?, done_at = case when ? = 100 then coalesce(done_at, " + BusinessClock.sqlNow() + ") end where id = ?",
				progress, progress, taskId);
	}

	List<Meeting> meetings() {
		return jdbc.query("""
				select m.*, (select count(*) from office_task t where t.meeting_id = m.id and t.done_at is null) open,
				       (select count(*) from office_task t where t.meeting_id = m.id) total
				from meeting m order by m.held_at desc limit 100""", (rs, i) -> new Meeting(rs.getLong("id"), rs.getString("title"),
				rs.getTimestamp("held_at").toInstant(), rs.getString("place"), rs.getString("attendees"), rs.getString("agenda"),
				rs.getString("minutes"), rs.getString("created_by"), rs.getLong("open"), rs.getLong("total")));
	}

	Meeting meeting(long id) {
		return meetings().stream().filter(m -> m.id() == id).findFirst().orElseThrow(() -> new NotFoundException("meeting.notFound"));
	}

	List<Plan> plans() {
		return jdbc.query("""
				select p.*, (select count(*) from office_task t where t.plan_id = p.id) total,
				       (select count(*) from office_task t where t.plan_id = p.id and t.done_at is not null) done,
				       (select coalesce(round(avg(t.progress)), 0) from office_task t where t.plan_id = p.id) progress
				from work_plan p order by p.id desc limit 100""", (rs, i) -> new Plan(rs.getLong("id"), rs.getString("title"),
				rs.getString("period"), rs.getString("notes"), rs.getString("created_by"), rs.getLong("total"), rs.getLong("done"),
				rs.getInt("progress")));
	}

	Plan plan(long id) {
		return plans().stream().filter(p -> p.id() == id).findFirst().orElseThrow(() -> new NotFoundException("plan.notFound"));
	}

	private static final String TASK_SELECT = """
			select t.*, a.display_name owner_name, coalesce(m.title, p.title) source,
			       (t.done_at is null and t.due_date < %s) overdue
			from office_task t left join staff_person a on a.id = t.owner_id left join meeting m on m.id = t.meeting_id
			left join work_plan p on p.id = t.plan_id""";

	List<Task> tasks(Long meetingId, Long planId, Long ownerId, boolean openOnly) {
		return jdbc.query(TASK_SELECT.formatted(BusinessClock.sqlToday()) + """
				 where (cast(? as bigint) is null or t.meeting_id = ?) and (cast(? as bigint) is null or t.plan_id = ?)
				   and (cast(? as bigint) is null or t.owner_id = ?) and (not ? or t.done_at is null)
				order by t.done_at nulls first, t.due_date nulls last, t.id""", (rs, i) -> task(rs), meetingId, meetingId, planId,
				planId, ownerId, ownerId, openOnly);
	}

	/** Everyone's open tasks past their due date (as {@link OfficeFigures} counts them), the oldest first. */
	List<Task> overdueTasks() {
		return jdbc.query(TASK_SELECT.formatted(BusinessClock.sqlToday()) + " where t.done_at is null and t.due_date < "
				+ BusinessClock.sqlToday() + " order by t.due_date, t.id", (rs, i) -> task(rs));
	}

	Task task(long id) {
		return jdbc.query(TASK_SELECT.formatted(BusinessClock.sqlToday()) + " where t.id = ?", (rs, i) -> task(rs), id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("task.notFound"));
	}

	private static Task task(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp done = rs.getTimestamp("done_at");
		return new Task(rs.getLong("id"), (Long) rs.getObject("meeting_id"), (Long) rs.getObject("plan_id"), rs.getString("source"),
				rs.getString("title"), (Long) rs.getObject("owner_id"), rs.getString("owner_name"),
				rs.getObject("due_date", LocalDate.class), rs.getInt("progress"), done == null ? null : done.toInstant(),
				rs.getBoolean("overdue"));
	}

	private void require() {
		if (!permissions.has(EDIT)) {
			throw new AccessDeniedException(EDIT);
		}
	}


}
