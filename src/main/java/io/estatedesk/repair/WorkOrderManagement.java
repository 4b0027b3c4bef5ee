package io.estatedesk.repair;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.estatedesk.shared.Phone;
import jakarta.validation.constraints.Size;
import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.Strings;
import io.estatedesk.shared.Uploads;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * 维修工单: raised from a complaint, a call, a handover defect or directly; dispatched to a team of the engineering
 * department or a contractor; worked, accepted by the owner (or 返工), and followed by a return call. Every change
 * is a history entry; a contractor's account acts on its own work orders only. Every change of state goes through
 * {@link #perform}, which the pages, the API and the methods named after the actions share; the work is done by
 * {@code WorkOrderIntake}, {@code WorkOrderDispatch}, {@code WorkOrderWork} and {@code WorkOrderCompletion}.
 */
@Service
public class WorkOrderManagement {

	static final String VIEW = "REPAIR_VIEW";

	/** Sees every work order; without it a contractor's account sees only its own. */
	static final String ALL = "REPAIR_ALL";

	static final String CREATE = "REPAIR_CREATE";

	static final String DISPATCH = "REPAIR_DISPATCH";

	static final String WORK = "REPAIR_WORK";

	static final String ACCEPT = "REPAIR_ACCEPT";

	static final String MANAGE = "REPAIR_MANAGE";

	static final String EXPORT = "REPAIR_EXPORT";

	static final String SETTINGS = "REPAIR_SETTINGS";

	/** Receives overdue work orders, unsatisfied return calls and finished repairs nobody raised (部门经理 by default). */
	static final String ESCALATION = "REPAIR_ESCALATION";

	/** A description in a notification or summary: its first 60 characters and the ellipsis. */
	private static final int SHORT = 60;

	/**
	 * A new work order. Boxed types: a missing value is a message next to the field, not a failure.
	 *
	 * @param unitId the home, or null for a public area ({@code publicArea} then says where)
	 * @param component the warranty component (e.g. WET_ROOM_WATERPROOF), or null when not judged
	 * @param charge null for the warranty decision's default
	 * @param contractorId dispatch at once to this team or contractor, or null to dispatch later
	 */
	public record RaiseForm(Long projectId, Long unitId, Long ownerId,
			@Size(max = 200, message = "{input.tooLong}") String publicArea, Long complaintId, Source source,
			Long tradeId, String component, @Size(max = 200, message = "{input.tooLong}") String location,
			@Size(max = 10000, message = "{input.tooLong}") String description, Urgency urgency,
			@Size(max = 60, message = "{input.tooLong}") String contactName,
			@Size(max = 30, message = "{input.tooLong}") @Phone String contactPhone, Charge charge,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime appointmentFrom,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime appointmentTo, Long contractorId) {
	}

	private final WorkOrderStore store;

	private final WorkOrderIntake intake;

	private final WorkOrderDispatch dispatch;

	private final WorkOrderWork work;

	private final WorkOrderCompletion completion;

	private final Uploads uploads;

	WorkOrderManagement(WorkOrderStore store, WorkOrderIntake intake, WorkOrderDispatch dispatch, WorkOrderWork work,
			WorkOrderCompletion completion, Uploads uploads) {
		this.store = store;
		this.intake = intake;
		this.dispatch = dispatch;
		this.work = work;
		this.completion = completion;
		this.uploads = uploads;
	}

	/** Records a new work order and returns its ID; the due date counts from now. */
	@Transactional
	public long raise(RaiseForm form) {
		return intake.raise(form);
	}

	/**
	 * Takes an action on the work order as it stood at {@code version}: refused when the transition table, the
	 * user's rights or the input do not allow it, and with the changes made meanwhile when the version is stale. A
	 * progress note does not conflict with anything, so its version is not checked. A photo comes with its file
	 * ({@link #attachPhoto}).
	 */
	@Transactional
	public void perform(long id, WorkOrderAction action, WorkOrderInput input, long version) {
		WorkOrderInput in = input == null ? WorkOrderInput.none() : input;
		WorkOrder w = action == WorkOrderAction.PROGRESS ? store.get(id) : store.load(id, version);
		switch (action) {
			case DISPATCH -> dispatch.dispatch(w, in);
			case APPOINT -> dispatch.appoint(w, in);
			case PAUSE -> dispatch.pause(w, in);
			case RESUME -> dispatch.resume(w);
			case START -> work.start(w);
			case PROGRESS -> work.progress(w, in);
			case FINISH -> work.finish(w, in);
			case ACCEPT -> completion.accept(w, in);
			case REJECT -> completion.reject(w, in);
			case CANCEL -> completion.cancel(w, in);
			// the outcome decides between them, as on the page; a reopening is the unsatisfied outcome
			case RETURN_CALL -> completion.returnCall(w, in);
			case REOPEN, REOPEN_UNDISPATCHED -> completion.returnCall(w, WorkOrderInput.returnCall(false, in.note()));
			case ATTACH_PHOTO -> throw new BusinessRuleException("file", "workorder.api.unknownAction");
		}
	}

	/** 派工 to a team or contractor of the work order's trade; again to another one while not started. */
	@Transactional
	public void dispatch(long id, Long contractorId, String note, long version) {
		perform(id, WorkOrderAction.DISPATCH, WorkOrderInput.dispatch(contractorId, note), version);
	}

	/** 开始维修: the team or contractor is on it. */
	@Transactional
	public void start(long id, long version) {
		perform(id, WorkOrderAction.START, WorkOrderInput.none(), version);
	}

	/** 进度: a note on the progress, in the history. */
	@Transactional
	public void progress(long id, String note) {
		perform(id, WorkOrderAction.PROGRESS, WorkOrderInput.note(note), -1);
	}

	/** 完工: the team or contractor reports the repair done; the owner's acceptance follows. */
	@Transactional
	public void finish(long id, String note, String materials, long version) {
		perform(id, WorkOrderAction.FINISH, WorkOrderInput.finish(note, materials), version);
	}

	/**
	 * 验收: the owner (or staff on the owner's behalf) accepts the repair, with a rating of 1–5. A return call follows
	 * for the set share of repairs and always after 返工 or a low rating; when every work order of a complaint is done,
	 * the complaint moves on.
	 */
	@Transactional
	public void accept(long id, Integer rating, String note, long version) {
		perform(id, WorkOrderAction.ACCEPT, WorkOrderInput.accept(rating, note), version);
	}

	/** 验收不通过: back to the contractor as 返工, with the reason. */
	@Transactional
	public void reject(long id, String reason, long version) {
		perform(id, WorkOrderAction.REJECT, WorkOrderInput.note(reason), version);
	}

	/** 暂停 with a reason and the day work resumes; the clock stands still until then. */
	@Transactional
	public void pause(long id, String reason, LocalDate resumeOn, long version) {
		perform(id, WorkOrderAction.PAUSE, WorkOrderInput.pause(reason, resumeOn), version);
	}

	/** 恢复: the clock runs again and the due date moves by the time on hold. */
	@Transactional
	public void resume(long id, long version) {
		perform(id, WorkOrderAction.RESUME, WorkOrderInput.none(), version);
	}

	/** 取消 (e.g. a duplicate, or the owner withdrew), by a manager, with the reason. */
	@Transactional
	public void cancel(long id, String reason, long version) {
		perform(id, WorkOrderAction.CANCEL, WorkOrderInput.note(reason), version);
	}

	/** 回访 after completion: was the owner satisfied with the repair. */
	@Transactional
	public void returnCall(long id, Boolean satisfied, String result, long version) {
		perform(id, WorkOrderAction.RETURN_CALL, WorkOrderInput.returnCall(satisfied, result), version);
	}

	/** 预约: the window agreed with the owner for the visit. */
	@Transactional
	public void appoint(long id, LocalDateTime from, LocalDateTime to, long version) {
		perform(id, WorkOrderAction.APPOINT, WorkOrderInput.appointment(from, to), version);
	}

	/** 收费: warranty, paid or goodwill, materials and cost. Out-of-warranty work is never booked as warranty. */
	@Transactional
	public void saveCharge(long id, Charge charge, String materials, BigDecimal cost, long version) {
		work.saveCharge(store.load(id, version), charge, materials, cost);
	}

	/** Photos before and after the repair: images only, checked and re-encoded (see {@link Uploads}). */
	@Transactional
	public void attachPhoto(long id, String stage, MultipartFile file) {
		attachPhoto(id, stage, uploads.check(Uploads.Kind.PHOTO, file, "file"));
	}

	/** A photo another module has already checked with {@link Uploads#check} (e.g. one taken at the handover). */
	@Transactional
	public void attachPhoto(long id, String stage, Uploads.Checked photo) {
		work.attachPhoto(store.get(id), stage, photo);
	}

	/**
	 * The actions the current user may take on the work order now: what its state allows (the transition table),
	 * narrowed by the user's permissions and, for the return call, by whether one is due.
	 */
	@Transactional(readOnly = true)
	public Set<WorkOrderAction> allowedActions(long id) {
		WorkOrder w = get(id);
		boolean restricted = restrictedTo().isPresent();
		boolean dispatcherOrWorker = may(DISPATCH) || may(MANAGE) || may(WORK);
		boolean returnCallDue = may(ACCEPT) && w.returnCallDue != null && w.returnCallAt == null;
		Set<WorkOrderAction> allowed = EnumSet.noneOf(WorkOrderAction.class);
		for (WorkOrderAction a : w.allowedActions()) {
			boolean may = switch (a) {
				case DISPATCH -> !restricted && may(DISPATCH);
				case START, PROGRESS, FINISH -> may(WORK);
				case ACCEPT, REJECT -> may(ACCEPT);
				// only the outcome the work order allows: rework by its unit, or back to dispatch
				case RETURN_CALL -> returnCallDue;
				case REOPEN -> returnCallDue && w.contractorId != null;
				case REOPEN_UNDISPATCHED -> returnCallDue && w.contractorId == null;
				case PAUSE, RESUME, APPOINT -> dispatcherOrWorker;
				case CANCEL -> may(MANAGE);
				case ATTACH_PHOTO -> may(CREATE) || may(WORK) || may(ACCEPT);
			};
			if (may) {
				allowed.add(a);
			}
		}
		return Collections.unmodifiableSet(allowed);
	}

	/** The current version of a work order, for other modules that record a step on it (e.g. its return call). */
	@Transactional(readOnly = true)
	public long version(long id) {
		return get(id).version;
	}

	WorkOrder get(long id) {
		return store.get(id);
	}

	/** The contractor whose work orders alone the current user may see, or empty when the user sees all. */
	Optional<Long> restrictedTo() {
		return store.restrictedTo();
	}

	boolean may(String code) {
		return store.may(code);
	}

	static LocalDate today() {
		return BusinessClock.today();
	}

	/** A description as notifications and summaries show it; "" for none. */
	static String shortened(String description) {
		return Strings.orEmpty(Strings.abbreviate(description, SHORT));
	}

}
