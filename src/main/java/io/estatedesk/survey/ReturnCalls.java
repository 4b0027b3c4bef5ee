package io.estatedesk.survey;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.FieldErrors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.estatedesk.complaint.ComplaintManagement;
import io.estatedesk.complaint.ComplaintReplied;
import io.estatedesk.complaint.ComplaintReturnVisited;
import io.estatedesk.repair.WorkOrderAccepted;
import io.estatedesk.repair.WorkOrderManagement;
import io.estatedesk.repair.WorkOrderReturnCalled;
import io.estatedesk.shared.CaseHistory;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.HistoryStep;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Slice;
import io.estatedesk.shared.Strings;
import io.estatedesk.staff.Permissions;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 回访 tasks: one for every complaint once the owner has had the reply (its return call decides whether it closes or
 * reopens), and one for each repair that gets a return call (the set share, every reworked one). The caller records
 * each attempt; after {@value #MAX_ATTEMPTS} unanswered attempts the task ends as not reached. A result recorded
 * here goes to the case: not satisfied reopens the complaint or the work order.
 */
@Service
class ReturnCalls {

	static final String PERMISSION = "RETURN_CALL";

	/** SPEC: return calls within 3 days. */
	static final Duration DUE = Duration.ofDays(3);

	static final int MAX_ATTEMPTS = 3;

	enum Kind {

		COMPLAINT, WORK_ORDER

	}

	/**
	 * How far a return call has come, as {@link ReturnCallFigures} counts a month (its conditions are the figures' own):
	 * due ({@code DUE}, every one), made ({@code MADE}: 已回访 or closed), with the time it was made ({@code TIMED}, the base
	 * of the on-time rate), the owner asked whether satisfied ({@code RATED}).
	 */
	enum Progress {

		DUE, MADE, TIMED, RATED;

		String condition() {
			return switch (this) {
				case DUE -> "true";
				case MADE -> ReturnCallFigures.SPEC.done();
				case TIMED -> ReturnCallFigures.SPEC.timed();
				case RATED -> ReturnCallFigures.SPEC.rated();
			};
		}

	}

	/**
	 * What a list of return calls asks for. Days due or a progress given: the calls due then in any state, as a dashboard's
	 * month counts them; otherwise the open ones (with {@code done}, the finished ones), {@code overdue} keeping those past
	 * their time limit as the workbench counts them.
	 */
	record TaskFilter(boolean done, boolean overdue, Long assigneeId, Kind kind, Long ownerId, Long unitId, Long projectId,
			LocalDate dueFrom, LocalDate dueTo, Progress progress) {

		/** Open (or finished) tasks, of one person, kind, owner or unit when given. */
		static TaskFilter of(boolean done, Long assigneeId, Kind kind, Long ownerId, Long unitId) {
			return new TaskFilter(done, false, assigneeId, kind, ownerId, unitId, null, null, null, null);
		}

		/** A dashboard's month (or a part of it) rather than the open or finished calls. */
		public boolean dueIn() {
			return dueFrom != null || dueTo != null || progress != null;
		}

	}

	record Task(long id, Kind kind, long caseId, String caseCode, Long projectId, String projectName, Long ownerId,
			Long unitId, String unitLabel, String contactName, String contactPhone, Long assigneeId, String assigneeName,
			Instant dueAt, ReturnCallState state, int attempts, Instant nextAttemptAt, Boolean satisfied, String comment, Instant doneAt,
			String doneBy, long version, boolean overdue) {

		public String caseLink() {
			return kind == Kind.COMPLAINT ? "/complaints/" + caseId : "/work-orders/" + caseId;
		}

		/** The task with the contact's number masked, as pages and the API show it unless it was revealed. */
		Task masked() {
			return new Task(id, kind, caseId, caseCode, projectId, projectName, ownerId, unitId, unitLabel, contactName,
					io.estatedesk.shared.Masking.phone(contactPhone), assigneeId, assigneeName, dueAt, state, attempts,
					nextAttemptAt, satisfied, comment, doneAt, doneBy, version, overdue);
		}

	}

	record Attempt(Instant occurredAt, String actor, boolean reached, String note) {
	}

	/** Completion and satisfaction of return calls due in a period, per staff member or project. */
	/** Completion and satisfaction; satisfaction is of the calls whose owner was asked (on a task or on the case). */
	record Rate(String label, long due, long done, long onTime, long unreachable, long rated, long satisfied) {

		public Double completion() {
			return due == 0 ? null : (double) done / due;
		}

		public Double satisfaction() {
			return rated == 0 ? null : (double) satisfied / rated;
		}

	}

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final ComplaintManagement complaints;

	private final WorkOrderManagement workOrders;

	private final CaseHistory history;

	ReturnCalls(JdbcTemplate jdbc, Permissions permissions, ComplaintManagement complaints, WorkOrderManagement workOrders) {
		this.jdbc = jdbc;
		this.history = new CaseHistory(jdbc, "return_call_history", "return_call_id");
		this.permissions = permissions;
		this.complaints = complaints;
		this.workOrders = workOrders;
	}

	// ---------------------------------------------------------------- tasks from the cases

	@ApplicationModuleListener
	void on(ComplaintReplied e) {
		create(Kind.COMPLAINT, e.complaintId(), e.code(), e.projectId(), e.ownerId(), e.unitId(), e.complainant(),
				e.contactPhone(), e.handlerId(), BusinessClock.now().plus(DUE));
	}

	@ApplicationModuleListener
	void on(WorkOrderAccepted e) {
		if (e.returnCallDue() != null) {
			create(Kind.WORK_ORDER, e.workOrderId(), e.code(), e.projectId(), e.ownerId(), e.unitId(), e.contactName(),
					e.contactPhone(), e.createdBy(), e.returnCallDue());
		}
	}

	/** The return call was recorded on the complaint's own page: its open task is done there. */
	@ApplicationModuleListener
	void on(ComplaintReturnVisited e) {
		closeOpen(Kind.COMPLAINT, e.complaintId(), e.satisfied(), e.actor());
	}

	@ApplicationModuleListener
	void on(WorkOrderReturnCalled e) {
		closeOpen(Kind.WORK_ORDER, e.workOrderId(), e.satisfied(), e.actor());
	}

	private void create(Kind kind, long caseId, String code, Long projectId, Long ownerId, Long unitId, String name,
			String phone, Long assignee, Instant due) {
		// a case replied again after a reopening gets a new task; an open one is not duplicated
		List<long[]> created = jdbc.query("""
				insert into return_call (kind, case_id, case_code, project_id, owner_id, unit_id, contact_name, contact_phone,
				  assignee_id, due_at, created_at)
				select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
				where not exists (select 1 from return_call where kind = ? and case_id = ? and state = 'OPEN')
				returning id, version""", (rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }, kind.name(), caseId, code,
				projectId, ownerId, unitId, Strings.orEmpty(name), Strings.orEmpty(phone), assignee, Timestamp.from(due),
				Timestamp.from(BusinessClock.now()), kind.name(), caseId);
		for (long[] c : created) {
			history.write(c[0], c[1], permissions.currentUsername(), HistoryStep.of(HistoryKind.CREATED));
		}
	}

	/** The return call was made on the case's own page, by {@code actor}: the task ends with the owner's answer. */
	private void closeOpen(Kind kind, long caseId, boolean satisfied, String actor) {
		for (Long id : jdbc.queryForList("select id from return_call where kind = ? and case_id = ? and state = 'OPEN'",
				Long.class, kind.name(), caseId)) {
			ReturnCall call = load(id);
			call.closedOnCase(satisfied, actor);
			save(call, actor);
		}
	}

	// ---------------------------------------------------------------- calling

	/**
	 * Records an attempt. Not reached: tried again tomorrow, until the last attempt ends the task. Reached: the
	 * owner's satisfaction and comment end the task and go to the case (not satisfied reopens it).
	 */
	@Transactional
	void record(long id, boolean reached, Boolean satisfied, String comment, long version) {
		if (!permissions.has(PERMISSION)) {
			throw new AccessDeniedException(PERMISSION);
		}
		ReturnCall call = load(id);
		if (call.version != version) {
			throw new ChangedMeanwhile(attempts(id));
		}
		String note = Strings.orEmpty(comment).strip();
		new FieldErrors().length("comment", note, SurveyForms.COMMENT_MAX).throwIfAny();
		String actor = permissions.currentUsername();
		if (!reached) {
			call.notReached(note, actor);
			attempt(id, actor, false, note);
			save(call, actor);
			return;
		}
		ReturnCallTransitions.require(call.state, ReturnCallAction.REACHED);
		Map<String, String> errors = new LinkedHashMap<>();
		if (satisfied == null) {
			errors.put("satisfied", "returnCall.satisfied.required");
		}
		if (note.isEmpty()) {
			errors.put("comment", "returnCall.comment.required");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		call.reached(satisfied, note, actor);
		attempt(id, actor, true, note);
		save(call, actor);
		if (call.kind == Kind.COMPLAINT) {
			long v = complaints.summary(call.caseId).orElseThrow(() -> new NotFoundException("complaint.notFound")).version();
			complaints.returnVisit(call.caseId, satisfied, note, v);
		}
		else {
			workOrders.returnCall(call.caseId, satisfied, note, workOrders.version(call.caseId));
		}
	}

	/** What the case is about, in its own words: a complaint's 投诉内容, a work order's 问题描述. */
	String caseText(Task t) {
		String sql = t.kind() == Kind.COMPLAINT ? "select content from complaint_case where id = ?"
				: "select description from repair_work_order where id = ?";
		return jdbc.query(sql, (rs, i) -> rs.getString(1), t.caseId()).stream().findFirst().orElse(null);
	}

	private void attempt(long id, String actor, boolean reached, String note) {
		jdbc.update("insert into return_call_attempt (return_call_id, actor, reached, note, occurred_at) values (?, ?, ?, ?, ?)",
				id, actor, reached, note, Timestamp.from(BusinessClock.now()));
	}

	private ReturnCall load(long id) {
		return jdbc.query("select * from return_call where id = ?", (rs, i) -> new ReturnCall(rs.getLong("id"),
				Kind.valueOf(rs.getString("kind")), rs.getLong("case_id"), ReturnCallState.valueOf(rs.getString("state")),
				rs.getInt("attempts"), instant(rs, "next_attempt_at"), (Boolean) rs.getObject("satisfied"),
				rs.getString("comment"), instant(rs, "done_at"), rs.getString("done_by"), rs.getLong("version")), id)
			.stream().findFirst().orElseThrow(() -> new NotFoundException("returnCall.notFound"));
	}

	/**
	 * Saves the call only if nobody saved it since it was loaded (two people never overwrite each other), then
	 * writes its steps with the version the save produced.
	 */
	private void save(ReturnCall c, String actor) {
		int n = jdbc.update("""
				update return_call set state = ?, attempts = ?, next_attempt_at = ?, satisfied = ?, comment = ?, done_at = ?,
				  done_by = ?, version = version + 1
				where id = ? and version = ?""", c.state.name(), c.attempts, timestamp(c.nextAttemptAt), c.satisfied,
				c.comment, timestamp(c.doneAt), c.doneBy, c.id, c.version);
		if (n == 0) {
			throw new ChangedMeanwhile(attempts(c.id));
		}
		c.version++;
		history.write(c.id, c.version, actor, c.steps);
	}

	private static Timestamp timestamp(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	/** The steps of a return call, oldest first (处理经过). */
	List<CaseHistory.Entry> history(long id) {
		return history.of(id);
	}

	/** The actions its state allows: the page shows the buttons of these. */
	Set<ReturnCallAction> allowed(Task t) {
		return ReturnCallTransitions.allowed(t.state());
	}

	// ---------------------------------------------------------------- reading

	private static final String SELECT = """
			select r.*, p.name project_name, a.display_name assignee_name, u.label unit_label,
			       (r.state = 'OPEN' and r.due_at < %s) overdue
			from return_call r left join estate_project p on p.id = r.project_id left join staff_person a on a.id = r.assignee_id
			left join estate_unit_place u on u.id = r.unit_id""";

	Task task(long id) {
		return jdbc.query(SELECT.formatted(BusinessClock.sqlNow()) + " where r.id = ?", (rs, i) -> task(rs), id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("returnCall.notFound"));
	}

	/** Open tasks first by due date (with {@code done}, the finished ones, newest first; a month's, by due date). */
	Slice<Task> tasks(TaskFilter f, int page, int size) {
		List<Object> args = new ArrayList<>();
		StringBuilder where = new StringBuilder(" where ").append(f.dueIn()
				? (f.progress() == null ? Progress.DUE : f.progress()).condition()
				: f.done() ? "r.state <> 'OPEN'" : "r.state = 'OPEN'");
		if (f.dueFrom() != null) {
			where.append(" and r.due_at >= ?");
			args.add(Timestamp.from(f.dueFrom().atStartOfDay(BusinessClock.ZONE).toInstant()));
		}
		if (f.dueTo() != null) {
			where.append(" and r.due_at < ?");
			args.add(Timestamp.from(f.dueTo().plusDays(1).atStartOfDay(BusinessClock.ZONE).toInstant()));
		}
		if (f.projectId() != null) {
			where.append(" and r.project_id = ?");
			args.add(f.projectId());
		}
		if (!f.dueIn() && f.overdue() && !f.done()) {
			where.append(" and r.due_at < ").append(BusinessClock.sqlNow());
		}
		if (f.assigneeId() != null) {
			where.append(" and r.assignee_id = ?");
			args.add(f.assigneeId());
		}
		if (f.kind() != null) {
			where.append(" and r.kind = ?");
			args.add(f.kind().name());
		}
		if (f.ownerId() != null) {
			where.append(" and r.owner_id = ?");
			args.add(f.ownerId());
		}
		if (f.unitId() != null) {
			where.append(" and r.unit_id = ?");
			args.add(f.unitId());
		}
		args.add(size + 1);
		args.add((long) page * size);
		String order = !f.dueIn() && f.done() ? " order by r.done_at desc, r.id desc" : " order by r.due_at, r.id";
		return Slice.of(jdbc.query(SELECT.formatted(BusinessClock.sqlNow()) + where + order + " limit ? offset ?", (rs, i) -> task(rs), args.toArray()), page, size,
				() -> jdbc.queryForObject(Slice.boundedCount(SELECT.formatted(BusinessClock.sqlNow()) + where), Long.class, args.subList(0, args.size() - 2).toArray()));
	}

	List<Attempt> attempts(long id) {
		return jdbc.query("select occurred_at, actor, reached, note from return_call_attempt where return_call_id = ? order by id",
				(rs, i) -> new Attempt(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getBoolean(3), rs.getString(4)), id);
	}

	/** Return calls due in [from, to], per staff member ({@code byProject} false) or per project. */
	List<Rate> rates(LocalDate from, LocalDate to, boolean byProject) {
		String group = byProject ? "coalesce(p.name, '—')" : "coalesce(a.display_name, '—')";
		return jdbc.query("""
				select %s label, count(*) due,
				       count(*) filter (where r.state in ('DONE', 'CLOSED')) done,
				       count(*) filter (where r.state in ('DONE', 'CLOSED') and r.done_at <= r.due_at) on_time,
				       count(*) filter (where r.state = 'UNREACHABLE') unreachable,
				       count(*) filter (where r.satisfied is not null) rated,
				       count(*) filter (where r.satisfied) satisfied
				from return_call r left join estate_project p on p.id = r.project_id left join staff_person a on a.id = r.assignee_id
				where r.due_at >= ? and r.due_at < ? group by 1 order by 1""".formatted(group),
				(rs, i) -> new Rate(rs.getString("label"), rs.getLong("due"), rs.getLong("done"), rs.getLong("on_time"),
						rs.getLong("unreachable"), rs.getLong("rated"), rs.getLong("satisfied")),
				Timestamp.from(from.atStartOfDay(BusinessClock.ZONE).toInstant()),
				Timestamp.from(to.plusDays(1).atStartOfDay(BusinessClock.ZONE).toInstant()));
	}

	private static Task task(ResultSet rs) throws SQLException {
		Timestamp next = rs.getTimestamp("next_attempt_at");
		Timestamp done = rs.getTimestamp("done_at");
		return new Task(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getLong("case_id"), rs.getString("case_code"),
				(Long) rs.getObject("project_id"), rs.getString("project_name"), (Long) rs.getObject("owner_id"),
				(Long) rs.getObject("unit_id"), rs.getString("unit_label"), rs.getString("contact_name"),
				rs.getString("contact_phone"), (Long) rs.getObject("assignee_id"), rs.getString("assignee_name"),
				rs.getTimestamp("due_at").toInstant(), ReturnCallState.valueOf(rs.getString("state")), rs.getInt("attempts"),
				next == null ? null : next.toInstant(), (Boolean) rs.getObject("satisfied"), rs.getString("comment"),
				done == null ? null : done.toInstant(), rs.getString("done_by"), rs.getLong("version"), rs.getBoolean("overdue"));
	}

}
