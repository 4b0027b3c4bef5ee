package io.estatedesk.office;

import io.estatedesk.shared.BusinessClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.estatedesk.shared.BoundedCsv;
import io.estatedesk.shared.BoundedWorkbook;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.ImportLimits;
import io.estatedesk.shared.ImportRefused;
import io.estatedesk.shared.FieldErrors;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.StaffNotification;
import io.estatedesk.shared.Texts;
import io.estatedesk.shared.WorkCalendar;
import io.estatedesk.shared.WorkingTime;
import io.estatedesk.staff.Permissions;
import io.estatedesk.staff.StaffManagement;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 考勤: punch records imported from the time clock (xlsx or csv), 未打卡说明 and leave approved by the 部门经理, each
 * staff member's month on the work calendar, and the monthly statistics (late, left early, missing, leave).
 */
@Service
class Attendance {

	static final String VIEW = "ATTENDANCE_VIEW";

	static final String MANAGE = "ATTENDANCE_MANAGE";

	/** Is told when a missed-punch note waits for approval (部门经理 by default). */
	static final String APPROVAL = "ATTENDANCE_APPROVAL";

	/** The department's own staff, whose attendance the statistics list (部门经理, 外勤, 内勤 by default). */
	static final String SUBJECT = "ATTENDANCE_SUBJECT";

	/** The longest reason a note may give. */
	static final int REASON_MAX = 1000;

	static final LocalTime START = LocalTime.of(9, 0);

	static final LocalTime END = LocalTime.of(18, 0);

	enum NoteKind {

		/** 上班未打卡 */
		MISSED_IN,
		/** 下班未打卡 */
		MISSED_OUT,
		/** 请假（全天） */
		LEAVE

	}

	/** One day of a staff member: first and last punch (or the approved note's time) and what it counts as. */
	record Day(LocalDate day, boolean workday, LocalTime in, LocalTime out, boolean late, boolean early, boolean missing,
			boolean leave, boolean fromNote) {
	}

	record Stats(long staffId, String username, String name, int workdays, int attended, int late, int early, int missing, int leave) {
	}

	record Note(long id, long staffId, String staffName, LocalDate day, NoteKind kind, LocalTime time, String reason,
			String state, String decidedBy, Instant decidedAt, long version) {
	}

	/** What an import did: rows read, punches added, and the rows it could not use (row number and reason). */
	record ImportResult(int rows, int added, List<String> rejected) {
	}

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final StaffManagement staff;

	private final WorkCalendar calendar;

	private final ApplicationEventPublisher events;

	private final AttendanceImport punches;

	Attendance(JdbcTemplate jdbc, Permissions permissions, StaffManagement staff, WorkCalendar calendar,
			ApplicationEventPublisher events, AttendanceImport punches) {
		this.punches = punches;
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.staff = staff;
		this.calendar = calendar;
		this.events = events;
	}

	// ---------------------------------------------------------------- import

	/** Imports the time clock's export (see {@link AttendanceImport}); a punch already recorded is not added twice. */
	ImportResult importPunches(String fileName, byte[] content) throws IOException {
		return punches.importPunches(fileName, content);
	}

	// ---------------------------------------------------------------- 未打卡说明

	@Transactional
	long fileNote(LocalDate day, NoteKind kind, LocalTime time, String reason) {
		require(VIEW);
		long me = permissions.currentStaffId().orElseThrow(() -> new AccessDeniedException(VIEW));
		FieldErrors errors = new FieldErrors();
		if (day == null || day.isAfter(BusinessClock.today())) {
			errors.put("day", "attendance.note.day");
		}
		if (kind == null) {
			errors.put("kind", "attendance.note.kind");
		}
		if (kind != null && kind != NoteKind.LEAVE && time == null) {
			errors.put("time", "attendance.note.time");
		}
		errors.required("reason", reason, "attendance.note.reason").length("reason", reason, REASON_MAX);
		errors.throwIfAny();
		long id = jdbc.queryForObject("""
				insert into attendance_note (staff_id, day, kind, time, reason) values (?, ?, ?, ?, ?) returning id""", Long.class,
				me, day, kind.name(), kind == NoteKind.LEAVE ? null : time, reason.strip());
		List<Long> managers = staff.idsWithPermission(APPROVAL);
		if (!managers.isEmpty()) {
			events.publishEvent(new StaffNotification(managers,
					Texts.zh("attendance.notify.pending", staff.displayNames().get(me), String.valueOf(day)),
					reason.strip(), "/attendance/notes"));
		}
		return id;
	}

	/** The 部门经理 approves or rejects; an approved note counts in the month's statistics. */
	@Transactional
	void decide(long id, boolean approve, String note, long version) {
		require(MANAGE);
		int n = jdbc.update("""
				update attendance_note set state = ?, decided_by = ?, decided_at = %s, decision_note = ?, version = version + 1
				where id = ? and version = ? and state = 'PENDING'""".formatted(BusinessClock.sqlNow()), approve ? "APPROVED" : "REJECTED",
				permissions.currentUsername(), note == null ? "" : note.strip(), id, version);
		if (n == 0) {
			notes(null, null, id).stream().findFirst().orElseThrow(() -> new NotFoundException("attendance.note.notFound"));
			throw new ChangedMeanwhile(List.of());
		}
		Note decided = notes(null, null, id).get(0);
		events.publishEvent(new StaffNotification(List.of(decided.staffId()),
				Texts.zh(approve ? "attendance.notify.approved" : "attendance.notify.rejected", String.valueOf(decided.day())),
				note == null ? "" : note, "/attendance"));
	}

	List<Note> notes(Long staffId, String state, Long id) {
		return jdbc.query("""
				select n.*, a.display_name from attendance_note n join staff_person a on a.id = n.staff_id
				where (cast(? as bigint) is null or n.staff_id = ?) and (cast(? as varchar) is null or n.state = ?)
				  and (cast(? as bigint) is null or n.id = ?)
				order by n.state = 'PENDING' desc, n.day desc, n.id desc limit 200""", (rs, i) -> new Note(rs.getLong("id"),
				rs.getLong("staff_id"), rs.getString("display_name"), rs.getObject("day", LocalDate.class),
				NoteKind.valueOf(rs.getString("kind")), rs.getObject("time", LocalTime.class), rs.getString("reason"),
				rs.getString("state"), rs.getString("decided_by"),
				rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(), rs.getLong("version")),
				staffId, staffId, state, state, id, id);
	}

	// ---------------------------------------------------------------- the month

	/** A staff member's month, day by day, on the work calendar (weekends, holidays and 调休 included). */
	List<Day> month(long staffId, YearMonth month) {
		return days(month, punches(staffId, month).getOrDefault(staffId, Map.of()),
				approvedNotes(staffId, month).getOrDefault(staffId, Map.of()), calendar.workingTime());
	}

	/** First and last punch of each day of the month, per staff member (everybody when {@code staffId} is null). */
	private Map<Long, Map<LocalDate, LocalTime[]>> punches(Long staffId, YearMonth month) {
		Map<Long, Map<LocalDate, LocalTime[]>> punches = new HashMap<>();
		jdbc.query("""
				select staff_id, (punched_at at time zone '%1$s')::date d, min((punched_at at time zone '%1$s')::time),
				       max((punched_at at time zone '%1$s')::time), count(*)
				from attendance_punch where (cast(? as bigint) is null or staff_id = ?) and punched_at >= ? and punched_at < ?
				group by 1, 2""".formatted(BusinessClock.ZONE.getId()), rs -> {
			LocalTime first = rs.getObject(3, LocalTime.class);
			LocalTime last = rs.getLong(5) > 1 ? rs.getObject(4, LocalTime.class) : null;
			punches.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getObject(2, LocalDate.class),
					new LocalTime[] { first, last });
		}, staffId, staffId, start(month), start(month.plusMonths(1)));
		return punches;
	}

	/** The approved notes of the month by day, per staff member (everybody when {@code staffId} is null). */
	private Map<Long, Map<LocalDate, List<Note>>> approvedNotes(Long staffId, YearMonth month) {
		Map<Long, Map<LocalDate, List<Note>>> approved = new HashMap<>();
		for (Note n : jdbc.query("""
				select n.*, '' display_name from attendance_note n
				where (cast(? as bigint) is null or n.staff_id = ?) and n.state = 'APPROVED' and n.day >= ? and n.day < ?""",
				(rs, i) -> new Note(rs.getLong("id"), rs.getLong("staff_id"), "", rs.getObject("day", LocalDate.class),
						NoteKind.valueOf(rs.getString("kind")), rs.getObject("time", LocalTime.class), rs.getString("reason"),
						rs.getString("state"), null, null, 0),
				staffId, staffId, month.atDay(1), month.plusMonths(1).atDay(1))) {
			approved.computeIfAbsent(n.staffId(), k -> new HashMap<>()).computeIfAbsent(n.day(), k -> new ArrayList<>()).add(n);
		}
		return approved;
	}

	private static List<Day> days(YearMonth month, Map<LocalDate, LocalTime[]> punches, Map<LocalDate, List<Note>> approved,
			WorkingTime wt) {
		LocalDate today = BusinessClock.today();
		List<Day> days = new ArrayList<>();
		for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
			boolean workday = wt.isWorkingDay(d);
			LocalTime[] p = punches.getOrDefault(d, new LocalTime[2]);
			LocalTime in = p[0];
			LocalTime out = p[1];
			// a single punch in the afternoon is the way out, not in
			if (in != null && out == null && !in.isBefore(LocalTime.NOON)) {
				out = in;
				in = null;
			}
			boolean fromNote = false;
			boolean leave = false;
			for (Note n : approved.getOrDefault(d, List.of())) {
				switch (n.kind()) {
					case LEAVE -> leave = true;
					case MISSED_IN -> {
						in = in == null || n.time().isBefore(in) ? n.time() : in;
						fromNote = true;
					}
					case MISSED_OUT -> {
						out = out == null || n.time().isAfter(out) ? n.time() : out;
						fromNote = true;
					}
				}
			}
			// today is not over: a late morning shows, a missing punch or an early leave only once the day has ended
			boolean counted = workday && !leave && !d.isAfter(today);
			boolean ended = counted && d.isBefore(today);
			boolean late = counted && in != null && in.isAfter(START);
			boolean early = ended && out != null && out.isBefore(END);
			boolean missing = ended && (in == null || out == null);
			days.add(new Day(d, workday, in, out, late, early, missing, workday && leave, fromNote));
		}
		return days;
	}

	/** The month's statistics of every active staff member. */
	List<Stats> statistics(YearMonth month) {
		List<Stats> list = new ArrayList<>();
		// two queries for the whole department, not two per person
		Map<Long, Map<LocalDate, LocalTime[]>> punches = punches(null, month);
		Map<Long, Map<LocalDate, List<Note>>> notes = approvedNotes(null, month);
		WorkingTime wt = calendar.workingTime();
		LocalDate today = BusinessClock.today();
		java.util.Set<Long> department = new java.util.HashSet<>(staff.idsWithPermission(SUBJECT));
		for (StaffManagement.StaffSummary s : staff.activeStaff()) {
			// the department's own staff, and anybody else the time clock knows this month
			if (!department.contains(s.id()) && !punches.containsKey(s.id())) {
				continue;
			}
			List<Day> days = days(month, punches.getOrDefault(s.id(), Map.of()), notes.getOrDefault(s.id(), Map.of()), wt);
			int workdays = (int) days.stream().filter(d -> d.workday() && !d.day().isAfter(today)).count();
			int attended = (int) days.stream().filter(d -> d.workday() && (d.in() != null || d.out() != null)).count();
			list.add(new Stats(s.id(), s.username(), s.displayName(), workdays, attended, (int) days.stream().filter(Day::late).count(),
					(int) days.stream().filter(Day::early).count(), (int) days.stream().filter(Day::missing).count(),
					(int) days.stream().filter(Day::leave).count()));
		}
		return list;
	}

	boolean mayManage() {
		return permissions.has(MANAGE);
	}

	Optional<Long> me() {
		return permissions.currentStaffId();
	}

	private static Timestamp start(YearMonth m) {
		return Timestamp.from(m.atDay(1).atStartOfDay(BusinessClock.ZONE).toInstant());
	}

	private void require(String permission) {
		if (!permissions.has(permission)) {
			throw new AccessDeniedException(permission);
		}
	}

}
