package io.estatedesk.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.community.Activities.Mark;
import io.estatedesk.community.Activities.SignUp;
import io.estatedesk.community.Activities.SignUpForm;
import io.estatedesk.community.Activities.Status;
import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.FieldErrors;
import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.HistoryStep;
import io.estatedesk.shared.HistorySteps;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Masking;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Strings;
import io.estatedesk.staff.Permissions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Owners signed up by staff: confirmed while the places hold the party, otherwise on the waiting list, which moves up
 * in order on a cancellation; attendance, scores and remarks after the activity. Each step goes to the activity's
 * history.
 */
@Component
class ActivitySignUps {

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final ArchiveLookup archive;

	private final ActivityPlanning planning;

	private final ActivityHistory history;

	ActivitySignUps(JdbcTemplate jdbc, Permissions permissions, ArchiveLookup archive, ActivityPlanning planning,
			ActivityHistory history) {
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.archive = archive;
		this.planning = planning;
		this.history = history;
	}

	/**
	 * Signs an owner up: confirmed while the places left hold the party, otherwise last on the waiting list. The
	 * activity row is locked first, so two sign-ups for the last place are decided one after the other.
	 */
	SignUp signUp(long activityId, SignUpForm f) {
		FieldErrors errors = new FieldErrors();
		ArchiveLookup.OwnerRef owner = f.ownerId() == null ? null : archive.owner(f.ownerId()).orElse(null);
		if (f.ownerId() == null) {
			errors.put("ownerId", "community.signup.owner.required");
		}
		else if (owner == null) {
			errors.put("ownerId", "community.signup.owner.unknown");
		}
		if (f.unitId() != null && archive.unit(f.unitId()).isEmpty()) {
			errors.put("unitId", "community.signup.unit.unknown");
		}
		int people = f.people() == null ? 1 : f.people();
		if (people < 1 || people > 50) {
			errors.put("people", "community.signup.people.invalid");
		}
		errors.length("notes", f.notes(), 300);
		errors.throwIfAny();
		ActivityCase c = planning.lock(activityId);
		c.check(ActivityAction.SIGN_UP);
		if (jdbc.queryForObject("select count(*) from activity_signup where activity_id = ? and owner_id = ? and status <> 'CANCELLED'",
				Long.class, activityId, f.ownerId()) > 0) {
			throw new InvalidInputException(Map.of("ownerId", "community.signup.duplicate"));
		}
		int capacity = planning.capacity(activityId);
		long taken = confirmedPeople(activityId);
		long waiting = jdbc.queryForObject("select count(*) from activity_signup where activity_id = ? and status = 'WAITING'",
				Long.class, activityId);
		// nobody overtakes the waiting list, even a smaller party that would fit
		boolean confirmed = waiting == 0 && taken + people <= capacity;
		Long unitId = f.unitId() != null ? f.unitId() : firstUnit(f.ownerId());
		long id = jdbc.queryForObject("""
				insert into activity_signup (activity_id, owner_id, unit_id, people, status, position, phone, notes, signed_up_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, activityId, f.ownerId(), unitId, people,
				confirmed ? "CONFIRMED" : "WAITING", confirmed ? null : (int) waiting + 1, Strings.orEmpty(owner.mobile()),
				left(f.notes(), 300), permissions.currentUsername());
		SignUp s = signUp(activityId, id);
		history.write(activityId, c.version, permissions.currentUsername(),
				new HistoryStep(HistoryKind.SIGNED_UP, "status", null, s.status().name(), note(s)));
		return s;
	}

	/**
	 * Cancels a sign-up. A confirmed one frees its places, and the waiting list moves up in order while the first
	 * waiting party fits; positions are renumbered. Returns the sign-ups that became confirmed.
	 */
	List<SignUp> cancel(long activityId, long signUpId) {
		ActivityCase c = planning.lock(activityId);
		c.check(ActivityAction.CANCEL_SIGNUP);
		SignUp s = signUp(activityId, signUpId);
		if (s.status() == Status.CANCELLED) {
			return List.of();
		}
		jdbc.update("update activity_signup set status = 'CANCELLED', position = null, cancelled_at = "
				+ BusinessClock.sqlNow() + " where id = ?", signUpId);
		history.write(activityId, c.version, permissions.currentUsername(),
				new HistoryStep(HistoryKind.SIGNUP_CANCELLED, "status", s.status().name(), Status.CANCELLED.name(), note(s)));
		return promote(activityId);
	}

	/** Moves the waiting list up into free places, in order; renumbers who is left. Locks the activity. */
	List<SignUp> promote(long activityId) {
		ActivityCase c = planning.lock(activityId);
		int capacity = planning.capacity(activityId);
		long taken = confirmedPeople(activityId);
		List<SignUp> promoted = new ArrayList<>();
		HistorySteps steps = new HistorySteps();
		for (SignUp w : signUps(activityId, Status.WAITING)) {
			if (taken + w.people() > capacity) {
				break;
			}
			jdbc.update("update activity_signup set status = 'CONFIRMED', position = null where id = ?", w.id());
			taken += w.people();
			promoted.add(signUp(activityId, w.id()));
			steps.add(new HistoryStep(HistoryKind.PROMOTED, "status", Status.WAITING.name(), Status.CONFIRMED.name(), note(w)));
		}
		jdbc.update("""
				update activity_signup g set position = r.n from (
				  select id, row_number() over (order by position, id) n from activity_signup
				  where activity_id = ? and status = 'WAITING') r
				where g.id = r.id""", activityId);
		history.write(activityId, c.version, permissions.currentUsername(), steps);
		return promoted;
	}

	/** The owner and the size of the party, as the history shows a sign-up. */
	private static String note(SignUp s) {
		return s.ownerName() + " ×" + s.people();
	}

	private long confirmedPeople(long activityId) {
		return jdbc.queryForObject(
				"select coalesce(sum(people), 0) from activity_signup where activity_id = ? and status = 'CONFIRMED'",
				Long.class, activityId);
	}

	private Long firstUnit(long ownerId) {
		return jdbc.queryForList("select unit_id from estate_ownership where owner_id = ? and active order by id limit 1",
				Long.class, ownerId).stream().findFirst().orElse(null);
	}

	/** 到场/未到, a score of 1–5 and a remark for each confirmed sign-up, saved together. */
	void mark(long activityId, List<Mark> marks) {
		ActivityCase c = planning.lock(activityId);
		c.check(ActivityAction.MARK_ATTENDANCE);
		Map<String, String> errors = new LinkedHashMap<>();
		for (Mark m : marks) {
			if (m.score() != null && (m.score() < 1 || m.score() > 5)) {
				errors.put("score_" + m.signUpId(), "community.attendance.score.invalid");
			}
			else if (m.score() != null && !Boolean.TRUE.equals(m.attended())) {
				errors.put("score_" + m.signUpId(), "community.attendance.score.absent");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		for (Mark m : marks) {
			jdbc.update("""
					update activity_signup set attended = ?, score = ?, feedback = ?
					where id = ? and activity_id = ? and status = 'CONFIRMED'""", m.attended(), m.score(),
					left(m.feedback(), 1000), m.signUpId(), activityId);
		}
		long attended = marks.stream().filter(m -> Boolean.TRUE.equals(m.attended())).count();
		history.write(activityId, c.version, permissions.currentUsername(),
				new HistoryStep(HistoryKind.ATTENDANCE, "attended", null, attended + "/" + marks.size(), null));
	}

	private static final String SIGNUP_SELECT = """
			select g.*, o.name owner_name, u.label unit_label
			from activity_signup g join estate_owner o on o.id = g.owner_id left join estate_unit_place u on u.id = g.unit_id""";

	List<SignUp> signUps(long activityId, Status status) {
		return jdbc.query(SIGNUP_SELECT + " where g.activity_id = ? and g.status = ? order by g.position nulls last, g.id",
				(rs, i) -> signUp(rs), activityId, status.name());
	}

	SignUp signUp(long activityId, long id) {
		return jdbc.query(SIGNUP_SELECT + " where g.id = ? and g.activity_id = ?", (rs, i) -> signUp(rs), id, activityId)
			.stream().findFirst().orElseThrow(() -> new NotFoundException("community.signup.notFound"));
	}

	private static SignUp signUp(ResultSet rs) throws SQLException {
		return new SignUp(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("owner_id"), rs.getString("owner_name"),
				(Long) rs.getObject("unit_id"), rs.getString("unit_label"), rs.getInt("people"),
				Status.valueOf(rs.getString("status")), (Integer) rs.getObject("position"), Masking.phone(rs.getString("phone")),
				rs.getString("notes"), (Boolean) rs.getObject("attended"), (Integer) rs.getObject("score"),
				rs.getString("feedback"), rs.getString("signed_up_by"), rs.getTimestamp("signed_up_at").toInstant());
	}

	/** The stripped text, at most {@code n} characters; "" for none (the columns are not null). */
	private static String left(String s, int n) {
		return Strings.truncate(Strings.orEmpty(Strings.stripped(s)), n);
	}

}
