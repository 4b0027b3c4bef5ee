package io.estatedesk.community;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.community.Activities.Activity;
import io.estatedesk.community.Activities.ActivityForm;
import io.estatedesk.community.Activities.State;
import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.HistoryStep;
import io.estatedesk.shared.HistorySteps;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Slice;
import io.estatedesk.shared.Strings;
import io.estatedesk.shared.Texts;
import io.estatedesk.staff.Permissions;
import io.estatedesk.staff.StaffManagement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The activity itself: planned with its budget and capacity, its state moved by {@link ActivityTransitions}, the
 * actual cost recorded after it; every change written to its history.
 */
@Component
class ActivityPlanning {

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final ArchiveLookup archive;

	private final StaffManagement staff;

	private final ActivityHistory history;

	ActivityPlanning(JdbcTemplate jdbc, Permissions permissions, ArchiveLookup archive, StaffManagement staff,
			ActivityHistory history) {
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.archive = archive;
		this.staff = staff;
		this.history = history;
	}

	long create(ActivityForm f, boolean planExists) {
		Values v = validate(f, planExists);
		long id = jdbc.queryForObject("""
				insert into activity (title, project_id, plan_id, starts_at, place, budget, capacity, responsible_id,
				  description, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
				f.title().strip(), f.projectId(), f.planId(), at(f.startsAt()), f.place().strip(), v.budget(), v.capacity(),
				f.responsibleId(), Strings.orEmpty(Strings.stripped(f.description())), permissions.currentUsername());
		history.write(id, 0, permissions.currentUsername(), HistoryStep.note(HistoryKind.PLANNED, f.title().strip()));
		return id;
	}

	/** Saves the plan; returns whether the capacity grew (the waiting list may move up). */
	boolean update(long id, ActivityForm f, long version, boolean planExists) {
		ActivityCase c = lock(id);
		Activity a = get(id);
		Values v = validate(f, planExists);
		c.check(ActivityAction.EDIT);
		if (v.capacity() < a.confirmedPeople()) {
			throw new InvalidInputException(Map.of("capacity", "community.activity.capacity.belowConfirmed"));
		}
		int n = jdbc.update("""
				update activity set title = ?, project_id = ?, plan_id = ?, starts_at = ?, place = ?, budget = ?, capacity = ?,
				  responsible_id = ?, description = ?, version = version + 1 where id = ? and version = ?""",
				f.title().strip(), f.projectId(), f.planId(), at(f.startsAt()), f.place().strip(), v.budget(), v.capacity(),
				f.responsibleId(), Strings.orEmpty(Strings.stripped(f.description())), id, version);
		if (n == 0) {
			throw new ChangedMeanwhile(history.since(id, version));
		}
		HistorySteps steps = new HistorySteps();
		steps.field("title", a.title(), f.title().strip());
		steps.field("startsAt", Strings.minute(a.startsAtLocal()), Strings.minute(f.startsAt()));
		steps.field("place", a.place(), f.place().strip());
		steps.field("budget", a.budget().stripTrailingZeros().toPlainString(), v.budget().stripTrailingZeros().toPlainString());
		steps.field("capacity", a.capacity(), v.capacity());
		steps.field("responsible", a.responsibleName(), f.responsibleId() == null ? null
				: staff.byId(f.responsibleId()).map(s -> s.displayName()).orElse(null));
		steps.field("description", Strings.abbreviate(a.description(), 200),
				Strings.abbreviate(Strings.stripped(f.description()), 200));
		history.write(id, version + 1, permissions.currentUsername(), steps);
		return v.capacity() > a.capacity();
	}

	private record Values(BigDecimal budget, int capacity) {
	}

	private Values validate(ActivityForm f, boolean planExists) {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object[]> limits = new LinkedHashMap<>();
		if (Strings.blankToNull(f.title()) == null) {
			errors.put("title", "community.activity.title.required");
		}
		else if (f.title().strip().length() > 100) {
			errors.put("title", "input.tooLongAt");
			limits.put("title", new Object[] { 100 });
		}
		if (f.startsAt() == null) {
			errors.put("startsAt", "community.activity.startsAt.required");
		}
		if (Strings.blankToNull(f.place()) == null) {
			errors.put("place", "community.activity.place.required");
		}
		else if (f.place().strip().length() > 200) {
			errors.put("place", "input.tooLongAt");
			limits.put("place", new Object[] { 200 });
		}
		BigDecimal budget = CommunityInput.amount(f.budget(), "budget", errors);
		Integer capacity = null;
		if (Strings.blankToNull(f.capacity()) == null) {
			errors.put("capacity", "community.activity.capacity.required");
		}
		else {
			capacity = CommunityInput.positive(f.capacity());
			if (capacity == null) {
				errors.put("capacity", "community.activity.capacity.invalid");
			}
		}
		if (f.projectId() != null && archive.project(f.projectId()).isEmpty()) {
			errors.put("projectId", "community.project.unknown");
		}
		if (f.planId() != null && !planExists) {
			errors.put("planId", "community.plan.unknown");
		}
		if (f.responsibleId() != null && staff.byId(f.responsibleId()).isEmpty()) {
			errors.put("responsibleId", "community.activity.responsible.unknown");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors, limits);
		}
		return new Values(budget == null ? BigDecimal.ZERO : budget, capacity);
	}

	/** Takes the action's transition from the table; back to 计划中 only while nobody has signed up. */
	void perform(long id, ActivityAction action, long version) {
		ActivityCase c = lock(id);
		Activity a = get(id);
		if (action == ActivityAction.BACK_TO_PLANNED && a.confirmed() + a.waiting() > 0) {
			throw new BusinessRuleException(action.field(), action.refusal());
		}
		c.perform(action, null);
		if (jdbc.update("update activity set state = ?, version = version + 1 where id = ? and version = ?",
				c.state().name(), id, version) == 0) {
			throw new ChangedMeanwhile(history.since(id, version));
		}
		if (c.state() == State.FINISHED) {
			// nobody moves up any more: the waiting list of a finished activity is closed
			String note = Texts.zh("community.signup.finishedWaiting");
			jdbc.update("update activity_signup set status = 'CANCELLED', position = null, cancelled_at = "
					+ BusinessClock.sqlNow() + ", notes = left(case when notes = '' then ? else notes || ? end, 300) "
					+ "where activity_id = ? and status = 'WAITING'", note, "；" + note,
					id);
		}
		history.write(id, version + 1, permissions.currentUsername(), c.steps());
	}

	/** 实际费用 once the bills are in. */
	void recordCost(long id, String cost, long version) {
		ActivityCase c = lock(id);
		Activity a = get(id);
		c.check(ActivityAction.RECORD_COST);
		Map<String, String> errors = new LinkedHashMap<>();
		BigDecimal amount = CommunityInput.amount(cost, "actualCost", errors);
		if (amount == null && errors.isEmpty()) {
			errors.put("actualCost", "community.activity.cost.required");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (jdbc.update("update activity set actual_cost = ?, version = version + 1 where id = ? and version = ?", amount,
				id, version) == 0) {
			throw new ChangedMeanwhile(history.since(id, version));
		}
		history.write(id, version + 1, permissions.currentUsername(), new HistorySteps().field("actualCost",
				a.actualCost() == null ? null : a.actualCost().stripTrailingZeros().toPlainString(),
				amount.stripTrailingZeros().toPlainString()));
	}

	private static final String ACTIVITY_SELECT = """
			select a.*, p.name project_name, bp.title plan_title, s.display_name responsible_name,
			       coalesce(c.people, 0) confirmed_people, coalesce(c.n, 0) confirmed_n, coalesce(c.w, 0) waiting_n
			from activity a left join estate_project p on p.id = a.project_id left join brand_plan bp on bp.id = a.plan_id
			left join staff_person s on s.id = a.responsible_id
			left join lateral (select sum(people) filter (where status = 'CONFIRMED') people,
			                          count(*) filter (where status = 'CONFIRMED') n, count(*) filter (where status = 'WAITING') w
			                   from activity_signup g where g.activity_id = a.id) c on true""";

	/** A page of activities, latest first, filtered in the database. */
	Slice<Activity> list(State state, Long projectId, Long planId, String q, int page, int size) {
		List<Object> args = new ArrayList<>();
		StringBuilder where = new StringBuilder(" where true");
		if (state != null) {
			where.append(" and a.state = ?");
			args.add(state.name());
		}
		if (projectId != null) {
			where.append(" and a.project_id = ?");
			args.add(projectId);
		}
		if (planId != null) {
			where.append(" and a.plan_id = ?");
			args.add(planId);
		}
		String term = Strings.blankToNull(q);
		if (term != null) {
			where.append(" and (strpos(a.title, ?) > 0 or strpos(a.place, ?) > 0)");
			args.add(term);
			args.add(term);
		}
		args.add(size + 1);
		args.add((long) page * size);
		return Slice.of(jdbc.query(ACTIVITY_SELECT + where + " order by a.starts_at desc, a.id desc limit ? offset ?",
				(rs, i) -> activity(rs), args.toArray()), page, size,
				() -> jdbc.queryForObject(Slice.boundedCount(ACTIVITY_SELECT + where), Long.class, args.subList(0, args.size() - 2).toArray()));
	}

	Activity get(long id) {
		return jdbc.query(ACTIVITY_SELECT + " where a.id = ?", (rs, i) -> activity(rs), id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("community.activity.notFound"));
	}

	private static Activity activity(ResultSet rs) throws SQLException {
		return new Activity(rs.getLong("id"), rs.getString("title"), (Long) rs.getObject("project_id"),
				rs.getString("project_name"), (Long) rs.getObject("plan_id"), rs.getString("plan_title"),
				rs.getTimestamp("starts_at").toInstant(), rs.getString("place"), rs.getBigDecimal("budget"),
				rs.getInt("capacity"), (Long) rs.getObject("responsible_id"), rs.getString("responsible_name"),
				rs.getString("description"), State.valueOf(rs.getString("state")), rs.getBigDecimal("actual_cost"),
				rs.getLong("version"), rs.getLong("confirmed_people"), rs.getLong("confirmed_n"), rs.getLong("waiting_n"));
	}

	/**
	 * Locks the activity's row for the change and loads it as a case; two changes of one activity (two sign-ups for
	 * the last place) are decided one after the other.
	 */
	ActivityCase lock(long activityId) {
		return jdbc.query("select id, state, version from activity where id = ? for update",
				(rs, i) -> new ActivityCase(rs.getLong("id"), State.valueOf(rs.getString("state")), rs.getLong("version")),
				activityId).stream().findFirst().orElseThrow(() -> new NotFoundException("community.activity.notFound"));
	}

	int capacity(long activityId) {
		return jdbc.queryForObject("select capacity from activity where id = ?", Integer.class, activityId);
	}

	private static Timestamp at(LocalDateTime t) {
		return Timestamp.from(t.atZone(BusinessClock.ZONE).toInstant());
	}

}
