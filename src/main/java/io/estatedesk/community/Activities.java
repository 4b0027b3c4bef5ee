package io.estatedesk.community;

import io.estatedesk.shared.BusinessClock;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Uploads;
import io.estatedesk.shared.Masking;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Slice;
import io.estatedesk.staff.Permissions;
import io.estatedesk.staff.StaffManagement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * 社区文化活动 (外勤职责 (5)) and 品牌推广计划 (部门经理职责 (5)): an activity is planned with its budget and capacity,
 * owners are signed up by staff (a full activity puts them on the waiting list, and a cancellation moves the first
 * waiting up), attendance, scores, photos and the actual cost are recorded after it.
 */
@Service
class Activities {

	static final String VIEW = "COMMUNITY_VIEW";

	static final String EDIT = "COMMUNITY_EDIT";

	static final String MANAGE = "COMMUNITY_MANAGE";


	enum State {

		PLANNED, OPEN, FINISHED, CANCELLED

	}

	enum Status {

		CONFIRMED, WAITING, CANCELLED

	}

	/** An activity as staff enter it; amounts and numbers as typed, checked here so the page can say what is wrong. */
	record ActivityForm(String title, Long projectId, Long planId, LocalDateTime startsAt, String place, String budget,
			String capacity, Long responsibleId, String description) {
	}

	record Activity(long id, String title, Long projectId, String projectName, Long planId, String planTitle,
			Instant startsAt, String place, BigDecimal budget, int capacity, Long responsibleId, String responsibleName,
			String description, State state, BigDecimal actualCost, long version, long confirmedPeople, long confirmed,
			long waiting) {

		public long freePlaces() {
			return Math.max(0, capacity - confirmedPeople);
		}

		public LocalDateTime startsAtLocal() {
			return LocalDateTime.ofInstant(startsAt, BusinessClock.ZONE);
		}
	}

	/** A sign-up: the owner may bring others (people), a waiting one has its position on the list. */
	record SignUpForm(Long ownerId, Long unitId, Integer people, String notes) {
	}

	record SignUp(long id, long activityId, long ownerId, String ownerName, Long unitId, String unitLabel, int people,
			Status status, Integer position, String phone, String notes, Boolean attended, Integer score, String feedback,
			String signedUpBy, Instant signedUpAt) {
	}

	/** Attendance and feedback of one confirmed sign-up. */
	record Mark(long signUpId, Boolean attended, Integer score, String feedback) {
	}

	record Photo(long id, String fileName, String caption, long sizeBytes, String uploadedBy, Instant uploadedAt) {
	}

	record PhotoContent(String fileName, String contentType, boolean checked, byte[] data) {
	}

	/** The activity summary: who came, what they thought of it, what it cost against its budget. */
	record Summary(Activity activity, List<SignUp> confirmed, List<SignUp> waiting, List<SignUp> cancelled, long attended,
			long marked, Integer attendanceRate, BigDecimal averageScore, long scored, long attendedPeople, List<Photo> photos) {

		public BigDecimal costDifference() {
			return activity.actualCost() == null ? null : activity.actualCost().subtract(activity.budget());
		}
	}

	record PlanForm(String title, LocalDate periodFrom, LocalDate periodTo, String goal, String budget, String notes) {
	}

	record Plan(long id, String title, LocalDate periodFrom, LocalDate periodTo, String goal, BigDecimal budget,
			String notes, long version, long activities, BigDecimal activitiesBudget, BigDecimal activitiesCost,
			long participants) {
	}

	/** An owner's line for the archive page. */
	record OwnerActivity(long activityId, String title, Instant startsAt, State state, Status status, Integer position,
			Boolean attended, Integer score) {
	}

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final ArchiveLookup archive;

	private final StaffManagement staff;

	private final Uploads uploads;

	Activities(JdbcTemplate jdbc, Permissions permissions, ArchiveLookup archive, StaffManagement staff, Uploads uploads) {
		this.uploads = uploads;
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.archive = archive;
		this.staff = staff;
	}

	// ---------------------------------------------------------------- activities

	@Transactional
	long create(ActivityForm f) {
		require(EDIT);
		Values v = validate(f);
		return jdbc.queryForObject("""
				insert into activity (title, project_id, plan_id, starts_at, place, budget, capacity, responsible_id,
				  description, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
				f.title().strip(), f.projectId(), f.planId(), at(f.startsAt()), f.place().strip(), v.budget(), v.capacity(),
				f.responsibleId(), nz(f.description()), permissions.currentUsername());
	}

	/** Saves the plan of an activity; refused when someone else saved it since {@code version} was read. */
	@Transactional
	void update(long id, ActivityForm f, long version) {
		require(EDIT);
		lock(id);
		Activity a = get(id);
		Values v = validate(f);
		if (a.state() == State.FINISHED || a.state() == State.CANCELLED) {
			throw new BusinessRuleException("state", "community.activity.closed");
		}
		if (v.capacity() < a.confirmedPeople()) {
			throw new InvalidInputException(Map.of("capacity", "community.activity.capacity.belowConfirmed"));
		}
		int n = jdbc.update("""
				update activity set title = ?, project_id = ?, plan_id = ?, starts_at = ?, place = ?, budget = ?, capacity = ?,
				  responsible_id = ?, description = ?, version = version + 1 where id = ? and version = ?""",
				f.title().strip(), f.projectId(), f.planId(), at(f.startsAt()), f.place().strip(), v.budget(), v.capacity(),
				f.responsibleId(), nz(f.description()), id, version);
		if (n == 0) {
			throw new ChangedMeanwhile(List.of());
		}
		if (v.capacity() > a.capacity()) {
			promote(id);
		}
	}

	private record Values(BigDecimal budget, int capacity) {
	}

	private Values validate(ActivityForm f) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (blank(f.title())) {
			errors.put("title", "community.activity.title.required");
		}
		else if (f.title().strip().length() > 100) {
			errors.put("title", "common.tooLong");
		}
		if (f.startsAt() == null) {
			errors.put("startsAt", "community.activity.startsAt.required");
		}
		if (blank(f.place())) {
			errors.put("place", "community.activity.place.required");
		}
		else if (f.place().strip().length() > 200) {
			errors.put("place", "common.tooLong");
		}
		BigDecimal budget = amount(f.budget(), "budget", errors);
		Integer capacity = null;
		if (blank(f.capacity())) {
			errors.put("capacity", "community.activity.capacity.required");
		}
		else {
			capacity = positive(f.capacity());
			if (capacity == null) {
				errors.put("capacity", "community.activity.capacity.invalid");
			}
		}
		if (f.projectId() != null && archive.project(f.projectId()).isEmpty()) {
			errors.put("projectId", "community.project.unknown");
		}
		if (f.planId() != null && plan(f.planId()).isEmpty()) {
			errors.put("planId", "community.plan.unknown");
		}
		if (f.responsibleId() != null && staff.byId(f.responsibleId()).isEmpty()) {
			errors.put("responsibleId", "community.activity.responsible.unknown");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Values(budget == null ? BigDecimal.ZERO : budget, capacity);
	}

	/** 开始报名, 结束, 取消活动 and back to 计划中 while sign-up has not started. */
	@Transactional
	void changeState(long id, State to, long version) {
		require(EDIT);
		lock(id);
		Activity a = get(id);
		boolean allowed = switch (to) {
			case OPEN -> a.state() == State.PLANNED;
			case PLANNED -> a.state() == State.OPEN && a.confirmed() + a.waiting() == 0;
			case FINISHED -> a.state() == State.OPEN;
			case CANCELLED -> a.state() == State.PLANNED || a.state() == State.OPEN;
		};
		if (!allowed) {
			throw new BusinessRuleException("state", "community.activity.transition." + to);
		}
		if (jdbc.update("update activity set state = ?, version = version + 1 where id = ? and version = ?", to.name(), id,
				version) == 0) {
			throw new ChangedMeanwhile(List.of());
		}
		if (to == State.FINISHED) {
			// nobody moves up any more: the waiting list of a finished activity is closed
			jdbc.update("update activity_signup set status = 'CANCELLED', position = null, cancelled_at = " + BusinessClock.sqlNow() + ", notes = "
					+ "left(case when notes = '' then '活动结束，候补未转正' else notes || '；活动结束，候补未转正' end, 300) "
					+ "where activity_id = ? and status = 'WAITING'", id);
		}
	}

	/** 实际费用 once the bills are in. */
	@Transactional
	void recordCost(long id, String cost, long version) {
		require(EDIT);
		Activity a = get(id);
		if (a.state() != State.FINISHED) {
			throw new BusinessRuleException("actualCost", "community.activity.cost.notFinished");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		BigDecimal c = amount(cost, "actualCost", errors);
		if (c == null && errors.isEmpty()) {
			errors.put("actualCost", "community.activity.cost.required");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (jdbc.update("update activity set actual_cost = ?, version = version + 1 where id = ? and version = ?", c, id,
				version) == 0) {
			throw new ChangedMeanwhile(List.of());
		}
	}

	private static final String ACTIVITY_SELECT = """
			select a.*, p.name project_name, bp.title plan_title, s.display_name responsible_name,
			       coalesce(c.people, 0) confirmed_people, coalesce(c.n, 0) confirmed_n, coalesce(c.w, 0) waiting_n
			from activity a left join project p on p.id = a.project_id left join brand_plan bp on bp.id = a.plan_id
			left join staff_account s on s.id = a.responsible_id
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
		if (!blank(q)) {
			where.append(" and (strpos(a.title, ?) > 0 or strpos(a.place, ?) > 0)");
			args.add(q.strip());
			args.add(q.strip());
		}
		args.add(size + 1);
		args.add((long) page * size);
		return Slice.of(jdbc.query(ACTIVITY_SELECT + where + " order by a.starts_at desc, a.id desc limit ? offset ?",
				(rs, i) -> activity(rs), args.toArray()), page, size);
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

	// ---------------------------------------------------------------- sign-ups

	/**
	 * Signs an owner up: confirmed while the places left hold the party, otherwise last on the waiting list. The
	 * activity row is locked first, so two sign-ups for the last place are decided one after the other.
	 */
	@Transactional
	SignUp signUp(long activityId, SignUpForm f) {
		require(EDIT);
		Map<String, String> errors = new LinkedHashMap<>();
		ArchiveLookup.OwnerRef owner = null;
		if (f.ownerId() == null) {
			errors.put("ownerId", "community.signup.owner.required");
		}
		else {
			owner = archive.owner(f.ownerId()).orElse(null);
			if (owner == null) {
				errors.put("ownerId", "community.signup.owner.unknown");
			}
		}
		if (f.unitId() != null && archive.unit(f.unitId()).isEmpty()) {
			errors.put("unitId", "community.signup.unit.unknown");
		}
		int people = f.people() == null ? 1 : f.people();
		if (people < 1 || people > 50) {
			errors.put("people", "community.signup.people.invalid");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Map<String, Object> a = lock(activityId);
		if (!State.OPEN.name().equals(a.get("state"))) {
			throw new BusinessRuleException("state", "community.signup.notOpen");
		}
		if (jdbc.queryForObject("select count(*) from activity_signup where activity_id = ? and owner_id = ? and status <> 'CANCELLED'",
				Long.class, activityId, f.ownerId()) > 0) {
			throw new InvalidInputException(Map.of("ownerId", "community.signup.duplicate"));
		}
		int capacity = (Integer) a.get("capacity");
		long taken = confirmedPeople(activityId);
		long waiting = jdbc.queryForObject("select count(*) from activity_signup where activity_id = ? and status = 'WAITING'",
				Long.class, activityId);
		// nobody overtakes the waiting list, even a smaller party that would fit
		boolean confirmed = waiting == 0 && taken + people <= capacity;
		Long unitId = f.unitId() != null ? f.unitId() : firstUnit(f.ownerId());
		long id = jdbc.queryForObject("""
				insert into activity_signup (activity_id, owner_id, unit_id, people, status, position, phone, notes, signed_up_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, activityId, f.ownerId(), unitId, people,
				confirmed ? "CONFIRMED" : "WAITING", confirmed ? null : (int) waiting + 1,
				owner.mobile() == null ? "" : owner.mobile(), left(nz(f.notes()), 300), permissions.currentUsername());
		return signUp(activityId, id);
	}

	/**
	 * Cancels a sign-up. A confirmed one frees its places, and the waiting list moves up in order while the first
	 * waiting party fits; positions are renumbered. Returns the sign-ups that became confirmed.
	 */
	@Transactional
	List<SignUp> cancel(long activityId, long signUpId) {
		require(EDIT);
		Map<String, Object> a = lock(activityId);
		if (!State.OPEN.name().equals(a.get("state")) && !State.PLANNED.name().equals(a.get("state"))) {
			throw new BusinessRuleException("state", "community.signup.cancel.closed");
		}
		SignUp s = signUp(activityId, signUpId);
		if (s.status() == Status.CANCELLED) {
			return List.of();
		}
		jdbc.update("update activity_signup set status = 'CANCELLED', position = null, cancelled_at = " + BusinessClock.sqlNow() + " where id = ?",
				signUpId);
		return promote(activityId);
	}

	/** Moves the waiting list up into free places, in order; renumbers who is left. The activity must be locked. */
	private List<SignUp> promote(long activityId) {
		Map<String, Object> a = lock(activityId);
		int capacity = (Integer) a.get("capacity");
		long taken = confirmedPeople(activityId);
		List<SignUp> promoted = new ArrayList<>();
		for (SignUp w : signUps(activityId, Status.WAITING)) {
			if (taken + w.people() > capacity) {
				break;
			}
			jdbc.update("update activity_signup set status = 'CONFIRMED', position = null where id = ?", w.id());
			taken += w.people();
			promoted.add(signUp(activityId, w.id()));
		}
		jdbc.update("""
				update activity_signup g set position = r.n from (
				  select id, row_number() over (order by position, id) n from activity_signup
				  where activity_id = ? and status = 'WAITING') r
				where g.id = r.id""", activityId);
		return promoted;
	}

	private Map<String, Object> lock(long activityId) {
		return jdbc.queryForList("select id, state, capacity from activity where id = ? for update", activityId).stream()
			.findFirst().orElseThrow(() -> new NotFoundException("community.activity.notFound"));
	}

	private long confirmedPeople(long activityId) {
		return jdbc.queryForObject(
				"select coalesce(sum(people), 0) from activity_signup where activity_id = ? and status = 'CONFIRMED'",
				Long.class, activityId);
	}

	private Long firstUnit(long ownerId) {
		return jdbc.queryForList("select unit_id from ownership where owner_id = ? and active order by id limit 1", Long.class,
				ownerId).stream().findFirst().orElse(null);
	}

	/** 到场/未到, a score of 1–5 and a remark for each confirmed sign-up, saved together. */
	@Transactional
	void mark(long activityId, List<Mark> marks) {
		require(EDIT);
		Activity a = get(activityId);
		if (a.state() != State.OPEN && a.state() != State.FINISHED) {
			throw new BusinessRuleException("state", "community.attendance.notOpen");
		}
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
					left(nz(m.feedback()), 1000), m.signUpId(), activityId);
		}
	}

	private static final String SIGNUP_SELECT = """
			select g.*, o.name owner_name, p.name || ' ' || b.name || ' ' || u.room_no unit_label
			from activity_signup g join owner o on o.id = g.owner_id left join unit u on u.id = g.unit_id
			left join building b on b.id = u.building_id left join project p on p.id = u.project_id""";

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

	/** Everything the activity's summary page shows. */
	Summary summary(long id) {
		Activity a = get(id);
		List<SignUp> confirmed = signUps(id, Status.CONFIRMED);
		long attended = confirmed.stream().filter(s -> Boolean.TRUE.equals(s.attended())).count();
		long marked = confirmed.stream().filter(s -> s.attended() != null).count();
		long attendedPeople = confirmed.stream().filter(s -> Boolean.TRUE.equals(s.attended())).mapToLong(SignUp::people).sum();
		List<Integer> scores = confirmed.stream().map(SignUp::score).filter(java.util.Objects::nonNull).toList();
		BigDecimal avg = scores.isEmpty() ? null
				: BigDecimal.valueOf(scores.stream().mapToInt(Integer::intValue).sum())
					.divide(BigDecimal.valueOf(scores.size()), 1, java.math.RoundingMode.HALF_UP);
		Integer rate = confirmed.isEmpty() || marked == 0 ? null : (int) Math.round(100.0 * attended / confirmed.size());
		return new Summary(a, confirmed, signUps(id, Status.WAITING), signUps(id, Status.CANCELLED), attended, marked, rate,
				avg, scores.size(), attendedPeople, photos(id));
	}

	// ---------------------------------------------------------------- photos

	@Transactional
	void addPhoto(long activityId, MultipartFile file, String caption) {
		require(EDIT);
		get(activityId);
		Uploads.Checked photo = uploads.check(Uploads.Kind.PHOTO, file, "file");
		jdbc.update("""
				insert into activity_photo (activity_id, file_name, content_type, size_bytes, data, caption, uploaded_by,
				  content_checked)
				values (?, ?, ?, ?, ?, ?, ?, true)""", activityId, photo.fileName(), photo.contentType(), photo.size(),
				photo.data(), left(nz(caption), 200), permissions.currentUsername());
	}

	List<Photo> photos(long activityId) {
		return jdbc.query("""
				select id, file_name, caption, size_bytes, uploaded_by, uploaded_at from activity_photo
				where activity_id = ? order by id""", (rs, i) -> new Photo(rs.getLong(1), rs.getString(2), rs.getString(3),
				rs.getLong(4), rs.getString(5), rs.getTimestamp(6).toInstant()), activityId);
	}

	Optional<PhotoContent> photo(long activityId, long photoId) {
		return jdbc.query("""
				select file_name, content_type, content_checked, data from activity_photo where id = ? and activity_id = ?""",
				(rs, i) -> new PhotoContent(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBytes(4)), photoId,
				activityId).stream()
			.findFirst();
	}

	// ---------------------------------------------------------------- brand promotion plans

	@Transactional
	long createPlan(PlanForm f) {
		require(MANAGE);
		BigDecimal budget = validate(f);
		return jdbc.queryForObject("""
				insert into brand_plan (title, period_from, period_to, goal, budget, notes, created_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, f.title().strip(), f.periodFrom(), f.periodTo(),
				nz(f.goal()), budget, nz(f.notes()), permissions.currentUsername());
	}

	@Transactional
	void updatePlan(long id, PlanForm f, long version) {
		require(MANAGE);
		plan(id).orElseThrow(() -> new NotFoundException("community.plan.notFound"));
		BigDecimal budget = validate(f);
		if (jdbc.update("""
				update brand_plan set title = ?, period_from = ?, period_to = ?, goal = ?, budget = ?, notes = ?,
				  version = version + 1 where id = ? and version = ?""", f.title().strip(), f.periodFrom(), f.periodTo(),
				nz(f.goal()), budget, nz(f.notes()), id, version) == 0) {
			throw new ChangedMeanwhile(List.of());
		}
	}

	private BigDecimal validate(PlanForm f) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (blank(f.title())) {
			errors.put("title", "community.plan.title.required");
		}
		else if (f.title().strip().length() > 100) {
			errors.put("title", "common.tooLong");
		}
		if (f.periodFrom() == null) {
			errors.put("periodFrom", "community.plan.period.required");
		}
		if (f.periodTo() == null) {
			errors.put("periodTo", "community.plan.period.required");
		}
		else if (f.periodFrom() != null && f.periodTo().isBefore(f.periodFrom())) {
			errors.put("periodTo", "community.plan.period.order");
		}
		BigDecimal budget = amount(f.budget(), "budget", errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return budget == null ? BigDecimal.ZERO : budget;
	}

	private static final String PLAN_SELECT = """
			select bp.*, coalesce(t.n, 0) n, coalesce(t.budget, 0) activities_budget, coalesce(t.cost, 0) activities_cost,
			       coalesce(t.participants, 0) participants
			from brand_plan bp left join lateral (
			  select count(*) n, sum(a.budget) filter (where a.state <> 'CANCELLED') budget, sum(a.actual_cost) cost,
			         sum((select coalesce(sum(g.people), 0) from activity_signup g
			              where g.activity_id = a.id and g.status = 'CONFIRMED' and g.attended)) participants
			  from activity a where a.plan_id = bp.id) t on true""";

	List<Plan> plans() {
		return jdbc.query(PLAN_SELECT + " order by bp.period_from desc, bp.id desc limit 200", (rs, i) -> plan(rs));
	}

	Optional<Plan> plan(long id) {
		return jdbc.query(PLAN_SELECT + " where bp.id = ?", (rs, i) -> plan(rs), id).stream().findFirst();
	}

	private static Plan plan(ResultSet rs) throws SQLException {
		return new Plan(rs.getLong("id"), rs.getString("title"), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class), rs.getString("goal"), rs.getBigDecimal("budget"),
				rs.getString("notes"), rs.getLong("version"), rs.getLong("n"), rs.getBigDecimal("activities_budget"),
				rs.getBigDecimal("activities_cost"), rs.getLong("participants"));
	}

	// ---------------------------------------------------------------- for the owner's page

	List<OwnerActivity> ofOwner(long ownerId) {
		return jdbc.query("""
				select a.id, a.title, a.starts_at, a.state, g.status, g.position, g.attended, g.score
				from activity_signup g join activity a on a.id = g.activity_id where g.owner_id = ?
				order by a.starts_at desc limit 30""", (rs, i) -> new OwnerActivity(rs.getLong(1), rs.getString(2),
				rs.getTimestamp(3).toInstant(), State.valueOf(rs.getString(4)), Status.valueOf(rs.getString(5)),
				(Integer) rs.getObject(6), (Boolean) rs.getObject(7), (Integer) rs.getObject(8)), ownerId);
	}

	// ---------------------------------------------------------------- helpers

	private void require(String permission) {
		if (!permissions.has(permission)) {
			throw new AccessDeniedException(permission);
		}
	}

	/** An amount in yuan as typed (empty is none), at most two decimals. */
	static BigDecimal amount(String s, String field, Map<String, String> errors) {
		if (blank(s)) {
			return null;
		}
		try {
			BigDecimal b = new BigDecimal(s.strip().replace(",", "").replace("，", "").replace("元", "").replace("¥", ""));
			if (b.signum() < 0 || b.scale() > 2 || b.compareTo(new BigDecimal("9999999999")) > 0) {
				errors.put(field, "community.amount.invalid");
				return null;
			}
			return b;
		}
		catch (NumberFormatException e) {
			errors.put(field, "community.amount.invalid");
			return null;
		}
	}

	private static Integer positive(String s) {
		try {
			int n = Integer.parseInt(s.strip());
			return n > 0 && n <= 100000 ? n : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static Timestamp at(LocalDateTime t) {
		return Timestamp.from(t.atZone(BusinessClock.ZONE).toInstant());
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	static String nz(String s) {
		return s == null ? "" : s.strip();
	}

	static String left(String s, int n) {
		return s.length() <= n ? s : s.substring(0, n);
	}

}
