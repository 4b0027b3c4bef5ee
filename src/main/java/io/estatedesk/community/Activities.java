package io.estatedesk.community;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.CaseHistory;
import io.estatedesk.shared.Slice;
import io.estatedesk.staff.Permissions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * 社区文化活动 (外勤职责 (5)) and 品牌推广计划 (部门经理职责 (5)): an activity is planned with its budget and capacity,
 * owners are signed up by staff (a full activity puts them on the waiting list, and a cancellation moves the first
 * waiting up), attendance, scores, photos and the actual cost are recorded after it. The facade checks permissions
 * and holds the transaction; {@link ActivityPlanning}, {@link ActivitySignUps}, {@link ActivityPhotos} and
 * {@link BrandPlans} do the work, {@link ActivityTransitions} decides what each state allows.
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

	private final Permissions permissions;

	private final ActivityPlanning planning;

	private final ActivitySignUps signUps;

	private final ActivityPhotos photos;

	private final BrandPlans plans;

	private final ActivityHistory history;

	private final JdbcTemplate jdbc;

	Activities(Permissions permissions, ActivityPlanning planning, ActivitySignUps signUps, ActivityPhotos photos,
			BrandPlans plans, ActivityHistory history, JdbcTemplate jdbc) {
		this.permissions = permissions;
		this.planning = planning;
		this.signUps = signUps;
		this.photos = photos;
		this.plans = plans;
		this.history = history;
		this.jdbc = jdbc;
	}

	// ---------------------------------------------------------------- activities

	@Transactional
	long create(ActivityForm f) {
		require(EDIT);
		return planning.create(f, f.planId() == null || plans.plan(f.planId()).isPresent());
	}

	/** Saves the plan of an activity; refused when someone else saved it since {@code version} was read. */
	@Transactional
	void update(long id, ActivityForm f, long version) {
		require(EDIT);
		if (planning.update(id, f, version, f.planId() == null || plans.plan(f.planId()).isPresent())) {
			signUps.promote(id);
		}
	}

	/** Takes an action that changes the state (开始报名, 结束, 取消活动, back to 计划中), as the table allows. */
	@Transactional
	void perform(long id, ActivityAction action, long version) {
		require(EDIT);
		planning.perform(id, action, version);
	}

	/** Moves the activity to {@code to} by the action that leads there. */
	@Transactional
	void changeState(long id, State to, long version) {
		perform(id, ActivityAction.leadingTo(to), version);
	}

	/** What the activity's state allows, for its page and the API. */
	Set<ActivityAction> allowedActions(Activity a) {
		return ActivityTransitions.allowed(a.state());
	}

	/**
	 * What the current user may do to the activity now: the table's actions for its state, none without 活动管理
	 * (every action needs it), and 退回计划中 only while nobody has signed up — as the page offers them.
	 */
	Set<ActivityAction> allowedFor(Activity a) {
		if (!permissions.has(EDIT)) {
			return Set.of();
		}
		java.util.EnumSet<ActivityAction> allowed = java.util.EnumSet.noneOf(ActivityAction.class);
		allowed.addAll(allowedActions(a));
		if (a.confirmed() + a.waiting() > 0) {
			allowed.remove(ActivityAction.BACK_TO_PLANNED);
		}
		return java.util.Collections.unmodifiableSet(allowed);
	}

	/** 实际费用 once the bills are in. */
	@Transactional
	void recordCost(long id, String cost, long version) {
		require(EDIT);
		planning.recordCost(id, cost, version);
	}

	/** A page of activities, latest first, filtered in the database. */
	Slice<Activity> list(State state, Long projectId, Long planId, String q, int page, int size) {
		return planning.list(state, projectId, planId, q, page, size);
	}

	Activity get(long id) {
		return planning.get(id);
	}

	/** The activity's history (处理经过), oldest first. */
	List<CaseHistory.Entry> history(long id) {
		return history.of(id);
	}

	// ---------------------------------------------------------------- sign-ups

	/** Signs an owner up: confirmed while the places left hold the party, otherwise last on the waiting list. */
	@Transactional
	SignUp signUp(long activityId, SignUpForm f) {
		require(EDIT);
		return signUps.signUp(activityId, f);
	}

	/** Cancels a sign-up; returns the waiting sign-ups that became confirmed. */
	@Transactional
	List<SignUp> cancel(long activityId, long signUpId) {
		require(EDIT);
		return signUps.cancel(activityId, signUpId);
	}

	/** 到场/未到, a score of 1–5 and a remark for each confirmed sign-up, saved together. */
	@Transactional
	void mark(long activityId, List<Mark> marks) {
		require(EDIT);
		signUps.mark(activityId, marks);
	}

	List<SignUp> signUps(long activityId, Status status) {
		return signUps.signUps(activityId, status);
	}

	SignUp signUp(long activityId, long id) {
		return signUps.signUp(activityId, id);
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
		planning.lock(activityId).check(ActivityAction.ADD_PHOTO);
		photos.add(activityId, file, caption);
	}

	List<Photo> photos(long activityId) {
		return photos.of(activityId);
	}

	Optional<PhotoContent> photo(long activityId, long photoId) {
		return photos.content(activityId, photoId);
	}

	// ---------------------------------------------------------------- brand promotion plans

	@Transactional
	long createPlan(PlanForm f) {
		require(MANAGE);
		return plans.create(f);
	}

	@Transactional
	void updatePlan(long id, PlanForm f, long version) {
		require(MANAGE);
		plans.update(id, f, version);
	}

	List<Plan> plans() {
		return plans.plans();
	}

	Optional<Plan> plan(long id) {
		return plans.plan(id);
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

	private void require(String permission) {
		if (!permissions.has(permission)) {
			throw new AccessDeniedException(permission);
		}
	}

}
